// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/formats/gotrace/generation.h"
#include "core/formats/gotrace/wire_spec.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace gs::gotrace {

// One timed event of a thread's batches, decoded before ordering: type, time (the batch's base
// time plus the deltas, in nanoseconds, as the reader reports it before forcing times strictly
// increasing) and wire arguments. 24 bytes, as the ordering thread streams through gigabytes of
// them: a time more than 2^32 ns after the generation's time base, arguments that do not fit 32
// bits, a fourth argument or an offset too far from the generation's start make the token
// "wide", its values kept in TokenizedGeneration::wide. No member initializers: buffers of
// tokens are allocated without being written first.
struct Token
{
    enum Flags : uint8_t
    {
        Wide = 1,
        // A stack or string argument names no entry of the generation's tables: Go's reader
        // fails when it returns this event, so the decoder does too.
        BadIds = 2,
        // The thread's first event in the generation: the decoder's general step takes it, as
        // the first advance of each thread looks up the thread's state.
        FirstOfThread = 4,
    };
    uint32_t time;    // after TokenizedGeneration::timeBase
    uint32_t args[3]; // Wide: args[0] indexes TokenizedGeneration::wide
    uint32_t offset;  // of the event's first byte, after TokenizedGeneration::base
    uint8_t type;
    uint8_t flags;
};
static_assert(sizeof(Token) == 24);

struct WideToken
{
    int64_t time = 0;
    uint64_t args[kMaxEventArgs] = {};
    uint64_t offset = 0; // absolute
};

// A generation's tokens, in storage reused from one generation to the next and sized without
// being written (a fresh write pass over hundreds of megabytes would cost as much as the
// tokenizing). The storage asks for transparent huge pages: faulting in tens of megabytes page
// by page, 4 KiB at a time, kept the ordering thread waiting for the first generations.
class TokenBuffer
{
public:
    Token* data() { return m_data.get(); }
    const Token* data() const { return m_data.get(); }
    size_t capacity() const { return m_capacity; }
    // Makes room for n tokens; the contents are lost if the storage has to grow.
    void reserve(size_t n);

private:
    struct Free
    {
        void operator()(Token* p) const;
    };
    std::unique_ptr<Token[], Free> m_data;
    size_t m_capacity = 0;
};

// The tokens of one thread (M), [begin, end), in its own buffer of TokenizedGeneration::tokens.
// `error` is set when an undecodable event ends the thread's events; it is reported when
// ordering reaches it.
struct ThreadTokens
{
    int64_t m = -1;
    size_t buffer = 0; // its buffer in TokenizedGeneration::tokens
    const Token* begin = nullptr;
    const Token* end = nullptr;
    std::optional<DecodeError> error;
    // While the thread is tokenized: its wide tokens, and the positions after `begin` of the
    // tokens naming them (by index in this vector until gatherTokens moves them to the
    // generation's).
    std::vector<WideToken> wide;
    std::vector<size_t> wideAt;
};

// A generation with every event batch decoded, ready for ordering. `loadedOffset` and `end`
// are the loader's offset() and generationEnd() right after this generation was read.
struct TokenizedGeneration
{
    Generation gen;
    // One buffer per thread, each filled from its start, so that a buffer reused by later
    // generations keeps only its largest prefix in memory. Buffer k goes to the thread with the
    // k-th most bytes: sizes then stay put from one generation to the next, and the buffers
    // rarely grow (a new buffer's pages cost a fault and zeroing each).
    std::vector<TokenBuffer> tokens;
    std::vector<WideToken> wide;
    uint64_t base = 0;    // offset of the generation's first batch
    int64_t timeBase = 0; // time of the generation's earliest batch, in nanoseconds
    // Per WireSpec::IdKind, the largest ID known without a lookup in the tables (see
    // GenerationTables::stacksPresentTo); larger ones are looked up.
    uint64_t idsKnownUpTo[3] = {};
    std::vector<ThreadTokens> threads;
    uint64_t loadedOffset = 0;
    uint64_t end = 0;
};

// Decodes the events of every thread of `g.gen` into `g.tokens` (its storage is reused) and
// `g.threads`. Only std::bad_alloc escapes: decoding errors are kept per thread.
void tokenizeGeneration(TokenizedGeneration& g);

// tokenizeGeneration in steps, so that threads can share the work: planTokens sizes a buffer
// for each thread of `g.gen`; tokenizeThread(g, i) then decodes thread i into its buffer and
// g.threads[i] only, so different i may run at the same time; once all have run, gatherTokens
// collects their wide tokens.
void planTokens(TokenizedGeneration& g);
void tokenizeThread(TokenizedGeneration& g, size_t thread);
void gatherTokens(TokenizedGeneration& g);

// A token's time in nanoseconds.
inline int64_t tokenTime(const TokenizedGeneration& g, const Token& t)
{
    return t.flags & Token::Wide ? g.wide[t.args[0]].time : g.timeBase + int64_t(t.time);
}

// A token's wire arguments and absolute offset.
inline void tokenValues(const TokenizedGeneration& g, const Token& t, uint64_t (&args)[kMaxEventArgs],
                        uint64_t& offset)
{
    if (t.flags & Token::Wide) {
        const WideToken& w = g.wide[t.args[0]];
        for (int i = 0; i < kMaxEventArgs; ++i)
            args[i] = w.args[i];
        offset = w.offset;
        return;
    }
    args[0] = t.args[0];
    args[1] = t.args[1];
    args[2] = t.args[2];
    args[3] = 0;
    offset = g.base + t.offset;
}

} // namespace gs::gotrace
