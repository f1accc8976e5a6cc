// SPDX-License-Identifier: MIT
// The goroutine table model against the store's Go statistics, and the timeline layout's keep mask.
#include "core/load/load_file.h"
#include "tests/support/synthetic_trace.h"
#include "tests/widgets/shown_text.h"
#include "widgets/goroutines/goroutine_table_model.h"
#include "widgets/goroutines/wait_reasons.h"
#include "widgets/timeline/timeline_layout.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <algorithm>
#include <set>

namespace gs::ui {
namespace {

using gs::fixtures::SyntheticSpan;
using gs::fixtures::SyntheticTraceBuilder;

StorePtr loadTrace(const char* name)
{
    LoadContext ctx;
    auto store = loadFile(std::string(GOROSCOPE_TEST_DATA_DIR) + "/trace/" + name, ctx);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error().message);
    return store.ok() ? *store : nullptr;
}

qint64 sortValue(const GoroutineTableModel& m, int row, int column)
{
    return m.data(m.index(row, column), GoroutineTableModel::SortRole).toLongLong();
}

// Go's number for a goroutine and a table column, straight from the store's stats.
TimeNs expectedNs(const GoroutineStats& stats, const GoroutineTableModel& m, int column)
{
    switch (column) {
    case GoroutineTableModel::Execution:
        return stats.execNs;
    case GoroutineTableModel::SchedWait:
        return stats.schedWaitNs;
    case GoroutineTableModel::Syscall:
        return stats.syscallNs + stats.syscallBlockNs;
    default:
        break;
    }
    if (column == m.totalColumn())
        return stats.totalNs;
    const StringId reason = *m.reasonOfColumn(column);
    for (const auto& [r, ns] : stats.blockNsByReason) {
        if (r == reason)
            return ns;
    }
    return 0;
}

TEST(GoroutineTableModel, RowsAndColumnsAreTheStoresGoroutineStats)
{
    const StorePtr store = loadTrace("go126_sched.trace");
    ASSERT_TRUE(store && store->trace);
    const TraceData& t = *store->trace;
    GoroutineTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setStore(store);

    // One column per wait reason any goroutine was blocked on, named after it.
    std::set<StringId> reasons;
    for (GoroutineRow g = 0; g < t.goroutines.size(); ++g)
        for (const auto& [r, ns] : t.goroutineStats(g).blockNsByReason)
            reasons.insert(r);
    ASSERT_GE(reasons.size(), 4u) << "the sched fixture blocks on channels, mutexes, select and sleep";
    ASSERT_EQ(model.reasonCount(), reasons.size());
    EXPECT_EQ(model.columnCount(), GoroutineTableModel::FirstReasonColumn + int(reasons.size()) + 1);
    std::set<StringId> columns;
    for (int c = GoroutineTableModel::FirstReasonColumn; c < model.totalColumn(); ++c) {
        columns.insert(*model.reasonOfColumn(c));
        // Goroutines blocked before the trace started have an empty reason in Go's analysis.
        const std::string reason(store->symbols.strings.get(*model.reasonOfColumn(c)));
        EXPECT_EQ(model.headerData(c, Qt::Horizontal).toString().toStdString(),
                  reason.empty() ? "(unknown reason)" : reason);
    }
    EXPECT_EQ(columns, reasons);

    ASSERT_EQ(model.rowCount(), int(t.goroutines.size()));
    std::set<GoroutineRow> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        const GoroutineRow g = model.goroutineAt(row);
        ASSERT_LT(g, t.goroutines.size());
        seen.insert(g);
        EXPECT_EQ(model.rowOfGoroutine(g), row);
        const Goroutine go = t.goroutines[g];
        EXPECT_EQ(sortValue(model, row, GoroutineTableModel::Id), go.id);
        EXPECT_EQ(model.data(model.index(row, GoroutineTableModel::Id)).toString(), QString::number(go.id));
        EXPECT_EQ(sortValue(model, row, GoroutineTableModel::CreatedBy), go.creatorId);
        for (int c = GoroutineTableModel::Execution; c < model.columnCount(); ++c)
            EXPECT_EQ(sortValue(model, row, c), expectedNs(t.goroutineStats(g), model, c)) << "G" << go.id << " column " << c;
    }
    EXPECT_EQ(seen.size(), t.goroutines.size());
}

TEST(GoroutineTableModel, DurationsShowUnitsAndTooltipsTheExactNanoseconds)
{
    SyntheticTraceBuilder b(0, 10'000'000);
    const SyntheticSpan spans[] = {{0, 1'500'000, SpanState::Running, {}},
                                   {1'500'000, 4'000'000, SpanState::Waiting, "chan receive"},
                                   {4'000'000, 4'000'250, SpanState::Runnable, {}}};
    b.addGoroutine(9, "main.worker", spans);
    GoroutineTableModel model;
    model.setStore(b.finish());
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.data(model.index(0, GoroutineTableModel::Execution)).toString(), QStringLiteral("1.5 ms"));
    EXPECT_EQ(model.data(model.index(0, GoroutineTableModel::SchedWait)).toString(), QStringLiteral("250 ns"));
    EXPECT_EQ(model.data(model.index(0, GoroutineTableModel::Syscall)).toString(), QStringLiteral("-"));
    EXPECT_EQ(model.headerData(GoroutineTableModel::FirstReasonColumn, Qt::Horizontal).toString(),
              QStringLiteral("chan receive"));
    EXPECT_EQ(model.data(model.index(0, GoroutineTableModel::FirstReasonColumn)).toString(), QStringLiteral("2.5 ms"));
    const QString tip = model.data(model.index(0, GoroutineTableModel::FirstReasonColumn), Qt::ToolTipRole).toString();
    EXPECT_TRUE(test::shown({}, tip, test::TextFormat::Guessed).text.startsWith(QStringLiteral("2,500,000 ns")))
        << tip.toStdString();
    EXPECT_EQ(model.data(model.index(0, GoroutineTableModel::StartFunction)).toString(), QStringLiteral("main.worker"));
}

TEST(GoroutineTableModel, SortsEveryColumnNumericallyAndKeepsPersistentIndexes)
{
    const StorePtr store = loadTrace("go126_sched.trace");
    ASSERT_TRUE(store && store->trace);
    GoroutineTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setStore(store);
    const GoroutineRow tracked = model.goroutineAt(3);
    const QPersistentModelIndex persistent = model.index(3, GoroutineTableModel::Id);
    for (int c = 0; c < model.columnCount(); ++c) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(c, order);
            for (int r = 1; r < model.rowCount(); ++r) {
                const QVariant a = model.data(model.index(r - 1, c), GoroutineTableModel::SortRole);
                const QVariant b = model.data(model.index(r, c), GoroutineTableModel::SortRole);
                if (c == GoroutineTableModel::StartFunction) {
                    const int cmp = a.toString().compare(b.toString());
                    EXPECT_TRUE(order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0) << "column " << c << " row " << r;
                } else {
                    EXPECT_TRUE(order == Qt::AscendingOrder ? a.toLongLong() <= b.toLongLong()
                                                            : a.toLongLong() >= b.toLongLong())
                        << "column " << c << " row " << r;
                }
            }
            EXPECT_EQ(model.goroutineAt(persistent.row()), tracked);
        }
    }
    // Durations sort as numbers, not as their text ("9 ms" would come after "10 ms").
    model.sort(GoroutineTableModel::Execution, Qt::DescendingOrder);
    TimeNs busiest = 0;
    for (GoroutineRow g = 0; g < store->trace->goroutines.size(); ++g)
        busiest = std::max(busiest, store->trace->goroutineStats(g).execNs);
    EXPECT_EQ(store->trace->goroutineStats(model.goroutineAt(0)).execNs, busiest);
}

TEST(GoroutineTableModel, AFilterResultHidesTheGoroutinesItDrops)
{
    const StorePtr store = loadTrace("go126_sched.trace");
    ASSERT_TRUE(store && store->trace);
    const size_t n = store->trace->goroutines.size();
    GoroutineTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setStore(store);
    auto result = std::make_shared<GoroutineFilterResult>();
    result->keep.assign(n, 0);
    for (size_t r = 0; r < n; r += 3)
        result->keep[r] = 1;
    result->kept = (n + 2) / 3;
    model.setFilterResult(result);
    ASSERT_EQ(model.rowCount(), int(result->kept));
    for (GoroutineRow r = 0; r < n; ++r) {
        const int row = model.rowOfGoroutine(r);
        EXPECT_EQ(row >= 0, result->keep[r] != 0) << "goroutine row " << r;
        if (row >= 0) {
            EXPECT_EQ(model.goroutineAt(row), r);
        }
    }
    model.setFilterResult(nullptr);
    EXPECT_EQ(model.rowCount(), int(n));
}

// Waits for an order the model computes off the GUI thread.
void waitSorted(GoroutineTableModel& model)
{
    if (!model.isSorting())
        return;
    QSignalSpy sorted(&model, &GoroutineTableModel::sorted);
    ASSERT_TRUE(sorted.wait(60'000));
    EXPECT_FALSE(model.isSorting());
}

// More goroutines than kInlineGoroutines: the model sorts on the thread pool, keeps the old order until
// the new one arrives, and the selection moves with its goroutine.
TEST(GoroutineTableModel, HundredThousandGoroutinesSortByAReasonColumnOffTheGuiThread)
{
    gs::fixtures::SyntheticTraceSpec spec;
    spec.goroutines = 100'000;
    spec.spans = 1'000'000;
    spec.procSpansEach = 1000;
    const auto store = gs::fixtures::makeSyntheticTrace(spec);
    ASSERT_GT(size_t(spec.goroutines), kInlineGoroutines);
    GoroutineTableModel model;
    model.setStore(store);
    EXPECT_TRUE(model.isSorting());
    waitSorted(model);
    // The view gets rows as it scrolls: a first batch, then the rest on demand.
    ASSERT_EQ(model.rowCount(), GoroutineTableModel::kRowsPerFetch);
    while (model.canFetchMore({}))
        model.fetchMore({});
    ASSERT_EQ(model.rowCount(), 100'000);
    ASSERT_GE(model.reasonCount(), 2u);
    const GoroutineRow followed = model.goroutineAt(500);
    const QPersistentModelIndex current = model.index(500, GoroutineTableModel::Id);
    const int column = GoroutineTableModel::FirstReasonColumn + 1;
    model.sort(column, Qt::DescendingOrder);
    ASSERT_TRUE(model.isSorting());
    EXPECT_EQ(model.goroutineAt(500), followed) << "the old order stays until the new one arrives";
    waitSorted(model);
    for (int r = 1; r < model.rowCount(); ++r)
        ASSERT_GE(sortValue(model, r - 1, column), sortValue(model, r, column)) << "row " << r;
    EXPECT_GT(sortValue(model, 0, column), 0);
    EXPECT_EQ(model.goroutineAt(current.row()), followed);
    EXPECT_EQ(current.row(), model.rowOfGoroutine(followed));
}

TEST(WaitReasonsTest, MostBlockedTimeFirst)
{
    SyntheticTraceBuilder b(0, 1000);
    const SyntheticSpan a[] = {{0, 100, SpanState::Waiting, "sleep"}, {100, 400, SpanState::Waiting, "select"}};
    const SyntheticSpan c[] = {{0, 150, SpanState::Waiting, "sleep"}};
    b.addGoroutine(1, "main.a", a);
    b.addGoroutine(2, "main.c", c);
    const auto store = b.finish();
    std::vector<std::string> names;
    for (StringId r : waitReasons(*store->trace))
        names.emplace_back(store->symbols.strings.get(r));
    EXPECT_EQ(names, (std::vector<std::string>{"select", "sleep"}));
}

// ---- The timeline layout's keep mask ----------------------------------------------------------

TEST(TimelineLayoutFilterTest, KeepMaskRemovesGoroutinesAndEmptyGroups)
{
    SyntheticTraceBuilder b(0, 1000);
    const SyntheticSpan run[] = {{0, 100, SpanState::Running, {}}};
    b.addGoroutine(1, "main.a", run);
    b.addGoroutine(2, "main.a", run);
    b.addGoroutine(3, "main.b", run);
    b.addGoroutine(4, "main.a", run);
    const auto store = b.finish();
    const TimelineIndex index(*store);
    TimelineLayout::Options opt;
    opt.showProcessors = false;
    opt.keep = std::make_shared<const std::vector<uint8_t>>(std::vector<uint8_t>{1, 0, 0, 1});
    const TimelineLayout layout(*store->trace, index, opt);
    // main.b lost its only member, so its group is gone; main.a shows the two kept of three.
    ASSERT_EQ(layout.groups().size(), 1u);
    EXPECT_EQ(layout.groups()[0].members, (std::vector<GoroutineRow>{0, 3}));
    ASSERT_EQ(layout.rowCount(), 3u);
    EXPECT_EQ(layout.row(0).kind, RowKind::GroupHeader);
    for (GoroutineRow r : {1u, 2u})
        EXPECT_EQ(layout.positionOf(r), layout.rowCount()) << "filtered-out row " << r;
    EXPECT_LT(layout.positionOf(0), layout.rowCount());
    EXPECT_LT(layout.positionOf(3), layout.rowCount());

    opt.grouped = false;
    const TimelineLayout flat(*store->trace, index, opt);
    EXPECT_EQ(flat.rowCount(), 2u);
    opt.keep.reset();
    const TimelineLayout all(*store->trace, index, opt);
    EXPECT_EQ(all.rowCount(), 4u);
}

} // namespace
} // namespace gs::ui
