// SPDX-License-Identifier: MIT
// The blocking-chain panel on the trace page, on a trace whose program recorded the chains it
// built (tests/data/chain): selecting a wait lists its hops, and activating a hop selects that
// hop's span on the timeline.
#include "core/analysis/blocking_chain.h"
#include "core/load/load_file.h"
#include "widgets/timeline/chain_panel.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "tests/support/chain_fixture.h"
#include "widgets/trace/trace_page.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QTest>

namespace gs::ui {
namespace {

const QString kBase = QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/chain/go126_chain");

// The goroutine IDs of each scenario's chain, waiter first, as the program recorded them.
std::vector<std::vector<int64_t>> expectedChains()
{
    std::vector<std::vector<int64_t>> chains;
    for (const test::ChainScenario& s : test::readChainScenarios("go126_chain"))
        chains.push_back(s.chain);
    return chains;
}

class ChainPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        LoadContext ctx;
        auto loaded = loadFile(QString(kBase + QStringLiteral(".trace")).toStdString(), ctx);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        store = *loaded;
        page.resize(1600, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
        chains = expectedChains();
        ASSERT_FALSE(chains.empty());
    }

    // Selects the longest wait of goroutine `id` on the timeline, as a click would.
    SpanRef selectLongestWait(int64_t id) const
    {
        const TraceData& t = *store->trace;
        const GoroutineRow row = t.rowOf(id);
        EXPECT_NE(row, kNoRow) << "G" << id;
        const auto wait = row != kNoRow ? findWait(t, row) : std::nullopt;
        EXPECT_TRUE(wait.has_value()) << "G" << id << " never waited";
        const SpanRef span{row, wait.value_or(0)};
        page.timeline()->selectSpan(span);
        return span;
    }

    std::vector<int64_t> listedIds() const
    {
        std::vector<int64_t> ids;
        for (const ChainHop& hop : chain().hops())
            ids.push_back(store->trace->goroutines[hop.row].id);
        return ids;
    }

    ChainPanel& chain() const { return *page.pane()->chain(); }

    StorePtr store;
    TracePage page;
    std::vector<std::vector<int64_t>> chains;
};

TEST_F(ChainPanelTest, ListsTheHopsOfEveryRecordedChain)
{
    for (const auto& expected : chains) {
        selectLongestWait(expected.front());
        EXPECT_EQ(listedIds(), expected);
        const QStringList texts = chain().hopTexts();
        ASSERT_EQ(texts.size(), qsizetype(expected.size()));
        EXPECT_TRUE(texts.front().startsWith(QStringLiteral("G%1 waiting").arg(expected[0])))
            << texts.front().toStdString();
        EXPECT_TRUE(texts.front().contains(QStringLiteral("woken by G%1 at ").arg(expected[1])))
            << texts.front().toStdString();
        // The last hop says why the trail ends instead of naming a waker.
        EXPECT_FALSE(texts.back().contains(QStringLiteral("woken by"))) << texts.back().toStdString();
    }
}

TEST_F(ChainPanelTest, ActivatingAHopSelectsItsSpanAndKeepsTheChain)
{
    const auto& expected = chains.front();
    ASSERT_EQ(expected.size(), 3u);
    selectLongestWait(expected[0]);
    ASSERT_EQ(listedIds(), expected);
    const ChainHop sender = chain().hops()[1];

    chain().activateHop(1);
    const auto selected = page.timeline()->selectedSpan();
    ASSERT_TRUE(selected.has_value());
    EXPECT_EQ(*selected, (SpanRef{store->trace->rowOf(expected[1]), sender.span}));
    EXPECT_EQ(store->trace->spans.stateOf(selected->span), SpanState::Waiting);
    // The timeline's spanSelected came back to the panel: it still shows the whole chain.
    EXPECT_EQ(listedIds(), expected);
}

TEST_F(ChainPanelTest, ExplainsItselfForASpanThatIsNotAWait)
{
    const TraceData& t = *store->trace;
    const GoroutineRow row = t.rowOf(chains.front().front());
    ASSERT_NE(row, kNoRow);
    uint32_t running = t.spans.offsets[row];
    while (running < t.spans.offsets[row + 1] && t.spans.stateOf(running) == SpanState::Waiting)
        ++running;
    ASSERT_LT(running, t.spans.offsets[row + 1]);
    page.timeline()->selectSpan({row, running});
    EXPECT_TRUE(chain().hops().empty());
    EXPECT_TRUE(chain().hopTexts().isEmpty());
    EXPECT_EQ(chain().hint(), QStringLiteral("Select a waiting span to follow who woke it"));
}

// GOROSCOPE_TIMELINE_SHOTS names a folder.
TEST_F(ChainPanelTest, WritesAScreenshotOnRequest)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_TIMELINE_SHOTS");
    if (dir.isEmpty())
        GTEST_SKIP() << "set GOROSCOPE_TIMELINE_SHOTS to a folder to write the screenshots";
    selectLongestWait(chains.front().front());
    page.timeline()->fitSelection();
    QApplication::processEvents();
    EXPECT_TRUE(page.grab().save(QDir(dir).filePath(QStringLiteral("chain-panel.png"))));
}

} // namespace
} // namespace gs::ui
