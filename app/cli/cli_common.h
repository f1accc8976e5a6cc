// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/cli_args.h"
#include "core/model/event_store.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gs::cli {

// Prints "goroscope-cli: MESSAGE" as the one line of error output and returns exit code 1.
int fail(std::ostream& err, const std::string& message);

// Parses a command's arguments; on a bad option prints one line ("goroscope-cli: top: unknown
// option --x (usage: ...)") and returns nothing.
std::optional<CliArgs> parseCommandArgs(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                                        const std::vector<std::string>& switches, const char* usage,
                                        std::ostream& err);

// The single FILE positional of a command, or nothing after printing why.
std::optional<std::string> singleFile(const CliArgs& args, const char* usage, std::ostream& err);

// Loads any capture; on failure prints the loader's one-line message ("FILE: at byte N: ...").
StorePtr loadStore(const std::string& path, std::ostream& err);

} // namespace gs::cli
