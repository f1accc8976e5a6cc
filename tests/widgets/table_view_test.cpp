// SPDX-License-Identifier: MIT
// The app's tables as a person uses them: a first click on a number column sorts largest first,
// a newly opened file starts with the table's default sort, and the profile's search narrows the
// top table.
#include "tests/widgets/test_profiles.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/top/top_table_model.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 5000;

bool waitForResult(ProfileSession& session)
{
    return QTest::qWaitFor([&] { return !session.isComputing() && session.result(); }, kTimeoutMs);
}

// Clicks a column's header section, as a person sorting by it does.
void clickHeader(QTableView& table, int column)
{
    QHeaderView* header = table.horizontalHeader();
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

// The column's sort values down the rows, as the table shows them.
std::vector<qint64> columnValues(const QAbstractItemModel& model, int column, int sortRole)
{
    std::vector<qint64> values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.push_back(model.data(model.index(row, column), sortRole).toLongLong());
    return values;
}

class TopTableView : public ::testing::Test
{
protected:
    void SetUp() override
    {
        page.resize(1200, 600);
        page.show();
        open(test::smallCpuProfile());
    }
    void open(StorePtr store)
    {
        session.setStore(std::move(store));
        ASSERT_TRUE(waitForResult(session));
    }
    QTableView& table() { return *page.topView(); }
    std::vector<qint64> column(int c) { return columnValues(*page.topModel(), c, TopTableModel::SortRole); }

    ProfileSession session;
    ProfilePage page {&session};
};

TEST_F(TopTableView, FirstClickOnANumberColumnSortsLargestFirst)
{
    clickHeader(table(), TopTableModel::Cum);
    EXPECT_EQ(table().horizontalHeader()->sortIndicatorSection(), TopTableModel::Cum);
    EXPECT_EQ(table().horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    const std::vector<qint64> cum = column(TopTableModel::Cum);
    ASSERT_GE(cum.size(), 3u);
    EXPECT_TRUE(std::is_sorted(cum.rbegin(), cum.rend())) << "largest first";
    EXPECT_EQ(cum.front(), 900) << "main.main, on every stack but the GC worker's";

    // Names sort from A; a second click on a column turns its order round, as before.
    clickHeader(table(), TopTableModel::Name);
    EXPECT_EQ(table().horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    clickHeader(table(), TopTableModel::Cum);
    clickHeader(table(), TopTableModel::Cum);
    EXPECT_EQ(table().horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
}

TEST_F(TopTableView, ANewFileStartsWithTheDefaultSort)
{
    clickHeader(table(), TopTableModel::Name);
    ASSERT_EQ(table().horizontalHeader()->sortIndicatorSection(), TopTableModel::Name);

    open(test::ProfileBuilder().sample({"main.main", "a.small"}, {10}).sample({"main.main", "z.large"}, {90}).build());
    EXPECT_EQ(table().horizontalHeader()->sortIndicatorSection(), TopTableModel::Flat);
    EXPECT_EQ(table().horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    const TopTableModel& model = *page.topModel();
    ASSERT_GE(model.rowCount(), 2);
    EXPECT_EQ(model.data(model.index(0, TopTableModel::Name)).toString(), QStringLiteral("z.large"));
}

// pprof's web UI narrows its table to the search; so does the top table, unless told not to.
TEST_F(TopTableView, SearchNarrowsTheTable)
{
    const TopTableModel& model = *page.topModel();
    const int all = model.rowCount();
    auto names = [&] {
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown << model.data(model.index(row, TopTableModel::Name)).toString();
        return shown;
    };

    ASSERT_TRUE(page.narrowTableBox()->isChecked()) << "on by default";
    page.searchField()->setText(QStringLiteral("^(net/http|encoding/json)\\."));
    QTest::keyClick(page.searchField(), Qt::Key_Return);
    EXPECT_EQ(names(), QStringList({QStringLiteral("encoding/json.Marshal"), QStringLiteral("net/http.(*conn).serve")}));
    // sum% runs down the rows shown.
    EXPECT_EQ(model.data(model.index(1, TopTableModel::SumPercent)).toString(), QStringLiteral("30.0%"));

    page.narrowTableBox()->setChecked(false);
    EXPECT_EQ(model.rowCount(), all);
    page.narrowTableBox()->setChecked(true);
    EXPECT_EQ(model.rowCount(), 2);
    // Ending the search lists every function again.
    page.searchField()->setFocus();
    QTest::keyClick(page.searchField(), Qt::Key_Escape);
    EXPECT_EQ(model.rowCount(), all);
}

TEST(GoroutineTableView, FirstClickSortsTimesLongestFirstAndANewFileStartsOver)
{
    TraceSession session;
    GoroutineTable table(&session);
    table.resize(1200, 400);
    table.show();
    session.setStore(test::loadFixture("trace/go126_sched.trace"), nullptr);
    GoroutineTableModel& model = *table.tableModel();
    ASSERT_GT(model.rowCount(), 3);

    clickHeader(table, GoroutineTableModel::SchedWait);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isSorting(); }, kTimeoutMs));
    EXPECT_EQ(table.horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    const std::vector<qint64> wait = columnValues(model, GoroutineTableModel::SchedWait, GoroutineTableModel::SortRole);
    EXPECT_TRUE(std::is_sorted(wait.rbegin(), wait.rend())) << "longest first";
    EXPECT_GT(wait.front(), wait.back());
    // IDs read from the start, like names: G1 first.
    clickHeader(table, GoroutineTableModel::Id);
    EXPECT_EQ(table.horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);

    session.setStore(test::loadFixture("trace/go126_procs.trace"), nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isSorting(); }, kTimeoutMs));
    EXPECT_EQ(table.horizontalHeader()->sortIndicatorSection(), GoroutineTableModel::Execution);
    EXPECT_EQ(table.horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    const std::vector<qint64> exec = columnValues(model, GoroutineTableModel::Execution, GoroutineTableModel::SortRole);
    EXPECT_TRUE(std::is_sorted(exec.rbegin(), exec.rend()));
}

} // namespace
} // namespace gs::ui
