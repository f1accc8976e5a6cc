// SPDX-License-Identifier: MIT
// pprof's renaming of functions, case by case. Every expected name here is what
// `go tool pprof -top` (Go 1.26) printed for a profile whose function had that system name.
#include "core/formats/pprof/pprof_function_name.h"

#include <gtest/gtest.h>

namespace gs::pprof {
namespace {

// runtime/pprof writes the same string as name and system name.
std::string shown(std::string_view written)
{
    return displayFunctionName(written, written);
}

TEST(PprofFunctionName, PlainGoNamesStay)
{
    EXPECT_EQ(shown("net/http.(*conn).serve"), "net/http.(*conn).serve");
    EXPECT_EQ(shown("main.main.func1.gowrap1"), "main.main.func1.gowrap1");
    EXPECT_EQ(shown("runtime.(*mheap).alloc.func1-fm"), "runtime.(*mheap).alloc.func1-fm");
}

TEST(PprofFunctionName, ShapeParametersLoseTheirParentheses)
{
    EXPECT_EQ(shown("encoding/json.typeEncoder.OnceValue[go.shape.func(*encoding/json.encodeState, reflect.Value, "
                    "encoding/json.encOpts)].func3"),
              "encoding/json.typeEncoder.OnceValue[go.shape.func].func3");
    // The spaces around the cut parentheses stay, hence "Write  }".
    EXPECT_EQ(shown("crypto/hmac.New[go.shape.interface { BlockSize() int; Reset(); Size() int; Sum([]uint8) []uint8; "
                    "Write([]uint8) (int, error) }]"),
              "crypto/hmac.New[go.shape.interface { BlockSize int; Reset; Size int; Sum []uint8; Write  }]");
    // Nested parentheses go with the outermost pair.
    EXPECT_EQ(shown("main.apply[go.shape.func(func(int) bool) error]"), "main.apply[go.shape.func error]");
}

TEST(PprofFunctionName, SquareBracketsStay)
{
    EXPECT_EQ(shown("encoding/json.appendString[go.shape.string]"), "encoding/json.appendString[go.shape.string]");
    EXPECT_EQ(shown("slices.SortFunc[go.shape.[]int,go.shape.int]"), "slices.SortFunc[go.shape.[]int,go.shape.int]");
    EXPECT_EQ(shown("maps.Keys[go.shape.map[string]int,go.shape.string,go.shape.int]"),
              "maps.Keys[go.shape.map[string]int,go.shape.string,go.shape.int]");
}

TEST(PprofFunctionName, MethodsOfGenericTypesStayWhole)
{
    // "])." marks a Go method on a generic type: pprof leaves the whole name alone, parentheses
    // inside the brackets and closures after them included.
    EXPECT_EQ(shown("sync/atomic.(*Pointer[go.shape.struct { f func() }]).Load"),
              "sync/atomic.(*Pointer[go.shape.struct { f func() }]).Load");
    EXPECT_EQ(shown("main.(*Cache[go.shape.func() int]).Get.func1"), "main.(*Cache[go.shape.func() int]).Get.func1");
    EXPECT_EQ(shown("main.(*Cache[go.shape.func() int]).Get-fm"), "main.(*Cache[go.shape.func() int]).Get-fm");
    // A value receiver has no "])." and is simplified like a function.
    EXPECT_EQ(shown("main.Pair[go.shape.func() int].Swap-fm"), "main.Pair[go.shape.func int].Swap-fm");
}

TEST(PprofFunctionName, AngleBrackets)
{
    // A receive-only channel shape contains ".<": taken for Java, left alone.
    EXPECT_EQ(shown("main.drain[go.shape.<-chan func() int]"), "main.drain[go.shape.<-chan func() int]");
    // A send-only one opens "<" and never closes it: the rest stays.
    EXPECT_EQ(shown("main.fill[go.shape.chan<- func() int]"), "main.fill[go.shape.chan<- func int]");
    EXPECT_EQ(shown("std::vector<int, std::allocator<int> >::push_back(int const&)"), "std::vector::push_back");
    EXPECT_EQ(shown("java.util.ArrayList.<init>(int)"), "java.util.ArrayList.<init>(int)");
}

TEST(PprofFunctionName, UnbalancedParenthesesStopTheCutting)
{
    EXPECT_EQ(shown("main.f[a(b)c)d(e)]"), "main.f[ac)d(e)]");
    EXPECT_EQ(shown("main.f[a(b(c)]"), "main.f[a(b(c)]");
}

TEST(PprofFunctionName, OnlyNamesEqualToTheSystemNameAreRenamed)
{
    EXPECT_EQ(displayFunctionName("pkg.F[go.shape.func()]", "other"), "pkg.F[go.shape.func()]");
    // A missing name is the simplified system name.
    EXPECT_EQ(displayFunctionName("", "pkg.F[go.shape.func()]"), "pkg.F[go.shape.func]");
    EXPECT_EQ(displayFunctionName("", ""), "");
}

} // namespace
} // namespace gs::pprof
