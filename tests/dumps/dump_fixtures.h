// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/load_context.h"
#include "core/io/file_bytes.h"
#include "core/load/load_file.h"
#include "core/model/event_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace gs::test {

// The numbers dumpgen knows (tests/data/gen/dumps): goroutines the crash modes start besides
// main, and the leaking service's leaked goroutines at each dump.
constexpr int kCrashWorkers = 6;
constexpr int kLeakBefore = 20;
constexpr int kLeakAfter = 50;

inline std::string dumpFixture(const std::string& name)
{
    return std::string(GOROSCOPE_TEST_DATA_DIR) + "/dumps/" + name;
}

inline StorePtr loadDumpFixture(const std::string& name)
{
    LoadContext context;
    auto loaded = loadFile(dumpFixture(name), context);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? *loaded : nullptr;
}

inline std::string readDumpFixtureText(const std::string& name)
{
    auto bytes = readFile(dumpFixture(name));
    EXPECT_TRUE(bytes.ok());
    return bytes.ok() ? std::string(bytes->begin(), bytes->end()) : std::string();
}

// Loads `text` through the same path as a file on disk (sniffing included).
inline Result<StorePtr> loadDumpText(const std::string& text)
{
    // Per process: ctest runs the tests of a suite in parallel.
    const auto path = std::filesystem::temp_directory_path()
                      / ("goroscope_dump_text_" + std::to_string(::getpid()) + ".txt");
    {
        std::ofstream out(path, std::ios::binary);
        out << text;
    }
    LoadContext context;
    auto loaded = loadFile(path.string(), context);
    std::filesystem::remove(path);
    return loaded;
}

} // namespace gs::test
