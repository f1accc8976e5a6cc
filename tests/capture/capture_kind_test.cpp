// SPDX-License-Identifier: MIT
// URLs, file names and durations of captures: no network.
#include "capture/capture_kind.h"

#include <gtest/gtest.h>

namespace gs::capture {
namespace {

TEST(CaptureKind, BaseUrlIsSchemeHostAndPort)
{
    EXPECT_EQ(normaliseBaseUrl("localhost:6060"), "http://localhost:6060");
    EXPECT_EQ(normaliseBaseUrl(" http://10.0.0.1:6060/ "), "http://10.0.0.1:6060");
    EXPECT_EQ(normaliseBaseUrl("https://svc.example:443/debug/pprof/"), "https://svc.example:443");
    EXPECT_EQ(normaliseBaseUrl("http://[::1]:6060/debug/pprof/heap"), "http://[::1]:6060");
    EXPECT_EQ(normaliseBaseUrl("ftp://host:21"), std::nullopt);
    EXPECT_EQ(normaliseBaseUrl(""), std::nullopt);
    EXPECT_EQ(normaliseBaseUrl("http://"), std::nullopt);
    EXPECT_EQ(normaliseBaseUrl(":6060"), std::nullopt);
    EXPECT_EQ(normaliseBaseUrl("user@host:6060"), std::nullopt);
}

TEST(CaptureKind, UrlsAreTheEndpointsOfNetHttpPprof)
{
    const std::string base = "http://h:1";
    EXPECT_EQ(captureUrl(base, CaptureKind::Cpu, 10), "http://h:1/debug/pprof/profile?seconds=10");
    EXPECT_EQ(captureUrl(base, CaptureKind::Trace, 5), "http://h:1/debug/pprof/trace?seconds=5");
    EXPECT_EQ(captureUrl(base, CaptureKind::Dump, 0), "http://h:1/debug/pprof/goroutine?debug=2");
    EXPECT_EQ(captureUrl(base, CaptureKind::Goroutine, 0), "http://h:1/debug/pprof/goroutine");
    EXPECT_EQ(captureUrl(base, CaptureKind::ThreadCreate, 0), "http://h:1/debug/pprof/threadcreate");
    for (const KindInfo& k : allKinds()) {
        EXPECT_EQ(&kindInfo(k.kind), &k);
        EXPECT_EQ(kindByName(k.name), k.kind);
    }
    EXPECT_EQ(kindByName("profile"), std::nullopt);
}

TEST(CaptureKind, FileNamesSayServiceKindAndTime)
{
    std::tm when {};
    when.tm_year = 2026 - 1900;
    when.tm_mon = 11;
    when.tm_mday = 7;
    when.tm_hour = 7;
    when.tm_min = 5;
    when.tm_sec = 9;
    when.tm_isdst = -1;
    const std::time_t t = std::mktime(&when); // local time, as the name is
    EXPECT_EQ(captureFileName("http://127.0.0.1:6060", CaptureKind::Heap, t), "127.0.0.1_6060-heap-20261207-070509.pb.gz");
    EXPECT_EQ(captureFileName("https://[::1]:6060", CaptureKind::Trace, t), "___1__6060-trace-20261207-070509.trace");
    EXPECT_EQ(captureFileName("http://svc:80", CaptureKind::Dump, t), "svc_80-dump-20261207-070509.txt");
}

TEST(CaptureKind, Durations)
{
    EXPECT_EQ(parseSeconds("10s"), 10);
    EXPECT_EQ(parseSeconds("10"), 10);
    EXPECT_EQ(parseSeconds("2m"), 120);
    EXPECT_EQ(parseSeconds("1m30s"), 90);
    EXPECT_EQ(parseSeconds("1h"), 3600);
    EXPECT_EQ(parseSeconds("0s"), std::nullopt);
    EXPECT_EQ(parseSeconds("-5s"), std::nullopt);
    EXPECT_EQ(parseSeconds("5x"), std::nullopt);
    EXPECT_EQ(parseSeconds("s"), std::nullopt);
    EXPECT_EQ(parseSeconds(""), std::nullopt);
    EXPECT_EQ(parseSeconds("1000h"), std::nullopt);
}

} // namespace
} // namespace gs::capture
