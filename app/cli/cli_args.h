// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gs::cli {

// Command-line arguments after the command name: positionals, `--name value` options and
// `--flag` switches. Which names take a value is declared by the command, so "-o x.svg" and
// "--json" parse without ambiguity.
class CliArgs
{
public:
    // `valued` lists options that take a value (with or without leading dashes, e.g. "o", "sample-index").
    // Returns an error message for an unknown option or a missing value.
    static std::optional<std::string> parse(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                                            const std::vector<std::string>& switches, CliArgs& out);

    const std::vector<std::string>& positionals() const { return m_positionals; }
    bool has(const std::string& name) const { return m_values.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;

private:
    std::vector<std::string> m_positionals;
    std::multimap<std::string, std::string> m_values;
};

} // namespace gs::cli
