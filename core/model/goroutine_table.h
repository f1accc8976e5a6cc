// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/compact_columns.h"
#include "core/model/symbols.h"

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace gs {

using TimeNs = int64_t;        // nanoseconds of the trace clock (absolute, as Go's parser reports them)
using GoroutineRow = uint32_t; // dense row in TraceData::goroutines
constexpr GoroutineRow kNoRow = UINT32_MAX;
constexpr int64_t kNoGoroutineId = -1;

// One goroutine as the views read it (a value assembled from GoroutineTable's columns).
struct Goroutine
{
    int64_t id = 0;                         // Go's goroutine ID
    int64_t creatorId = kNoGoroutineId;     // goroutine whose GoCreate made it, if seen
    StackId creationStack = 0;              // the creator's stack at GoCreate
    FunctionId startFunction = UINT32_MAX;  // outermost frame of its first transition stack
    StringId label = 0;                     // GoLabel, e.g. "GC (dedicated)"
    TimeNs createdNs = 0;                   // creation, or the start of the trace if it predates it
    TimeNs startNs = -1;                    // first time it ran; -1 if it never did
    TimeNs endNs = -1;                      // exit (or block "forever"); -1 if alive at the end

    bool hasStartFunction() const { return startFunction != UINT32_MAX; }
};

// Every goroutine of a trace, a column per field, so that millions of short-lived goroutines (a
// server's, one per request) cost about 20 bytes each: IDs and times as small offsets in blocks
// (TimeColumn), start functions and creation stacks as 16-bit codes, labels only where set. Rows are appended, then sealed; read-only afterwards.
class GoroutineTable
{
public:
    class Iterator
    {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Goroutine;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = Goroutine;

        Iterator(const GoroutineTable* table, GoroutineRow row)
            : m_table(table)
            , m_row(row)
        {
        }
        Goroutine operator*() const { return (*m_table)[m_row]; }
        Iterator& operator++()
        {
            ++m_row;
            return *this;
        }
        bool operator==(const Iterator& other) const { return m_row == other.m_row; }

    private:
        const GoroutineTable* m_table;
        GoroutineRow m_row;
    };

    size_t size() const { return m_startFunctions.size(); }
    bool empty() const { return size() == 0; }
    Goroutine operator[](GoroutineRow row) const;
    // One column's value, for passes over millions of rows that need no whole Goroutine.
    int64_t idOf(GoroutineRow row) const { return m_ids[row]; }
    int64_t creatorIdOf(GoroutineRow row) const { return m_creatorIds[row]; }
    TimeNs createdNsOf(GoroutineRow row) const { return m_createdNs[row]; }
    // The code of "no start function" (UINT32_MAX) is 0, so that it keeps the column narrow.
    FunctionId startFunctionOf(GoroutineRow row) const { return m_startFunctions[row] - 1; }
    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, GoroutineRow(size())}; }

    void push_back(const Goroutine& g);
    void seal();
    size_t memoryBytes() const;

private:
    TimeColumn m_ids;
    OptionalTimeColumn m_creatorIds;
    CodeColumn m_creationStacks;
    CodeColumn m_startFunctions; // + 1
    SparseColumn<StringId> m_labels;
    TimeColumn m_createdNs;
    OptionalTimeColumn m_startNs;
    OptionalTimeColumn m_endNs;
};

} // namespace gs
