// SPDX-License-Identifier: MIT
#include "app/cli/service_args.h"

#include "app/cli/cli_common.h"
#include "capture/capture_kind.h"

#include <ostream>

namespace gs::cli {

std::optional<int> secondsOption(const CliArgs& args, const std::string& name, int fallback, std::ostream& err)
{
    const auto text = args.value(name);
    if (!text)
        return fallback;
    const auto seconds = capture::parseSeconds(*text);
    if (!seconds)
        fail(err, "--" + name + " needs a duration such as 10s or 2m, got '" + *text + "'");
    return seconds;
}

std::optional<ServiceCommandArgs> parseServiceCommand(const std::vector<std::string>& argv,
                                                      std::vector<std::string> valued,
                                                      const std::vector<std::string>& switches, const char* usage,
                                                      std::ostream& err)
{
    ServiceCommandArgs out;
    valued.insert(valued.end(), {"o", "connect-timeout", "margin"});
    if (auto problem = CliArgs::parse(argv, valued, switches, out.args)) {
        fail(err, *problem + " (usage: " + usage + ")");
        return std::nullopt;
    }
    if (out.args.positionals().size() != 1) {
        fail(err, std::string(out.args.positionals().empty() ? "missing URL" : "expected one URL") + " (usage: "
                      + usage + ")");
        return std::nullopt;
    }
    const auto base = capture::normaliseBaseUrl(out.args.positionals()[0]);
    if (!base) {
        fail(err, "not a service URL: '" + out.args.positionals()[0] + "' (expected http://HOST:PORT or https://HOST:PORT)");
        return std::nullopt;
    }
    out.baseUrl = *base;
    out.folder = out.args.value("o").value_or(".");
    const auto connect = secondsOption(out.args, "connect-timeout", out.timeouts.connectSeconds, err);
    const auto margin = secondsOption(out.args, "margin", out.timeouts.marginSeconds, err);
    if (!connect || !margin)
        return std::nullopt;
    out.timeouts = {*connect, *margin};
    return out;
}

} // namespace gs::cli
