// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/cli_args.h"
#include "capture/capture_result.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gs::cli {

// The arguments of a command that talks to a running service (capture, watch): its base URL,
// the folder the files go to (-o, default the current folder) and the timeouts
// (--connect-timeout, --margin).
struct ServiceCommandArgs
{
    CliArgs args;
    std::string baseUrl;
    std::string folder;
    capture::CaptureTimeouts timeouts;
};

// Parses them besides the command's own `valued` options and `switches`. On a bad option, URL
// or duration prints one line and returns nothing; the command then exits with 2.
std::optional<ServiceCommandArgs> parseServiceCommand(const std::vector<std::string>& argv,
                                                      std::vector<std::string> valued,
                                                      const std::vector<std::string>& switches, const char* usage,
                                                      std::ostream& err);

// The value of a duration option ("10s", "1m") in seconds, `fallback` when absent; prints one
// line and returns nothing when it is not a positive duration.
std::optional<int> secondsOption(const CliArgs& args, const std::string& name, int fallback, std::ostream& err);

} // namespace gs::cli
