// SPDX-License-Identifier: MIT
#include "widgets/top/top_table_model.h"

#include "core/analysis/value_format.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/table_sort.h"
#include "widgets/common/value_format.h"

#include <QColor>

#include <algorithm>
#include <cstdlib>

namespace gs::ui {

namespace {

// A value in the unit the user chose (pprof's -unit: "ms", "MB"), two decimals at most.
QString inUnit(int64_t value, const std::string& unit, const std::string& toUnit, bool signedDelta)
{
    const ScaledValue scaled = scaleValue(value, unit, toUnit);
    QString text = QString::number(scaled.value, 'f', 2);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (signedDelta && value > 0)
        text.prepend(QLatin1Char('+'));
    return scaled.unit.empty() ? text : text + QLatin1Char(' ') + QString::fromStdString(scaled.unit);
}

} // namespace

TopTableModel::TopTableModel(QObject* parent)
    : OrderedTableModel(parent)
{
}

void TopTableModel::setResult(std::shared_ptr<const ProfileResult> result, std::vector<uint8_t> shown)
{
    beginResetModel();
    m_result = std::move(result);
    m_order.clear();
    const size_t rows = m_result ? m_result->top.size() : 0;
    for (uint32_t i = 0; i < rows; ++i) {
        const FunctionId f = m_result->top[i].function;
        if (shown.empty() || (f < shown.size() && shown[f]))
            m_order.push_back(i);
    }
    applySort();
    endResetModel();
}

std::optional<FunctionId> TopTableModel::functionAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return rowAt(row).function;
}

int TopTableModel::rowOf(FunctionId function) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (rowAt(row).function == function)
            return row;
    }
    return -1;
}

int TopTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int TopTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double TopTableModel::denominator() const
{
    if (!m_result)
        return 0;
    return double(m_result->isDiff ? m_result->unfilteredBaseTotal : m_result->unfilteredTotal);
}

QVariant TopTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TopRow& r = rowAt(index.row());
    const std::string& unit = m_result->sampleType.unit;
    const bool diff = m_result->isDiff;
    const double denom = denominator();
    auto value = [&](int64_t v) {
        const int64_t shown = m_result->shown(v);
        if (m_result->outputUnit != "auto")
            return inUnit(shown, unit, m_result->outputUnit, diff);
        return diff ? formatDelta(shown, unit) : formatValue(shown, unit);
    };
    auto percent = [&](int64_t v) { return denom != 0 ? formatPercent(double(v) / denom) : QStringLiteral("-"); };

    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Flat:
            return value(r.flat);
        case FlatPercent:
            return percent(r.flat);
        case SumPercent:
            return percent(m_runningFlat[size_t(index.row())]);
        case Cum:
            return value(r.cum);
        case CumPercent:
            return percent(r.cum);
        case Name:
            return captureText(m_result->symbols->functionName(r.function));
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (Column(index.column())) {
        case Flat:
        case FlatPercent:
            return qint64(r.flat);
        case SumPercent:
            return qint64(m_runningFlat[size_t(index.row())]);
        case Cum:
        case CumPercent:
            return qint64(r.cum);
        case Name:
            return toQString(m_result->symbols->functionName(r.function));
        case ColumnCount:
            break;
        }
        break;
    case FunctionIdRole:
        return uint(r.function);
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (diff && index.column() != Name) {
            const int64_t v = index.column() <= SumPercent ? r.flat : r.cum;
            if (v != 0)
                return v > 0 ? QColor(176, 32, 24) : QColor(24, 78, 176);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Name) {
            const Symbols& symbols = *m_result->symbols;
            const std::string_view file = symbols.strings.get(symbols.functions[r.function].file);
            QString tip = captureText(symbols.functionName(r.function));
            if (!file.empty())
                tip += QLatin1Char('\n') + captureText(file);
            return plainToolTip(tip);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant TopTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    const bool diff = m_result && m_result->isDiff;
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Flat:
            return diff ? tr("flat \u0394") : tr("flat");
        case FlatPercent:
            return tr("flat%");
        case SumPercent:
            return tr("sum%");
        case Cum:
            return diff ? tr("cum \u0394") : tr("cum");
        case CumPercent:
            return tr("cum%");
        case Name:
            return tr("function");
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Flat:
            return tr("Weight of samples where the function is the leaf (self)");
        case FlatPercent:
            return diff ? tr("flat change as a share of the base total") : tr("flat as a share of the total");
        case SumPercent:
            return tr("Running sum of flat% down to this row, in the current order");
        case Cum:
            return tr("Weight of samples with the function anywhere on the stack (counted once per sample)");
        case CumPercent:
            return diff ? tr("cum change as a share of the base total") : tr("cum as a share of the total");
        case Name:
        case ColumnCount:
            break;
        }
    } else if (role == Qt::InitialSortOrderRole) {
        return firstSortOrder(section != Name);
    } else if (role == Qt::TextAlignmentRole) {
        return section == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

void TopTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    reorder([&] {
        m_sortColumn = column;
        m_sortOrder = order;
        applySort();
    });
}

void TopTableModel::applySort()
{
    if (m_result) {
        const auto& top = m_result->top;
        const Symbols& symbols = *m_result->symbols;
        // Ties keep pprof's order (the index), so the order is fully deterministic.
        auto less = [&](uint32_t a, uint32_t b) {
            const TopRow& x = top[a];
            const TopRow& y = top[b];
            switch (Column(m_sortColumn)) {
            case Flat:
            case FlatPercent:
            case SumPercent:
                if (x.flat != y.flat)
                    return x.flat < y.flat;
                break;
            case Cum:
            case CumPercent:
                if (x.cum != y.cum)
                    return x.cum < y.cum;
                break;
            case Name: {
                const auto nx = symbols.functionName(x.function);
                const auto ny = symbols.functionName(y.function);
                if (nx != ny)
                    return nx < ny;
                break;
            }
            case ColumnCount:
                break;
            }
            return m_sortOrder == Qt::AscendingOrder ? a < b : a > b;
        };
        std::sort(m_order.begin(), m_order.end(), [&](uint32_t a, uint32_t b) {
            return m_sortOrder == Qt::AscendingOrder ? less(a, b) : less(b, a);
        });
    }
    updateRunningSum();
}

void TopTableModel::updateRunningSum()
{
    m_runningFlat.resize(m_order.size());
    int64_t sum = 0;
    for (size_t row = 0; row < m_order.size(); ++row) {
        sum += m_result->top[m_order[row]].flat;
        m_runningFlat[row] = sum;
    }
}

} // namespace gs::ui
