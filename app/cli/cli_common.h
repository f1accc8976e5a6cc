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

// A command's parsed arguments and its single FILE positional.
struct FileCommandArgs
{
    CliArgs args;
    std::string path;
};

// Parses the arguments of a command that takes one FILE. On a bad option or a missing or extra
// FILE prints one line ("goroscope-cli: unknown option --x (usage: ...)") and returns nothing;
// the command then exits with 2.
std::optional<FileCommandArgs> parseFileCommand(const std::vector<std::string>& argv,
                                                const std::vector<std::string>& valued,
                                                const std::vector<std::string>& switches, const char* usage,
                                                std::ostream& err);

// Parses the arguments of a command that takes one or more FILEs (its positionals), with the
// same one-line errors.
std::optional<CliArgs> parseFilesCommand(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                                         const std::vector<std::string>& switches, const char* usage, std::ostream& err);

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

// Loads any capture; on failure prints the loader's one-line message ("FILE: at byte N: ...").
StorePtr loadStore(const std::string& path, std::ostream& err);

} // namespace gs::cli
