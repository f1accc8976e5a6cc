// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QThreadPool>

namespace gs::test {

// Waits until Qt's global thread pool and the application's own pools (idle-priority work,
// settings writes) have finished every job they were given.
inline void waitForApplicationPools()
{
    QThreadPool::globalInstance()->waitForDone();
    for (QThreadPool* pool : QCoreApplication::instance()->findChildren<QThreadPool*>())
        pool->waitForDone();
}

} // namespace gs::test
