// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace gs::cli {

// A subcommand of goroscope-cli. `run` gets the arguments after the command name and returns the
// process exit code; errors are printed by the command as one line on `err`.
struct Command
{
    const char* name;
    const char* usage;   // one line: "top FILE [--sample-index NAME|N] [-n N] [--cum] [--json]"
    const char* summary; // what it does, for --help
    int (*run)(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
};

// All commands, in the order --help lists them. Each lives in its own cmd_<name>.cpp.
const std::vector<Command>& commands();

// Entry point shared by main() and the tests: dispatches argv (without the program name).
int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err);

} // namespace gs::cli
