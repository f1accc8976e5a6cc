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
// half the reader's work and needs no ordering state, so it overlaps with ordering. A consumer
// that would wait for the next generation tokenizes some of its threads itself (at the start,
// and whenever decoding is the slower side).
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
    // Reads the next generation's batches into `g`; false at the end. Throws what the loader
    // throws.
    bool load(TokenizedGeneration& g);
    // load, then tokenizeGeneration: all in the calling thread.
    bool produce(TokenizedGeneration& g);
    void run();
    // Tokenizes the loaded `g` on the worker, sharing its threads with a consumer that waits.
    // Throws std::bad_alloc from any of them.
    void tokenizeShared(TokenizedGeneration& g);
    // Tokenizes threads of the generation being read that nobody has taken yet, until none is
    // left. `lock` holds m_mutex; it is released while a thread is decoded.
    void helpTokenize(std::unique_lock<std::mutex>& lock);
    bool helpWanted() const { return m_tokenizing && m_nextThread < m_tokenizing->threads.size(); }

    GenerationLoader m_loader;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<TokenizedGeneration> m_ready; // read, not yet handed out
    std::vector<TokenBuffer> m_spare;           // handed-back token buffers
    bool m_finished = false;                    // the worker has read everything it will
    std::exception_ptr m_error;                 // what ended the worker, if not the clean end
    bool m_stop = false;
    // The generation the worker is tokenizing, shared out thread by thread.
    TokenizedGeneration* m_tokenizing = nullptr;
    size_t m_nextThread = 0;           // the first of its threads nobody has taken
    size_t m_threadsBusy = 0;          // taken and not finished
    std::exception_ptr m_tokenizeError; // std::bad_alloc from one of them
    std::thread m_worker; // last: started once everything above exists
};

} // namespace gs::gotrace
