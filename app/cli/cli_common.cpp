// SPDX-License-Identifier: MIT
#include "app/cli/cli_common.h"

#include "core/base/load_context.h"
#include "core/load/load_file.h"

#include <algorithm>
#include <ostream>

namespace gs::cli {

int fail(std::ostream& err, const std::string& message)
{
    err << "goroscope-cli: " << message << '\n';
    return 1;
}

namespace {

// REGEX (withPattern) then FILE, or one or more FILEs (manyFiles).
std::optional<FileCommandArgs> parseCommand(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                                            const std::vector<std::string>& switches, const char* usage,
                                            bool withPattern, bool manyFiles, std::ostream& err)
{
    FileCommandArgs out;
    if (auto problem = CliArgs::parse(argv, valued, switches, out.args)) {
        fail(err, *problem + " (usage: " + usage + ")");
        return std::nullopt;
    }
    const std::vector<std::string>& positionals = out.args.positionals();
    const size_t files = positionals.size() - std::min<size_t>(positionals.size(), withPattern ? 1 : 0);
    if (files == 0 || (!manyFiles && files > 1) || (withPattern && positionals.empty())) {
        const char* problem = withPattern ? "expected REGEX and FILE"
                                          : (positionals.empty() ? "missing FILE" : "expected one FILE");
        fail(err, std::string(problem) + " (usage: " + usage + ")");
        return std::nullopt;
    }
    if (withPattern)
        out.pattern = positionals[0];
    out.paths.assign(positionals.end() - std::ptrdiff_t(files), positionals.end());
    out.path = out.paths.front();
    return out;
}

} // namespace

std::optional<FileCommandArgs> parseFileCommand(const std::vector<std::string>& argv,
                                                const std::vector<std::string>& valued,
                                                const std::vector<std::string>& switches, const char* usage,
                                                std::ostream& err)
{
    return parseCommand(argv, valued, switches, usage, false, false, err);
}

std::optional<FileCommandArgs> parsePatternFileCommand(const std::vector<std::string>& argv,
                                                       const std::vector<std::string>& valued,
                                                       const std::vector<std::string>& switches, const char* usage,
                                                       std::ostream& err)
{
    return parseCommand(argv, valued, switches, usage, true, true, err);
}

std::optional<FileCommandArgs> parseFilesCommand(const std::vector<std::string>& argv,
                                                 const std::vector<std::string>& valued,
                                                 const std::vector<std::string>& switches, const char* usage,
                                                 std::ostream& err)
{
    return parseCommand(argv, valued, switches, usage, false, true, err);
}

std::optional<double> fractionOption(const CliArgs& args, const std::string& name, double fallback, std::ostream& err)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    const auto parsed = parseNumber<double>(*text);
    if (!parsed || *parsed < 0 || *parsed > 1) {
        fail(err, "--" + name + " needs a number between 0 and 1, got '" + *text + "'");
        return std::nullopt;
    }
    return *parsed;
}

std::string shortStack(const std::vector<std::string>& functions, size_t shown)
{
    std::string s;
    for (size_t i = 0; i < functions.size() && i < shown; ++i)
        s += (i ? " < " : "") + functions[i];
    if (functions.size() > shown)
        s += " < ... (" + std::to_string(functions.size()) + " frames)";
    return s.empty() ? "(no frames)" : s;
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
