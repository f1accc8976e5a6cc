// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_result.h"
#include "capture/capture_session.h"
#include "widgets/capture/leak_watch_view.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

#include <vector>

class QAction;

namespace gs::ui {
struct CapturePlan;
} // namespace gs::ui

namespace gs::app {

class MainWindow;

// File › Capture from Service…: asks what to capture (CaptureDialog), fetches it with a progress
// dialog (remaining seconds, bytes, Cancel) and opens the result in the window; or, for Watch for
// Leaks, opens the watch in a window of its own (LeakWatchView).
class CaptureController : public QObject
{
    Q_OBJECT
public:
    explicit CaptureController(MainWindow* window);

    QAction* action() const { return m_action; }
    // Runs a plan without the dialog (what the dialog's Capture button does).
    void run(const ui::CapturePlan& plan);
    // The capture under way, if any, and the last watch window.
    capture::CaptureSession* session() const { return m_session; }
    QProgressDialog* progressDialog() const { return m_progress; }
    ui::LeakWatchView* watchView() const { return m_watchView; }

signals:
    // Captures ended: what each produced (the one opened is loading by now).
    void capturesFinished(const std::vector<gs::capture::CaptureResult>& results);

private:
    void ask();
    void capture(const ui::CapturePlan& plan);
    void watch(const ui::CapturePlan& plan);
    void finishCaptures();
    // Opens `first` (the capture that shows the most); a trace gets the CPU profile and the dump
    // taken with it opened beside it; the other captures go to the recent files.
    void openCaptured(const std::vector<capture::CaptureResult>& results, const capture::CaptureResult& first);

    MainWindow* m_window;
    QAction* m_action;
    QPointer<capture::CaptureSession> m_session;
    QPointer<QProgressDialog> m_progress;
    QPointer<ui::LeakWatchView> m_watchView;
};

} // namespace gs::app
