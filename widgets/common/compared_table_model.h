// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QPixmap>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gs::ui {

// One quantity two captures are compared by ("Total", "p90"), shown as three columns: its value
// before, after and the difference.
struct ComparedMeasure
{
    QString name;     // the column headers' first line
    QString meaning;  // for the headers' and cells' tooltips: what is measured, in which unit
    std::string unit; // a pprof unit for formatValue: "nanoseconds" or "count"
};

// One entry compared (a start function, a region type). An entry one side lacks has zeros on
// that side, shown as a dash.
struct ComparedRow
{
    std::string name; // capture text, escaped for display by the model
    bool isNew = false;
    bool isGone = false;
    bool unchanged = false;
    std::vector<int64_t> before; // one per measure
    std::vector<int64_t> after;
    std::vector<int64_t> difference;
    std::vector<QString> details; // per measure, extra tooltip lines (empty: none)
};

// The entries of one comparison, in the order to show them (the comparison's: largest change
// first).
struct ComparedTable
{
    QString nameHeader; // "Start function"
    QString emptyName;  // shown for an entry whose name is empty
    std::vector<ComparedMeasure> measures;
    std::vector<ComparedRow> rows;
};

// A comparison of two captures as a table: the entry's name (with a "new" or "gone" badge), then
// before / after / change for each measure. Durations read "1.23 ms", counts "1,234"; a change
// that grew is red, one that shrank blue (diff_style.h), an unchanged entry is greyed. Fixed
// row order: the table's. Holds the immutable table by shared pointer. GUI thread only.
class ComparedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Which of a measure's three columns a column is.
    enum class Side
    {
        Before,
        After,
        Difference,
    };
    // The raw value of a measure's cell (qlonglong), invalid on a side that lacks the entry.
    static constexpr int kValueRole = Qt::UserRole + 1;
    static constexpr int kNameColumn = 0;

    explicit ComparedTableModel(QObject* parent = nullptr);

    void setTable(std::shared_ptr<const ComparedTable> table);
    const std::shared_ptr<const ComparedTable>& table() const { return m_table; }
    // The column of `side` of measure `measure`.
    static int column(int measure, Side side) { return 1 + measure * 3 + int(side); }
    const ComparedRow* rowAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant nameData(const ComparedRow& row, int role) const;
    QVariant valueData(const ComparedRow& row, int measure, Side side, int role) const;

    std::shared_ptr<const ComparedTable> m_table;
    QPixmap m_newBadge;
    QPixmap m_goneBadge;
};

} // namespace gs::ui
