// SPDX-License-Identifier: MIT
#include "widgets/trace/linked_dump_model.h"

#include "core/analysis/dump_groups.h"
#include "widgets/common/capture_display.h"
#include "widgets/dump/dump_names.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace gs::ui {

LinkedDumpModel::LinkedDumpModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LinkedDumpModel::setStores(StorePtr trace, StorePtr dump)
{
    beginResetModel();
    m_trace = std::move(trace);
    m_dump = std::move(dump);
    m_order.clear();
    m_traceRows.clear();
    m_rowById.clear();
    m_linked = 0;
    if (m_trace && m_trace->trace && m_dump && m_dump->dump && m_dump->dump->kind == GoroutineDumpData::Kind::Traceback) {
        const GoroutineDumpData& d = *m_dump->dump;
        const std::vector<DumpEntry> entries = dumpEntries(d);
        for (const DumpGroup& group : groupDump(m_dump->symbols, entries, DumpGrouping::IdenticalStack)) {
            const size_t first = m_order.size();
            for (uint32_t e : group.entries)
                m_order.push_back(entries[e].index);
            std::sort(m_order.begin() + ptrdiff_t(first), m_order.end(),
                      [&d](uint32_t a, uint32_t b) { return d.goroutines[a].id < d.goroutines[b].id; });
        }
        m_traceRows.reserve(m_order.size());
        for (size_t row = 0; row < m_order.size(); ++row) {
            const int64_t id = int64_t(d.goroutines[m_order[row]].id);
            const GoroutineRow traceRow = m_trace->trace->rowOf(id);
            m_traceRows.push_back(traceRow);
            m_linked += traceRow != kNoRow;
            m_rowById.emplace(id, int(row));
        }
    }
    endResetModel();
}

const DumpGoroutine* LinkedDumpModel::goroutineAt(int row) const
{
    if (row < 0 || size_t(row) >= m_order.size())
        return nullptr;
    return &m_dump->dump->goroutines[m_order[size_t(row)]];
}

GoroutineRow LinkedDumpModel::traceRowAt(int row) const
{
    return row < 0 || size_t(row) >= m_traceRows.size() ? kNoRow : m_traceRows[size_t(row)];
}

int LinkedDumpModel::rowOfId(int64_t id) const
{
    const auto it = m_rowById.find(id);
    return it == m_rowById.end() ? -1 : it->second;
}

int LinkedDumpModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int LinkedDumpModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LinkedDumpModel::display(const DumpGoroutine& g, Column column) const
{
    const Symbols& symbols = m_dump->symbols;
    switch (column) {
    case Id:
        return QVariant::fromValue(g.id);
    case State:
        return statusText(symbols, g.state, g.waitMinutes);
    case Function:
        return blockingFunction(symbols, g.stack);
    case CreatedBy: {
        if (g.createdBy == kNoFrame)
            return {};
        const QString function = captureText(symbols.functionName(symbols.frameFunction(g.createdBy)));
        return g.creatorId == 0 ? function : tr("%1 in goroutine %2").arg(function, QString::number(g.creatorId));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LinkedDumpModel::data(const QModelIndex& index, int role) const
{
    const DumpGoroutine* g = goroutineAt(index.row());
    if (!g || !index.isValid())
        return {};
    const Column column = Column(index.column());
    const bool linked = traceRowAt(index.row()) != kNoRow;
    switch (role) {
    case Qt::DisplayRole:
        return display(*g, column);
    case TraceRowRole:
        return QVariant::fromValue(traceRowAt(index.row()));
    case Qt::TextAlignmentRole:
        return column == Id ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ForegroundRole:
        if (!linked)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return column == Id ? QGuiApplication::palette().brush(QPalette::Link) : QVariant();
    case Qt::FontRole:
        if (column == Id && linked) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (column != Id)
            return plainToolTip(display(*g, column).toString());
        return linked ? tr("Click to select goroutine %1 in the timeline").arg(g->id)
                      : tr("Goroutine %1 is not in the trace: the dump saw it, but it did not exist, or did nothing, "
                           "while the trace was recorded")
                            .arg(g->id);
    default:
        return {};
    }
}

QVariant LinkedDumpModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Goroutine");
    case State:
        return tr("State");
    case Function:
        return tr("Function");
    case CreatedBy:
        return tr("Created by");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gs::ui
