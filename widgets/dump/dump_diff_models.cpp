// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_diff_models.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/diff_style.h"
#include "widgets/common/go_names.h"
#include "widgets/common/value_format.h"

#include <QStringList>

namespace gs::ui {

namespace {

QVariant rightAligned()
{
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
}

// The runtime prints no wait time under a minute.
QString waitText(int32_t minutes)
{
    return minutes == 0 ? QObject::tr("< 1 minute") : formatCount(minutes, QObject::tr("minute"), QObject::tr("minutes"));
}

} // namespace

QString diffStackSummary(const std::vector<std::string>& functions)
{
    if (functions.empty())
        return QObject::tr("(no stack)");
    size_t first = 0;
    while (first < functions.size() && isRuntimeFunction(functions[first]))
        ++first;
    if (first == functions.size())
        first = 0; // a runtime goroutine: its runtime frames are all there is
    QStringList names;
    for (size_t i = first; i < functions.size(); ++i)
        names << captureText(functions[i]);
    return names.join(QStringLiteral(" \u2190 "));
}

DumpDiffModel::DumpDiffModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_newBadge(diffBadge(tr("new"), kGrewColor))
{
}

void DumpDiffModel::setDiff(std::shared_ptr<const DumpDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    rebuildRows();
    endResetModel();
}

void DumpDiffModel::setShowUnchanged(bool show)
{
    if (show == m_showUnchanged)
        return;
    beginResetModel();
    m_showUnchanged = show;
    rebuildRows();
    endResetModel();
}

void DumpDiffModel::rebuildRows()
{
    m_rows.clear();
    if (!m_diff)
        return;
    for (size_t i = 0; i < m_diff->groups.size(); ++i) {
        const DumpDiffGroup& g = m_diff->groups[i];
        if (m_showUnchanged || g.growth() != 0 || !g.persistent.empty())
            m_rows.push_back(uint32_t(i));
    }
}

int DumpDiffModel::groupIndexAt(int row) const
{
    return row >= 0 && size_t(row) < m_rows.size() ? int(m_rows[size_t(row)]) : -1;
}

const DumpDiffGroup* DumpDiffModel::groupAt(int row) const
{
    const int index = groupIndexAt(row);
    return index < 0 ? nullptr : &m_diff->groups[size_t(index)];
}

int DumpDiffModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DumpDiffModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DumpDiffModel::data(const QModelIndex& index, int role) const
{
    const DumpDiffGroup* g = groupAt(index.row());
    if (!g || !index.isValid())
        return {};
    const Column column = Column(index.column());
    switch (role) {
    case Qt::TextAlignmentRole:
        return column == Growth || column == Before || column == After ? rightAligned() : QVariant();
    case Qt::ForegroundRole:
        return column == Growth ? changeForeground(g->growth()) : QVariant();
    case Qt::DecorationRole:
        return column == Stack && g->isNew() ? QVariant::fromValue(m_newBadge) : QVariant();
    case Qt::ToolTipRole:
        if (column == Stack) {
            QStringList lines;
            for (const std::string& f : g->functions)
                lines << captureText(f);
            return plainToolTip((g->isNew() ? tr("New: not in the base dump\n") : QString()) + lines.join(QLatin1Char('\n')));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Growth:
        return formatDelta(g->growth(), "count");
    case Before:
        return QVariant::fromValue(g->before);
    case After:
        return QVariant::fromValue(g->after);
    case State:
        return captureText(g->state);
    case Stack:
        return diffStackSummary(g->functions);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DumpDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Growth:
        return tr("Growth");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    case State:
        return tr("State");
    case Stack:
        return tr("Stack (innermost first)");
    case ColumnCount:
        break;
    }
    return {};
}

PersistentGoroutineModel::PersistentGoroutineModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PersistentGoroutineModel::setGroup(std::shared_ptr<const DumpDiff> diff, int groupIndex)
{
    beginResetModel();
    const bool valid = diff && groupIndex >= 0 && size_t(groupIndex) < diff->groups.size();
    m_group = valid ? &diff->groups[size_t(groupIndex)] : nullptr;
    m_diff = valid ? std::move(diff) : nullptr;
    endResetModel();
}

int PersistentGoroutineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_group ? 0 : int(m_group->persistent.size());
}

int PersistentGoroutineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersistentGoroutineModel::data(const QModelIndex& index, int role) const
{
    if (!m_group || !index.isValid() || size_t(index.row()) >= m_group->persistent.size())
        return {};
    const PersistentGoroutine& p = m_group->persistent[size_t(index.row())];
    const Column column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return column == Id ? rightAligned() : QVariant();
    if (role == Qt::ForegroundRole)
        return column == Growth ? changeForeground(p.growth()) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Id:
        return QVariant::fromValue(p.id);
    case WaitBefore:
        return waitText(p.waitBefore);
    case WaitAfter:
        return waitText(p.waitAfter);
    case Growth:
        return QString(QLatin1Char('+') + formatCount(p.growth(), tr("minute"), tr("minutes")));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PersistentGoroutineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Goroutine");
    case WaitBefore:
        return tr("Waiting before");
    case WaitAfter:
        return tr("Waiting after");
    case Growth:
        return tr("Growth");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gs::ui
