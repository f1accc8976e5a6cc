// SPDX-License-Identifier: MIT
#include "tests/widgets/test_profiles.h"
#include "widgets/common/go_names.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/top/top_table_model.h"

#include <gtest/gtest.h>

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 5000;

// Waits for the session to deliver a result; fails the test on timeout.
bool waitForResult(ProfileSession& session)
{
    return QTest::qWaitFor([&] { return !session.isComputing() && session.result(); }, kTimeoutMs);
}

TEST(ProfileSession, ComputesOffTheGuiThreadAndAppliesFilters)
{
    ProfileSession session;
    QSignalSpy results(&session, &ProfileSession::resultChanged);
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(waitForResult(session));
    EXPECT_EQ(session.result()->total, 1000);

    session.addFilter({FilterKind::Focus, "net/http"});
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.result()->total == 300; }, kTimeoutMs));
    session.addFilter({FilterKind::Hide, "^main\\.main$"});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing(); }, kTimeoutMs));
    // With main.main hidden, the serve frame is a root child.
    const FlameTree& tree = *session.result()->tree;
    ASSERT_EQ(tree.node(0).childCount, 1u);
    EXPECT_EQ(session.result()->symbols->functionName(tree.children(0)[0].function), "net/http.(*conn).serve");
    session.removeFilter(0);
    session.removeFilter(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result()->total == 1000; }, kTimeoutMs));
}

TEST(ProfileSession, StaleResultsAreDropped)
{
    ProfileSession session;
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(waitForResult(session));
    QSignalSpy results(&session, &ProfileSession::resultChanged);
    // A burst of changes: only the last query's result may be applied.
    session.addFilter({FilterKind::Focus, "compute"});
    session.addFilter({FilterKind::Ignore, "work"});
    session.removeFilter(1);
    session.setMode(ViewMode::BottomUp);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing(); }, kTimeoutMs));
    QTest::qWait(50);
    EXPECT_EQ(results.count(), 1);
    EXPECT_EQ(session.result()->total, 500);
    // Bottom-up: the root's children are leaves.
    EXPECT_EQ(session.result()->symbols->functionName(session.result()->tree->children(0)[0].function),
              "compute.work");
}

TEST(ProfileSession, InvalidFiltersAreRejectedBeforeComputing)
{
    ProfileSession session;
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(waitForResult(session));
    EXPECT_TRUE(validateFilter({FilterKind::Focus, "(bad"}).has_value());
    EXPECT_TRUE(validateFilter({FilterKind::TagFocus, "novalue"}).has_value());
    session.addFilter({FilterKind::Focus, "(bad"});
    EXPECT_TRUE(session.filters().empty());
}

TEST(ProfileSession, LabelFiltersSelectSamples)
{
    ProfileSession session;
    session.setStore(test::ProfileBuilder()
                         .sample({"main.main", "api.handle"}, {70}, {{"route", "/api/users"}})
                         .sample({"main.main", "api.handle"}, {30}, {{"route", "/health"}})
                         .build());
    ASSERT_TRUE(waitForResult(session));
    session.addFilter({FilterKind::TagFocus, "route=/api/.*"});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result()->total == 70; }, kTimeoutMs));
    session.removeFilter(0);
    session.addFilter({FilterKind::TagIgnore, "route=/api/.*"});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result()->total == 30; }, kTimeoutMs));
}

TEST(ProfileSession, SandwichAndDiff)
{
    ProfileSession session;
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(waitForResult(session));
    session.showSandwich("net/http.(*conn).serve");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result()->callers; }, kTimeoutMs));
    const auto& r = *session.result();
    ASSERT_TRUE(r.pivot.has_value());
    EXPECT_EQ(r.tree->children(0)[0].total, 300);   // the pivot, callees below it
    EXPECT_EQ(r.callers->children(0)[0].total, 300); // the pivot, callers below it

    // A base loaded from another file has its own symbol ids; the session merges them by name.
    session.setMode(ViewMode::TopDown);
    auto base = test::ProfileBuilder()
                    .sample({"runtime.gcBgMarkWorker"}, {400})
                    .sample({"main.main", "compute.work"}, {100})
                    .build();
    session.setBase(base);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result()->isDiff; }, kTimeoutMs));
    EXPECT_EQ(session.result()->baseTotal, 500);
    const Symbols& symbols = *session.result()->symbols;
    for (const TopRow& row : session.result()->top) {
        if (symbols.functionName(row.function) == "compute.work") {
            EXPECT_EQ(row.flat, 400);
        }
        if (symbols.functionName(row.function) == "runtime.gcBgMarkWorker") {
            EXPECT_EQ(row.flat, -300);
        }
    }
}

TEST(ProfilePage, TableAndFlameGraphSelectionStayInSync)
{
    ProfileSession session;
    ProfilePage page(&session);
    page.resize(1200, 600);
    page.show();
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(waitForResult(session));
    TopTableModel* model = page.topModel();

    // Row -> flame graph.
    const int row = [&] {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->data(model->index(r, TopTableModel::Name)).toString() == QStringLiteral("compute.work"))
                return r;
        }
        return -1;
    }();
    ASSERT_GE(row, 0);
    page.topView()->selectionModel()->setCurrentIndex(model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    EXPECT_EQ(session.selectedFunction(), "compute.work");
    ASSERT_TRUE(page.flameView()->selectedFunction().has_value());
    EXPECT_EQ(session.result()->symbols->functionName(*page.flameView()->selectedFunction()), "compute.work");

    // Frame -> table row.
    FlameGraphView* view = page.flameView();
    const FlameTree& tree = *session.result()->tree;
    uint32_t mallocNode = 0;
    for (uint32_t i = 0; i < tree.size(); ++i) {
        if (i != 0 && session.result()->symbols->functionName(tree.node(i).function) == "runtime.mallocgc")
            mallocNode = i;
    }
    const QRect box = view->frameRect(mallocNode);
    ASSERT_FALSE(box.isEmpty());
    QTest::mouseClick(view, Qt::LeftButton, {}, box.center());
    EXPECT_EQ(session.selectedFunction(), "runtime.mallocgc");
    const QModelIndex current = page.topView()->selectionModel()->currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(model->data(model->index(current.row(), TopTableModel::Name)).toString(), QStringLiteral("runtime.mallocgc"));

    // The click also zoomed into the frame; the search share is of the zoom root, in human units.
    page.searchField()->setText(QStringLiteral("json"));
    QTest::keyClick(page.searchField(), Qt::Key_Return);
    EXPECT_EQ(page.searchSummary(), QStringLiteral("matched 0.0% of 100 ns"));
    view->resetZoom();
    EXPECT_EQ(page.searchSummary(), QStringLiteral("matched 30.0% of 1 \u00b5s"));
    // Esc in the search field ends the search.
    page.searchField()->setFocus();
    QTest::keyClick(page.searchField(), Qt::Key_Escape);
    EXPECT_TRUE(page.searchField()->text().isEmpty());
    EXPECT_TRUE(page.searchSummary().isEmpty());
}

} // namespace
} // namespace gs::ui
