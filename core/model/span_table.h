// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/compact_columns.h"
#include "core/model/goroutine_table.h"
#include "core/model/symbols.h"

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace gs {

// What a goroutine is doing during a span. SyscallBlocked is the part of a syscall after its
// processor was taken away (Go's "Block time (syscall)").
enum class SpanState : uint8_t
{
    Running,
    Runnable,
    Waiting,
    Syscall,
    SyscallBlocked,
};
constexpr size_t kSpanStateCount = 5;
const char* spanStateName(SpanState s);

// What a span says besides its times and waker. A trace has few distinct combinations (a blocking
// stack nearly always comes with the same state and reason), so the table stores each once and
// every span refers to its combination by a 32-bit code.
struct SpanTraits
{
    StringId reason = 0; // wait reason ("chan receive"), stop reason ("preempted")
    StackId stack = 0;   // stack at the transition into the span
    int32_t proc = -1;   // processor at the transition; -1 if none
    SpanState state = SpanState::Running;

    bool operator==(const SpanTraits&) const = default;
};

// State spans of every goroutine in one table. Goroutine r owns spans [offsets[r], offsets[r+1]),
// sorted by start and non-overlapping, so ends are sorted too and one binary search finds the span
// covering a time. Read spans through the accessors; the encoding behind them is private:
// - starts in a TimeColumn (2 to 4 bytes a span);
// - ends are not stored where they equal the next span's start (nearly always: a goroutine's spans
//   are contiguous); only a row's last span and the rare span followed by a gap keep theirs;
// - reason, stack, processor and state as a code into the table of distinct SpanTraits (16 bits
//   while there are fewer than 65536 of them);
// - wakers only for the spans that have one, as codes into a column of goroutine IDs (the
//   builder's: a code per goroutine, in order of first appearance).
//
// For level-of-detail drawing, every goroutine of kCheckpointEvery spans or more has, per
// kCheckpointEvery spans, the cumulative duration per state of the spans before (the state mix of
// any span range then costs O(kCheckpointEvery + states), whatever its length) and the largest
// step (end - previous end) of the block of spans that follows, which lets folding skip a block of
// tiny spans at once. Shorter rows (nearly all of a server's goroutines) have neither: scanning
// them costs no more.
// Built by SpanTableWriter; immutable afterwards.
class SpanTable
{
public:
    static constexpr uint32_t kCheckpointEvery = 64;

    std::vector<uint32_t> offsets; // per goroutine row; size goroutines + 1

    size_t size() const { return m_traitCodes.size(); }
    TimeNs startOf(uint32_t i) const { return m_starts[i]; }
    TimeNs endOf(uint32_t i) const
    {
        const auto stored = m_ends.find(i);
        return stored ? *stored : m_starts[i + 1];
    }
    TimeNs durationOf(uint32_t i) const { return endOf(i) - startOf(i); }
    SpanState stateOf(uint32_t i) const { return traitsOf(i).state; }
    StringId reasonOf(uint32_t i) const { return traitsOf(i).reason; }
    StackId stackOf(uint32_t i) const { return traitsOf(i).stack; }
    int32_t procOf(uint32_t i) const { return traitsOf(i).proc; }
    // Runnable after Waiting: ID of the goroutine that woke it; kNoGoroutineId otherwise.
    int64_t wakerOf(uint32_t i) const
    {
        const auto code = m_wakers.find(i);
        return code ? m_wakerIds[*code] : kNoGoroutineId;
    }
    const SpanTraits& traitsOf(uint32_t i) const { return m_traits[m_traitCodes[i]]; }

    std::pair<uint32_t, uint32_t> rowRange(GoroutineRow r) const { return {offsets[r], offsets[r + 1]}; }
    // The goroutine row owning span i.
    GoroutineRow rowOfSpan(uint32_t i) const;
    // First span of row r whose end is after t (the span covering t, or the next one).
    uint32_t firstEndingAfter(GoroutineRow r, TimeNs t) const;
    // The span of row r covering t (the later one on a boundary), or its last span when that ends
    // exactly at t, as the spans of goroutines alive at the trace end do; nothing otherwise.
    std::optional<uint32_t> spanAt(GoroutineRow r, TimeNs t) const;
    // First span of row r starting at or after t (one past the row if none).
    uint32_t firstStartingFrom(GoroutineRow r, TimeNs t) const;
    // Total time per state over spans [begin, end) of row r (absolute span indexes).
    void stateMix(GoroutineRow r, uint32_t begin, uint32_t end, TimeNs out[kSpanStateCount]) const;
    // Per block of kCheckpointEvery spans of row r, its largest step: endOf(k) - endOf(k - 1), or
    // the duration for the row's first span. A block whose largest step is below d has only spans
    // shorter than d, each following the previous one by less than d. Empty for a row shorter than
    // kCheckpointEvery.
    std::span<const TimeNs> stepMaxima(GoroutineRow r) const;

    size_t memoryBytes() const;
    // memoryBytes by part, named, for the store's breakdown.
    std::vector<std::pair<const char*, size_t>> memoryParts() const;

private:
    friend class SpanTableWriter;

    TimeColumn m_starts;
    SparseColumn<TimeNs, TimeColumn> m_ends;
    CodeColumn m_traitCodes;
    std::vector<SpanTraits> m_traits;
    SparseColumn<uint32_t> m_wakers;
    TimeColumn m_wakerIds;
    // Per row of kCheckpointEvery spans or more, its first checkpoint. A row of n spans has
    // n / kCheckpointEvery + 1 of them.
    SparseColumn<uint32_t> m_firstCheckpoint;
    std::vector<TimeNs> m_checkpoints; // kSpanStateCount cumulative durations per checkpoint
    std::vector<TimeNs> m_stepMax;     // per checkpoint: the largest step of the block it starts
};

// The distinct SpanTraits of a table being built, each with its code (SpanTable::traitsOf).
class SpanTraitsInterner
{
public:
    uint32_t code(const SpanTraits& traits)
    {
        // Spans repeat a few combinations over and over. A small table of recent ones stays in
        // the L1 cache and answers most lookups; the interner's larger table, probed once per span
        // otherwise, is mostly a cache miss by the time the next span comes.
        Recent& recent = m_recent[recentSlot(traits)];
        if (recent.code == kNoCode || !(recent.traits == traits))
            recent = {traits, m_traits.intern(traits)};
        return recent.code;
    }
    // The traits by code, for SpanTableWriter::finish; the interner is empty afterwards.
    std::vector<SpanTraits> take() { return m_traits.take(); }

private:
    struct Hash
    {
        size_t operator()(const SpanTraits& t) const;
    };
    static constexpr uint32_t kNoCode = UINT32_MAX;
    static constexpr uint32_t kRecentBits = 8;
    struct Recent
    {
        SpanTraits traits;
        uint32_t code = kNoCode;
    };
    // A cheap mix of the fields that vary most (stack, reason), for indexing m_recent.
    static uint32_t recentSlot(const SpanTraits& t)
    {
        const uint32_t key = t.stack ^ (t.reason << 12) ^ (uint32_t(t.proc) << 22) ^ (uint32_t(t.state) << 29);
        return (key * 0x9e3779b1u) >> (32 - kRecentBits);
    }

    Interner<SpanTraits, Hash> m_traits;
    Recent m_recent[1u << kRecentBits];
};

// Fills a SpanTable row by row: append each row's spans in time order (their traits as codes of a
// SpanTraitsInterner, with the state the code stands for; a waker as the caller's code for it),
// close the row, finish once with the traits and the goroutine ID of every waker code. Knowing
// the state without the interner lets the rows be written on another thread than the one that
// interns.
class SpanTableWriter
{
public:
    static constexpr uint32_t kNoWaker = UINT32_MAX;

    // Starts the table afresh.
    explicit SpanTableWriter(SpanTable& table);

    void reserve(size_t spans);
    // Appends the next span of the current row.
    void append(TimeNs start, TimeNs end, uint32_t traits, SpanState state, uint32_t waker = kNoWaker);
    void endRow();
    // Seals the columns; the table is ready to read. traits[code] are the traits of `code`,
    // wakerIds[code] is the ID of waker `code`.
    void finish(std::vector<SpanTraits> traits, TimeColumn wakerIds);

private:
    SpanTable& m_table;
    uint32_t m_rowBegin = 0;
    size_t m_rowCheckpoints = 0; // m_checkpoints' size when the row began
    GoroutineRow m_row = 0;
    TimeNs m_previousEnd = 0;
    TimeNs m_mix[kSpanStateCount] = {};
};

} // namespace gs
