// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

// Helpers for the differential tests that compare Goroscope with the Go toolchain itself
// (go tool pprof, go tool trace). The toolchain is $GOROSCOPE_GO, else `go` on PATH, and must be
// Go 1.26 or newer. Without it the tests skip with a message, except on CI (CI=true), where they
// fail: a CI run that silently compared nothing would look like a passing one.
namespace gs::test {

// The go command to run, or "" when no toolchain is available.
std::string goCommand();

// The command that runs `go tool pprof`, shell-quoted: the pprof binary the toolchain built (as
// `go tool -n pprof` names it), which starts in milliseconds where `go tool pprof` spends most of
// a second resolving the tool on every run; `go tool pprof` when that path is not there.
std::string pprofCommand();

// Why the reference toolchain cannot be used (missing, or older than Go 1.26), or "" when it can.
std::string goUnavailableReason();

// True when CI=true: a missing reference toolchain is then an error, not a reason to skip.
bool goReferenceRequired();

// The first statement of every test that compares with the Go toolchain: returns from the test,
// skipping it, or failing it on CI, when the toolchain cannot be used.
#define GOROSCOPE_REQUIRE_GO_REFERENCE()                                                                     \
    if (const std::string goroscopeWhyNoGo = ::gs::test::goUnavailableReason(); !goroscopeWhyNoGo.empty()) { \
        if (::gs::test::goReferenceRequired())                                                               \
            GTEST_FAIL() << goroscopeWhyNoGo << "; CI=true, so the comparison with Go must run";           \
        GTEST_SKIP() << goroscopeWhyNoGo << ": the comparison with Go is skipped";                        \
    }

// The text of an HTML page's element or attribute as html/template escaped it ("&lt;b&gt;&#34;",
// "&amp;amp;" -> `<b>"`, "&amp;"), for the entities Go writes.
std::string unescapeHtml(const std::string& s);

// A percent-encoded URL query value back to its bytes ("runtime.%28%2aT%29.f" -> "runtime.(*T).f",
// "+" -> " ").
std::string urlDecode(const std::string& s);

// Single-quotes a string for /bin/sh.
std::string shellQuote(const std::string& s);

// Runs a shell command; returns its standard output. Standard error goes to `stderrText` when
// given, else it is discarded.
std::string runCommand(const std::string& command, std::string* stderrText = nullptr);

// Fixture files in tests/data/<folder> whose names end with one of `suffixes`, sorted.
std::vector<std::string> fixtureFiles(const std::string& folder, const std::vector<std::string>& suffixes);

// The traces the reference tests run on: the files named in $GOROSCOPE_REFERENCE_TRACES
// (separated by ':'), which tests/corpus/compare_corpus.sh sets to check a corpus file, else
// every fixture in tests/data/trace.
std::vector<std::string> referenceTraces();

// A gtest-safe test name from a file name ("go126_sched.trace" -> "go126_sched_trace").
std::string testNameOf(const std::string& path);

// A trace file as Go's trace tool can read it: the fixture itself, or for a gzip-compressed one
// (Go's tool reads only plain traces) a decompressed copy in the temp folder, removed on
// destruction.
class GoReadableTrace
{
public:
    explicit GoReadableTrace(const std::string& fixture);
    ~GoReadableTrace();
    GoReadableTrace(const GoReadableTrace&) = delete;
    GoReadableTrace& operator=(const GoReadableTrace&) = delete;

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    bool m_temporary = false;
};

// `go tool trace -http=127.0.0.1:0 FILE` running in the background, for reading the analyses
// Go's trace tool serves (the goroutine analysis has no command-line form). Stopped on
// destruction.
class GoTraceServer
{
public:
    explicit GoTraceServer(const std::string& traceFile);
    ~GoTraceServer();
    GoTraceServer(const GoTraceServer&) = delete;
    GoTraceServer& operator=(const GoTraceServer&) = delete;

    bool running() const { return m_port != 0; }
    const std::string& startupLog() const { return m_log; }
    // GETs a path ("/goroutines") from the loopback server; "" on failure.
    std::string get(const std::string& pathAndQuery) const;

private:
    int m_pid = -1;
    int m_port = 0;
    std::string m_log;
};

} // namespace gs::test
