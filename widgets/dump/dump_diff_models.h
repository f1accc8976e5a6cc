// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dump_diff.h"

#include <QAbstractTableModel>
#include <QPixmap>

#include <memory>
#include <vector>

namespace gs::ui {

// The groups of a dump diff as table rows, in the diff's order (largest growth first, groups that
// shrank last). Unless told to show them all, it leaves out the groups that neither changed size
// nor hold a goroutine waiting longer, as `goroscope-cli diff` does. Holds the immutable diff by
// shared pointer and converts to text only in data(). GUI thread only.
class DumpDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Growth, // after - before, signed: red when the group grew, blue when it shrank
        Before, // goroutines in the base (earlier) dump
        After,  // goroutines in the current dump
        State,  // the status every goroutine of the group shares
        Stack,  // functions from the innermost non-runtime one outwards, with a "new" badge
        ColumnCount
    };

    explicit DumpDiffModel(QObject* parent = nullptr);

    void setDiff(std::shared_ptr<const DumpDiff> diff);
    const std::shared_ptr<const DumpDiff>& diff() const { return m_diff; }
    void setShowUnchanged(bool show);
    // The group shown at `row` and its index in diff()->groups; null / -1 when none.
    const DumpDiffGroup* groupAt(int row) const;
    int groupIndexAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    std::shared_ptr<const DumpDiff> m_diff;
    std::vector<uint32_t> m_rows; // shown row -> index in m_diff->groups
    bool m_showUnchanged = false;
    QPixmap m_newBadge;
};

// The persistent goroutines of one diff group: the same goroutine in both dumps, waiting longer
// in the later one, largest growth first (the diff's order). GUI thread only.
class PersistentGoroutineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,         // the Go goroutine ID
        WaitBefore, // the wait time the base dump printed
        WaitAfter,  // the wait time the current dump printed
        Growth,     // how much longer it has been waiting
        ColumnCount
    };

    explicit PersistentGoroutineModel(QObject* parent = nullptr);

    // The group at `groupIndex` of `diff`; null or -1 clears.
    void setGroup(std::shared_ptr<const DumpDiff> diff, int groupIndex);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const DumpDiff> m_diff;
    const DumpDiffGroup* m_group = nullptr; // in m_diff
};

// The function names of a diff group from the innermost non-runtime one outwards, joined by
// arrows ("main.awaitReply \u2190 main.handle"): the frames a person recognises a leak by.
QString diffStackSummary(const std::vector<std::string>& functions);

} // namespace gs::ui
