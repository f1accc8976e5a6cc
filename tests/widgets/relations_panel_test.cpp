// SPDX-License-Identifier: MIT
// The relations panel beside the span details, on traces whose programs recorded who woke whom
// (tests/data/chain): the sender of each scenario woke its waiter, the mutex holder woke the
// sender, and main created them all. Activating an item selects that goroutine or span.
#include "core/analysis/blocking_chain.h"
#include "tests/support/chain_fixture.h"
#include "widgets/timeline/chain_panel.h"
#include "widgets/timeline/relations_panel.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTest>

#include <algorithm>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 10000;
using Group = RelationsPanel::Group;

class RelationsPanelTest : public ::testing::TestWithParam<const char*>
{
protected:
    void SetUp() override
    {
        store = test::loadChainTrace(GetParam());
        ASSERT_TRUE(store);
        page.resize(1600, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel().wakeIndexReady(); }, kTimeoutMs));
        scenarios = test::readChainScenarios(GetParam());
        ASSERT_FALSE(scenarios.empty());
    }

    const TraceData& trace() const { return *store->trace; }
    RelationsPanel& panel() const { return *page.pane()->relations(); }
    GoroutineRow rowOf(int64_t id) const
    {
        const GoroutineRow row = trace().rowOf(id);
        EXPECT_NE(row, kNoRow) << "G" << id;
        return row;
    }

    // Where in `texts` an item starts with "woke G<id> ", or -1.
    static int findWoke(const QStringList& texts, int64_t id)
    {
        const QString prefix = QStringLiteral("woke G%1 ").arg(id);
        const auto it = std::ranges::find_if(texts, [&](const QString& t) { return t.startsWith(prefix); });
        return it == texts.end() ? -1 : int(it - texts.begin());
    }

    StorePtr store;
    TracePage page;
    std::vector<test::ChainScenario> scenarios;
};

TEST_P(RelationsPanelTest, TheSenderWokeTheWaiterAndTheHolderWokeTheSender)
{
    for (const test::ChainScenario& s : scenarios) {
        const int64_t waiter = s.chain[0], sender = s.chain[1], holder = s.chain[2];
        page.timeline()->selectGoroutine(rowOf(sender));
        QStringList woke = panel().texts(Group::Woke);
        const int k = findWoke(woke, waiter);
        ASSERT_GE(k, 0) << s.name << ": " << woke.join(QLatin1Char('\n')).toStdString();
        // The wait it ended, with its reason and length.
        EXPECT_TRUE(woke[k].contains(QStringLiteral(", waited "))) << woke[k].toStdString();
        if (s.name == "chan") {
            EXPECT_TRUE(woke[k].contains(QStringLiteral("(chan receive, waited "))) << woke[k].toStdString();
        }
        // Without a span selected there is no per-span group.
        EXPECT_TRUE(panel().texts(Group::WokeDuringSpan).isEmpty());

        page.timeline()->selectGoroutine(rowOf(holder));
        woke = panel().texts(Group::Woke);
        const int h = findWoke(woke, sender);
        ASSERT_GE(h, 0) << s.name << ": " << woke.join(QLatin1Char('\n')).toStdString();
        // The sender had been waiting for the mutex the holder kept for 30 ms.
        EXPECT_TRUE(woke[h].contains(QStringLiteral("(sync, waited "))) << woke[h].toStdString();
    }
}

TEST_P(RelationsPanelTest, WakeUpsDuringTheSelectedSpanComeFirst)
{
    for (const test::ChainScenario& s : scenarios) {
        // The chain's last hop is the holder's span in which it unlocked the mutex, waking the sender.
        const GoroutineRow waiter = rowOf(s.chain[0]);
        const auto chain = blockingChain(trace(), waiter, *findWait(trace(), waiter));
        ASSERT_EQ(chain.size(), 3u) << s.name;
        page.timeline()->selectSpan({chain[2].row, chain[2].span});
        const QStringList during = panel().texts(Group::WokeDuringSpan);
        EXPECT_GE(findWoke(during, s.chain[1]), 0) << s.name << ": " << during.join(QLatin1Char('\n')).toStdString();
        EXPECT_GE(findWoke(panel().texts(Group::Woke), s.chain[1]), 0) << s.name;

        // A wait wakes nobody: the goroutine was not running.
        page.timeline()->selectSpan({waiter, chain[0].span});
        EXPECT_EQ(panel().texts(Group::WokeDuringSpan), QStringList {QStringLiteral("nobody")}) << s.name;
    }
}

TEST_P(RelationsPanelTest, CreatorAndChildrenAreTheTracesCreatorFields)
{
    const TraceData& t = trace();
    const int64_t waiter = scenarios.front().chain[0];
    const int64_t creator = t.goroutines[rowOf(waiter)].creatorId;
    ASSERT_NE(creator, kNoGoroutineId);
    page.timeline()->selectGoroutine(rowOf(waiter));
    const QStringList createdBy = panel().texts(Group::CreatedBy);
    ASSERT_EQ(createdBy.size(), 1);
    // "G1 (main.run) at 12.3 ms": the creator and where its `go` statement is.
    EXPECT_TRUE(createdBy[0].startsWith(QStringLiteral("G%1 (main.run").arg(creator))) << createdBy[0].toStdString();

    page.timeline()->selectGoroutine(rowOf(creator));
    std::vector<int64_t> listed;
    for (const QString& text : panel().texts(Group::Created))
        listed.push_back(text.section(QLatin1Char(' '), 0, 0).mid(1).toLongLong());
    std::vector<int64_t> expected;
    for (const Goroutine& g : t.goroutines) {
        if (g.creatorId == creator)
            expected.push_back(g.id);
    }
    std::ranges::sort(listed);
    std::ranges::sort(expected);
    EXPECT_EQ(listed, expected);
    // Every goroutine of every chain was started by the same creator.
    for (const test::ChainScenario& s : scenarios) {
        for (int64_t id : s.chain)
            EXPECT_TRUE(std::ranges::binary_search(expected, id)) << "G" << id;
    }
}

TEST_P(RelationsPanelTest, ActivatingItemsSelectsGoroutinesAndSpans)
{
    const test::ChainScenario& s = scenarios.front();
    const GoroutineRow waiter = rowOf(s.chain[0]);
    const GoroutineRow sender = rowOf(s.chain[1]);
    page.timeline()->selectGoroutine(sender);
    const int k = findWoke(panel().texts(Group::Woke), s.chain[0]);
    ASSERT_GE(k, 0);

    // A wake-up leads to the wait it ended, whose chain leads back to the sender.
    panel().activate(Group::Woke, k);
    const auto selected = page.timeline()->selectedSpan();
    ASSERT_TRUE(selected.has_value());
    EXPECT_EQ(selected->row, waiter);
    EXPECT_EQ(trace().spans.stateOf(selected->span), SpanState::Waiting);
    EXPECT_EQ(wakerOf(trace(), waiter, selected->span), s.chain[1]);
    ASSERT_FALSE(page.pane()->chain()->hops().empty());
    EXPECT_EQ(page.pane()->chain()->hops().front().wokenBy, s.chain[1]);
    EXPECT_EQ(page.session()->selectedGoroutine(), waiter);

    // The creator, at the moment it ran the `go` statement.
    const GoroutineRow creator = rowOf(trace().goroutines[waiter].creatorId);
    panel().activate(Group::CreatedBy, 0);
    EXPECT_EQ(page.timeline()->selectedGoroutine(), creator);
    ASSERT_TRUE(page.timeline()->selectedSpan().has_value());
    const uint32_t at = page.timeline()->selectedSpan()->span;
    EXPECT_LE(trace().spans.startOf(at), trace().goroutines[waiter].createdNs);
    EXPECT_GE(trace().spans.endOf(at), trace().goroutines[waiter].createdNs);

    // A child: the goroutine itself.
    const QStringList created = panel().texts(Group::Created);
    const auto child = std::ranges::find_if(created, [&](const QString& t) { return t.startsWith(QStringLiteral("G%1 ").arg(s.chain[0])); });
    ASSERT_NE(child, created.end());
    panel().activate(Group::Created, int(child - created.begin()));
    EXPECT_EQ(page.timeline()->selectedGoroutine(), waiter);
    EXPECT_EQ(page.session()->selectedGoroutine(), waiter);
}

TEST_P(RelationsPanelTest, ExplainsItselfWithNothingSelected)
{
    EXPECT_TRUE(panel().texts(Group::CreatedBy).isEmpty());
    EXPECT_TRUE(panel().texts(Group::Woke).isEmpty());
}

// GOROSCOPE_TIMELINE_SHOTS names a folder.
TEST_P(RelationsPanelTest, WritesAScreenshotOnRequest)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_TIMELINE_SHOTS");
    if (dir.isEmpty())
        GTEST_SKIP() << "set GOROSCOPE_TIMELINE_SHOTS to a folder to write the screenshots";
    const GoroutineRow waiter = rowOf(scenarios.front().chain[0]);
    const auto chain = blockingChain(trace(), waiter, *findWait(trace(), waiter));
    page.timeline()->selectSpan({chain[2].row, chain[2].span});
    page.timeline()->fitSelection();
    auto* tabs = qobject_cast<QTabWidget*>(page.pane()->relations()->parentWidget()->parentWidget());
    ASSERT_NE(tabs, nullptr);
    tabs->setCurrentWidget(page.pane()->relations());
    QApplication::processEvents();
    EXPECT_TRUE(page.grab().save(QDir(dir).filePath(QStringLiteral("relations-panel-%1.png").arg(QLatin1String(GetParam())))));
}

INSTANTIATE_TEST_SUITE_P(Relations, RelationsPanelTest, ::testing::Values("go126_chain", "go119_chain"),
                         [](const auto& param) { return std::string(param.param); });

} // namespace
} // namespace gs::ui
