// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_job.h"

#include <QObject>
#include <QTimer>

#include <vector>

class QNetworkAccessManager;

namespace gs::capture {

// Watch for leaks: a goroutine dump (debug=2) every `everySeconds`, `count` times (0: until
// stopped), each kept in `folder`. The first is taken at once; when a dump takes longer than the
// interval the next follows right after it. A failed dump ends the watch.
class LeakWatch : public QObject
{
    Q_OBJECT
public:
    LeakWatch(std::string baseUrl, int everySeconds, int count, std::string folder, CaptureTimeouts timeouts = {},
              QObject* parent = nullptr);
    ~LeakWatch() override;

    void start();
    // Ends the watch after the dump under way, if any (it is kept).
    void stop();
    const std::vector<CaptureResult>& snapshots() const { return m_snapshots; }
    const std::string& error() const { return m_error; }
    int everySeconds() const { return m_everySeconds; }
    int count() const { return m_count; }

signals:
    void snapshotTaken(const gs::capture::CaptureResult& result);
    // Seconds until the next dump, each second between dumps.
    void waiting(int secondsToNext);
    void finished();

private:
    void takeSnapshot();
    void finish();

    std::string m_baseUrl;
    int m_everySeconds;
    int m_count;
    std::string m_folder;
    CaptureTimeouts m_timeouts;
    QNetworkAccessManager* m_network;
    CaptureJob* m_job = nullptr;
    QTimer m_next;
    QTimer m_ticker;
    std::vector<CaptureResult> m_snapshots;
    std::string m_error;
    bool m_stopped = false;
    bool m_finished = false;
};

} // namespace gs::capture
