// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/event_tokens.h"
#include "core/formats/gotrace/generation.h"

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace gs::gotrace {

// Loads and tokenizes the generations of a v2 trace on a worker thread, one generation ahead of
// the consumer: while the caller orders generation N, generation N+1 is read. Decoding is about
// half the reader's work and needs no ordering state, so it overlaps with ordering.
//
// At most two generations' tokens exist at a time (the one handed out and the one being read);
// their buffers are recycled. If no thread can be started, next() reads in the caller's thread.
class GenerationPrefetcher
{
public:
    GenerationPrefetcher(std::span<const uint8_t> input, size_t start, int minorVersion);
    ~GenerationPrefetcher();
    GenerationPrefetcher(const GenerationPrefetcher&) = delete;
    GenerationPrefetcher& operator=(const GenerationPrefetcher&) = delete;

    // Replaces `out` (whose token buffer is taken back for reuse) with the next generation;
    // returns false at the clean end of the trace. Rethrows what the loader threw (DecodeError,
    // std::bad_alloc), in the same sequence as calling GenerationLoader::next directly.
    bool next(TokenizedGeneration& out);

private:
    // Reads the next generation into `g`; false at the end. Throws what the loader throws.
    bool produce(TokenizedGeneration& g);
    void run();

    GenerationLoader m_loader;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<TokenizedGeneration> m_ready; // read, not yet handed out
    TokenBuffer m_spare;                        // a handed-back token buffer
    bool m_finished = false;                    // the worker has read everything it will
    std::exception_ptr m_error;                 // what ended the worker, if not the clean end
    bool m_stop = false;
    std::thread m_worker; // last: started once everything above exists
};

} // namespace gs::gotrace
