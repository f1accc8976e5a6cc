// SPDX-License-Identifier: MIT
#include "capture/blocking.h"

#include "capture/capture_session.h"
#include "capture/leak_watch.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <memory>

namespace gs::capture {

namespace {

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "goroscope-cli";
    static char* argv[] = {name, nullptr};
    static std::unique_ptr<QCoreApplication> app = std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

std::vector<CaptureResult> captureBlocking(const std::string& baseUrl, const std::vector<CaptureRequest>& requests,
                                           const std::string& folder, const CaptureTimeouts& timeouts,
                                           const std::function<void(const CaptureResult&)>& onCaptured)
{
    ensureApplication();
    CaptureSession session(baseUrl, requests, folder, timeouts);
    QEventLoop loop;
    QObject::connect(&session, &CaptureSession::captured, &session, [&](const CaptureResult& r) {
        if (onCaptured)
            onCaptured(r);
    });
    QObject::connect(&session, &CaptureSession::finished, &loop, &QEventLoop::quit);
    QMetaObject::invokeMethod(&session, &CaptureSession::start, Qt::QueuedConnection);
    loop.exec();
    return session.results();
}

WatchOutcome watchBlocking(const std::string& baseUrl, int everySeconds, int count, const std::string& folder,
                           const CaptureTimeouts& timeouts, const std::function<void(const CaptureResult&)>& onSnapshot)
{
    ensureApplication();
    LeakWatch watch(baseUrl, everySeconds, count, folder, timeouts);
    QEventLoop loop;
    QObject::connect(&watch, &LeakWatch::snapshotTaken, &watch, [&](const CaptureResult& r) {
        if (onSnapshot)
            onSnapshot(r);
    });
    QObject::connect(&watch, &LeakWatch::finished, &loop, &QEventLoop::quit);
    QMetaObject::invokeMethod(&watch, &LeakWatch::start, Qt::QueuedConnection);
    loop.exec();
    return {watch.snapshots(), watch.error()};
}

} // namespace gs::capture
