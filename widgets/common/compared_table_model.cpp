// SPDX-License-Identifier: MIT
#include "widgets/common/compared_table_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/diff_style.h"
#include "widgets/common/value_format.h"

#include <QApplication>
#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace gs::ui {

namespace {

constexpr int kMeasureColumns = 3;

const char* const kSideNames[] = {QT_TRANSLATE_NOOP("gs::ui::ComparedTableModel", "before"),
                                  QT_TRANSLATE_NOOP("gs::ui::ComparedTableModel", "after"),
                                  QT_TRANSLATE_NOOP("gs::ui::ComparedTableModel", "change")};

bool isTime(const ComparedMeasure& m)
{
    return m.unit == "nanoseconds";
}

// "1.23 ms (1,234,567 ns)": the rounded value the cell shows and the exact one.
QString exactValue(int64_t value, const ComparedMeasure& m, bool signedValue)
{
    const QString shown = signedValue ? formatDelta(value, m.unit) : formatValue(value, m.unit);
    if (!isTime(m) || value == 0)
        return shown;
    return QStringLiteral("%1 (%2 ns)").arg(shown, QLocale(QLocale::English).toString(qlonglong(value)));
}

} // namespace

ComparedTableModel::ComparedTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_newBadge(diffBadge(tr("new"), kGrewColor))
    , m_goneBadge(diffBadge(tr("gone"), kGoneColor))
{
}

void ComparedTableModel::setTable(std::shared_ptr<const ComparedTable> table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

const ComparedRow* ComparedTableModel::rowAt(int row) const
{
    return m_table && row >= 0 && size_t(row) < m_table->rows.size() ? &m_table->rows[size_t(row)] : nullptr;
}

int ComparedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_table ? 0 : int(m_table->rows.size());
}

int ComparedTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_table ? 0 : 1 + kMeasureColumns * int(m_table->measures.size());
}

QVariant ComparedTableModel::data(const QModelIndex& index, int role) const
{
    const ComparedRow* row = rowAt(index.row());
    if (!row || !index.isValid() || index.column() >= columnCount())
        return {};
    // Entries that did not change at all recede, so the changes stand out.
    if (role == Qt::ForegroundRole && row->unchanged)
        return QBrush(QApplication::palette().color(QPalette::Disabled, QPalette::Text));
    if (index.column() == kNameColumn)
        return nameData(*row, role);
    const int measure = (index.column() - 1) / kMeasureColumns;
    return valueData(*row, measure, Side((index.column() - 1) % kMeasureColumns), role);
}

QVariant ComparedTableModel::nameData(const ComparedRow& row, int role) const
{
    const QString name = row.name.empty() ? m_table->emptyName : captureText(row.name);
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::DecorationRole:
        return row.isNew ? QVariant::fromValue(m_newBadge) : row.isGone ? QVariant::fromValue(m_goneBadge) : QVariant();
    case Qt::ToolTipRole: {
        const QString state = row.isNew    ? tr("New: not in the base")
                              : row.isGone ? tr("Gone: only in the base")
                              : row.unchanged ? tr("Unchanged")
                                              : QString();
        return plainToolTip(state.isEmpty() ? name : name + QLatin1Char('\n') + state);
    }
    default:
        return {};
    }
}

QVariant ComparedTableModel::valueData(const ComparedRow& row, int measure, Side side, int role) const
{
    const ComparedMeasure& m = m_table->measures[size_t(measure)];
    const bool absent = (side == Side::Before && row.isNew) || (side == Side::After && row.isGone);
    const int64_t value = side == Side::Before  ? row.before[size_t(measure)]
                          : side == Side::After ? row.after[size_t(measure)]
                                                : row.difference[size_t(measure)];
    switch (role) {
    case Qt::DisplayRole:
        if (absent)
            return QStringLiteral("\u2014");
        return side == Side::Difference ? formatDelta(value, m.unit) : formatValue(value, m.unit);
    case kValueRole:
        return absent ? QVariant() : QVariant(qlonglong(value));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A time that grew is slower; a count that grew (more requests served) is not worse.
        return side == Side::Difference && isTime(m) ? changeForeground(value) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 %2: %3\n%4")
                          .arg(m.name, tr(kSideNames[int(side)]),
                               absent ? (side == Side::Before ? tr("not in the base") : tr("not in this capture"))
                                      : exactValue(value, m, side == Side::Difference),
                               m.meaning);
        if (const QString& detail = row.details[size_t(measure)]; !detail.isEmpty())
            tip += QStringLiteral("\n\n") + detail;
        return plainToolTip(tip);
    }
    default:
        return {};
    }
}

QVariant ComparedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || !m_table || section < 0 || section >= columnCount())
        return {};
    if (section == kNameColumn)
        return role == Qt::DisplayRole ? QVariant(m_table->nameHeader) : QVariant();
    const ComparedMeasure& m = m_table->measures[size_t((section - 1) / kMeasureColumns)];
    const QString side = tr(kSideNames[(section - 1) % kMeasureColumns]);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(m.name, side);
    case Qt::ToolTipRole:
        return plainToolTip(QStringLiteral("%1 %2: %3").arg(m.name, side, m.meaning));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

} // namespace gs::ui
