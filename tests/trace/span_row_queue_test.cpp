// SPDX-License-Identifier: MIT
// The builder's path for goroutines' spans: ClosedSpans records them, ClosedSpanRows carries rows
// of them, SpanRowQueue writes them to the span table on its worker thread. The table must read
// back every span as it went in: starts, ends (gaps and far starts included), traits, states
// and wakers, rows in the order they were pushed.
#include "core/formats/gotrace/closed_spans.h"
#include "core/formats/gotrace/span_row_queue.h"

#include <gtest/gtest.h>

#include <random>

namespace gs::gotrace {
namespace {

struct InputSpan
{
    TimeNs start = 0;
    TimeNs end = 0;
    SpanTraits traits;
    uint32_t waker = SpanTableWriter::kNoWaker; // a code into the waker IDs
};
using InputRow = std::vector<InputSpan>;

constexpr SpanState kStates[] = {SpanState::Running, SpanState::Runnable, SpanState::Waiting, SpanState::Syscall,
                                 SpanState::SyscallBlocked};

// Rows of `spans` spans each (and one long row), with every kind of exception: steps of 2^32 ns
// or more (far starts), gaps between spans, wakers, traits codes past a byte's worth.
std::vector<InputRow> makeRows(size_t rows, size_t longRow, std::mt19937_64& random)
{
    std::vector<InputRow> out(rows);
    TimeNs t = 1'000;
    for (size_t r = 0; r < rows; ++r) {
        const size_t n = r == rows / 2 ? longRow : 1 + random() % 9;
        for (size_t k = 0; k < n; ++k) {
            InputSpan s;
            s.start = t + (random() % 50 == 0 ? TimeNs(5) << 32 : 0);
            s.end = s.start + 1 + TimeNs(random() % 10'000);
            s.traits = {StringId(random() % 40), StackId(random() % 3000), int32_t(random() % 4) - 1,
                        kStates[random() % 5]};
            if (s.traits.state == SpanState::Runnable && random() % 2)
                s.waker = uint32_t(random() % 100);
            t = s.end + (random() % 7 == 0 ? TimeNs(random() % 500) : 0); // a gap now and then
            out[r].push_back(s);
        }
    }
    return out;
}

TimeColumn wakerIds()
{
    TimeColumn ids;
    for (int64_t code = 0; code < 100; ++code)
        ids.push_back(1'000 + code);
    return ids;
}

void expectTableHolds(const SpanTable& table, const std::vector<InputRow>& rows)
{
    ASSERT_EQ(table.offsets.size(), rows.size() + 1);
    for (size_t r = 0; r < rows.size(); ++r) {
        const auto [first, last] = table.rowRange(GoroutineRow(r));
        ASSERT_EQ(last - first, rows[r].size()) << "row " << r;
        for (uint32_t k = 0; k < rows[r].size(); ++k) {
            const InputSpan& s = rows[r][k];
            const uint32_t i = first + k;
            EXPECT_EQ(table.startOf(i), s.start) << "row " << r << " span " << k;
            EXPECT_EQ(table.endOf(i), s.end) << "row " << r << " span " << k;
            EXPECT_EQ(table.traitsOf(i), s.traits) << "row " << r << " span " << k;
            EXPECT_EQ(table.wakerOf(i), s.waker == SpanTableWriter::kNoWaker ? kNoGoroutineId : 1'000 + s.waker);
        }
        // The time per state, from the checkpoints in a row of 64 spans or more: the states the
        // writer was given with each span.
        TimeNs expected[kSpanStateCount] = {}, mix[kSpanStateCount];
        for (const InputSpan& s : rows[r])
            expected[size_t(s.traits.state)] += s.end - s.start;
        table.stateMix(GoroutineRow(r), first + 1, last, mix);
        expected[size_t(rows[r].front().traits.state)] -= rows[r].front().end - rows[r].front().start;
        for (size_t state = 0; state < kSpanStateCount; ++state)
            EXPECT_EQ(mix[state], expected[state]) << "row " << r << " state " << state;
    }
}

// Records `row` in `spans` as the builder does, interning the traits.
void record(ClosedSpans& spans, const InputRow& row, SpanTraitsInterner& traits)
{
    for (const InputSpan& s : row)
        spans.add(s.start, s.end, traits.code(s.traits), s.traits.state, s.waker);
}

// Pushes every row through one record, as the builder does with the records it reuses.
void pushAll(SpanRowQueue& queue, const std::vector<InputRow>& rows, SpanTraitsInterner& traits)
{
    ClosedSpans spans;
    for (const InputRow& row : rows) {
        record(spans, row, traits);
        queue.push(spans);
        ASSERT_EQ(spans.size(), 0u);
    }
}

TEST(ClosedSpans, RowsReadBackFromTheTable)
{
    std::mt19937_64 random(1);
    const std::vector<InputRow> rows = makeRows(300, 1000, random);
    SpanTable table;
    SpanTableWriter writer(table);
    SpanTraitsInterner traits;
    ClosedSpans record1;
    ClosedSpanRows batch;
    for (const InputRow& row : rows) {
        record(record1, row, traits);
        EXPECT_EQ(record1.size(), row.size());
        record1.moveTo(batch);
        EXPECT_EQ(record1.size(), 0u); // emptied, to be filled again
    }
    EXPECT_EQ(batch.rows(), rows.size());
    batch.writeTo(writer);
    EXPECT_EQ(batch.rows(), 0u);
    writer.finish(traits.take(), wakerIds());
    expectTableHolds(table, rows);
}

TEST(SpanRowQueue, WritesEveryRowInOrderOnItsWorker)
{
    // More rows than a batch holds and a row longer than the queue's span limit, so batches
    // queue up, come back for reuse, and one row travels alone.
    std::mt19937_64 random(2);
    const std::vector<InputRow> rows = makeRows(30'000, 300'000, random);
    SpanTable table;
    SpanTableWriter writer(table);
    SpanTraitsInterner traits;
    {
        SpanRowQueue queue(writer);
        pushAll(queue, rows, traits);
        queue.flush();
    }
    writer.finish(traits.take(), wakerIds());
    expectTableHolds(table, rows);
}

TEST(SpanRowQueue, DestroyedWithRowsQueuedStopsCleanly)
{
    // A load cancelled half-way destroys the builder without flushing.
    std::mt19937_64 random(3);
    const std::vector<InputRow> rows = makeRows(20'000, 10, random);
    SpanTable table;
    SpanTableWriter writer(table);
    SpanTraitsInterner traits;
    SpanRowQueue queue(writer);
    pushAll(queue, rows, traits);
}

} // namespace
} // namespace gs::gotrace
