// SPDX-License-Identifier: MIT
#include "widgets/annotations/annotation_overlay.h"

#include "widgets/annotations/annotation_set.h"

#include <QAbstractScrollArea>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWidget>

namespace gs::ui {

namespace {

// Below this many pixels a press and release are a click, not a drag.
constexpr int kDragDistance = 4;

} // namespace

AnnotationOverlay::AnnotationOverlay(QWidget* view, QWidget* canvas, AnnotationMapper mapper, AnnotationTools* tools)
    : QObject(canvas)
    , m_view(view)
    , m_canvas(canvas)
    , m_mapper(std::move(mapper))
    , m_tools(tools)
{
    canvas->installEventFilter(this);
    if (view != canvas)
        view->installEventFilter(this);
    // A scroll area may move its viewport's pixels instead of repainting them; pins are not part of them.
    if (auto* area = qobject_cast<QAbstractScrollArea*>(view)) {
        for (QScrollBar* bar : {area->horizontalScrollBar(), area->verticalScrollBar()})
            connect(bar, &QScrollBar::valueChanged, canvas, qOverload<>(&QWidget::update));
    }
    connect(tools->set(), &AnnotationSet::changed, this, [this] {
        if (m_selected && *m_selected >= annotations().size())
            m_selected.reset();
        m_canvas->update();
    });
    connect(tools, &AnnotationTools::toolChanged, this, [this](AnnotationTools::Tool tool) {
        if (tool == AnnotationTools::Tool::None)
            m_canvas->unsetCursor();
        else
            m_canvas->setCursor(Qt::CrossCursor);
    });
}

const std::vector<Annotation>& AnnotationOverlay::annotations() const
{
    return m_tools->set()->annotations();
}

std::vector<AnnotationShape> AnnotationOverlay::shapes() const
{
    return layoutAnnotations(m_canvas->font(), m_mapper.dataArea(), annotations(), m_mapper.target, m_mapper.resolve);
}

bool AnnotationOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_canvas) {
        switch (event->type()) {
        case QEvent::Paint:
            if (m_painting)
                return false;
            paintOver(event);
            return true;
        case QEvent::MouseButtonPress:
            return mousePress(static_cast<QMouseEvent*>(event));
        case QEvent::MouseMove:
            return mouseMove(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonRelease:
            return mouseRelease(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonDblClick:
            return doubleClick(static_cast<QMouseEvent*>(event));
        default:
            break;
        }
    }
    if (watched == m_view && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride))
        return keyPress(event);
    return false;
}

void AnnotationOverlay::paintOver(QEvent* event)
{
    // The view paints first (this filter lets the repeated event through), then the annotations.
    m_painting = true;
    QCoreApplication::sendEvent(m_canvas, event);
    m_painting = false;
    QPainter painter(m_canvas);
    painter.setFont(m_canvas->font());
    const QRect area = m_mapper.dataArea();
    std::vector<AnnotationShape> shapes = this->shapes();
    const QPoint offset = m_mousePos - m_pressPos;
    for (AnnotationShape& shape : shapes) {
        if (m_drag != Drag::Move || shape.index != m_selected)
            continue;
        if (shape.pin)
            *shape.pin += offset;
        shape.end += offset;
        shape.label.translate(offset);
    }
    paintAnnotationShapes(painter, area, annotations(), shapes);
    for (const AnnotationShape& shape : shapes) {
        if (shape.index == m_selected)
            paintAnnotationSelection(painter, shape);
    }
    const AnnotationTools::Tool tool = m_tools->tool();
    if (m_drag == Drag::Create && m_createFrom && tool != AnnotationTools::Tool::Note) {
        Annotation preview;
        preview.kind = tool == AnnotationTools::Tool::Arrow ? AnnotationKind::Arrow : AnnotationKind::Box;
        AnnotationShape shape;
        shape.kind = preview.kind;
        shape.pin = m_pressPos;
        shape.end = m_mousePos;
        paintAnnotationShapes(painter, area, {&preview, 1}, {&shape, 1});
    }
}

std::optional<size_t> AnnotationOverlay::hitAt(QPoint pos) const
{
    // The last drawn is on top.
    const std::vector<AnnotationShape> shapes = this->shapes();
    for (auto it = shapes.rbegin(); it != shapes.rend(); ++it) {
        if (it->contains(pos))
            return it->index;
    }
    return std::nullopt;
}

void AnnotationOverlay::select(std::optional<size_t> index)
{
    if (index == m_selected)
        return;
    m_selected = index;
    m_canvas->update();
}

bool AnnotationOverlay::mousePress(QMouseEvent* event)
{
    const bool tool = m_tools->tool() != AnnotationTools::Tool::None;
    if (event->button() != Qt::LeftButton)
        return false;
    m_pressPos = m_mousePos = event->position().toPoint();
    if (const std::optional<size_t> hit = hitAt(m_pressPos)) {
        select(hit);
        m_drag = Drag::Move;
        return true;
    }
    select(std::nullopt);
    if (!tool)
        return false;
    // A press where nothing can be pinned is still the tool's: the view must not pan or select.
    m_createFrom = m_mapper.anchorAt(m_pressPos);
    m_drag = Drag::Create;
    return true;
}

bool AnnotationOverlay::mouseMove(QMouseEvent* event)
{
    if (m_drag == Drag::None)
        return false;
    m_mousePos = event->position().toPoint();
    m_canvas->update();
    return true;
}

bool AnnotationOverlay::mouseRelease(QMouseEvent* event)
{
    if (m_drag == Drag::None || event->button() != Qt::LeftButton)
        return false;
    const Drag drag = std::exchange(m_drag, Drag::None);
    m_mousePos = event->position().toPoint();
    const QPoint offset = m_mousePos - m_pressPos;
    const bool dragged = offset.manhattanLength() >= kDragDistance;
    m_canvas->update();
    if (drag == Drag::Move) {
        if (dragged && m_selected) {
            if (const std::optional<Annotation> changed = moved(offset))
                m_tools->set()->update(*m_selected, *changed);
        }
        return true;
    }
    const std::optional<AnnotationAnchor> from = std::exchange(m_createFrom, std::nullopt);
    if (!from)
        return true;
    Annotation created;
    switch (m_tools->tool()) {
    case AnnotationTools::Tool::Note: {
        if (dragged)
            return true;
        const std::optional<QString> text = m_tools->askText(m_view, QString());
        if (!text || text->trimmed().isEmpty())
            return true;
        created = newAnnotation(AnnotationKind::Note, *from);
        created.text = *text;
        break;
    }
    case AnnotationTools::Tool::Arrow:
    case AnnotationTools::Tool::Box: {
        const std::optional<AnnotationAnchor> to = m_mapper.anchorAt(m_mousePos);
        if (!dragged || !to)
            return true;
        const bool arrow = m_tools->tool() == AnnotationTools::Tool::Arrow;
        created = newAnnotation(arrow ? AnnotationKind::Arrow : AnnotationKind::Box, *from);
        created.end = *to;
        break;
    }
    case AnnotationTools::Tool::None:
        return true;
    }
    m_tools->set()->add(created);
    select(annotations().size() - 1);
    return true;
}

bool AnnotationOverlay::doubleClick(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const std::optional<size_t> hit = hitAt(event->position().toPoint());
    if (!hit)
        return m_tools->tool() != AnnotationTools::Tool::None;
    select(hit);
    Annotation edited = annotations()[*hit];
    const std::optional<QString> text = m_tools->askText(m_view, edited.text);
    // A note without text would be an empty box: emptying it leaves it as it was.
    if (text && *text != edited.text && (edited.kind != AnnotationKind::Note || !text->trimmed().isEmpty())) {
        edited.text = *text;
        m_tools->set()->update(*hit, edited);
    }
    return true;
}

bool AnnotationOverlay::keyPress(QEvent* event)
{
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool remove = key->key() == Qt::Key_Delete && m_selected;
    const bool putDown = key->key() == Qt::Key_Escape && m_tools->tool() != AnnotationTools::Tool::None;
    if (key->modifiers() != Qt::NoModifier || (!remove && !putDown))
        return false;
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // the key is ours, not a window shortcut's
        return true;
    }
    if (remove)
        m_tools->set()->remove(*std::exchange(m_selected, std::nullopt));
    else
        m_tools->setTool(AnnotationTools::Tool::None);
    return true;
}

Annotation AnnotationOverlay::newAnnotation(AnnotationKind kind, AnnotationAnchor anchor) const
{
    Annotation a;
    a.kind = kind;
    a.view = m_mapper.target.view;
    a.plot = m_mapper.target.plot;
    a.anchor = std::move(anchor);
    return a;
}

std::optional<Annotation> AnnotationOverlay::moved(QPoint offset) const
{
    Annotation a = annotations()[*m_selected];
    // Its points as drawn (a stacked note's pin is where it was grabbed), moved, and read back.
    std::optional<AnnotationShape> shape;
    for (const AnnotationShape& s : shapes()) {
        if (s.index == *m_selected)
            shape = s;
    }
    if (!shape)
        return std::nullopt;
    const std::optional<AnnotationAnchor> anchor = m_mapper.anchorAt(shape->pin.value_or(m_pressPos) + offset);
    const std::optional<AnnotationAnchor> end = a.hasEnd() ? m_mapper.anchorAt(shape->end + offset) : AnnotationAnchor();
    if (!anchor || !end)
        return std::nullopt;
    // An export dialog's note (view Any) dragged on a view becomes that view's.
    a.view = m_mapper.target.view;
    a.plot = m_mapper.target.plot;
    a.anchor = *anchor;
    if (a.hasEnd())
        a.end = *end;
    return a;
}

} // namespace gs::ui
