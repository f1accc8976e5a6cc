// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/export/export_dialog.h"
#include "widgets/export/exporter.h"

#include <QObject>

class QAction;

namespace gs::app {

class MainWindow;

// The main window's export: File › Export… (Ctrl+Shift+S, also on the toolbar) opens the
// ExportDialog; File › Copy View to Clipboard (Ctrl+Shift+C) copies the current view at 2x with
// its caption; File › Export View as PNG… (Ctrl+E) is the quick path, a file dialog then a PNG with
// its caption. This class decides what the current view of each page is (the focused table, else
// the page's main view), what its caption says and where a note is pinned (the selected goroutine
// or function); the dialog only collects choices and the exporter only draws. GUI thread only.
class WindowExport : public QObject
{
    Q_OBJECT
public:
    explicit WindowExport(MainWindow* window);

    QAction* exportAction() const { return m_export; }
    QAction* copyAction() const { return m_copy; }
    QAction* quickPngAction() const { return m_quickPng; }
    // Enables the actions while the window shows a capture.
    void setEnabled(bool enabled);

    // The picture a request names, and how to draw it. The source borrows the window's views.
    ui::ExportSource sourceFor(ui::ExportRequest::Target target) const;
    ui::ExportOptions optionsFor(const ui::ExportRequest& request) const;
    // Writes the file; on failure says why in a message box. False when it failed.
    bool exportTo(const ui::ExportRequest& request);
    // Puts the picture on the clipboard as an image at 2x, whatever format the request names.
    void copyToClipboard(const ui::ExportRequest& request);
    // Opens the dialog without blocking (the event loop, and tests, keep running).
    ui::ExportDialog* openDialog();

private:
    // The view the user means on the current page: the focused table, else the page's main view.
    ui::ExportSource currentView() const;
    void exportQuickPng();
    ui::ExportCaption caption() const;
    ui::Annotation pin() const;
    QString suggestedPath(const QString& suffix) const;

    MainWindow* m_window;
    QAction* m_export = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_quickPng = nullptr;
};

} // namespace gs::app
