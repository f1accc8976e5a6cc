// SPDX-License-Identifier: MIT
#include "app/cli/cli_args.h"

#include <algorithm>

namespace gs::cli {

namespace {
std::string stripDashes(const std::string& s)
{
    size_t i = 0;
    while (i < s.size() && i < 2 && s[i] == '-')
        ++i;
    return s.substr(i);
}
bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}
} // namespace

std::optional<std::string> CliArgs::parse(const std::vector<std::string>& argv, const std::vector<std::string>& valued,
                                          const std::vector<std::string>& switches, CliArgs& out)
{
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() < 2 || a[0] != '-') {
            out.m_positionals.push_back(a);
            continue;
        }
        std::string name = stripDashes(a);
        std::optional<std::string> inlineValue;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (contains(valued, name)) {
            if (inlineValue) {
                out.m_values.emplace(name, *inlineValue);
            } else if (i + 1 < argv.size()) {
                out.m_values.emplace(name, argv[++i]);
            } else {
                return "option " + a + " needs a value";
            }
        } else if (contains(switches, name) && !inlineValue) {
            out.m_values.emplace(name, "");
        } else {
            return "unknown option " + a;
        }
    }
    return std::nullopt;
}

std::optional<std::string> CliArgs::value(const std::string& name) const
{
    auto range = m_values.equal_range(name);
    if (range.first == range.second)
        return std::nullopt;
    return std::prev(range.second)->second; // the last one wins, as with most tools
}

std::vector<std::string> CliArgs::values(const std::string& name) const
{
    std::vector<std::string> out;
    auto range = m_values.equal_range(name);
    for (auto it = range.first; it != range.second; ++it)
        out.push_back(it->second);
    return out;
}

} // namespace gs::cli
