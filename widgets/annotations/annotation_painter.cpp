// SPDX-License-Identifier: MIT
#include "widgets/annotations/annotation_painter.h"

#include <QFontMetrics>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

constexpr int kPadding = 6;   // text to box edge
constexpr int kMargin = 10;   // box to data-area edge, and between stacked notes
constexpr int kOffset = 18;   // pinned point to box, so the box does not hide what it points at
constexpr int kFontPx = 13;   // readable over any view, at any export scale
constexpr int kMinTextWidth = 160;
constexpr double kHitSlop = 5;   // how near a line a click still hits it
constexpr double kHeadLength = 12;
constexpr int kHandle = 7;       // selection handle side

const QColor kBorder(33, 33, 33);
const QColor kText(17, 17, 17);
const QColor kMark(200, 40, 40);
const int kTextFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

QFont annotationFont(QFont font)
{
    font.setPixelSize(kFontPx);
    return font;
}

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

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    return QLineF(p, a + t * ab).length();
}

// The text box of a note: beside its pin when it has one in the area, else next on the stack.
QRect placeCallout(QRect box, std::optional<QPoint>& pin, const QRect& dataArea, const QRect& bounds, int& stackTop)
{
    if (pin && !dataArea.contains(*pin))
        pin.reset(); // its subject is scrolled away or under a header: not worth a dangling line
    if (pin) {
        box.moveTopLeft(*pin + QPoint(kOffset, kOffset));
        // Near the bottom edge the box goes above its point rather than over it.
        if (box.bottom() > bounds.bottom())
            box.moveBottom(pin->y() - kOffset);
        return keptInside(box, bounds);
    }
    box.moveTopLeft(QPoint(bounds.left(), stackTop));
    box = keptInside(box, bounds);
    stackTop = box.bottom() + kMargin;
    return box;
}

// The text box of an arrow (by its tail, away from the head) or a box (inside its top-left corner).
QRect placeLabel(QRect box, const AnnotationShape& shape, const QRect& bounds)
{
    if (shape.kind == AnnotationKind::Box) {
        const QRect r = QRect(*shape.pin, shape.end).normalized();
        box.moveTopLeft(r.topLeft() + QPoint(kPadding, kPadding));
    } else {
        const QLineF line(shape.end, *shape.pin);
        const QPointF away = line.length() > 0 ? (line.p2() - line.p1()) / line.length() : QPointF(0, 1);
        const double reach = std::hypot(box.width() / 2.0, box.height() / 2.0) + 4;
        box.moveCenter((QPointF(*shape.pin) + away * reach).toPoint());
    }
    return keptInside(box, bounds);
}

void paintLabel(QPainter& painter, const QRect& box, const QString& text)
{
    painter.setPen(QPen(kBorder, 1.5));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(kText);
    painter.drawText(box.adjusted(kPadding, kPadding, -kPadding, -kPadding), kTextFlags, text);
}

void paintArrow(QPainter& painter, QPointF tail, QPointF head)
{
    painter.setPen(QPen(kMark, 2.5, Qt::SolidLine, Qt::RoundCap));
    const QLineF line(tail, head);
    if (line.length() < 1)
        return;
    const QPointF unit = (head - tail) / line.length();
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = head - unit * kHeadLength;
    painter.drawLine(tail, base);
    QPainterPath headPath;
    headPath.moveTo(head);
    headPath.lineTo(base + normal * (kHeadLength / 2));
    headPath.lineTo(base - normal * (kHeadLength / 2));
    headPath.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(kMark);
    painter.drawPath(headPath);
}

} // namespace

QColor annotationColor()
{
    return kMark;
}

bool AnnotationShape::contains(QPoint pos) const
{
    if (label.contains(pos))
        return true;
    if (!pin)
        return false;
    switch (kind) {
    case AnnotationKind::Note:
        return QLineF(pos, *pin).length() <= kHitSlop;
    case AnnotationKind::Arrow:
        return distanceToSegment(pos, *pin, end) <= kHitSlop;
    case AnnotationKind::Box: {
        const QRectF r = QRectF(*pin, end).normalized();
        const QPointF p(pos);
        return r.adjusted(-kHitSlop, -kHitSlop, kHitSlop, kHitSlop).contains(p)
               && !r.adjusted(kHitSlop, kHitSlop, -kHitSlop, -kHitSlop).contains(p);
    }
    }
    return false;
}

std::vector<AnnotationShape> layoutAnnotations(const QFont& font, const QRect& dataArea,
                                               std::span<const Annotation> annotations,
                                               const AnnotationTarget& target, const AnnotationResolver& resolve)
{
    const QFontMetrics fm(annotationFont(font));
    const QRect bounds = dataArea.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const int maxTextWidth = std::max(kMinTextWidth, dataArea.width() / 3);
    int stackTop = bounds.top();
    std::vector<AnnotationShape> shapes;
    for (size_t i = 0; i < annotations.size(); ++i) {
        const Annotation& a = annotations[i];
        if (!target.shows(a))
            continue;
        AnnotationShape shape;
        shape.index = i;
        shape.kind = a.kind;
        shape.pin = resolve ? resolve(a, a.anchor) : std::nullopt;
        if (a.hasEnd()) {
            const std::optional<QPoint> end = resolve ? resolve(a, a.end) : std::nullopt;
            if (!shape.pin || !end)
                continue; // half an arrow points at nothing
            shape.end = *end;
        }
        QRect box;
        if (!a.text.isEmpty() || a.kind == AnnotationKind::Note) {
            const QRect text = fm.boundingRect(QRect(0, 0, maxTextWidth, 100000), kTextFlags, a.text);
            box = QRect(0, 0, text.width() + 2 * kPadding, text.height() + 2 * kPadding);
        }
        if (a.kind == AnnotationKind::Note)
            shape.label = placeCallout(box, shape.pin, dataArea, bounds, stackTop);
        else if (!box.isEmpty())
            shape.label = placeLabel(box, shape, bounds);
        shapes.push_back(shape);
    }
    return shapes;
}

void paintAnnotationShapes(QPainter& painter, const QRect& dataArea, std::span<const Annotation> annotations,
                           std::span<const AnnotationShape> shapes)
{
    if (shapes.empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setFont(annotationFont(painter.font()));
    for (const AnnotationShape& shape : shapes) {
        const Annotation& a = annotations[shape.index];
        painter.save();
        if (shape.kind == AnnotationKind::Note && shape.pin) {
            const QPoint onBox(std::clamp(shape.pin->x(), shape.label.left(), shape.label.right()),
                               std::clamp(shape.pin->y(), shape.label.top(), shape.label.bottom()));
            painter.setPen(QPen(kMark, 2));
            painter.drawLine(*shape.pin, onBox);
            painter.setBrush(kMark);
            painter.drawEllipse(*shape.pin, 3, 3);
        } else if (shape.kind != AnnotationKind::Note) {
            painter.setClipRect(dataArea, Qt::IntersectClip);
            if (shape.kind == AnnotationKind::Arrow) {
                paintArrow(painter, *shape.pin, shape.end);
            } else {
                painter.setPen(QPen(kMark, 2.5));
                painter.setBrush(QColor(kMark.red(), kMark.green(), kMark.blue(), 28));
                painter.drawRect(QRect(*shape.pin, shape.end).normalized());
            }
        }
        painter.restore();
        if (!shape.label.isEmpty())
            paintLabel(painter, shape.label, a.text);
    }
    painter.restore();
}

void paintAnnotations(QPainter& painter, const QRect& dataArea, std::span<const Annotation> annotations,
                      const AnnotationTarget& target, const AnnotationResolver& resolve)
{
    const std::vector<AnnotationShape> shapes = layoutAnnotations(painter.font(), dataArea, annotations, target, resolve);
    paintAnnotationShapes(painter, dataArea, annotations, shapes);
}

void paintAnnotationSelection(QPainter& painter, const AnnotationShape& shape)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (!shape.label.isEmpty()) {
        painter.setPen(QPen(kMark, 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(shape.label.adjusted(-3, -3, 3, 3));
    }
    painter.setPen(QPen(kBorder, 1));
    painter.setBrush(Qt::white);
    std::vector<QPoint> handles;
    if (shape.pin)
        handles.push_back(*shape.pin);
    if (shape.kind != AnnotationKind::Note)
        handles.push_back(shape.end);
    for (const QPoint& p : handles)
        painter.drawRect(QRect(p - QPoint(kHandle / 2, kHandle / 2), QSize(kHandle, kHandle)));
    painter.restore();
}

} // namespace gs::ui
