// SPDX-License-Identifier: MIT
// Opens a capture in the real main window, offscreen, as File > Open does, and reports the wall
// time until the timeline has painted, how long the GUI thread was ever kept from its event loop
// (a 5 ms heartbeat timer measures the largest gap between its ticks, until a second after the
// paint) and the peak RSS.
// Usage: goroscope_bench_open FILE [PNG]   (prints one line of JSON; PNG: a picture of the window
// as it was painted). With GOROSCOPE_SLOW_EVENTS=MS set, every event the GUI thread spent MS or
// more milliseconds on is listed on stderr (type, receiver, its parent): what a stall is made of.
#include "app/gui/main_window.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

constexpr int kHeartbeatMs = 5;
constexpr int kSettleMs = 1000;

// Fires `done` once, after the first paint of `target` that follows arm().
class PaintWatch : public QObject
{
public:
    PaintWatch(QWidget* target, std::function<void()> done)
        : m_done(std::move(done))
    {
        target->installEventFilter(this);
    }
    void arm() { m_armed = true; }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (m_armed && event->type() == QEvent::Paint) {
            m_armed = false;
            // Queued: runs once this paint event has been handled.
            QTimer::singleShot(0, this, m_done);
        }
        return false;
    }

private:
    std::function<void()> m_done;
    bool m_armed = false;
};

// Times every event delivered on the GUI thread when asked to.
class TimingApplication : public QApplication
{
public:
    TimingApplication(int& argc, char** argv, const QElapsedTimer& clock)
        : QApplication(argc, argv)
        , m_clock(clock)
        , m_slowMs(qEnvironmentVariableIsSet("GOROSCOPE_SLOW_EVENTS") ? qEnvironmentVariableIntValue("GOROSCOPE_SLOW_EVENTS") : -1)
    {
    }

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_slowMs < 0)
            return QApplication::notify(receiver, event);
        // The event and its receiver may be gone once delivered (a deferred delete, a widget that
        // closes itself): what is printed is taken before.
        const int type = event->type();
        const char* className = receiver->metaObject()->className();
        const QString name = receiver->objectName();
        const char* parentName = receiver->parent() ? receiver->parent()->metaObject()->className() : "-";
        QElapsedTimer timer;
        timer.start();
        const bool handled = QApplication::notify(receiver, event);
        if (timer.elapsed() >= m_slowMs)
            std::fprintf(stderr, "%lld ms (ended at %lld ms): event %d to %s \"%s\" in %s\n", timer.elapsed(),
                         m_clock.isValid() ? m_clock.elapsed() : -1, type, className, qPrintable(name), parentName);
        return handled;
    }

private:
    const QElapsedTimer& m_clock;
    int m_slowMs;
};

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer clock;
    TimingApplication app(argc, argv, clock);
    QApplication::setOrganizationName(QStringLiteral("goroscope-bench"));
    QApplication::setApplicationName(QStringLiteral("goroscope-bench-open"));
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: goroscope_bench_open FILE [PNG]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);

    gs::app::MainWindow window;
    window.resize(1600, 1000);
    window.show();

    qint64 lastBeat = 0, maxGap = 0, maxGapEnd = 0, loadedMs = -1, paintedMs = -1;
    QTimer heartbeat;
    heartbeat.setInterval(kHeartbeatMs);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        if (now - lastBeat > maxGap) {
            maxGap = now - lastBeat;
            maxGapEnd = now;
        }
        lastBeat = now;
    });

    PaintWatch watch(window.tracePage()->timeline()->viewport(), [&] {
        paintedMs = clock.elapsed();
        // Work deferred past the first paint (the plots' first drawing) counts as a stall too: the
        // heartbeat keeps measuring for a while.
        QTimer::singleShot(kSettleMs, &app, &QApplication::quit);
    });
    // Painted means painted from the whole trace: a layout or activity still being built off the
    // GUI thread is waited for.
    gs::ui::TimelineView* timeline = window.tracePage()->timeline();
    auto paintWhenReady = [&] {
        if (loadedMs < 0 || timeline->isBusy())
            return;
        timeline->viewport()->update();
        watch.arm();
    };
    QObject::connect(timeline, &gs::ui::TimelineView::partsReady, paintWhenReady);
    QObject::connect(&window, &gs::app::MainWindow::loadFinished, [&] {
        loadedMs = clock.elapsed();
        paintWhenReady();
    });
    QObject::connect(&window, &gs::app::MainWindow::loadFailed, [&](const QString& message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        app.exit(1);
    });

    clock.start();
    heartbeat.start();
    window.openFile(path);
    const int rc = app.exec();
    if (rc != 0)
        return rc;
    if (argc == 3 && !window.grab().save(QString::fromLocal8Bit(argv[2]))) {
        std::fprintf(stderr, "cannot write %s\n", argv[2]);
        return 1;
    }
    std::printf("{\"file_bytes\": %lld, \"loaded_ms\": %lld, \"first_paint_ms\": %lld, \"max_gui_stall_ms\": %lld, "
                "\"max_gui_stall_end_ms\": %lld, \"peak_rss_kb\": %ld}\n",
                QFileInfo(path).size(), loadedMs, paintedMs, maxGap, maxGapEnd, peakRssKb());
    return 0;
}
