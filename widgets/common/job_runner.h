// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace gs::ui {

// Runs work on Qt's global thread pool and hands its result to `done` on the context object's
// thread, unless a newer job was started or cancel() was called in between: stale results are
// dropped, never applied (Hotspot's JobTracker idea). The work must only touch what it captured by
// value, so snapshot everything it needs on the GUI thread first. Results always arrive through
// the event loop, never inside start(). A QFutureWatcher child of the context carries them, so a
// context destroyed first simply never hears back (Qt 6.4's QFuture::then(context) asserts then).
// Not thread-safe itself: use it from the context's thread only.
class JobRunner
{
public:
    // Work the user asked for runs at normal priority; work that only prepares for what the user
    // may ask next (an index of every wake-up) runs on threads of idle priority, which get a core
    // only when nothing else wants it: on a two-core machine it must not slow the GUI thread down.
    enum class Priority
    {
        Normal,
        Background,
    };

    explicit JobRunner(QObject* context)
        : m_context(context)
    {
    }

    template<typename Work, typename Done>
    uint64_t start(Work work, Done done, Priority priority = Priority::Normal)
    {
        using Outcome = std::invoke_result_t<Work>;
        const uint64_t generation = ++m_generation;
        auto* watcher = new QFutureWatcher<Outcome>(m_context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_context,
                         [this, watcher, generation, done = std::move(done)]() mutable {
                             watcher->deleteLater();
                             if (generation == m_generation)
                                 done(watcher->result());
                         });
        QThreadPool* pool = priority == Priority::Background ? backgroundPool() : QThreadPool::globalInstance();
        watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
        return generation;
    }

    // Drops the result of whatever is running.
    void cancel() { ++m_generation; }
    uint64_t generation() const { return m_generation; }

private:
    static QThreadPool* backgroundPool()
    {
        static QThreadPool* pool = [] {
            // The application owns it: at exit it waits for jobs asked to stop by their owners.
            auto* p = new QThreadPool(QCoreApplication::instance());
            p->setThreadPriority(QThread::IdlePriority);
            p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
            return p;
        }();
        return pool;
    }

    QObject* m_context;
    uint64_t m_generation = 0;
};

} // namespace gs::ui
