// SPDX-License-Identifier: MIT
#include "widgets/goroutines/goroutine_table_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/table_sort.h"
#include "widgets/common/value_format.h"
#include "widgets/goroutines/wait_reasons.h"

#include <QLocale>

#include <algorithm>
#include <string_view>

namespace gs::ui {

namespace {

constexpr size_t kCreationFrames = 8; // frames of the creation stack in the "created by" tooltip

// A reason column's title. Goroutines already blocked when the trace starts have no recorded
// reason (Go counts that time under the empty reason).
QString reasonTitle(std::string_view reason)
{
    return reason.empty() ? GoroutineTableModel::tr("(unknown reason)") : captureText(reason);
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
    : QAbstractTableModel(parent)
    , m_jobs(this)
{
}

void GoroutineTableModel::setStore(StorePtr store, std::vector<StringId> reasons, GoroutineOrderPtr order)
{
    m_jobs.cancel();
    m_sorting = false;
    beginResetModel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    m_result.reset();
    m_stats.clear();
    m_order.reset();
    m_fetched = 0;
    m_reasons = !m_store ? std::vector<StringId>() : !reasons.empty() || order ? std::move(reasons) : waitReasons(*m_store->trace);
    endResetModel();
    if (order && order->column == m_sortColumn && order->order == m_sortOrder && !order->keep)
        applyOrder(std::move(order), true);
    else
        resort(true);
}

void GoroutineTableModel::setFilterResult(std::shared_ptr<const GoroutineFilterResult> result)
{
    const auto before = keepMask();
    m_result = std::move(result);
    // A result that keeps everything is no filter: nothing to redo.
    if (keepMask() != before)
        resort(true);
}

std::shared_ptr<const std::vector<uint8_t>> GoroutineTableModel::keepMask() const
{
    return m_store ? keepMaskOf(m_result, m_store->trace->goroutines.size()) : nullptr;
}

void GoroutineTableModel::resort(bool reset)
{
    m_jobs.cancel();
    m_sorting = false;
    if (!m_store) {
        beginResetModel();
        m_order.reset();
        m_fetched = 0;
        endResetModel();
        return;
    }
    auto work = [store = m_store, keep = keepMask(), reasons = m_reasons, column = m_sortColumn, order = m_sortOrder] {
        return std::make_shared<const GoroutineOrder>(sortGoroutines(*store, keep, reasons, column, order));
    };
    if (!needsBackgroundWork(*m_store->trace)) {
        applyOrder(work(), reset);
        return;
    }
    m_sorting = true;
    m_jobs.start(std::move(work), [this, reset](GoroutineOrderPtr order) {
        m_sorting = false;
        applyOrder(std::move(order), reset);
        emit sorted();
    });
}

void GoroutineTableModel::applyOrder(GoroutineOrderPtr order, bool reset)
{
    for (size_t i = 0; i < order->firstStats.size(); ++i)
        m_stats.insert_or_assign(order->rows[i], order->firstStats[i]);
    if (reset) {
        beginResetModel();
        m_order = std::move(order);
        m_fetched = std::min(orderedRows(), kRowsPerFetch);
        endResetModel();
        return;
    }
    // The same rows in a new order: persistent indexes (the view's selection and current item)
    // move with their goroutines, found through the new order's way back; rows they move to are
    // fetched first.
    int needed = 0;
    for (const QModelIndex& i : persistentIndexList())
        needed = std::max(needed, order->displayRowOf[goroutineAt(i.row())] + 1);
    fetchTo(needed);
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& i : before)
        after.push_back(index(order->displayRowOf[goroutineAt(i.row())], i.column()));
    m_order = std::move(order);
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::optional<StringId> GoroutineTableModel::reasonOfColumn(int column) const
{
    if (column < FirstReasonColumn || column >= totalColumn())
        return std::nullopt;
    return m_reasons[size_t(column - FirstReasonColumn)];
}

GoroutineRow GoroutineTableModel::goroutineAt(int row) const
{
    return m_order && row >= 0 && row < m_fetched ? m_order->rows[size_t(row)] : kNoRow;
}

int GoroutineTableModel::rowOfGoroutine(GoroutineRow goroutine) const
{
    return m_order && goroutine < m_order->displayRowOf.size() ? m_order->displayRowOf[goroutine] : -1;
}

QModelIndex GoroutineTableModel::indexOfGoroutine(GoroutineRow goroutine, int column)
{
    const int row = rowOfGoroutine(goroutine);
    if (row < 0)
        return {};
    fetchTo(row + 1);
    return index(row, column);
}

int GoroutineTableModel::orderedRows() const
{
    return m_order ? int(m_order->rows.size()) : 0;
}

bool GoroutineTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_fetched < orderedRows();
}

void GoroutineTableModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid())
        fetchTo(m_fetched + kRowsPerFetch);
}

void GoroutineTableModel::fetchTo(int count)
{
    count = std::min(count, orderedRows());
    if (count <= m_fetched)
        return;
    beginInsertRows({}, m_fetched, count - 1);
    m_fetched = count;
    endInsertRows();
}

int GoroutineTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_fetched;
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
    return columnDuration(statsOf(row), column, m_reasons);
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
        return g.hasStartFunction() ? captureText(symbols.functionName(g.startFunction)) : QStringLiteral("(unknown)");
    case CreatedBy: {
        if (g.creatorId == kNoGoroutineId)
            return QStringLiteral("-");
        QString text = QStringLiteral("G%1").arg(g.creatorId);
        const GoroutineRow creator = t.rowOf(g.creatorId);
        if (creator != kNoRow && t.goroutines[creator].hasStartFunction())
            text += QLatin1Char(' ') + captureText(goShortName(symbols.functionName(t.goroutines.startFunctionOf(creator))));
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
            tip += QStringLiteral("\n  ") + captureText(symbols.functionName(symbols.frameFunction(frames[k])));
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
    const GoroutineRow row = m_order->rows[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column);
    case Qt::ToolTipRole:
        return plainToolTip(cellToolTip(row, column));
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
        return plainToolTip(tr("Blocked waiting on \"%1\" (go tool trace: Block time (%1))").arg(captureText(name)));
    }
    return {};
}

QVariant GoroutineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (role == Qt::ToolTipRole)
        return headerToolTip(section);
    const bool named = section == StartFunction || section == CreatedBy;
    if (role == Qt::TextAlignmentRole)
        return named ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    // Times come longest first; IDs, like names, from the start (G1 is main).
    if (role == Qt::InitialSortOrderRole)
        return firstSortOrder(!named && section != Id);
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
    m_sortColumn = column;
    m_sortOrder = order;
    resort(false);
}

} // namespace gs::ui
