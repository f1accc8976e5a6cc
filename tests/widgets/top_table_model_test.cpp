// SPDX-License-Identifier: MIT
#include "tests/widgets/test_profiles.h"
#include "widgets/top/top_table_model.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>

namespace gs::ui {
namespace {

std::shared_ptr<const ProfileResult> compute(const StorePtr& store, const StorePtr& base = nullptr)
{
    auto r = computeProfile(store, base, ProfileQuery {});
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : nullptr;
}

QString text(const TopTableModel& m, int row, int column)
{
    return m.data(m.index(row, column)).toString();
}

int rowNamed(const TopTableModel& m, const QString& name)
{
    for (int r = 0; r < m.rowCount(); ++r) {
        if (text(m, r, TopTableModel::Name) == name)
            return r;
    }
    return -1;
}

TEST(TopTableModel, ShowsPprofTopColumns)
{
    TopTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setResult(compute(test::smallCpuProfile()));
    ASSERT_EQ(model.rowCount(), 6);
    EXPECT_EQ(model.columnCount(), int(TopTableModel::ColumnCount));
    // pprof order: flat descending.
    EXPECT_EQ(text(model, 0, TopTableModel::Name), QStringLiteral("compute.work"));
    EXPECT_EQ(text(model, 0, TopTableModel::Flat), QStringLiteral("500 ns"));
    EXPECT_EQ(text(model, 0, TopTableModel::FlatPercent), QStringLiteral("50.0%"));
    EXPECT_EQ(text(model, 1, TopTableModel::SumPercent), QStringLiteral("80.0%"));
    const int main = rowNamed(model, QStringLiteral("main.main"));
    ASSERT_GE(main, 0);
    EXPECT_EQ(text(model, main, TopTableModel::Flat), QStringLiteral("0"));
    EXPECT_EQ(text(model, main, TopTableModel::Cum), QStringLiteral("900 ns"));
    EXPECT_EQ(text(model, main, TopTableModel::CumPercent), QStringLiteral("90.0%"));
    EXPECT_EQ(model.headerData(TopTableModel::SumPercent, Qt::Horizontal).toString(), QStringLiteral("sum%"));
}

TEST(TopTableModel, SortsByEveryColumnAndKeepsPersistentIndexes)
{
    TopTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setResult(compute(test::smallCpuProfile()));
    const QPersistentModelIndex work = model.index(rowNamed(model, QStringLiteral("compute.work")), TopTableModel::Name);

    model.sort(TopTableModel::Cum, Qt::DescendingOrder);
    EXPECT_EQ(text(model, 0, TopTableModel::Name), QStringLiteral("main.main"));
    EXPECT_EQ(work.data().toString(), QStringLiteral("compute.work"));

    model.sort(TopTableModel::Name, Qt::AscendingOrder);
    EXPECT_EQ(text(model, 0, TopTableModel::Name), QStringLiteral("compute.work"));
    EXPECT_EQ(work.row(), 0);

    model.sort(TopTableModel::Flat, Qt::AscendingOrder);
    EXPECT_EQ(text(model, model.rowCount() - 1, TopTableModel::Name), QStringLiteral("compute.work"));
    // sum% follows the display order, so the last row always reaches 100%.
    EXPECT_EQ(text(model, model.rowCount() - 1, TopTableModel::SumPercent), QStringLiteral("100.0%"));

    for (int c = 0; c < TopTableModel::ColumnCount; ++c) {
        // sum% is a running total down the rows, so it cannot be descending; it sorts as flat does.
        if (c == TopTableModel::SumPercent)
            continue;
        model.sort(c, Qt::DescendingOrder);
        for (int r = 1; r < model.rowCount(); ++r) {
            const QVariant a = model.data(model.index(r - 1, c), TopTableModel::SortRole);
            const QVariant b = model.data(model.index(r, c), TopTableModel::SortRole);
            const QPartialOrdering order = QVariant::compare(a, b);
            EXPECT_TRUE(order == QPartialOrdering::Greater || order == QPartialOrdering::Equivalent)
                << "column " << c << " row " << r;
        }
    }
}

TEST(TopTableModel, RowsAndFunctionsMapBothWays)
{
    TopTableModel model;
    auto result = compute(test::smallCpuProfile());
    model.setResult(result);
    for (int r = 0; r < model.rowCount(); ++r) {
        const std::optional<FunctionId> f = model.functionAt(r);
        ASSERT_TRUE(f.has_value());
        EXPECT_EQ(model.rowOf(*f), r);
    }
    EXPECT_FALSE(model.functionAt(-1).has_value());
    model.setResult(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(TopTableModel, DiffShowsSignedDeltas)
{
    auto base = test::ProfileBuilder().sample({"main.main", "a.f"}, {100}).sample({"main.main", "b.g"}, {300}).build();
    auto now = test::ProfileBuilder().sample({"main.main", "a.f"}, {400}).sample({"main.main", "b.g"}, {100}).build();
    TopTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setResult(compute(now, base));
    EXPECT_EQ(model.headerData(TopTableModel::Flat, Qt::Horizontal).toString(), QStringLiteral("flat \u0394"));
    const int a = rowNamed(model, QStringLiteral("a.f"));
    const int b = rowNamed(model, QStringLiteral("b.g"));
    ASSERT_GE(a, 0);
    ASSERT_GE(b, 0);
    EXPECT_EQ(text(model, a, TopTableModel::Flat), QStringLiteral("+300 ns"));
    EXPECT_EQ(text(model, b, TopTableModel::Flat), QStringLiteral("-200 ns"));
    // Percentages of the base total (400), as pprof -diff_base reports them.
    EXPECT_EQ(text(model, a, TopTableModel::FlatPercent), QStringLiteral("75.0%"));
}

} // namespace
} // namespace gs::ui
