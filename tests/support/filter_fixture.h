// SPDX-License-Identifier: MIT
#pragma once

// The goroutine-filter fixtures (tests/data/filter): traces written by tests/data/gen/filter, each
// with a JSON sidecar of what the program knows about its goroutines by construction.

#include <cstdint>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gs::fixtures {

// One goroutine of a sidecar (see tests/data/gen/filter/main.go for the meaning of each field).
struct GoroutineFact
{
    std::string role;
    int64_t id = 0;
    std::string startFunction;
    std::string blockFunction; // "" if it never blocks
    std::string state;         // of its block: "waiting", "syscall"; "running" if it never blocks
    std::string reason;        // the trace's wait reason for the block
    int64_t minNs = 0;         // the block lasted at least this long (proved by the program)
    int64_t maxNs = 0;         // and at most this long; 0: until the trace ended
    std::string phase;         // "early", "late" or "whole"
};

struct FilterFixture
{
    std::string tracePath;
    std::vector<GoroutineFact> goroutines;

    const GoroutineFact& role(const std::string& name) const
    {
        for (const GoroutineFact& f : goroutines) {
            if (f.role == name)
                return f;
        }
        throw std::out_of_range("no role " + name + " in the sidecar of " + tracePath);
    }
};

inline const std::vector<std::string>& filterFixtureTraces()
{
    static const std::vector<std::string> traces = {GOROSCOPE_TEST_DATA_DIR "/filter/go126_filter.trace",
                                                    GOROSCOPE_TEST_DATA_DIR "/filter/go119_filter.trace"};
    return traces;
}

// Reads the sidecar FILE.json of FILE.trace. The program writes one goroutine object per line
// with flat string and integer fields, which is all this reader understands.
inline FilterFixture readFilterFixture(const std::string& tracePath)
{
    FilterFixture fixture {tracePath, {}};
    const std::string sidecar = tracePath.substr(0, tracePath.rfind('.')) + ".json";
    std::ifstream in(sidecar);
    if (!in)
        throw std::runtime_error("cannot read " + sidecar);
    static const std::regex field(R"re("(\w+)":(?:"((?:[^"\\]|\\.)*)"|(-?\d+)))re");
    static const std::pair<std::string_view, std::string GoroutineFact::*> kText[] = {
        {"role", &GoroutineFact::role},   {"start_function", &GoroutineFact::startFunction},
        {"block_function", &GoroutineFact::blockFunction}, {"state", &GoroutineFact::state},
        {"reason", &GoroutineFact::reason}, {"phase", &GoroutineFact::phase},
    };
    static const std::pair<std::string_view, int64_t GoroutineFact::*> kNumbers[] = {
        {"id", &GoroutineFact::id}, {"min_ns", &GoroutineFact::minNs}, {"max_ns", &GoroutineFact::maxNs}};
    for (std::string line; std::getline(in, line);) {
        if (line.find("{\"role\":") == std::string::npos)
            continue;
        GoroutineFact f;
        for (auto it = std::sregex_iterator(line.begin(), line.end(), field); it != std::sregex_iterator(); ++it) {
            const std::string key = (*it)[1];
            for (const auto& [name, member] : kText) {
                if (key == name)
                    f.*member = (*it)[2];
            }
            for (const auto& [name, member] : kNumbers) {
                if (key == name && (*it)[3].matched)
                    f.*member = std::stoll((*it)[3]);
            }
        }
        fixture.goroutines.push_back(std::move(f));
    }
    if (fixture.goroutines.empty())
        throw std::runtime_error("no goroutines in " + sidecar);
    return fixture;
}

} // namespace gs::fixtures
