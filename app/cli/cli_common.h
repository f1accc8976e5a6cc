// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/cli_args.h"
#include "core/model/event_store.h"

#include <charconv>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::cli {

// Prints "goroscope-cli: MESSAGE" as the one line of error output and returns exit code 1.
int fail(std::ostream& err, const std::string& message);

// A command's parsed arguments and its FILE positionals (after a REGEX for some commands).
struct FileCommandArgs
{
    CliArgs args;
    std::string path;               // the first FILE
    std::vector<std::string> paths; // every FILE
    std::string pattern;
};

// Parses the arguments of a command that takes one FILE. On a bad option or a missing or extra
// FILE prints one line ("goroscope-cli: unknown option --x (usage: ...)") and returns nothing;
// the command then exits with 2.
std::optional<FileCommandArgs> parseFileCommand(const std::vector<std::string>& argv,
                                                const std::vector<std::string>& valued,
                                                const std::vector<std::string>& switches, const char* usage,
                                                std::ostream& err);
// The same for a command that takes REGEX FILE... (peek, list: several profiles merge).
std::optional<FileCommandArgs> parsePatternFileCommand(const std::vector<std::string>& argv,
                                                       const std::vector<std::string>& valued,
                                                       const std::vector<std::string>& switches, const char* usage,
                                                       std::ostream& err);

// The same for a command that takes one or more FILEs (top, flame: several profiles merge).
std::optional<FileCommandArgs> parseFilesCommand(const std::vector<std::string>& argv,
                                                 const std::vector<std::string>& valued,
                                                 const std::vector<std::string>& switches, const char* usage,
                                                 std::ostream& err);

// The whole of `text` as a number (an integer or a double), or nothing when any of it is not.
template<typename T>
std::optional<T> parseNumber(std::string_view text)
{
    T value {};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The value of option --NAME as a fraction between 0 and 1 (pprof's -nodefraction and
// -edgefraction), `fallback` when it is not given; on a bad value prints one line and returns
// nothing.
std::optional<double> fractionOption(const CliArgs& args, const std::string& name, double fallback, std::ostream& err);

// A stack on one line, innermost first, at most `shown` functions:
// "main.(*service).awaitReply < main.(*service).handleQuery.func1 < ... (7 frames)".
std::string shortStack(const std::vector<std::string>& functions, size_t shown);

// Loads any capture; on failure prints the loader's one-line message ("FILE: at byte N: ...").
StorePtr loadStore(const std::string& path, std::ostream& err);

} // namespace gs::cli
