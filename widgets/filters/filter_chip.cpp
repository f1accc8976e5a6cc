// SPDX-License-Identifier: MIT
#include "widgets/filters/filter_chip.h"

#include "widgets/common/capture_display.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace gs::ui {

FilterChip::FilterChip(const QString& kind, const QString& pattern, QWidget* parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("filterChip"));
    setStyleSheet(QStringLiteral("#filterChip { background: #e8eef7; border: 1px solid #b8c7de; border-radius: 9px; }"
                                 "#filterChip QToolButton { border: none; padding: 0px; }"));
    auto* label = new QLabel(this);
    label->setTextFormat(Qt::RichText);
    // The pattern may be a function or a label from the capture ("Focus on" a frame).
    const QString shown = QFontMetrics(label->font()).elidedText(captureText(pattern), Qt::ElideMiddle, 260);
    label->setText(QStringLiteral("<span style='color:#4a5a72'>%1:</span> %2").arg(captureHtml(kind), captureHtml(shown)));
    label->setToolTip(plainToolTip(kind + QStringLiteral(": ") + captureText(pattern)));
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setToolTip(tr("Remove this filter"));
    close->setCursor(Qt::PointingHandCursor);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 1, 4, 1);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &FilterChip::removeClicked);
}

} // namespace gs::ui
