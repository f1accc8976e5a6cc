// SPDX-License-Identifier: MIT
#include "widgets/findings/findings_model.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/theme.h"
#include "widgets/findings/reported_finding.h"

#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace gs::ui {

namespace {

// A filled dot in the severity's colour: the mark a row is recognised by at a glance.
QIcon severityIcon(Severity severity, const QPalette& palette)
{
    QPixmap dot(12, 12);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(severityColor(severity, palette));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(dot);
}

} // namespace

QColor severityColor(Severity severity, const QPalette& palette)
{
    // Lighter tones on a dark base, deeper ones on a light base, so each stays readable as text.
    const bool dark = isDark(palette);
    switch (severity) {
    case Severity::High:
        return dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xc0, 0x1c, 0x1c);
    case Severity::Medium:
        return dark ? QColor(0xff, 0xb0, 0x4a) : QColor(0xc0, 0x62, 0x00);
    case Severity::Low:
        return dark ? QColor(0x6c, 0xb4, 0xff) : QColor(0x1a, 0x5f, 0xb4);
    case Severity::Info:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

void FindingsModel::setFindings(std::vector<Finding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

const Finding* FindingsModel::findingAt(int row) const
{
    return row >= 0 && row < int(m_findings.size()) ? &m_findings[size_t(row)] : nullptr;
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    const Finding* f = findingAt(index.row());
    if (!f)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return QString::fromLatin1(severityName(f->severity));
        case TitleColumn:
            return captureText(f->title);
        case EvidenceColumn:
            return captureText(evidenceText(*f));
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(f->severity, QGuiApplication::palette())) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn ? QVariant(severityColor(f->severity, QGuiApplication::palette())) : QVariant();
    case Qt::ToolTipRole:
        return plainToolTip(captureText(f->detail.empty() ? f->title : f->title + "\n\n" + f->detail));
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Finding");
    case EvidenceColumn:
        return tr("Evidence");
    default:
        return {};
    }
}

} // namespace gs::ui
