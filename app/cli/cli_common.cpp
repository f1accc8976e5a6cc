// SPDX-License-Identifier: MIT
#include "app/cli/cli_common.h"

#include "core/base/load_context.h"
#include "core/load/load_file.h"

#include <ostream>

namespace gs::cli {

int fail(std::ostream& err, const std::string& message)
{
    err << "goroscope-cli: " << message << '\n';
    return 1;
}

std::optional<CliArgs> parseFilesCommand(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                                         const std::vector<std::string>& switches, const char* usage, std::ostream& err)
{
    CliArgs args;
    if (auto problem = CliArgs::parse(argv, valued, switches, args)) {
        fail(err, *problem + " (usage: " + usage + ")");
        return std::nullopt;
    }
    if (args.positionals().empty()) {
        fail(err, std::string("missing FILE (usage: ") + usage + ")");
        return std::nullopt;
    }
    return args;
}

std::optional<FileCommandArgs> parseFileCommand(const std::vector<std::string>& argv,
                                                const std::vector<std::string>& valued,
                                                const std::vector<std::string>& switches, const char* usage,
                                                std::ostream& err)
{
    auto args = parseFilesCommand(argv, valued, switches, usage, err);
    if (!args)
        return std::nullopt;
    if (args->positionals().size() != 1) {
        fail(err, std::string("expected one FILE (usage: ") + usage + ")");
        return std::nullopt;
    }
    FileCommandArgs out {std::move(*args), {}};
    out.path = out.args.positionals()[0];
    return out;
}

StorePtr loadStore(const std::string& path, std::ostream& err)
{
    LoadContext context;
    auto loaded = loadFile(path, context);
    if (!loaded) {
        fail(err, loaded.error().message);
        return nullptr;
    }
    return std::move(*loaded);
}

} // namespace gs::cli
