// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation_mapper.h"
#include "widgets/annotations/annotation_tools.h"

#include <QObject>
#include <QPoint>

#include <optional>
#include <vector>

class QMouseEvent;
class QWidget;

namespace gs::ui {

// The interactive annotation layer of one view, the same for every view: an event filter that
// paints the AnnotationSet's annotations over what the view painted (so they follow its zoom,
// pan and scroll) and, through the view's AnnotationMapper, turns mouse input into annotations.
//  - With a tool in hand (AnnotationTools), a click pins a note (its text asked for), a drag draws
//    an arrow or a box; the view does not see those clicks.
//  - Always: a click on an annotation selects it (handles shown) and a drag moves it (one undo step
//    on release), a double-click edits its text, Delete removes the selected one. Any other input
//    goes to the view as before.
// Attach with the view (it gets the keys) and the widget it paints (a scroll area's viewport, else
// the view itself); the overlay is the canvas's child. GUI thread only.
class AnnotationOverlay : public QObject
{
    Q_OBJECT
public:
    AnnotationOverlay(QWidget* view, QWidget* canvas, AnnotationMapper mapper, AnnotationTools* tools);

    const AnnotationMapper& mapper() const { return m_mapper; }
    // The selected annotation: an index into the set's annotations.
    std::optional<size_t> selected() const { return m_selected; }
    // The annotations as the canvas shows them now (what a click hits).
    std::vector<AnnotationShape> shapes() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Drag
    {
        None,
        Move,   // the selected annotation, by the mouse's offset from the press
        Create, // an arrow or box from the press to the mouse
    };

    void paintOver(QEvent* event);
    bool mousePress(QMouseEvent* event);
    bool mouseMove(QMouseEvent* event);
    bool mouseRelease(QMouseEvent* event);
    bool doubleClick(QMouseEvent* event);
    bool keyPress(QEvent* event);
    std::optional<size_t> hitAt(QPoint pos) const;
    Annotation newAnnotation(AnnotationKind kind, AnnotationAnchor anchor) const;
    // The selected annotation moved by `offset` pixels, or nothing when it would leave the data.
    std::optional<Annotation> moved(QPoint offset) const;
    void select(std::optional<size_t> index);
    const std::vector<Annotation>& annotations() const;

    QWidget* m_view;
    QWidget* m_canvas;
    AnnotationMapper m_mapper;
    AnnotationTools* m_tools;
    std::optional<size_t> m_selected;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    QPoint m_mousePos;
    std::optional<AnnotationAnchor> m_createFrom;
    bool m_painting = false; // set while the view paints under the overlay
};

} // namespace gs::ui
