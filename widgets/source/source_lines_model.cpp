// SPDX-License-Identifier: MIT
#include "widgets/source/source_lines_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"

#include <QColor>
#include <QFontDatabase>

#include <algorithm>
#include <cstdlib>

namespace gs::ui {

namespace {

// internalId of a line row; an inlined call's is its line's row + 1.
constexpr quintptr kLineRow = 0;

} // namespace

QString sourceLineText(std::string_view text)
{
    std::string expanded;
    expanded.reserve(text.size());
    for (char c : text) {
        if (c == '\t')
            expanded += "    ";
        else
            expanded += c;
    }
    return captureText(expanded);
}

SourceLinesModel::SourceLinesModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void SourceLinesModel::setRoutine(std::shared_ptr<const SourceRoutine> routine, const std::string& unit)
{
    beginResetModel();
    m_routine = std::move(routine);
    m_unit = unit;
    m_maxCum = 0;
    if (m_routine) {
        for (const SourceLine& line : m_routine->lines)
            m_maxCum = std::max<int64_t>(m_maxCum, std::llabs(line.cum));
    }
    endResetModel();
}

int SourceLinesModel::rowOfLine(int64_t number) const
{
    if (!m_routine)
        return -1;
    for (size_t i = 0; i < m_routine->lines.size(); ++i) {
        if (m_routine->lines[i].number == number)
            return int(i);
    }
    return -1;
}

QModelIndex SourceLinesModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) + 1 : kLineRow);
}

QModelIndex SourceLinesModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kLineRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kLineRow);
}

int SourceLinesModel::rowCount(const QModelIndex& parent) const
{
    if (!m_routine)
        return 0;
    if (!parent.isValid())
        return int(m_routine->lines.size());
    if (parent.internalId() != kLineRow || parent.column() != 0)
        return 0;
    return int(m_routine->lines[size_t(parent.row())].inlinedCalls.size());
}

int SourceLinesModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant SourceLinesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_routine)
        return {};
    if (index.internalId() == kLineRow)
        return lineData(m_routine->lines[size_t(index.row())], index.column(), role);
    const SourceLine& line = m_routine->lines[index.internalId() - 1];
    return callData(line.inlinedCalls[size_t(index.row())], index.column(), role);
}

QVariant SourceLinesModel::tint(int64_t cum) const
{
    if (cum == 0 || m_maxCum == 0)
        return {};
    // Translucent, so that it reads on the light and the dark theme alike.
    const double share = double(std::llabs(cum)) / double(m_maxCum);
    return QColor(230, 74, 25, 30 + int(share * 120));
}

QVariant SourceLinesModel::lineData(const SourceLine& line, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Line:
            return QString::number(line.number);
        case Flat:
            return line.flat == 0 ? QStringLiteral(".") : formatValue(line.flat, m_unit);
        case Cum:
            return line.cum == 0 ? QStringLiteral(".") : formatValue(line.cum, m_unit);
        case Source:
            return sourceLineText(line.text);
        }
        break;
    case RawValueRole:
        switch (column) {
        case Line:
            return qint64(line.number);
        case Flat:
            return qint64(line.flat);
        case Cum:
            return qint64(line.cum);
        }
        break;
    case Qt::BackgroundRole:
        return tint(line.cum);
    case Qt::TextAlignmentRole:
        return column == Source ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        return column == Source || column == Line ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QVariant();
    }
    return {};
}

QVariant SourceLinesModel::callData(const InlinedCall& call, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Flat:
            return call.flat == 0 ? QStringLiteral(".") : formatValue(call.flat, m_unit);
        case Cum:
            return call.cum == 0 ? QStringLiteral(".") : formatValue(call.cum, m_unit);
        case Source: {
            const QString where = captureText(call.file.empty() ? std::string("?") : call.file)
                                  + QLatin1Char(':') + QString::number(call.line);
            const QString text = call.text ? sourceLineText(*call.text).trimmed() : tr("(source not found)");
            return tr("inlined %1 (%2): %3").arg(captureText(call.function), where, text);
        }
        }
        break;
    case RawValueRole:
        switch (column) {
        case Line:
            return qint64(call.line);
        case Flat:
            return qint64(call.flat);
        case Cum:
            return qint64(call.cum);
        }
        break;
    case Qt::TextAlignmentRole:
        return column == Source ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        return column == Source ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QVariant();
    case Qt::ForegroundRole:
        return column == Source ? QVariant(QColor(0x5f, 0x6b, 0x7a)) : QVariant();
    }
    return {};
}

QVariant SourceLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case Flat:
        return tr("Flat");
    case Cum:
        return tr("Cum");
    case Source:
        return tr("Source");
    }
    return {};
}

} // namespace gs::ui
