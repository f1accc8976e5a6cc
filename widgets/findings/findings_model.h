// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/finding.h"

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace gs::ui {

// The colour a severity is marked with, readable on the palette's base (theme-aware): high red,
// medium orange, low blue, info grey.
QColor severityColor(Severity severity, const QPalette& palette);

// The findings of a capture, one row each in the order given (ranked by findFindings): the
// severity (a coloured mark and its name), the title, the evidence figures; the detail is the
// row's tooltip.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        TitleColumn,
        EvidenceColumn,
        ColumnCount,
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setFindings(std::vector<Finding> findings);
    const std::vector<Finding>& findings() const { return m_findings; }
    // The finding of a row, or null.
    const Finding* findingAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Finding> m_findings;
};

} // namespace gs::ui
