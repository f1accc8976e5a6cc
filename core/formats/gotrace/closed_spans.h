// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/chunked_list.h"
#include "core/model/span_table.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace gs::gotrace {

class ClosedSpanRows;

// The closed spans of one goroutine while the builder follows it, about 4 bytes each: varints of
// the start as the step from the previous start (0 for those in the far starts), the traits code
// << 4 | state << 1 | woken, and the waker's code if woken. Ends are the next start but for the
// listed gaps. A long-lived goroutine keeps every span here until the end of the trace.
class ClosedSpans
{
public:
    // Appends the next span, which starts at or after the previous one's end; returns its index
    // within the goroutine.
    uint32_t add(TimeNs start, TimeNs end, uint32_t traits, SpanState state, uint32_t waker);
    uint32_t size() const { return m_count; }
    // Appends the spans to `rows` as their next row and empties this record, keeping its small
    // buffers: a builder's record of one short-lived goroutine after another allocates nothing.
    void moveTo(ClosedSpanRows& rows);

private:
    friend class ClosedSpanRows;
    using Exceptions = std::vector<std::pair<uint32_t, TimeNs>>; // (index in the goroutine, time)

    ChunkedList<uint8_t> m_bytes;
    uint32_t m_count = 0;
    TimeNs m_lastStart = 0;
    TimeNs m_lastEnd = 0;
    Exceptions m_farStarts; // the first start, and any start 2^32 ns or more after the previous
    Exceptions m_gaps;      // spans whose end is not the next start
};

// The closed spans of several goroutines, row after row, in contiguous buffers: what the builder
// hands over to be written to the span table. The state travels in each span's bytes, so writing
// needs nothing of the builder's tables and can run on another thread.
class ClosedSpanRows
{
public:
    size_t rows() const { return m_rows.size(); }
    size_t spans() const { return m_spans; }
    // Appends every row to `writer` (each ended with endRow) and empties this for reuse.
    void writeTo(SpanTableWriter& writer);

private:
    friend class ClosedSpans;
    struct Row
    {
        size_t bytesEnd = 0; // where the row's bytes and exceptions end
        size_t farStartsEnd = 0;
        size_t gapsEnd = 0;
        TimeNs lastEnd = 0;
    };

    std::vector<uint8_t> m_bytes;
    ClosedSpans::Exceptions m_farStarts; // indexes within their goroutine
    ClosedSpans::Exceptions m_gaps;
    std::vector<Row> m_rows;
    size_t m_spans = 0;
};

} // namespace gs::gotrace
