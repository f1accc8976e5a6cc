// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/source_listing.h"

#include <QAbstractItemModel>

#include <memory>
#include <string>

namespace gs::ui {

// One routine of a source listing as a tree: a row per source line (number, flat, cum, text),
// and under a line the calls the compiler inlined there, each with the weight that reached the
// callee's line through it. Values are shown with their units; hot lines are tinted by their
// share of the routine's heaviest line. Read-only; replaced whole by setRoutine.
class SourceLinesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        Line,   // the line number (empty for an inlined call)
        Flat,   // the weight of samples whose innermost frame is this line
        Cum,    // the weight of samples with this line anywhere in their stack
        Source, // the line's text, or the inlined callee with its file:line and text
        ColumnCount,
    };
    // Flat and Cum as numbers (qint64), Line as its number: for sorting and tests.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit SourceLinesModel(QObject* parent = nullptr);

    // `unit` is the sample type's ("nanoseconds"); null shows nothing.
    void setRoutine(std::shared_ptr<const SourceRoutine> routine, const std::string& unit);
    const SourceRoutine* routine() const { return m_routine.get(); }
    // The row of source line `number`, or -1.
    int rowOfLine(int64_t number) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant lineData(const SourceLine& line, int column, int role) const;
    QVariant callData(const InlinedCall& call, int column, int role) const;
    QVariant tint(int64_t cum) const;

    std::shared_ptr<const SourceRoutine> m_routine;
    std::string m_unit;
    int64_t m_maxCum = 0;
};

// A source line for a table cell: tabs as four spaces (Go's code is tab-indented), other
// control characters escaped as capture text is.
QString sourceLineText(std::string_view text);

} // namespace gs::ui
