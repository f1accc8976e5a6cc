// SPDX-License-Identifier: MIT
#include "widgets/goroutines/trace_creation_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"

#include <QApplication>
#include <QPalette>

namespace gs::ui {

namespace {

// Enough frames of the creation stack to show the `go` statement and its callers.
constexpr size_t kTooltipFrames = 8;

} // namespace

TraceCreationModel::TraceCreationModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_creation(std::make_shared<const CreationIndex>())
{
}

void TraceCreationModel::setStore(StorePtr store, std::shared_ptr<const CreationIndex> creation)
{
    beginResetModel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    if (m_store && !creation)
        creation = std::make_shared<const CreationIndex>(buildCreationIndex(*m_store->trace));
    m_creation = creation ? std::move(creation) : std::make_shared<const CreationIndex>();
    m_keep.reset();
    endResetModel();
}

void TraceCreationModel::setKeepMask(std::shared_ptr<const std::vector<uint8_t>> keep)
{
    if (!m_store || keep == m_keep)
        return;
    m_keep = std::move(keep);
    // Only the colour changes: one dataChanged per list of siblings (few: most goroutines share a
    // handful of creators), so the view keeps what the user expanded.
    const auto changed = [this](const QModelIndex& parent, size_t count) {
        if (count > 0)
            emit dataChanged(index(0, 0, parent), index(int(count) - 1, ColumnCount - 1, parent), {Qt::ForegroundRole});
    };
    changed({}, m_creation->roots.size());
    for (GoroutineRow r = 0; r < m_store->trace->goroutines.size(); ++r)
        changed(indexOf(r), m_creation->childrenOf(r).size());
}

GoroutineRow TraceCreationModel::goroutineAt(const QModelIndex& index) const
{
    return index.isValid() ? GoroutineRow(index.internalId()) : kNoRow;
}

QModelIndex TraceCreationModel::indexOf(GoroutineRow row, int column) const
{
    if (!m_store || row >= m_creation->creator.size())
        return {};
    return createIndex(int(m_creation->position[row]), column, quintptr(row));
}

std::span<const GoroutineRow> TraceCreationModel::childrenOf(const QModelIndex& parent) const
{
    return parent.isValid() ? m_creation->childrenOf(goroutineAt(parent)) : std::span<const GoroutineRow>(m_creation->roots);
}

QModelIndex TraceCreationModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const auto children = childrenOf(parent);
    if (size_t(row) >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex TraceCreationModel::parent(const QModelIndex& child) const
{
    return child.isValid() ? indexOf(m_creation->creator[goroutineAt(child)]) : QModelIndex();
}

int TraceCreationModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int TraceCreationModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QString TraceCreationModel::text(GoroutineRow row, Column column) const
{
    const TraceData& t = *m_store->trace;
    const gs::Goroutine& g = t.goroutines[row];
    switch (column) {
    case Goroutine:
        return QStringLiteral("G%1").arg(g.id);
    case Function:
        return g.hasStartFunction() ? captureText(m_store->symbols.functionName(g.startFunction)) : QString();
    case Created:
        return formatDuration(g.createdNs - t.startNs);
    case Lifetime:
        return g.endNs >= 0 ? formatDuration(g.endNs - g.createdNs) : tr("alive at the end");
    case Descendants:
        return QString::number(m_creation->subtree[row] - 1);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TraceCreationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const GoroutineRow row = goroutineAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return text(row, Column(index.column()));
    case Qt::ToolTipRole: {
        const gs::Goroutine& g = m_store->trace->goroutines[row];
        const QString title = captureHtml(goroutineTitle(*m_store->trace, m_store->symbols, row));
        if (g.creatorId == kNoGoroutineId)
            return tr("<b>%1</b>: created before the trace began, or by the runtime").arg(title);
        return QString(tr("<b>%1</b>, created by G%2 at:").arg(title, QString::number(g.creatorId))
                       + stackFramesHtml(m_store->symbols, g.creationStack, kTooltipFrames));
    }
    case Qt::ForegroundRole:
        if (m_keep && row < m_keep->size() && !(*m_keep)[row])
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= Created ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant TraceCreationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // One title per Column, in its order.
    static constexpr const char* kTitles[ColumnCount] = {
        QT_TR_NOOP("Goroutine"), QT_TR_NOOP("Start function"), QT_TR_NOOP("Created at"),
        QT_TR_NOOP("Lifetime"),  QT_TR_NOOP("Descendants"),
    };
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return tr(kTitles[section]);
}

} // namespace gs::ui
