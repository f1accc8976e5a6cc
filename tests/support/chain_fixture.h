// SPDX-License-Identifier: MIT
#pragma once

#include "core/load/load_file.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

// The blocking-chain fixtures (tests/data/chain): each trace comes with the JSON its program
// wrote, naming per scenario the goroutines of the waiter's chain.
namespace gs::test {

struct ChainScenario
{
    std::string name;           // chan, select, waitgroup, cond
    std::vector<int64_t> chain; // waiter, the sender that woke it, the mutex holder
};

// Reads tests/data/chain/<base>.json ("go126_chain").
inline std::vector<ChainScenario> readChainScenarios(const std::string& base)
{
    std::ifstream in(std::string(GOROSCOPE_TEST_DATA_DIR) + "/chain/" + base + ".json");
    std::stringstream text;
    text << in.rdbuf();
    const std::string json = text.str();
    static const std::regex kScenario(R"re("name":\s*"(\w+)"[^\]]*"chain":\s*\[([\s\d,]*)\])re");
    std::vector<ChainScenario> out;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), kScenario); it != std::sregex_iterator(); ++it) {
        ChainScenario s {(*it)[1].str(), {}};
        std::stringstream ids((*it)[2].str());
        for (std::string id; std::getline(ids, id, ',');)
            s.chain.push_back(std::stoll(id));
        out.push_back(std::move(s));
    }
    return out;
}

// Loads tests/data/chain/<base>.trace; null, and a test failure, when it does not load.
inline StorePtr loadChainTrace(const std::string& base)
{
    LoadContext ctx;
    auto loaded = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/chain/" + base + ".trace", ctx);
    if (!loaded.ok()) {
        ADD_FAILURE() << base << ": " << loaded.error().message;
        return nullptr;
    }
    return *loaded;
}

} // namespace gs::test
