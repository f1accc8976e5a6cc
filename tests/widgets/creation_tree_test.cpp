// SPDX-License-Identifier: MIT
// The trace page's creation tree: its parent/child structure is the trace's creator fields, the
// chain fixtures' goroutines hang under the goroutine that started them, selection is shared with
// the session both ways, and goroutines the filter drops are dimmed, not removed.
#include "tests/support/chain_fixture.h"
#include "widgets/goroutines/creation_tree_view.h"
#include "widgets/goroutines/trace_creation_model.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QBrush>
#include <QTabWidget>
#include <QTest>

#include <set>

namespace gs::ui {
namespace {

// Walks the subtree under `parent`, checking each node against its creator; returns its size.
size_t checkSubtree(const TraceCreationModel& model, const TraceData& t, const QModelIndex& parent,
                    std::set<GoroutineRow>& seen)
{
    size_t size = 0;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex child = model.index(r, 0, parent);
        const GoroutineRow row = model.goroutineAt(child);
        EXPECT_TRUE(seen.insert(row).second) << "G" << t.goroutines[row].id << " listed twice";
        EXPECT_EQ(model.parent(child), parent);
        EXPECT_EQ(model.indexOf(row), child);
        EXPECT_EQ(child.data().toString(), QStringLiteral("G%1").arg(t.goroutines[row].id));
        if (parent.isValid()) {
            EXPECT_EQ(t.goroutines[row].creatorId, t.goroutines[model.goroutineAt(parent)].id);
        } else if (t.goroutines[row].creatorId != kNoGoroutineId) {
            EXPECT_EQ(t.rowOf(t.goroutines[row].creatorId), kNoRow) << "G" << t.goroutines[row].id << "'s creator is in the trace";
        }
        const size_t below = checkSubtree(model, t, child, seen);
        EXPECT_EQ(model.index(r, TraceCreationModel::Descendants, parent).data().toString(), QString::number(below));
        size += 1 + below;
    }
    return size;
}

class CreationTreeTest : public ::testing::TestWithParam<const char*>
{
protected:
    void SetUp() override
    {
        store = test::loadChainTrace(GetParam());
        ASSERT_TRUE(store);
        model.setStore(store);
    }

    // Shows `page` with the fixture's trace on its Creation tree tab; null when it is missing.
    CreationTreeView* showTreeTab(TracePage& page) const
    {
        page.resize(1600, 900);
        page.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(store);
        auto* tree = page.findChild<CreationTreeView*>();
        if (tree)
            page.tabs()->setCurrentWidget(tree);
        return tree;
    }

    StorePtr store;
    TraceCreationModel model;
    QAbstractItemModelTester tester {&model, QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_P(CreationTreeTest, NodesHangUnderTheirCreators)
{
    const TraceData& t = *store->trace;
    std::set<GoroutineRow> seen;
    EXPECT_EQ(checkSubtree(model, t, {}, seen), t.goroutines.size());
    EXPECT_EQ(seen.size(), t.goroutines.size());

    // Each scenario's three goroutines are children of the goroutine that ran the scenario.
    for (const test::ChainScenario& s : test::readChainScenarios(GetParam())) {
        const GoroutineRow waiter = t.rowOf(s.chain[0]);
        const QModelIndex creator = model.parent(model.indexOf(waiter));
        ASSERT_TRUE(creator.isValid()) << s.name;
        for (int64_t id : s.chain)
            EXPECT_EQ(model.parent(model.indexOf(t.rowOf(id))), creator) << s.name << " G" << id;
    }
}

TEST_P(CreationTreeTest, FilteredOutGoroutinesAreDimmedNotRemoved)
{
    const size_t n = store->trace->goroutines.size();
    auto keep = std::make_shared<std::vector<uint8_t>>(n, 1);
    const GoroutineRow dropped = store->trace->rowOf(test::readChainScenarios(GetParam())[0].chain[0]);
    (*keep)[dropped] = 0;
    model.setKeepMask(keep);
    EXPECT_TRUE(model.indexOf(dropped).data(Qt::ForegroundRole).isValid());
    EXPECT_FALSE(model.parent(model.indexOf(dropped)).data(Qt::ForegroundRole).isValid());
    EXPECT_EQ(model.rowCount(), int(model.creation().roots.size()));
}

TEST_P(CreationTreeTest, SelectionIsTheSessions)
{
    TracePage page;
    CreationTreeView* tree = showTreeTab(page);
    ASSERT_NE(tree, nullptr);
    const TraceData& t = *store->trace;
    const GoroutineRow holder = t.rowOf(test::readChainScenarios(GetParam())[0].chain[2]);

    // Elsewhere -> here: the node is current and its creator expanded.
    page.timeline()->selectGoroutine(holder);
    EXPECT_EQ(tree->creationModel()->goroutineAt(tree->currentIndex()), holder);
    EXPECT_TRUE(tree->isExpanded(tree->creationModel()->parent(tree->currentIndex())));

    // Here -> everywhere.
    const GoroutineRow creator = tree->creationModel()->goroutineAt(tree->creationModel()->parent(tree->currentIndex()));
    tree->setCurrentIndex(tree->creationModel()->indexOf(creator));
    EXPECT_EQ(page.session()->selectedGoroutine(), creator);
    EXPECT_EQ(page.timeline()->selectedGoroutine(), creator);
}

// GOROSCOPE_TIMELINE_SHOTS names a folder.
TEST_P(CreationTreeTest, WritesAScreenshotOnRequest)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_TIMELINE_SHOTS");
    if (dir.isEmpty())
        GTEST_SKIP() << "set GOROSCOPE_TIMELINE_SHOTS to a folder to write the screenshots";
    TracePage page;
    ASSERT_NE(showTreeTab(page), nullptr);
    page.timeline()->selectGoroutine(store->trace->rowOf(test::readChainScenarios(GetParam())[0].chain[0]));
    // The filter drops some goroutines: they are dimmed in the tree.
    page.session()->addCondition(ConditionKind::StartFunction, "^main\\.run\\.func1$");
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.session()->result() && !page.session()->isFiltering(); }, 10000));
    QApplication::processEvents();
    EXPECT_TRUE(page.grab().save(QDir(dir).filePath(QStringLiteral("creation-tree-%1.png").arg(QLatin1String(GetParam())))));
}

INSTANTIATE_TEST_SUITE_P(CreationTree, CreationTreeTest, ::testing::Values("go126_chain", "go119_chain"),
                         [](const auto& param) { return std::string(param.param); });

} // namespace
} // namespace gs::ui
