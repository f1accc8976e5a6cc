// SPDX-License-Identifier: MIT
#include "widgets/load/file_loader.h"

#include "core/load/load_file.h"

#include <QTimer>

namespace gs::ui {

namespace {

// What the worker hands back: QFuture wants a default-constructible value.
struct LoadOutcome
{
    StorePtr store;
    TraceViewsPtr views;
    QString error;
    bool cancelled = false;
};

constexpr int kProgressPollMs = 50;

} // namespace

FileLoader::FileLoader(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
    , m_progressTimer(new QTimer(this))
{
    m_progressTimer->setInterval(kProgressPollMs);
    connect(m_progressTimer, &QTimer::timeout, this, &FileLoader::pollProgress);
}

FileLoader::~FileLoader()
{
    // The worker may outlive us; ask it to stop so the thread pool drains quickly at exit.
    if (m_active)
        m_active->stop.request_stop();
}

void FileLoader::load(const QString& path, Views views)
{
    cancel();
    auto shared = std::make_shared<Shared>();
    m_active = shared;
    m_path = path;
    emit loadStarted(path);
    emit progressChanged(0.0);
    m_progressTimer->start();
    m_jobs.start(
        [shared, file = path.toStdString(), prepare = views == Views::Prepare] {
            LoadOutcome outcome;
            LoadContext context(shared->stop.get_token(), [&shared](uint64_t done, uint64_t total) {
                shared->permille.store(uint32_t(total ? done * 1000 / total : 0), std::memory_order_relaxed);
            });
            try {
                auto result = loadFile(file, context);
                if (result) {
                    outcome.store = std::move(*result);
                    if (prepare)
                        outcome.views = prepareTraceViews(outcome.store, shared->stop.get_token());
                } else
                    outcome.error = QString::fromStdString(result.error().message);
            } catch (const Cancelled&) {
                outcome.cancelled = true;
            } catch (const std::exception& e) {
                // A decoder bug must not take the application down; report it as a failed load.
                outcome.error = QString::fromStdString(file) + QStringLiteral(": internal error: ") + QString::fromUtf8(e.what());
            }
            return outcome;
        },
        [this, path](LoadOutcome outcome) {
            finish();
            if (outcome.cancelled)
                emit loadCancelled(path);
            else if (outcome.store)
                emit loadFinished(outcome.store, outcome.views, path);
            else
                emit loadFailed(outcome.error, path);
        });
}

void FileLoader::cancel()
{
    if (!m_active)
        return;
    m_active->stop.request_stop();
    m_jobs.cancel();
    const QString path = m_path;
    finish();
    emit loadCancelled(path);
}

void FileLoader::finish()
{
    m_progressTimer->stop();
    m_active.reset();
}

void FileLoader::pollProgress()
{
    if (m_active)
        emit progressChanged(m_active->permille.load(std::memory_order_relaxed) / 1000.0);
}

} // namespace gs::ui
