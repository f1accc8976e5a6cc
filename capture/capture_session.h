// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_job.h"

#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace gs::capture {

// Several captures from one service, one after another (two CPU profiles cannot run at once, and
// a trace taken beside a CPU profile would see the profiler's work). Stops at the first cancel;
// a failed capture does not stop the others.
class CaptureSession : public QObject
{
    Q_OBJECT
public:
    CaptureSession(std::string baseUrl, std::vector<CaptureRequest> requests, std::string folder,
                   CaptureTimeouts timeouts = {}, QObject* parent = nullptr);
    ~CaptureSession() override;

    void start();
    void cancel();
    const std::vector<CaptureResult>& results() const { return m_results; }
    size_t count() const { return m_requests.size(); }

signals:
    // The capture at `index` of count(): its bytes so far and remaining seconds (see CaptureJob).
    void progress(int index, qint64 bytes, int remainingSeconds);
    void captured(const gs::capture::CaptureResult& result);
    void finished();

private:
    void startNext();

    std::string m_baseUrl;
    std::vector<CaptureRequest> m_requests;
    std::string m_folder;
    CaptureTimeouts m_timeouts;
    QNetworkAccessManager* m_network;
    CaptureJob* m_job = nullptr;
    std::vector<CaptureResult> m_results;
    bool m_cancelled = false;
};

} // namespace gs::capture
