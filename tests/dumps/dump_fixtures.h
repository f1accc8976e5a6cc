// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "core/model/event_store.h"

#include <gtest/gtest.h>

#include <string>

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

} // namespace gs::test
