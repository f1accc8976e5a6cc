// SPDX-License-Identifier: MIT
#include "capture/leak_watch.h"

#include <QNetworkAccessManager>

namespace gs::capture {

LeakWatch::LeakWatch(std::string baseUrl, int everySeconds, int count, std::string folder, CaptureTimeouts timeouts,
                     QObject* parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_everySeconds(everySeconds)
    , m_count(count)
    , m_folder(std::move(folder))
    , m_timeouts(timeouts)
    , m_network(new QNetworkAccessManager(this))
{
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &LeakWatch::takeSnapshot);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        if (m_next.isActive())
            emit waiting((m_next.remainingTime() + 999) / 1000);
    });
}

LeakWatch::~LeakWatch()
{
    delete m_job;
}

void LeakWatch::start()
{
    m_ticker.start();
    takeSnapshot();
}

void LeakWatch::stop()
{
    m_stopped = true;
    if (!m_job)
        finish();
}

void LeakWatch::takeSnapshot()
{
    if (m_job)
        return; // still taking the last one: the next follows when it ends
    m_next.start(m_everySeconds * 1000); // the interval counts from the start of each dump
    m_job = new CaptureJob(m_network, m_baseUrl, {CaptureKind::Dump, 0}, m_folder, m_timeouts, this);
    connect(m_job, &CaptureJob::finished, this, [this](const CaptureResult& result) {
        m_job->deleteLater();
        m_job = nullptr;
        if (!result.ok()) {
            m_error = result.error;
            return finish();
        }
        m_snapshots.push_back(result);
        emit snapshotTaken(result);
        if (m_stopped || (m_count > 0 && int(m_snapshots.size()) >= m_count))
            return finish();
        if (!m_next.isActive())
            takeSnapshot(); // a dump slower than the interval: the next one at once
    });
    m_job->start();
}

void LeakWatch::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_next.stop();
    m_ticker.stop();
    emit finished();
}

} // namespace gs::capture
