// SPDX-License-Identifier: MIT
// Capturing from a real Go service on loopback (tests/data/gen/leaky_service): every kind opens
// with the loader as what it claims to be, the watch finds the planted leak, and each way a
// capture goes wrong gives its message and leaves no file.
#include "capture/capture_session.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"
#include "tests/support/go_reference.h"
#include "tests/support/leaky_service.h"

#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

namespace gs::test {
namespace {

namespace fs = std::filesystem;
using cli::test::runCliCaptured;

// A fresh folder for one test's captures, removed afterwards.
class CaptureFolder
{
public:
    CaptureFolder()
        : m_path(fs::temp_directory_path()
                 / ("goroscope_capture_" + std::to_string(::getpid()) + "_"
                    + ::testing::UnitTest::GetInstance()->current_test_info()->name()))
    {
        fs::remove_all(m_path);
    }
    ~CaptureFolder() { fs::remove_all(m_path); }
    std::string path() const { return m_path.string(); }
    // Every file in it, hidden ones included.
    std::vector<std::string> files() const
    {
        std::vector<std::string> names;
        if (fs::exists(m_path)) {
            for (const auto& e : fs::directory_iterator(m_path))
                names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    fs::path m_path;
};

#define START_SERVICE(service, mode)                                                                   \
    GOROSCOPE_REQUIRE_GO_REFERENCE();                                                                  \
    LeakyService service(mode);                                                                        \
    ASSERT_TRUE(service.running()) << "the test service did not start:\n" << service.log()

struct CapturedFile
{
    std::string kind;
    std::string path;
    int64_t bytes = 0;
};

std::vector<CapturedFile> parseCaptureJson(const std::string& json)
{
    static const std::regex kRow(R"re(\{\s*"kind": "([a-z]+)",\s*"path": "((?:[^"\\]|\\.)*)",\s*"bytes": (\d+)\s*\})re");
    std::vector<CapturedFile> rows;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), kRow); it != std::sregex_iterator(); ++it)
        rows.push_back({(*it)[1], (*it)[2], std::stoll((*it)[3])});
    return rows;
}

StorePtr load(const std::string& path)
{
    LoadContext context;
    auto store = loadFile(path, context);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? *store : nullptr;
}

bool hasSampleType(const EventStore& store, const std::string& type)
{
    if (!store.profile)
        return false;
    for (const ValueType& t : store.profile->sampleTypes) {
        if (t.type == type)
            return true;
    }
    return false;
}

TEST(CaptureService, EveryKindOpensAsWhatItClaims)
{
    START_SERVICE(service, "pprof");
    CaptureFolder folder;
    const auto run = runCliCaptured({"capture", service.url(), "--cpu", "1s", "--heap", "--allocs", "--block",
                                     "--mutex", "--goroutines", "--threadcreate", "--dump", "--trace", "1s", "-o",
                                     folder.path(), "--json"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const auto files = parseCaptureJson(run.out);
    ASSERT_EQ(files.size(), 9u) << run.out;
    const std::vector<std::string> kinds = {"cpu",        "heap",         "allocs", "block", "mutex",
                                            "goroutines", "threadcreate", "dump",   "trace"};
    for (size_t i = 0; i < files.size(); ++i) {
        const CapturedFile& f = files[i];
        SCOPED_TRACE(f.path);
        EXPECT_EQ(f.kind, kinds[i]);
        EXPECT_EQ(fs::path(f.path).parent_path(), fs::path(folder.path()));
        EXPECT_NE(fs::path(f.path).filename().string().find("127.0.0.1_" + std::to_string(service.port()) + "-" + f.kind + "-"),
                  std::string::npos);
        EXPECT_EQ(int64_t(fs::file_size(f.path)), f.bytes);
        StorePtr store = load(f.path);
        ASSERT_TRUE(store);
        if (f.kind == "dump") {
            EXPECT_EQ(store->format, Format::GoroutineDump);
            ASSERT_TRUE(store->dump);
            EXPECT_EQ(store->dump->kind, GoroutineDumpData::Kind::Traceback);
        } else if (f.kind == "trace") {
            EXPECT_EQ(store->format, Format::GoTrace);
            EXPECT_TRUE(store->trace);
        } else {
            EXPECT_EQ(store->format, Format::Pprof);
        }
    }
    ASSERT_EQ(folder.files().size(), 9u); // nothing else, no partial file
    EXPECT_TRUE(hasSampleType(*load(files[0].path), "cpu"));
    EXPECT_TRUE(hasSampleType(*load(files[1].path), "inuse_space"));
    EXPECT_TRUE(hasSampleType(*load(files[2].path), "alloc_space"));
    EXPECT_TRUE(hasSampleType(*load(files[3].path), "contentions"));
    EXPECT_TRUE(hasSampleType(*load(files[5].path), "goroutine"));
    EXPECT_TRUE(hasSampleType(*load(files[6].path), "threadcreate"));
}

TEST(CaptureService, TextOutputIsOnePathPerLine)
{
    START_SERVICE(service, "pprof");
    CaptureFolder folder;
    const auto run = runCliCaptured({"capture", service.url() + "/debug/pprof/", "--heap", "--dump", "-o", folder.path()});
    ASSERT_EQ(run.code, 0) << run.err;
    std::istringstream lines(run.out);
    std::vector<std::string> paths;
    for (std::string line; std::getline(lines, line);)
        paths.push_back(line);
    ASSERT_EQ(paths.size(), 2u) << run.out;
    EXPECT_TRUE(fs::exists(paths[0]));
    EXPECT_NE(paths[0].find("-heap-"), std::string::npos);
    EXPECT_NE(paths[1].find("-dump-"), std::string::npos);
}

TEST(CaptureService, WatchFindsThePlantedLeakFirst)
{
    START_SERVICE(service, "pprof");
    CaptureFolder folder;
    const auto run = runCliCaptured({"watch", service.url(), "--every", "1s", "--count", "3", "-o", folder.path(), "--json"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(folder.files().size(), 3u); // the dumps are kept
    static const std::regex kFirst(R"re(^\[\s*\{\s*"stack": \[\s*"([^"]+)"[^\]]*\],\s*"state": "([^"]*)",\s*"counts": \[\s*(\d+),\s*(\d+),\s*(\d+)\s*\])re");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(run.out, m, kFirst)) << run.out.substr(0, 400);
    EXPECT_EQ(m[1], "main.leakyHandler");
    EXPECT_EQ(m[2], "chan receive");
    // One goroutine leaks every 200 ms: a second apart, each dump holds more.
    EXPECT_LT(std::stoll(m[3]), std::stoll(m[4]));
    EXPECT_LT(std::stoll(m[4]), std::stoll(m[5]));

    const auto text = runCliCaptured({"watch", service.url(), "--every", "1s", "--count", "2", "-o", folder.path()});
    ASSERT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("[chan receive] main.leakyHandler\n"), std::string::npos) << text.out;
}

// A capture that must fail: exit code 1, one line naming the kind and containing `expected`, and
// nothing left in the folder.
void expectFailure(const std::vector<std::string>& args, const std::string& expected)
{
    CaptureFolder folder;
    std::vector<std::string> argv = args;
    argv.insert(argv.end(), {"-o", folder.path()});
    const auto run = runCliCaptured(argv);
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(folder.files(), std::vector<std::string> {});
}

TEST(CaptureService, RefusedConnection)
{
    expectFailure({"capture", "http://127.0.0.1:" + std::to_string(closedPort()), "--heap"},
                  "heap: connection refused by 127.0.0.1:");
}

TEST(CaptureService, NoPprofIsA404ThatSaysSo)
{
    START_SERVICE(service, "nopprof");
    expectFailure({"capture", service.url(), "--heap"},
                  "does not serve /debug/pprof/heap (HTTP 404): is net/http/pprof imported");
}

TEST(CaptureService, HttpsToAPlainService)
{
    START_SERVICE(service, "pprof");
    expectFailure({"capture", service.url(true), "--heap"}, "heap: TLS failure with 127.0.0.1:");
}

TEST(CaptureService, UntrustedCertificate)
{
    START_SERVICE(service, "tls");
    expectFailure({"capture", service.url(true), "--heap"}, "heap: TLS failure with 127.0.0.1:");
}

TEST(CaptureService, PlainHttpToATlsService)
{
    START_SERVICE(service, "tls");
    expectFailure({"capture", service.url(), "--dump"}, "with HTTP 400 Bad Request: Client sent an HTTP request to an HTTPS server");
}

TEST(CaptureService, CutResponse)
{
    START_SERVICE(service, "cut");
    expectFailure({"capture", service.url(), "--heap"}, "closed the connection after 8 bytes of /debug/pprof/heap");
}

TEST(CaptureService, StuckResponseTimesOut)
{
    START_SERVICE(service, "slow");
    expectFailure({"capture", service.url(), "--heap", "--margin", "1s"},
                  "sent 0 bytes of /debug/pprof/heap and did not finish within 1 s");
}

TEST(CaptureService, HtmlIsNotAProfile)
{
    START_SERVICE(service, "html");
    expectFailure({"capture", service.url(), "--heap"}, "answered /debug/pprof/heap with an HTML page, not a heap profile");
    expectFailure({"capture", service.url(), "--trace", "1s"}, "with an HTML page, not an execution trace");
}

TEST(CaptureService, WatchStopsAtAFailedDump)
{
    const auto run = runCliCaptured({"watch", "http://127.0.0.1:" + std::to_string(closedPort()), "--every", "1s",
                                     "--count", "3", "-o", fs::temp_directory_path().string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("dump 1: connection refused"), std::string::npos) << run.err;
}

TEST(CaptureService, ProgressCountsDownAndCancelLeavesNothing)
{
    START_SERVICE(service, "pprof");
    CaptureFolder folder;
    capture::CaptureSession session(service.url(), {{capture::CaptureKind::Cpu, 30}, {capture::CaptureKind::Heap, 0}},
                                    folder.path());
    std::vector<int> remaining;
    QEventLoop loop;
    QObject::connect(&session, &capture::CaptureSession::progress, &loop, [&](int index, qint64, int seconds) {
        EXPECT_EQ(index, 0);
        remaining.push_back(seconds);
        if (remaining.size() == 2)
            session.cancel(); // a second into a 30 s profile
    });
    QObject::connect(&session, &capture::CaptureSession::finished, &loop, &QEventLoop::quit);
    session.start();
    loop.exec();
    ASSERT_EQ(remaining.size(), 2u);
    EXPECT_EQ(remaining[0], 30);
    EXPECT_LT(remaining[1], 30);
    ASSERT_EQ(session.results().size(), 1u); // the heap profile was not started
    EXPECT_TRUE(session.results()[0].cancelled);
    EXPECT_EQ(folder.files(), std::vector<std::string> {});
}

} // namespace
} // namespace gs::test
