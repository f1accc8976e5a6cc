// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMenu;

namespace gs::ui {
class AnnotationTools;
} // namespace gs::ui

namespace gs::app {

class MainWindow;

// The main window's annotations: the Edit menu (Undo, Redo of the window's AnnotationSet: Ctrl+Z,
// Ctrl+Shift+Z; Annotate › Note, Arrow, Box) and an AnnotationOverlay on every annotated view:
// the timeline, the goroutine table, the trace's metric plots and span-duration histogram, the
// GC plot and the flame graphs of the profile page and of the trace's flame tab. GUI thread only.
class WindowAnnotations : public QObject
{
    Q_OBJECT
public:
    explicit WindowAnnotations(MainWindow* window);

    ui::AnnotationTools* tools() const { return m_tools; }
    QMenu* editMenu() const { return m_edit; }

private:
    void attachOverlays(MainWindow* window);

    ui::AnnotationTools* m_tools;
    QMenu* m_edit;
};

} // namespace gs::app
