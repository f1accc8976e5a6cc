// SPDX-License-Identifier: MIT
// Differential test: `goroscope-cli list` against `go tool pprof -list`, whole text, byte for
// byte. The fixtures' program was built with -trimpath, so its file is "goroscope/gen/pprof/
// main.go" and the standard library's are relative ("runtime/proc.go"): main.go is found
// through --source-path tests/data/gen/pprof (pprof cuts the name after "/pprof/"), the
// standard library through GOROOT/src, and with neither both tools print the same error.
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/cli/cli_test_support.h"

#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace gs::cli::test {
namespace {

const std::string kData = GOROSCOPE_TEST_DATA_DIR "/";
const std::string kMainSource = kData + "gen/pprof";

class PprofListReference : public ::testing::Test
{
protected:
    void SetUp() override
    {
        GOROSCOPE_REQUIRE_GO_REFERENCE();
        m_go = gs::test::goCommand();
        m_pprof = gs::test::pprofCommand();
        m_goroot = gs::test::runCommand(gs::test::shellQuote(m_go) + " env GOROOT");
        while (!m_goroot.empty() && (m_goroot.back() == '\n' || m_goroot.back() == '\r'))
            m_goroot.pop_back();
        ASSERT_FALSE(m_goroot.empty());
    }

    // Both search paths: the program's folder and the standard library's.
    std::string allSources() const { return kMainSource + ":" + m_goroot + "/src"; }

    // pprof's `-list REGEX PPROF_ARGS FILE` and `goroscope-cli list REGEX FILE OUR_ARGS`
    // print the same bytes; when pprof prints nothing (no match), ours fails with its message.
    void compare(const std::string& regex, const std::string& file, const std::vector<std::string>& pprofArgs,
                 const std::vector<std::string>& ourArgs)
    {
        std::string command = m_pprof + " -symbolize=remote -list " + gs::test::shellQuote(regex);
        for (const std::string& a : pprofArgs)
            command.append(" ").append(gs::test::shellQuote(a));
        command.append(" ").append(gs::test::shellQuote(file));
        std::string pprofErr;
        const std::string expected = gs::test::runCommand(command, &pprofErr);
        std::vector<std::string> argv = {"list", regex, file};
        argv.insert(argv.end(), ourArgs.begin(), ourArgs.end());
        const CliRun ours = runCliCaptured(argv);
        ++m_comparisons;
        if (expected.empty()) {
            EXPECT_NE(pprofErr.find("no matches found for regexp: " + regex), std::string::npos) << command << pprofErr;
            EXPECT_EQ(ours.code, 1) << command;
            EXPECT_EQ(ours.out, "") << command;
            EXPECT_EQ(ours.err, "goroscope-cli: no matches found for regexp: " + regex + "\n");
            return;
        }
        ASSERT_EQ(ours.code, 0) << ours.err;
        EXPECT_EQ(ours.out, expected) << command;
    }

    std::string m_go;
    std::string m_pprof;
    std::string m_goroot;
    int m_comparisons = 0;
};

// main.hashLoop has main.mix inlined into it (and is itself inlined into main.spin): the
// inlined frames count at the lines they were inlined at.
TEST_F(PprofListReference, FunctionWithInlinedCallee)
{
    const std::string cpu = kData + "pprof/cpu.pb.gz";
    compare("main.hashLoop", cpu, {"-source_path", kMainSource}, {"--source-path", kMainSource});
    compare("^main\\.mix$", cpu, {"-source_path", kMainSource}, {"--source-path", kMainSource});
    // Without inlined frames hashLoop has no samples of its own: pprof finds no match.
    compare("main.hashLoop", cpu, {"-noinlines", "-source_path", kMainSource}, {"--noinlines", "--source-path", kMainSource});
    compare("main\\.", cpu, {"-noinlines", "-source_path", kMainSource}, {"--noinlines", "--source-path", kMainSource});
}

// main.fib calls itself: a line's cum counts each sample once however deep the recursion.
TEST_F(PprofListReference, RecursiveFunction)
{
    const std::string cpu = kData + "pprof/cpu.pb.gz";
    compare("main.fib", cpu, {"-source_path", kMainSource}, {"--source-path", kMainSource});
    compare("main.fib", cpu, {"-focus=spin", "-sample_index=samples", "-source_path", kMainSource},
            {"--focus", "spin", "--sample-index", "samples", "--source-path", kMainSource});
}

// Several functions, by name, from main.go and the standard library (found under GOROOT).
TEST_F(PprofListReference, SeveralFunctionsAndFiles)
{
    const std::string cpu = kData + "pprof/cpu.pb.gz";
    compare("main\\.(fib|mix|hashLoop|sortWork)$", cpu, {"-source_path", kMainSource}, {"--source-path", kMainSource});
    compare("sort\\.Ints|slices\\.", cpu, {"-source_path", allSources()}, {"--source-path", allSources()});
    compare(".", cpu, {"-source_path", allSources()}, {"--source-path", allSources()});
    compare(".", cpu, {"-tagfocus=worker=b", "-hide=runtime", "-source_path", allSources()},
            {"--tagfocus", "worker=b", "--hide", "runtime", "--source-path", allSources()});
    compare("main", cpu, {"-ignore=fib", "-source_path", allSources()}, {"--ignore", "fib", "--source-path", allSources()});
}

// A file that cannot be found: pprof's error under the routine's header, for a relative name
// (searched in the current directory by default) and for one the trim path leaves.
TEST_F(PprofListReference, MissingSourceFile)
{
    const std::string cpu = kData + "pprof/cpu.pb.gz";
    compare("main.hashLoop", cpu, {}, {});
    compare("runtime\\.(mallocgc|gcDrain)$", cpu, {"-source_path", kMainSource}, {"--source-path", kMainSource});
    compare("main.fib", cpu, {"-trim_path", "goroscope/gen", "-source_path", kData + "gen/pprof/.."},
            {"--trim-path", "goroscope/gen", "--source-path", kData + "gen/pprof/.."});
    compare("main.fib", cpu, {"-trim_path", "goroscope/gen"}, {"--trim-path", "goroscope/gen"});
    // A location without a function: matched by a regex matching "", it has no source at all.
    compare("x*", kData + "pprof/threadcreate.pb.gz", {}, {});
    compare("no-such-function", cpu, {}, {});
}

// Every fixture and every sample type (flat and cum of counts, bytes and nanoseconds).
TEST_F(PprofListReference, EveryFixtureAndSampleType)
{
    for (const std::string& file : gs::test::fixtureFiles("pprof", {".pb.gz"})) {
        LoadContext context;
        auto store = loadFile(file, context);
        ASSERT_TRUE(store.ok()) << store.error().message;
        for (size_t i = 0; i < (*store)->profile->sampleTypes.size(); ++i) {
            const std::string index = std::to_string(i);
            compare("main\\.|runtime\\.(mallocgc|gopark|newproc1?)$", file,
                    {"-sample_index=" + index, "-source_path", allSources()},
                    {"--sample-index", index, "--source-path", allSources()});
        }
    }
    EXPECT_GE(m_comparisons, 14);
}

} // namespace
} // namespace gs::cli::test
