// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_result.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <string>

class QNetworkAccessManager;
class QNetworkReply;

namespace gs::capture {

// One GET of one pprof endpoint into a file in `folder`. The body goes to a hidden ".part" file
// beside the final name and is renamed only once the transfer finished and the body sniffs as the
// kind it should be, so a failed, cut or cancelled capture leaves nothing behind.
class CaptureJob : public QObject
{
    Q_OBJECT
public:
    CaptureJob(QNetworkAccessManager* network, std::string baseUrl, CaptureRequest request, std::string folder,
               CaptureTimeouts timeouts, QObject* parent = nullptr);
    ~CaptureJob() override;

    void start();
    void cancel();
    const CaptureRequest& request() const { return m_request; }

signals:
    // Bytes so far and, for a timed capture, the seconds until the service should answer (-1
    // for the others).
    void progress(qint64 bytes, int remainingSeconds);
    void finished(const gs::capture::CaptureResult& result);

private:
    void onReadyRead();
    void onFinished();
    void tick();
    void fail(const std::string& message);
    std::string cutMessage() const;
    bool endedShort() const;
    std::string networkError() const;
    std::string where() const;
    void done(CaptureResult result);

    QNetworkAccessManager* m_network;
    std::string m_baseUrl;
    CaptureRequest m_request;
    std::string m_folder;
    CaptureTimeouts m_timeouts;
    QPointer<QNetworkReply> m_reply;
    QFile m_part;
    QTimer m_connectTimer;
    QTimer m_transferTimer;
    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_bytes = 0;
    std::time_t m_startTime = 0;
    std::string m_stopReason; // why we aborted the reply ourselves, when we did
    std::string m_tlsErrors;
    bool m_done = false;
};

} // namespace gs::capture
