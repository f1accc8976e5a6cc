// SPDX-License-Identifier: MIT
#pragma once

#include "core/report/report_model.h"

#include <QObject>
#include <QString>

#include <optional>

class QAction;

namespace gs::app {

class MainWindow;

// File › Export Postmortem Report… (Ctrl+Shift+R): one self-contained HTML file for a postmortem
// (core/report/html_report.h) of what the window shows. It holds the notes (the notes dock's
// text and the annotations' words), the findings added to it from the findings panel, pictures
// of the views drawn by the exporter with their captions and annotations (a
// trace: the timeline, and the flame graph once its tab has computed one; anything else: the
// current view), the key figures of the capture (report_figures.h: top functions, goroutines by
// state) and the blocking chains the trace page's chain panel showed during the investigation
// (TraceSession::followedChains). The file is replaced atomically. GUI thread only: the views paint.
class ReportExport : public QObject
{
    Q_OBJECT
public:
    explicit ReportExport(MainWindow* window);

    QAction* action() const { return m_action; }
    // Enables the action while the window shows a capture.
    void setEnabled(bool enabled);

    // The report of the window as it is now; `extraNote` (`goroscope --report --note`) is added to
    // the notes.
    report::Report buildReport(const QString& extraNote = {}) const;
    // Builds the report and writes it to `path`. Returns why it failed, one line naming the file,
    // or nothing.
    std::optional<QString> writeReport(const QString& path, const QString& extraNote = {}) const;

private:
    void chooseAndWrite();
    QString notesText(const QString& extraNote) const;
    void addViewImages(report::ReportSection& section) const;

    MainWindow* m_window;
    QAction* m_action = nullptr;
};

} // namespace gs::app
