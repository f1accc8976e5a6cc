// SPDX-License-Identifier: MIT
#include "core/analysis/inline_labels.h"

#include <gtest/gtest.h>

namespace gs {
namespace {

class InlineLabelsTest : public ::testing::Test
{
protected:
    // Root-first {name, inlined} frames.
    void add(std::vector<std::pair<std::string, bool>> rootFirst, int64_t v = 1)
    {
        std::vector<FrameId> leafFirst;
        for (auto it = rootFirst.rbegin(); it != rootFirst.rend(); ++it)
            leafFirst.push_back(symbols.internFrame(fn(it->first), 1, it->second));
        ws.stacks.push_back(StackWeight {symbols.stacks.intern(leafFirst), v});
    }
    FunctionId fn(const std::string& name) { return symbols.internFunction(name, "x.go"); }

    Symbols symbols;
    WeightedStacks ws;
};

TEST_F(InlineLabelsTest, InlinePartialAndNone)
{
    add({{"main", false}, {"a", false}, {"always", true}, {"mixed", true}});
    add({{"main", false}, {"b", false}, {"mixed", false}});
    add({{"main", false}, {"b", false}, {"always", true}});
    const auto labels = computeInlineLabels(symbols, ws);
    EXPECT_EQ(labels[fn("main")], InlineLabel::None); // a root has no callers
    EXPECT_EQ(labels[fn("a")], InlineLabel::None);
    EXPECT_EQ(labels[fn("always")], InlineLabel::Inline);
    EXPECT_EQ(labels[fn("mixed")], InlineLabel::PartialInline);
    EXPECT_STREQ(inlineSuffix(labels[fn("mixed")]), " (partial-inline)");
}

TEST_F(InlineLabelsTest, OneNonInlinedCallMakesThePairNotInlined)
{
    add({{"main", false}, {"f", true}});
    add({{"main", false}, {"f", false}});
    EXPECT_EQ(computeInlineLabels(symbols, ws)[fn("f")], InlineLabel::None);
}

TEST_F(InlineLabelsTest, OnlyShownFunctionsFormTheGraph)
{
    // With `wrapper` left out of the report, `leaf` is called by main, not inlined there.
    add({{"main", false}, {"wrapper", false}, {"leaf", true}});
    std::vector<uint8_t> shown(symbols.functions.size(), 1);
    shown[fn("wrapper")] = 0;
    EXPECT_EQ(computeInlineLabels(symbols, ws)[fn("leaf")], InlineLabel::Inline);
    EXPECT_EQ(computeInlineLabels(symbols, ws, &shown)[fn("leaf")], InlineLabel::Inline);
    shown[fn("main")] = 0;
    EXPECT_EQ(computeInlineLabels(symbols, ws, &shown)[fn("leaf")], InlineLabel::None); // no caller left
}

} // namespace
} // namespace gs
