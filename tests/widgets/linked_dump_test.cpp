// SPDX-License-Identifier: MIT
// A goroutine dump opened beside a trace of the same process (tests/data/linked): its goroutine
// IDs link to the trace's goroutines both ways, and IDs the trace lacks are greyed.
#include "tests/widgets/widget_fixtures.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/linked_dump_model.h"
#include "widgets/trace/linked_dump_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QLabel>
#include <QPalette>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace gs::ui {
namespace {

class LinkedDumpTest : public ::testing::Test
{
protected:
    // Opens `trace` on the page and `dump` beside it.
    void open(const char* trace, const char* dump)
    {
        m_trace = test::loadFixture(trace);
        m_dump = test::loadFixture(dump);
        ASSERT_TRUE(m_trace && m_dump);
        page.resize(1400, 900);
        page.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
        page.setStore(m_trace);
        ASSERT_TRUE(page.openBeside(m_dump, QString::fromUtf8(dump)));
        tab = page.linkedDumpTab();
        ASSERT_TRUE(tab);
        model = tab->model();
    }

    // The first dump row whose status is `state`.
    int rowOf(const QString& state) const
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, LinkedDumpModel::State).data().toString() == state)
                return row;
        }
        return -1;
    }

    int64_t dumpId(int row) const { return int64_t(model->goroutineAt(row)->id); }
    int64_t selectedTraceId() const
    {
        const GoroutineRow row = page.session()->selectedGoroutine();
        return row == kNoRow ? -1 : m_trace->trace->goroutines[row].id;
    }

    StorePtr m_trace;
    StorePtr m_dump;
    TracePage page;
    LinkedDumpTab* tab = nullptr;
    LinkedDumpModel* model = nullptr;
};

TEST_F(LinkedDumpTest, ClickingAnIdSelectsTheTraceGoroutineWithThatId)
{
    open("linked/linked.trace", "linked/linked_dump.txt");
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(page.tabs()->currentWidget(), tab);
    // tests/data/linked/README.md: main, the trace reader and 10 blocked goroutines, all in the trace.
    ASSERT_EQ(model->rowCount(), 12);
    EXPECT_EQ(model->linkedCount(), 12);
    EXPECT_TRUE(tab->header()->text().contains(QStringLiteral("12 goroutines, 12 in the trace")));
    // The largest group first: the five receivers.
    for (int row = 0; row < 5; ++row)
        EXPECT_EQ(model->index(row, LinkedDumpModel::Function).data().toString(), QStringLiteral("main.linkedReceiver"));

    // A click on a locker's ID, as a person would do it.
    const int locker = rowOf(QStringLiteral("sync.Mutex.Lock"));
    ASSERT_GE(locker, 0);
    const QRect cell = tab->table()->visualRect(model->index(locker, LinkedDumpModel::Id));
    QTest::mouseClick(tab->table()->viewport(), Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(selectedTraceId(), dumpId(locker));
    EXPECT_EQ(page.timeline()->selectedGoroutine(), page.session()->selectedGoroutine());
    EXPECT_TRUE(tab->stackPane()->toPlainText().startsWith(QStringLiteral("goroutine %1 [sync.Mutex.Lock]:").arg(dumpId(locker))));

    // Activating another row (Enter, double click) does the same.
    const int selector = rowOf(QStringLiteral("select"));
    ASSERT_GE(selector, 0);
    EXPECT_TRUE(tab->activateRow(selector));
    EXPECT_EQ(selectedTraceId(), dumpId(selector));
    test::saveRender(page, "linked-dump");
}

TEST_F(LinkedDumpTest, SelectingATraceGoroutineSelectsItsDumpRow)
{
    open("linked/linked.trace", "linked/linked_dump.txt");
    const int receiver = rowOf(QStringLiteral("chan receive"));
    ASSERT_GE(receiver, 0);
    page.session()->setSelectedGoroutine(m_trace->trace->rowOf(dumpId(receiver)));
    EXPECT_EQ(tab->table()->currentIndex().row(), receiver);
}

TEST_F(LinkedDumpTest, IdsTheTraceLacksAreGreyedAndLeadNowhere)
{
    // A dump of another program: most of its IDs are not in this trace.
    open("trace/go126_sched.trace", "dumps/leak_after.txt");
    int absent = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const GoroutineRow traceRow = m_trace->trace->rowOf(dumpId(row));
        EXPECT_EQ(model->index(row, LinkedDumpModel::Id).data(LinkedDumpModel::TraceRowRole).toUInt(), traceRow);
        if (traceRow != kNoRow)
            continue;
        ++absent;
        const QModelIndex id = model->index(row, LinkedDumpModel::Id);
        EXPECT_EQ(id.data(Qt::ForegroundRole).value<QBrush>().color(),
                  QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
        EXPECT_TRUE(id.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not in the trace")));
    }
    ASSERT_GT(absent, 0);
    EXPECT_EQ(model->linkedCount(), model->rowCount() - absent);

    const int row = [&] {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->traceRowAt(r) == kNoRow)
                return r;
        }
        return -1;
    }();
    page.session()->setSelectedGoroutine(0);
    EXPECT_FALSE(tab->activateRow(row));
    EXPECT_EQ(page.session()->selectedGoroutine(), GoroutineRow(0));
    EXPECT_TRUE(tab->note()->text().contains(QStringLiteral("not in the trace")));
}

TEST_F(LinkedDumpTest, ANewTraceDropsTheDumpTab)
{
    open("linked/linked.trace", "linked/linked_dump.txt");
    const int tabs = page.tabs()->count();
    page.setStore(test::loadFixture("trace/go126_sched.trace"));
    EXPECT_FALSE(page.linkedDumpTab());
    EXPECT_EQ(page.tabs()->count(), tabs - 1);
}

TEST_F(LinkedDumpTest, ACountProfileHasNoIdsToLink)
{
    open("linked/linked.trace", "dumps/leak_after_debug1.txt");
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_TRUE(tab->header()->text().contains(QStringLiteral("no goroutine IDs")));
}

} // namespace
} // namespace gs::ui
