// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/byte_reader.h"
#include "core/formats/gotrace/batch.h"
#include "core/formats/gotrace/generation_tables.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace gs::gotrace {

// An event batch of one thread, kept as a view into the input.
struct BatchRef
{
    uint64_t time = 0; // base timestamp, ticks
    std::span<const uint8_t> data;
    uint64_t offset = 0; // absolute offset of data[0]
};

// The event batches of one thread (M) in one generation, in file order.
struct ThreadBatches
{
    int64_t m = -1;
    std::vector<BatchRef> batches;
};

struct CpuSample
{
    int64_t time = 0; // ns after conversion
    int64_t m = -1;
    int64_t p = -1;
    int64_t g = -1;
    uint64_t stack = 0;
};

// One generation of a v2 trace, tokenized but not yet ordered: its tables, the event batches
// grouped by thread (threads in first-seen order, as Go's parser keeps them) and its CPU samples
// sorted by time.
struct Generation
{
    std::unique_ptr<GenerationTables> tables;
    std::vector<ThreadBatches> threads;
    std::vector<CpuSample> samples;
    uint64_t minTs = 0;
    uint64_t experimentalBatches = 0; // skipped: their contents are experiment-defined
};

// Splits a v2 trace (after its header) into generations. Go 1.26 traces end each generation
// with a marker byte; older ones are split where the generation number in batch headers
// changes, the first batch of the next generation "spilling" over to the next call.
//
// Errors are thrown as DecodeError. A problem found after the first batch of a pre-1.26
// generation is deferred, as Go does: the batches read so far form a generation and the error
// comes with the next call. Memory is proportional to one generation's bytes.
class GenerationLoader
{
public:
    GenerationLoader(std::span<const uint8_t> input, size_t start, int minorVersion);

    // Reads the next generation into `out`; returns false at the clean end of the trace.
    bool next(Generation& out);
    // Offset just past the last byte consumed.
    uint64_t offset() const { return m_in.offset(); }
    // Offset where the generation last returned ends (the start of the next one).
    uint64_t generationEnd() const { return m_generationEnd; }

private:
    bool nextWithMarkers(Generation& out);
    bool nextWithSpill(Generation& out);
    void process(Generation& g, std::unordered_map<int64_t, size_t>& threadIndex, const Batch& b);
    void finish(Generation& g);
    void addStrings(GenerationTables& t, const Batch& b);
    void addStacks(GenerationTables& t, const Batch& b);
    void addSamples(Generation& g, const Batch& b);
    void setSync(GenerationTables& t, const Batch& b);

    ByteReader m_in;
    int m_version;
    std::optional<DecodeError> m_deferred;
    std::optional<Batch> m_spill;
    bool m_done = false;
    uint64_t m_generationEnd = 0;
    std::vector<uint64_t> m_pcScratch;
};

// A reader that met an error ahead of the events it still had to deliver keeps it in `pending`
// and throws it when those are out: once, marking the reader done.
[[noreturn]] inline void throwPending(std::optional<DecodeError>& pending, bool& done)
{
    const DecodeError e = *pending;
    pending.reset();
    done = true;
    throw e;
}

} // namespace gs::gotrace
