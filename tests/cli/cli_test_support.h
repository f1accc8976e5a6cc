// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/commands.h"

#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace gs::cli::test {

struct CliRun
{
    int code = 0;
    std::string out;
    std::string err;
};

inline CliRun runCliCaptured(const std::vector<std::string>& argv)
{
    std::ostringstream out, err;
    CliRun r;
    r.code = runCli(argv, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

// One row of `top --json`.
struct JsonTopRow
{
    std::string function;
    int64_t flat = 0;
    double flatPercent = 0;
    int64_t cum = 0;
    double cumPercent = 0;
};

// Reads the rows of `top --json` output (the shape this project writes, one key per line).
inline std::vector<JsonTopRow> parseTopJson(const std::string& json)
{
    static const std::regex kRow(R"re(\{\s*"function": "((?:[^"\\]|\\.)*)",\s*"flat": (-?\d+),\s*"flat_percent": ([-0-9.e+]+),\s*"cum": (-?\d+),\s*"cum_percent": ([-0-9.e+]+)\s*\})re");
    std::vector<JsonTopRow> rows;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), kRow); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        std::string name;
        const std::string raw = m[1];
        for (size_t i = 0; i < raw.size(); ++i)
            name.push_back(raw[i] == '\\' && i + 1 < raw.size() ? raw[++i] : raw[i]);
        rows.push_back({name, std::stoll(m[2]), std::stod(m[3]), std::stoll(m[4]), std::stod(m[5])});
    }
    return rows;
}

} // namespace gs::cli::test
