// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/formats/gotrace/trace_event.h"
#include "core/formats/gotrace/trace_header.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>

namespace gs::gotrace {

class V1Decoder;
class V2Decoder;

// Pull-style reader of a Go execution trace of any version Go 1.26 reads (1.11–1.26): yields
// the events one at a time, in the order and with the contents of Go's internal/trace Reader
// (what `go tool trace -d=parsed` prints). Old-format traces are converted to the same event
// model, as Go does.
//
// Usage: open(), then next() until it returns false; error() tells an error from the end.
// Sync events separate generations: a consumer that must not keep half a generation (a store
// builder) commits at each Sync. String and stack IDs of an event resolve through
// event.tables, which stays valid while the reader is in that generation or the next one (it is
// freed when the generation after that is loaded); copy what must live longer. Strings point
// into `bytes`, which must outlive the reader.
//
// Errors: a damaged trace ends with a Sync event (closing what was delivered), then next()
// returns false with error() set to one line with the byte offset, as Go's reader does. An
// old-format trace is decoded whole by open(), whose decoding error is reported the same way.
// Memory: two generations' tokens, 24 bytes per event (v2), or the whole event list (v1, which
// has no generations). A v2 reader decodes the next generation on a worker thread of its own
// while the caller orders the current one, and helps decode it when it would otherwise wait. Not thread-safe; one reader per thread.
class TraceReader
{
public:
    static Result<std::unique_ptr<TraceReader>> open(std::span<const uint8_t> bytes);
    ~TraceReader();

    const TraceHeader& header() const { return m_header; }
    bool next(Event& out);
    // The same events as next(), many per call: fills the front of `out` and returns how many
    // (0 once next() would return false). A batch ends after a Sync event, so every event in it
    // keeps valid tables until the next call. Saves a call per event for bulk consumers.
    size_t nextBatch(std::span<Event> out);
    const std::optional<Error>& error() const { return m_error; }
    // The error is that the file ends in the middle of what was being read: the capture was cut
    // short (a trace still being written, a copy interrupted), not damaged.
    bool endsEarly() const { return m_endsEarly; }
    // Bytes tokenized so far, and the end of the last generation fully delivered.
    uint64_t bytesConsumed() const;
    uint64_t completeBytes() const;
    uint64_t completeGenerations() const;
    // Bytes before this offset are not read again once the events returned so far are consumed
    // (their generations are done, and nothing kept refers to them); 0 for the old format, whose
    // events refer to the whole input.
    uint64_t releasableBytes() const;

private:
    TraceReader(std::span<const uint8_t> bytes, TraceHeader header);
    void fail(const DecodeError& e);

    std::span<const uint8_t> m_bytes;
    TraceHeader m_header;
    std::unique_ptr<V2Decoder> m_v2;
    std::unique_ptr<V1Decoder> m_v1;
    std::optional<Error> m_error;
    bool m_endsEarly = false;
};

struct TraceReadStats
{
    uint64_t events = 0;
    uint64_t generations = 0; // completely delivered
    bool truncated = false;   // an error ended the trace after complete generations
};

// Feeds every event of a trace to `sink`, with the damage policy of `go tool trace` (1.23+):
// an error after at least one complete generation becomes a warning on `ctx` saying what was
// lost, and the events delivered so far stand; an error before that is returned. Polls `ctx`
// for cancellation and reports progress in bytes.
Result<TraceReadStats> readTrace(std::span<const uint8_t> bytes, LoadContext& ctx,
                                 const std::function<void(const Event&)>& sink);
// The same, handing `sink` the events in batches (TraceReader::nextBatch).
Result<TraceReadStats> readTraceBatches(std::span<const uint8_t> bytes, LoadContext& ctx,
                                        const std::function<void(std::span<const Event>)>& sink);

} // namespace gs::gotrace
