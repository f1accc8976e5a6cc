// SPDX-License-Identifier: MIT
#include "capture/capture_session.h"

#include <QNetworkAccessManager>

namespace gs::capture {

CaptureSession::CaptureSession(std::string baseUrl, std::vector<CaptureRequest> requests, std::string folder,
                               CaptureTimeouts timeouts, QObject* parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_requests(std::move(requests))
    , m_folder(std::move(folder))
    , m_timeouts(timeouts)
    , m_network(new QNetworkAccessManager(this))
{
}

CaptureSession::~CaptureSession()
{
    delete m_job;
}

void CaptureSession::start()
{
    startNext();
}

void CaptureSession::cancel()
{
    m_cancelled = true;
    if (m_job)
        m_job->cancel();
}

void CaptureSession::startNext()
{
    if (m_job) {
        m_job->deleteLater();
        m_job = nullptr;
    }
    const size_t index = m_results.size();
    if (m_cancelled || index == m_requests.size()) {
        emit finished();
        return;
    }
    m_job = new CaptureJob(m_network, m_baseUrl, m_requests[index], m_folder, m_timeouts, this);
    connect(m_job, &CaptureJob::progress, this,
            [this, index](qint64 bytes, int remaining) { emit progress(int(index), bytes, remaining); });
    connect(m_job, &CaptureJob::finished, this, [this](const CaptureResult& result) {
        m_results.push_back(result);
        emit captured(result);
        // After the job's own signal has returned: the job is deleted there.
        QMetaObject::invokeMethod(this, &CaptureSession::startNext, Qt::QueuedConnection);
    });
    m_job->start();
}

} // namespace gs::capture
