// SPDX-License-Identifier: MIT
// Finding and reading source files as pprof's list does (Go's path rules, -source_path,
// -trim_path), the GOROOT and module-cache fallbacks, and the per-line sums of a listing.
#include "core/analysis/source_files.h"
#include "core/analysis/source_listing.h"
#include "core/base/go_path.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace gs {
namespace {

namespace fs = std::filesystem;

TEST(GoPath, BehavesAsPathFilepath)
{
    EXPECT_EQ(gopath::clean(""), ".");
    EXPECT_EQ(gopath::clean("a/./b/../c/"), "a/c");
    EXPECT_EQ(gopath::clean("/../x"), "/x");
    EXPECT_EQ(gopath::clean("../../x"), "../../x");
    EXPECT_EQ(gopath::dir("a/b"), "a");
    EXPECT_EQ(gopath::dir("a"), ".");
    EXPECT_EQ(gopath::dir("/a"), "/");
    EXPECT_EQ(gopath::dir("/"), "/");
    EXPECT_EQ(gopath::base("a/b/"), "b");
    EXPECT_EQ(gopath::base(""), ".");
    EXPECT_EQ(gopath::base("/"), "/");
    EXPECT_EQ(gopath::join("", "x/y"), "x/y");
    EXPECT_EQ(gopath::join("/src/", "../x"), "/x");
    EXPECT_EQ(gopath::splitList(""), std::vector<std::string>());
    EXPECT_EQ(gopath::splitList("a::b"), (std::vector<std::string> {"a", "", "b"}));
}

TEST(TrimSourcePath, GuessesFromTheSearchPathOrCutsTheGivenPrefix)
{
    // pprof's guess: the name is cut after "/D/", D the last element of a search directory.
    EXPECT_EQ(trimSourcePath("goroscope/gen/pprof/main.go", "", "/x/tests/data/gen/pprof"), "main.go");
    EXPECT_EQ(trimSourcePath("goroscope/gen/pprof/main.go", "", "/nothing:/y/gen"), "pprof/main.go");
    // A given prefix turns the guess off.
    EXPECT_EQ(trimSourcePath("goroscope/gen/pprof/main.go", "goroscope/gen", "/x/pprof"), "pprof/main.go");
    EXPECT_EQ(trimSourcePath("/build/src/a.go", "/other:/build/", ""), "src/a.go");
    EXPECT_EQ(trimSourcePath("/proc/self/cwd/./a/b.go", "", ""), "a/b.go");
    EXPECT_EQ(trimSourcePath("runtime/proc.go", "", ""), "runtime/proc.go");
}

class SourceFilesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_root = fs::temp_directory_path() / ("goroscope_source_files_" + std::to_string(::getpid()));
        fs::remove_all(m_root);
        fs::create_directories(m_root);
    }
    void TearDown() override { fs::remove_all(m_root); }

    std::string write(const std::string& relative, const std::string& text)
    {
        const fs::path path = m_root / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        return path.string();
    }

    fs::path m_root;
};

TEST_F(SourceFilesTest, ReadsLinesAsGosScanner)
{
    write("proj/a.go", "one\r\ntwo\n\nlast");
    SourceFiles files(SourceSearch {(m_root / "proj").string(), "", "", ""});
    EXPECT_EQ(files.line("a.go", 1), "one");
    EXPECT_EQ(files.line("a.go", 2), "two");
    EXPECT_EQ(files.line("a.go", 3), "");
    EXPECT_EQ(files.line("a.go", 4), "last");
    EXPECT_FALSE(files.line("a.go", 5));
    EXPECT_FALSE(files.line("a.go", 0));
    EXPECT_EQ(files.error("a.go"), "");
    EXPECT_EQ(files.foundAt("a.go"), (m_root / "proj/a.go").string());
    // bufio.Scanner gives up at a line over 64 KiB: pprof shows the lines before it.
    write("proj/long.go", "first\n" + std::string(70000, 'x') + "\nthird\n");
    EXPECT_EQ(files.line("long.go", 1), "first");
    EXPECT_FALSE(files.line("long.go", 2));
}

TEST_F(SourceFilesTest, LooksInEverySearchDirectoryAndItsParents)
{
    write("repo/pkg/util.go", "package pkg\n");
    // "pkg/util.go" is not in repo/cmd/tool, but in its grandparent.
    SourceFiles files(SourceSearch {(m_root / "none").string() + ":" + (m_root / "repo/cmd/tool").string(), "", "", ""});
    EXPECT_EQ(files.line("pkg/util.go", 1), "package pkg");
    EXPECT_EQ(files.foundAt("pkg/util.go"), (m_root / "repo/pkg/util.go").string());
}

TEST_F(SourceFilesTest, MissingFilesAreNamedInPprofsWords)
{
    const std::string search = (m_root / "a").string() + ":" + (m_root / "b").string();
    SourceFiles files(SourceSearch {search, "", "", ""});
    EXPECT_FALSE(files.line("x/y.go", 1));
    EXPECT_EQ(files.error("x/y.go"), "could not find file x/y.go on path " + search);
    const std::string absolute = (m_root / "gone.go").string();
    EXPECT_EQ(files.error(absolute), "open " + absolute + ": no such file or directory");
    EXPECT_EQ(files.places(), (std::vector<std::string> {(m_root / "a").string(), (m_root / "b").string()}));
}

TEST_F(SourceFilesTest, FallsBackToGorootAndTheModuleCache)
{
    write("goroot/src/runtime/proc.go", "package runtime\n");
    write("mod/golang.org/x/net@v0.1.0/http2/frame.go", "package http2\n");
    SourceSearch search {(m_root / "empty").string(), "", (m_root / "goroot").string(), (m_root / "mod").string()};
    SourceFiles files(search);
    // -trimpath names, and absolute names from the machine that built the binary.
    EXPECT_EQ(files.line("runtime/proc.go", 1), "package runtime");
    EXPECT_EQ(files.line("/usr/lib/go-1.26/src/runtime/proc.go", 1), "package runtime");
    EXPECT_EQ(files.line("golang.org/x/net@v0.1.0/http2/frame.go", 1), "package http2");
    EXPECT_EQ(files.line("/srv/ci/go/pkg/mod/golang.org/x/net@v0.1.0/http2/frame.go", 1), "package http2");
    EXPECT_EQ(files.error("runtime/proc.go"), "");
    EXPECT_FALSE(files.line("runtime/nothere.go", 1));
    EXPECT_NE(files.error("runtime/nothere.go"), "");
    EXPECT_EQ(files.places().size(), 3u);
    // Without them, pprof's places only.
    search.goroot.clear();
    search.modCache.clear();
    SourceFiles pprofOnly(search);
    EXPECT_FALSE(pprofOnly.line("runtime/proc.go", 1));
}

TEST(SourceListing, InlinedCallsAddUpToTheCalleesOwnLines)
{
    LoadContext context;
    auto store = loadFile(GOROSCOPE_TEST_DATA_DIR "/pprof/cpu.pb.gz", context);
    ASSERT_TRUE(store.ok()) << store.error().message;
    SourceFiles files(SourceSearch {GOROSCOPE_TEST_DATA_DIR "/gen/pprof", "", "", ""});
    SourceListingQuery query;
    query.sampleType = (*store)->profile->defaultSampleType;
    const SourceListing hashLoop = listSource(**store, [](std::string_view n) { return n == "main.hashLoop"; }, query, files);
    const SourceListing mix = listSource(**store, [](std::string_view n) { return n == "main.mix"; }, query, files);
    ASSERT_EQ(hashLoop.routines.size(), 1u);
    ASSERT_EQ(mix.routines.size(), 1u);
    EXPECT_EQ(hashLoop.routines[0].file, "main.go");
    EXPECT_EQ(hashLoop.routines[0].error, "");
    ASSERT_FALSE(hashLoop.routines[0].lines.empty());

    // mix is only ever inlined into hashLoop: each of its lines shows up under a hashLoop line,
    // with the same weight.
    int64_t inlinedCum = 0, inlinedFlat = 0, lineCum = 0;
    for (const SourceLine& line : hashLoop.routines[0].lines) {
        lineCum += line.cum;
        for (const InlinedCall& call : line.inlinedCalls) {
            EXPECT_EQ(call.function, "main.mix");
            EXPECT_EQ(call.file, "main.go");
            EXPECT_TRUE(call.text.has_value());
            EXPECT_LE(call.cum, line.cum);
            inlinedCum += call.cum;
            inlinedFlat += call.flat;
        }
    }
    EXPECT_EQ(lineCum, hashLoop.routines[0].cum);
    EXPECT_GT(inlinedCum, 0);
    EXPECT_EQ(inlinedCum, mix.routines[0].cum);
    EXPECT_EQ(inlinedFlat, mix.routines[0].flat);

    // Every sample a kept-samples mask leaves out is gone from the sums.
    std::vector<uint8_t> none((*store)->profile->sampleCount(), 0);
    query.samples = &none;
    EXPECT_TRUE(listSource(**store, [](std::string_view) { return true; }, query, files).routines.empty());
}

} // namespace
} // namespace gs
