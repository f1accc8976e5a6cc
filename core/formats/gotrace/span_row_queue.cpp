// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/span_row_queue.h"

#include <system_error>
#include <utility>

namespace gs::gotrace {

SpanRowQueue::SpanRowQueue(SpanTableWriter& writer)
    : m_writer(writer)
{
    try {
        m_worker = std::thread([this] { run(); });
    } catch (const std::system_error&) {
        // No thread to be had: push() writes in the caller's thread instead.
    }
}

SpanRowQueue::~SpanRowQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

void SpanRowQueue::push(ClosedSpans& spans)
{
    spans.moveTo(m_filling);
    if (!m_worker.joinable())
        m_filling.writeTo(m_writer);
    else if (m_filling.rows() == kRowsPerBatch || m_filling.spans() >= kSpansPerBatch)
        handOver();
}

void SpanRowQueue::handOver()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] {
        return m_queued.empty() || (m_queued.size() < kMaxQueued && m_queuedSpans < kMaxQueuedSpans) || m_error;
    });
    if (m_error)
        std::rethrow_exception(m_error);
    m_queuedSpans += m_filling.spans();
    m_queued.push_back(std::move(m_filling));
    if (m_spare.empty()) {
        m_filling = ClosedSpanRows();
    } else {
        m_filling = std::move(m_spare.back());
        m_spare.pop_back();
    }
    lock.unlock();
    m_changed.notify_all();
}

void SpanRowQueue::flush()
{
    if (!m_worker.joinable())
        return;
    if (m_filling.rows() > 0)
        handOver();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return (m_queued.empty() && !m_writing) || m_error; });
    if (m_error)
        std::rethrow_exception(m_error);
}

void SpanRowQueue::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return !m_queued.empty() || m_stop; });
        // Stopping leaves what is queued: the builder is being destroyed, its table with it.
        if (m_stop)
            return;
        ClosedSpanRows batch = std::move(m_queued.front());
        m_queued.pop_front();
        m_queuedSpans -= batch.spans();
        m_writing = true;
        lock.unlock();
        std::exception_ptr error;
        try {
            batch.writeTo(m_writer);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        m_writing = false;
        if (error) {
            // Nothing more is written: the rows after these would land in the wrong places.
            m_error = std::move(error);
            m_changed.notify_all();
            return;
        }
        m_spare.push_back(std::move(batch));
        m_changed.notify_all();
    }
}

} // namespace gs::gotrace
