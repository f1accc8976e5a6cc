// SPDX-License-Identifier: MIT
// Damaged text captures: truncations, garbage lines and binary junk give a partial result with a
// warning, or a one-line error; never a crash (this suite runs under ASan+UBSan in CI).
#include "tests/dumps/dump_fixtures.h"

#include <cstdio>
#include <random>

namespace gs::test {
namespace {

const char* const kFixtures[] = {
    "panic_all.txt",         "panic_all_go119.txt", "panic_labels_go127.txt", "sigquit_system.txt",
    "deadlock.txt",          "service.log",         "leak_after.txt",         "leak_after_debug1.txt",
    "perf_script.txt",       "perf.folded",         "bpftrace_ustack.txt",    "gctrace.txt",
};

int64_t goroutinesOf(const EventStore& s)
{
    return s.dump ? s.dump->goroutineCount() : 0;
}

TEST(Corruption, TruncatedAnywhere)
{
    for (const char* name : kFixtures) {
        const std::string text = readDumpFixtureText(name);
        auto whole = loadDumpText(text);
        ASSERT_TRUE(whole.ok()) << name;
        const int64_t all = goroutinesOf(**whole);
        for (size_t cut = 1; cut < text.size(); cut += text.size() / 40 + 1) {
            auto part = loadDumpText(text.substr(0, cut));
            if (!part.ok()) {
                EXPECT_FALSE(part.error().message.empty());
                EXPECT_EQ(part.error().message.find('\n'), std::string::npos) << "one line";
                continue;
            }
            EXPECT_LE(goroutinesOf(**part), all) << name << " cut at " << cut;
        }
    }
}

TEST(Corruption, CutInsideAStackWarns)
{
    const std::string text = readDumpFixtureText("panic_all.txt");
    // Cut in the middle of the last goroutine's first call line.
    const size_t header = text.rfind("\ngoroutine ");
    const size_t call = text.find('\n', header + 1) + 1;
    auto part = loadDumpText(text.substr(0, call + 6));
    ASSERT_TRUE(part.ok()) << part.error().message;
    EXPECT_EQ(goroutinesOf(**part), 1 + kCrashWorkers);
    ASSERT_FALSE((*part)->warnings.empty());
    EXPECT_NE((*part)->warnings[0].find("truncated"), std::string::npos) << (*part)->warnings[0];
}

TEST(Corruption, GarbageLinesInsideBlocks)
{
    const std::string text = readDumpFixtureText("panic_all.txt");
    std::string damaged;
    size_t lineNo = 0;
    for (size_t at = 0; at < text.size();) {
        const size_t nl = std::min(text.find('\n', at), text.size());
        damaged.append(text, at, nl - at + 1);
        if (++lineNo % 9 == 0)
            damaged += "\t??? this is not a frame ???\n";
        at = nl + 1;
    }
    auto loaded = loadDumpText(damaged);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(goroutinesOf(**loaded), 1 + kCrashWorkers);
    ASSERT_FALSE((*loaded)->warnings.empty());
    EXPECT_NE((*loaded)->warnings[0].find("malformed"), std::string::npos) << (*loaded)->warnings[0];
}

TEST(Corruption, BinaryJunk)
{
    std::mt19937 rng(12345);
    for (const char* name : kFixtures) {
        const std::string text = readDumpFixtureText(name);
        for (int round = 0; round < 30; ++round) {
            std::string damaged = text;
            const size_t at = rng() % damaged.size();
            const size_t len = 1 + rng() % 64;
            for (size_t i = at; i < std::min(damaged.size(), at + len); ++i)
                damaged[i] = char(rng() & 0xff);
            if (round % 3 == 0)
                damaged.insert(rng() % damaged.size(), std::string(1 + rng() % 200, char(rng() & 0xff)));
            auto loaded = loadDumpText(damaged);
            if (loaded.ok()) {
                EXPECT_TRUE((*loaded)->profile || (*loaded)->gcTrace) << name;
            } else {
                EXPECT_EQ(loaded.error().message.find('\n'), std::string::npos);
            }
        }
    }
}

TEST(Corruption, PureJunkIsAnError)
{
    std::mt19937 rng(99);
    std::string junk(4096, '\0');
    for (char& c : junk)
        c = char(rng() & 0xff);
    auto loaded = loadDumpText(junk);
    EXPECT_FALSE(loaded.ok() && (*loaded)->dump);
}

} // namespace
} // namespace gs::test
