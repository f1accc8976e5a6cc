// SPDX-License-Identifier: MIT
#include "widgets/goroutines/goroutine_table_model.h"

#include "widgets/common/go_names.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/value_format.h"
#include "widgets/goroutines/wait_reasons.h"

#include <QLocale>

#include <algorithm>
#include <string_view>

namespace gs::ui {

namespace {

constexpr size_t kCreationFrames = 8; // frames of the creation stack in the "created by" tooltip

TimeNs blockedOn(const GoroutineStats& stats, StringId reason)
{
    const auto& by = stats.blockNsByReason; // sorted by reason id
    const auto it = std::lower_bound(by.begin(), by.end(), reason,
                                     [](const std::pair<StringId, TimeNs>& e, StringId r) { return e.first < r; });
    return it != by.end() && it->first == reason ? it->second : 0;
}

// A reason column's title. Goroutines already blocked when the trace starts have no recorded
// reason (Go counts that time under the empty reason).
QString reasonTitle(std::string_view reason)
{
    return reason.empty() ? GoroutineTableModel::tr("(unknown reason)") : toQString(reason);
}

QString duration(TimeNs ns)
{
    return ns == 0 ? QStringLiteral("-") : formatValue(ns, "nanoseconds");
}

QString exactNs(TimeNs ns)
{
    return QLocale(QLocale::English).toString(qlonglong(ns)) + QStringLiteral(" ns");
}

} // namespace

GoroutineTableModel::GoroutineTableModel(QObject* parent)
    : OrderedTableModel(parent)
{
}

void GoroutineTableModel::setStore(StorePtr store)
{
    beginResetModel();
    m_store = std::move(store);
    m_result.reset();
    m_reasons = m_store && m_store->trace ? waitReasons(*m_store->trace) : std::vector<StringId>();
    rebuildRows();
    endResetModel();
}

void GoroutineTableModel::setFilterResult(std::shared_ptr<const GoroutineFilterResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    rebuildRows();
    endResetModel();
}

void GoroutineTableModel::rebuildRows()
{
    m_order.clear();
    const size_t n = m_store && m_store->trace ? m_store->trace->goroutines.size() : 0;
    const std::vector<uint8_t>* keep = m_result ? &m_result->keep : nullptr;
    for (GoroutineRow r = 0; r < n; ++r) {
        if (!keep || (r < keep->size() && (*keep)[r]))
            m_order.push_back(r);
    }
    applySort();
}

std::optional<StringId> GoroutineTableModel::reasonOfColumn(int column) const
{
    if (column < FirstReasonColumn || column >= totalColumn())
        return std::nullopt;
    return m_reasons[size_t(column - FirstReasonColumn)];
}

GoroutineRow GoroutineTableModel::goroutineAt(int row) const
{
    return row >= 0 && size_t(row) < m_order.size() ? m_order[size_t(row)] : kNoRow;
}

int GoroutineTableModel::rowOfGoroutine(GoroutineRow goroutine) const
{
    return goroutine < m_rowOf.size() ? m_rowOf[goroutine] : -1;
}

int GoroutineTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int GoroutineTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : totalColumn() + 1;
}

const GoroutineStats& GoroutineTableModel::statsOf(GoroutineRow row) const
{
    // Stats are computed from the spans on demand (a store of millions of goroutines keeps none);
    // the rows on screen are asked for again and again while painting, so they are remembered.
    constexpr size_t kRemembered = 4096;
    if (auto it = m_stats.find(row); it != m_stats.end())
        return it->second;
    if (m_stats.size() >= kRemembered)
        m_stats.clear();
    return m_stats.emplace(row, m_store->trace->goroutineStats(row)).first->second;
}

TimeNs GoroutineTableModel::durationAt(GoroutineRow row, int column) const
{
    return durationIn(statsOf(row), column);
}

TimeNs GoroutineTableModel::durationIn(const GoroutineStats& stats, int column) const
{
    switch (column) {
    case Execution:
        return stats.execNs;
    case SchedWait:
        return stats.schedWaitNs;
    case Syscall:
        return stats.syscallNs + stats.syscallBlockNs;
    default:
        break;
    }
    if (column == totalColumn())
        return stats.totalNs;
    if (const auto reason = reasonOfColumn(column))
        return blockedOn(stats, *reason);
    return 0;
}

QString GoroutineTableModel::cellText(GoroutineRow row, int column) const
{
    const TraceData& t = *m_store->trace;
    const Symbols& symbols = m_store->symbols;
    const Goroutine g = t.goroutines[row];
    switch (column) {
    case Id:
        return QString::number(g.id);
    case StartFunction:
        return g.hasStartFunction() ? toQString(symbols.functionName(g.startFunction)) : QStringLiteral("(unknown)");
    case CreatedBy: {
        if (g.creatorId == kNoGoroutineId)
            return QStringLiteral("-");
        QString text = QStringLiteral("G%1").arg(g.creatorId);
        const GoroutineRow creator = t.rowOf(g.creatorId);
        if (creator != kNoRow && t.goroutines[creator].hasStartFunction())
            text += QLatin1Char(' ') + toQString(goShortName(symbols.functionName(t.goroutines.startFunctionOf(creator))));
        return text;
    }
    default:
        return duration(durationAt(row, column));
    }
}

QString GoroutineTableModel::cellToolTip(GoroutineRow row, int column) const
{
    const TraceData& t = *m_store->trace;
    const Symbols& symbols = m_store->symbols;
    const Goroutine g = t.goroutines[row];
    const GoroutineStats& stats = statsOf(row);
    switch (column) {
    case Id:
    case StartFunction:
        return QStringLiteral("G%1 %2\ncreated at %3")
            .arg(QString::number(g.id), cellText(row, StartFunction), formatValue(g.createdNs - t.startNs, "nanoseconds"));
    case CreatedBy: {
        if (g.creatorId == kNoGoroutineId)
            return tr("Created before the trace started, or by the runtime");
        QString tip = tr("Created by G%1 at:").arg(g.creatorId);
        const auto frames = symbols.stacks.frames(g.creationStack);
        for (size_t k = 0; k < std::min(frames.size(), kCreationFrames); ++k)
            tip += QStringLiteral("\n  ") + toQString(symbols.functionName(symbols.frameFunction(frames[k])));
        if (frames.size() > kCreationFrames)
            tip += tr("\n  \u2026 %1 more frames").arg(frames.size() - kCreationFrames);
        return tip;
    }
    case Syscall:
        return tr("%1 in syscalls: %2 executing, %3 blocked (processor handed off)")
            .arg(formatValue(durationAt(row, column), "nanoseconds"), formatValue(stats.syscallNs, "nanoseconds"),
                 formatValue(stats.syscallBlockNs, "nanoseconds"));
    default:
        break;
    }
    const TimeNs ns = durationAt(row, column);
    QString tip = exactNs(ns);
    if (column != totalColumn() && stats.totalNs > 0)
        tip += tr(", %1 of its total %2")
                   .arg(formatPercent(double(ns) / double(stats.totalNs)), formatValue(stats.totalNs, "nanoseconds"));
    return tip;
}

QVariant GoroutineTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GoroutineRow row = m_order[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column);
    case Qt::ToolTipRole:
        return cellToolTip(row, column);
    case SortRole: {
        const Goroutine g = m_store->trace->goroutines[row];
        if (column == Id)
            return qint64(g.id);
        if (column == StartFunction)
            return cellText(row, column);
        if (column == CreatedBy)
            return qint64(g.creatorId);
        return qint64(durationAt(row, column));
    }
    case GoroutineRowRole:
        return uint(row);
    case Qt::TextAlignmentRole:
        return column == StartFunction || column == CreatedBy ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QString GoroutineTableModel::headerToolTip(int column) const
{
    switch (column) {
    case Id:
        return tr("Go's goroutine ID");
    case StartFunction:
        return tr("The function the goroutine was started with (go f())");
    case CreatedBy:
        return tr("The goroutine whose go statement created it (hover a cell for the creation stack)");
    case Execution:
        return tr("Execution time: running on a processor (go tool trace: Execution time)");
    case SchedWait:
        return tr("Scheduler wait: runnable, waiting for a processor (go tool trace: Scheduler wait time)");
    case Syscall:
        return tr("In system calls: executing plus blocked after the processor was handed off "
                  "(go tool trace: Syscall execution time + Block time (syscall))");
    default:
        break;
    }
    if (column == totalColumn())
        return tr("Total time the goroutine existed in the trace (go tool trace: Total)");
    if (const auto reason = reasonOfColumn(column)) {
        const std::string_view name = m_store->symbols.strings.get(*reason);
        if (name.empty())
            return tr("Blocked since before the trace started, on what the trace does not say "
                      "(go tool trace: Block time ())");
        return tr("Blocked waiting on \"%1\" (go tool trace: Block time (%1))").arg(toQString(name));
    }
    return {};
}

QVariant GoroutineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::ToolTipRole)
        return headerToolTip(section);
    if (role == Qt::TextAlignmentRole)
        return section == StartFunction || section == CreatedBy ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("ID");
    case StartFunction:
        return tr("Start function");
    case CreatedBy:
        return tr("Created by");
    case Execution:
        return tr("Execution");
    case SchedWait:
        return tr("Sched wait");
    case Syscall:
        return tr("Syscall");
    default:
        break;
    }
    if (section == totalColumn())
        return tr("Total");
    return reasonTitle(m_store->symbols.strings.get(m_reasons[size_t(section - FirstReasonColumn)]));
}

void GoroutineTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    reorder([&] {
        m_sortColumn = column;
        m_sortOrder = order;
        applySort();
    });
}

int64_t GoroutineTableModel::numericKey(GoroutineRow row) const
{
    const TraceData& t = *m_store->trace;
    switch (m_sortColumn) {
    case Id:
        return t.goroutines.idOf(row);
    case CreatedBy:
        return t.goroutines[row].creatorId;
    case Execution: {
        // The span table's state mix: no GoroutineStats (and its list) per goroutine.
        TimeNs mix[kSpanStateCount];
        const auto [first, last] = t.spans.rowRange(row);
        t.spans.stateMix(row, first, last, mix);
        return mix[size_t(SpanState::Running)];
    }
    default:
        return durationIn(t.goroutineStats(row), m_sortColumn);
    }
}

void GoroutineTableModel::applySort()
{
    m_rowOf.assign(m_store && m_store->trace ? m_store->trace->goroutines.size() : 0, -1);
    if (m_order.empty())
        return;
    const TraceData& t = *m_store->trace;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    // Ties are broken by goroutine ID ascending in either direction, so the order is deterministic.
    if (m_sortColumn == StartFunction) {
        auto name = [&](GoroutineRow r) {
            const FunctionId f = t.goroutines.startFunctionOf(r);
            return f != UINT32_MAX ? m_store->symbols.functionName(f) : std::string_view();
        };
        std::sort(m_order.begin(), m_order.end(), [&](GoroutineRow a, GoroutineRow b) {
            const std::string_view na = name(a), nb = name(b);
            if (na != nb)
                return ascending ? na < nb : nb < na;
            return t.goroutines.idOf(a) < t.goroutines.idOf(b);
        });
    } else {
        // Numbers: (key, ID, row) sorted as one contiguous array; sorting millions of rows
        // through a key table spends its time on cache misses.
        struct Item
        {
            int64_t key;
            int64_t id;
            GoroutineRow row;
        };
        std::vector<Item> items;
        items.reserve(m_order.size());
        for (GoroutineRow r : m_order)
            items.push_back({numericKey(r), t.goroutines.idOf(r), r});
        std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
            if (a.key != b.key)
                return ascending ? a.key < b.key : b.key < a.key;
            return a.id < b.id;
        });
        for (size_t i = 0; i < items.size(); ++i)
            m_order[i] = items[i].row;
    }
    for (size_t i = 0; i < m_order.size(); ++i)
        m_rowOf[m_order[i]] = int(i);
}

} // namespace gs::ui
