// SPDX-License-Identifier: MIT
#include "widgets/annotations/annotation_painter.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace gs::ui {

namespace {

constexpr int kPadding = 6;   // text to box edge
constexpr int kMargin = 10;   // box to data-area edge, and between stacked notes
constexpr int kOffset = 18;   // pinned point to box, so the box does not hide what it points at
constexpr int kFontPx = 13;   // readable over any view, at any export scale
constexpr int kMinTextWidth = 160;

const QColor kBorder(33, 33, 33);
const QColor kText(17, 17, 17);
const QColor kLeader(200, 40, 40); // red: a pin must be found at a glance on any view

// Moves `box` into `bounds` (its top-left wins when it is larger than them).
QRect keptInside(QRect box, const QRect& bounds)
{
    if (box.right() > bounds.right())
        box.moveRight(bounds.right());
    if (box.bottom() > bounds.bottom())
        box.moveBottom(bounds.bottom());
    if (box.left() < bounds.left())
        box.moveLeft(bounds.left());
    if (box.top() < bounds.top())
        box.moveTop(bounds.top());
    return box;
}

} // namespace

void paintAnnotations(QPainter& painter, const QRect& dataArea, std::span<const Annotation> notes,
                      const AnnotationResolver& resolve)
{
    if (notes.empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = painter.font();
    font.setPixelSize(kFontPx);
    painter.setFont(font);
    const QFontMetrics fm(font);
    const QRect bounds = dataArea.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const int maxTextWidth = std::max(kMinTextWidth, dataArea.width() / 3);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    int stackTop = bounds.top();
    for (const Annotation& note : notes) {
        const QRect text = fm.boundingRect(QRect(0, 0, maxTextWidth, 100000), flags, note.text);
        QRect box(0, 0, text.width() + 2 * kPadding, text.height() + 2 * kPadding);
        std::optional<QPoint> pin = resolve ? resolve(note) : std::nullopt;
        if (pin && !dataArea.contains(*pin))
            pin.reset(); // its subject is scrolled away or under a header: not worth a dangling line
        if (pin) {
            box.moveTopLeft(*pin + QPoint(kOffset, kOffset));
            // Near the bottom edge the box goes above its point rather than over it.
            if (box.bottom() > bounds.bottom())
                box.moveBottom(pin->y() - kOffset);
        } else {
            box.moveTopLeft(QPoint(bounds.left(), stackTop));
        }
        box = keptInside(box, bounds);
        if (!pin)
            stackTop = box.bottom() + kMargin;
        if (pin) {
            const QPoint onBox(std::clamp(pin->x(), box.left(), box.right()), std::clamp(pin->y(), box.top(), box.bottom()));
            painter.setPen(QPen(kLeader, 2));
            painter.drawLine(*pin, onBox);
            painter.setBrush(kLeader);
            painter.drawEllipse(*pin, 3, 3);
        }
        painter.setPen(QPen(kBorder, 1.5));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(kText);
        painter.drawText(box.adjusted(kPadding, kPadding, -kPadding, -kPadding), flags, note.text);
    }
    painter.restore();
}

} // namespace gs::ui
