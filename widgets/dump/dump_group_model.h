// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/dump/dump_view.h"

#include <QAbstractTableModel>

#include <memory>

namespace gs::ui {

// The groups of a DumpView as table rows, in the view's order (largest group first). Holds the
// immutable view by shared pointer and converts to text only in data(). GUI thread only.
class DumpGroupModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Count,    // goroutines in the group
        State,    // status text (State grouping: the group's; otherwise its first member's)
        Wait,     // the members' wait times, "2 minutes" or "1–5 minutes"; empty under a minute
        Function, // the first member's innermost non-runtime function
        ColumnCount
    };

    explicit DumpGroupModel(QObject* parent = nullptr);

    void setView(std::shared_ptr<const DumpView> view);
    const std::shared_ptr<const DumpView>& view() const { return m_view; }
    // The group shown at `row`, or null.
    const DumpGroup* groupAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString waitText(const DumpGroup& group) const;

    std::shared_ptr<const DumpView> m_view;
};

} // namespace gs::ui
