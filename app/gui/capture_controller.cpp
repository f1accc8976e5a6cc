// SPDX-License-Identifier: MIT
#include "app/gui/capture_controller.h"

#include "app/gui/main_window.h"
#include "app/gui/recent_files.h"
#include "capture/capture_session.h"
#include "widgets/capture/capture_dialog.h"
#include "widgets/capture/leak_watch_view.h"

#include <QAction>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>

namespace gs::app {

namespace {

// Which capture opens when several were taken: the one that shows the most (a trace holds CPU
// samples and every goroutine), then the CPU profile, then in the dialog's order.
int openRank(capture::CaptureKind kind)
{
    switch (kind) {
    case capture::CaptureKind::Trace: return 0;
    case capture::CaptureKind::Cpu: return 1;
    default: return 2;
    }
}

// What opens beside a trace, linked to its goroutines: a CPU profile of the same run and a
// goroutine dump. The other profiles would replace those links, so they only go to the recent files.
bool opensBesideTrace(capture::CaptureKind kind)
{
    return kind == capture::CaptureKind::Cpu || kind == capture::CaptureKind::Dump;
}

} // namespace

CaptureController::CaptureController(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(tr("Capture from &Service…"), this))
{
    m_action->setToolTip(tr("Fetch profiles, a goroutine dump or a trace from a running Go service that serves net/http/pprof, "
                            "or watch it for goroutine leaks"));
    connect(m_action, &QAction::triggered, this, &CaptureController::ask);
}

void CaptureController::ask()
{
    auto* dialog = new ui::CaptureDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { run(dialog->plan()); });
    dialog->open();
}

void CaptureController::run(const ui::CapturePlan& plan)
{
    if (plan.watch)
        watch(plan);
    else
        capture(plan);
}

void CaptureController::capture(const ui::CapturePlan& plan)
{
    if (m_session)
        return; // one capture at a time: a second CPU profile would fail anyway
    m_session = new capture::CaptureSession(plan.baseUrl, plan.requests, plan.folder.toStdString(), {}, this);
    m_progress = new QProgressDialog(m_window);
    m_progress->setObjectName(QStringLiteral("captureProgress"));
    m_progress->setWindowTitle(tr("Capture from Service"));
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setMinimumWidth(420);
    connect(m_progress, &QProgressDialog::canceled, m_session, &capture::CaptureSession::cancel);
    const QString service = QString::fromStdString(plan.baseUrl);
    const std::vector<capture::CaptureRequest> requests = plan.requests;
    connect(m_session, &capture::CaptureSession::progress, m_progress,
            [this, service, requests](int index, qint64 bytes, int remaining) {
                const capture::CaptureRequest& r = requests[size_t(index)];
                QString text = tr("%1 from %2 (%3 of %4)")
                                   .arg(QString::fromUtf8(capture::kindInfo(r.kind).label), service)
                                   .arg(index + 1)
                                   .arg(requests.size());
                if (remaining > 0)
                    text += tr("\n%1 s left").arg(remaining);
                text += tr("\n%1 bytes received").arg(bytes);
                m_progress->setLabelText(text);
                // A timed capture counts its seconds down; the others are busy until they end.
                m_progress->setRange(0, r.seconds > 0 && remaining >= 0 ? r.seconds : 0);
                if (remaining >= 0)
                    m_progress->setValue(r.seconds - remaining);
            });
    connect(m_session, &capture::CaptureSession::finished, this, &CaptureController::finishCaptures);
    m_progress->show();
    m_session->start();
}

void CaptureController::finishCaptures()
{
    const std::vector<capture::CaptureResult> results = m_session->results();
    m_session->deleteLater();
    m_session = nullptr;
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    const capture::CaptureResult* opened = nullptr;
    QStringList problems;
    for (const capture::CaptureResult& r : results) {
        if (r.cancelled)
            continue;
        if (!r.ok())
            problems << QString::fromUtf8(capture::kindInfo(r.request.kind).label) + QStringLiteral(": ")
                            + QString::fromStdString(r.error);
        else if (!opened || openRank(r.request.kind) < openRank(opened->request.kind))
            opened = &r;
    }
    if (opened)
        openCaptured(results, *opened);
    if (!problems.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Capture from Service"), problems.join(QLatin1Char('\n')),
                                    QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("captureErrorDialog"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit capturesFinished(results);
}

void CaptureController::openCaptured(const std::vector<capture::CaptureResult>& results,
                                     const capture::CaptureResult& first)
{
    const bool trace = first.request.kind == capture::CaptureKind::Trace;
    QStringList files {QString::fromStdString(first.path)};
    QStringList others;
    RecentFiles recent;
    for (const capture::CaptureResult& r : results) {
        if (!r.ok() || r.cancelled || &r == &first)
            continue;
        const QString path = QString::fromStdString(r.path);
        if (trace && opensBesideTrace(r.request.kind)) {
            files << path;
        } else {
            // Newest first in File › Open Recent, below the file that opens.
            recent.add(path);
            others << QString::fromUtf8(capture::kindInfo(r.request.kind).label);
        }
    }
    m_window->openFiles(files);
    if (!others.isEmpty())
        m_window->statusBar()->showMessage(
            tr("Also captured: %1 (in File › Open Recent)").arg(others.join(QStringLiteral(", "))), 15000);
}

void CaptureController::watch(const ui::CapturePlan& plan)
{
    auto* view = new ui::LeakWatchView(m_window);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowTitle(tr("Watch for Leaks — %1").arg(QString::fromStdString(plan.baseUrl)));
    view->resize(1100, 760);
    m_watchView = view;
    view->show();
    view->watch(plan.baseUrl, plan.everySeconds, plan.count, plan.folder);
}

} // namespace gs::app
