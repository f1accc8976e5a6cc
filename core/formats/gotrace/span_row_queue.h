// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/closed_spans.h"
#include "core/model/span_table.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gs::gotrace {

// Writes goroutines' closed spans to a SpanTableWriter on a worker thread, one row per goroutine
// in the order they are handed over, while the builder follows the next events: decoding a
// goroutine's spans and filling the table's columns is a sixth of the builder's work, and a
// server trace ends millions of goroutines.
//
// Rows travel in batches (ClosedSpanRows) of a few thousand. Up to kMaxQueued of them wait for
// the worker: it stalls now and then for tens of milliseconds (a column outgrowing its buffer is
// copied, the thread is descheduled), and the builder should not stall with it. Written batches
// come back for reuse. If no thread can be started, rows are written in the caller's thread.
class SpanRowQueue
{
public:
    explicit SpanRowQueue(SpanTableWriter& writer);
    ~SpanRowQueue();
    SpanRowQueue(const SpanRowQueue&) = delete;
    SpanRowQueue& operator=(const SpanRowQueue&) = delete;

    // Hands `spans` over as the next row; `spans` is emptied, to be filled again.
    // Rethrows what the worker threw (std::bad_alloc) while writing earlier rows.
    void push(ClosedSpans& spans);
    // Waits until every row handed over is written: the writer is the caller's again. Rethrows
    // what the worker threw.
    void flush();

private:
    static constexpr size_t kRowsPerBatch = 8192;
    static constexpr size_t kSpansPerBatch = size_t(1) << 17;
    static constexpr size_t kMaxQueued = 8;
    // At most this many spans wait in the queue, unless one row has more: the rows of goroutines
    // alive at the end of the trace can be millions of spans each.
    static constexpr size_t kMaxQueuedSpans = kMaxQueued * kSpansPerBatch;

    // Queues the filling batch for the worker, waiting while the queue is full.
    void handOver();
    void run();

    SpanTableWriter& m_writer;
    ClosedSpanRows m_filling; // the caller's
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ClosedSpanRows> m_queued; // oldest first
    size_t m_queuedSpans = 0;
    std::vector<ClosedSpanRows> m_spare; // written, emptied
    bool m_writing = false;              // the worker is writing a batch taken from m_queued
    bool m_stop = false;
    std::exception_ptr m_error; // what ended the worker's writing
    std::thread m_worker;       // last: started once everything above exists
};

} // namespace gs::gotrace
