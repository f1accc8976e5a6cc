// SPDX-License-Identifier: MIT
#include "widgets/common/diff_style.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QFontInfo>
#include <QFontMetrics>
#include <QPainter>

namespace gs::ui {

QVariant changeForeground(int64_t change)
{
    if (change == 0)
        return {};
    return QBrush(change > 0 ? kGrewColor : kShrankColor);
}

QPixmap diffBadge(const QString& text, const QColor& fill)
{
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPixelSize(qRound(QFontInfo(font).pixelSize() * 0.8)); // the font may be sized in points or pixels
    const QFontMetrics fm(font);
    const QSize size(fm.horizontalAdvance(text) + 10, fm.height() + 2);
    const qreal ratio = qApp->devicePixelRatio();
    QPixmap badge(size * ratio);
    badge.setDevicePixelRatio(ratio);
    badge.fill(Qt::transparent);
    QPainter p(&badge);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)), size.height() / 2.0, size.height() / 2.0);
    p.setPen(Qt::white);
    p.setFont(font);
    p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, text);
    return badge;
}

} // namespace gs::ui
