// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/event_tokens.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>
#include <string>

#include <sys/mman.h>

namespace gs::gotrace {

namespace {

constexpr ptrdiff_t kMaxVarintBytes = 10;
// Type byte, time delta, arguments.
constexpr ptrdiff_t kMaxEventBytes = 1 + kMaxVarintBytes * (1 + kMaxEventArgs);

// Unsigned LEB128 with Go's binary.Uvarint rules (padded encodings allowed, at most 10 bytes,
// no overflow). Returns false on a truncated or invalid encoding. Without CheckEnd the caller
// knows that kMaxVarintBytes bytes are left, so no read needs a bound check.
template<bool CheckEnd>
inline bool readUvarint(const uint8_t*& p, const uint8_t* end, uint64_t& out)
{
    // Most arguments (IDs, time deltas) fit one or two bytes, sequence numbers three: take
    // those without a loop when three bytes are in range.
    if (!CheckEnd || end - p >= 3) {
        const uint64_t b0 = p[0];
        if (b0 < 0x80) {
            out = b0;
            p += 1;
            return true;
        }
        const uint64_t b1 = p[1];
        if (b1 < 0x80) {
            out = (b0 & 0x7f) | b1 << 7;
            p += 2;
            return true;
        }
        const uint64_t b2 = p[2];
        if (b2 < 0x80) {
            out = (b0 & 0x7f) | (b1 & 0x7f) << 7 | b2 << 14;
            p += 3;
            return true;
        }
    }
    uint64_t v = 0;
    for (int shift = 0; shift < 7 * kMaxVarintBytes; shift += 7) {
        if (CheckEnd && p == end)
            return false;
        const uint8_t b = *p++;
        if (b < 0x80) {
            if (shift == 63 && b > 1)
                return false;
            out = v | uint64_t(b) << shift;
            return true;
        }
        v |= uint64_t(b & 0x7f) << shift;
    }
    return false;
}

// The error for the undecodable event of `type` at `offset`.
DecodeError eventError(uint64_t offset, uint8_t type, bool inTimestamp)
{
    const WireSpec& spec = wireSpec(type);
    if (!spec.name)
        return DecodeError(offset, "found invalid event type: " + std::to_string(type));
    if (!spec.timed)
        return DecodeError(offset, "found event without a timestamp: type=" + std::to_string(type));
    if (inTimestamp)
        return DecodeError(offset, std::string("found invalid uvarint for timestamp of ") + spec.name);
    return DecodeError(offset, std::string("found invalid uvarint in ") + spec.name + " event");
}

// An event's wire arguments. Passed by value to the rare paths (a lookup of unknown IDs, a wide
// token): a reference would make the compiler keep every event's arguments in memory, not only
// in registers.
using ArgValues = std::array<uint64_t, kMaxEventArgs>;

bool idsKnown(ArgValues args, const WireSpec& spec, const GenerationTables& tables)
{
    return (spec.stackArg < 0 || tables.hasStack(args[spec.stackArg]))
        && (spec.newStackArg < 0 || tables.hasStack(args[spec.newStackArg]))
        && (spec.stringArgs[0] < 0 || tables.hasString(args[spec.stringArgs[0]]))
        && (spec.stringArgs[1] < 0 || tables.hasString(args[spec.stringArgs[1]]));
}

// Stores a wide token: out of line, as it is rare and the narrow path is inlined into every
// event's decoding.
[[gnu::noinline]] void storeWide(ThreadTokens& thread, Token& t, int64_t time, uint8_t type, uint8_t flags,
                                 ArgValues args, uint64_t offset)
{
    t.type = type;
    t.flags = flags | Token::Wide;
    t.args[0] = uint32_t(thread.wide.size());
    thread.wideAt.push_back(size_t(&t - thread.begin));
    WideToken& w = thread.wide.emplace_back();
    w.time = time;
    for (int i = 0; i < kMaxEventArgs; ++i)
        w.args[i] = args[i];
    w.offset = offset;
}

// Stores the decoded event in `t`, narrow when it fits; a wide one goes to the thread's list.
[[gnu::always_inline]] inline void store(const TokenizedGeneration& g, ThreadTokens& thread, Token& t, int64_t time,
                                         uint8_t type, uint8_t flags, const ArgValues& args, uint64_t offset)
{
    // Both wrap around to large values when below their base.
    const uint64_t relativeTime = uint64_t(time) - uint64_t(g.timeBase);
    const uint64_t relativeOffset = offset - g.base;
    if ((args[0] | args[1] | args[2] | relativeTime | relativeOffset) >> 32 != 0 || args[3] != 0)
        return storeWide(thread, t, time, type, flags, args, offset);
    t.time = uint32_t(relativeTime);
    t.args[0] = uint32_t(args[0]);
    t.args[1] = uint32_t(args[1]);
    t.args[2] = uint32_t(args[2]);
    t.offset = uint32_t(relativeOffset);
    t.type = type;
    t.flags = flags;
}

// What tokenizing one event needs besides its bytes.
struct EventContext
{
    const TokenizedGeneration& g;
    ThreadTokens& thread;
    const GenerationTables& tables;
};

// Reads the N arguments of an event whose time delta has been read, and stores its token.
// False if an argument is undecodable. A template, so that each argument count gets its own
// unrolled copy (the loop control and the stores of unused arguments were a fifth of the work).
template<int N, bool CheckEnd>
inline bool tokenizeArgs(const EventContext& ctx, const uint8_t*& p, const uint8_t* end, const WireSpec& spec,
                         uint8_t type, uint64_t dt, uint64_t offset, int64_t& lastTs, Token& out)
{
    ArgValues args = {};
    for (int i = 0; i < N; ++i) {
        if (!readUvarint<CheckEnd>(p, end, args[i]))
            return false;
    }
    // Stack and string IDs past the runs known present are looked up. Events naming none, GoStart
    // the most common, skip the comparisons: all their argIds are NoId (0), read as one word.
    static_assert(sizeof(spec.argIds) == sizeof(uint32_t) && WireSpec::NoId == 0);
    uint32_t idKinds = 0;
    std::memcpy(&idKinds, spec.argIds, sizeof idKinds);
    bool lookUp = false;
    if (idKinds != 0) {
        for (int i = 0; i < N; ++i)
            lookUp |= args[i] > ctx.g.idsKnownUpTo[spec.argIds[i]];
    }
    // Go sums the deltas in ticks and converts the sum; no real clock reaches 2^63 ns (292 years),
    // so a sum past it is damage, reported rather than wrapped around into a negative time.
    if (__builtin_add_overflow(ctx.tables.toNs(dt), lastTs, &lastTs)) {
        ctx.thread.error = DecodeError(offset, std::string("found timestamp past 2^63 ns in ") + spec.name + " event");
        return false;
    }
    const bool bad = lookUp && !idsKnown(args, spec, ctx.tables);
    store(ctx.g, ctx.thread, out, lastTs, type, bad ? Token::BadIds : 0, args, offset);
    return true;
}

// Tokenizes the event at `p` of batch `b` into `out`. False, with the thread's error set, if it
// is undecodable. Without CheckEnd the caller knows the whole event is in range.
template<bool CheckEnd>
inline bool tokenizeEvent(const EventContext& ctx, const BatchRef& b, const uint8_t*& p, const uint8_t* end,
                          int64_t& lastTs, Token& out)
{
    const uint64_t offset = b.offset + uint64_t(p - b.data.data());
    const uint8_t type = *p++;
    const WireSpec& spec = wireSpec(type);
    uint64_t dt = 0;
    if (!spec.timed || !readUvarint<CheckEnd>(p, end, dt)) {
        ctx.thread.error = eventError(offset, type, true);
        return false;
    }
    bool decoded = false;
    switch (spec.argCount) {
    case 0: decoded = tokenizeArgs<0, CheckEnd>(ctx, p, end, spec, type, dt, offset, lastTs, out); break;
    case 1: decoded = tokenizeArgs<1, CheckEnd>(ctx, p, end, spec, type, dt, offset, lastTs, out); break;
    case 2: decoded = tokenizeArgs<2, CheckEnd>(ctx, p, end, spec, type, dt, offset, lastTs, out); break;
    case 3: decoded = tokenizeArgs<3, CheckEnd>(ctx, p, end, spec, type, dt, offset, lastTs, out); break;
    default: decoded = tokenizeArgs<kMaxEventArgs, CheckEnd>(ctx, p, end, spec, type, dt, offset, lastTs, out); break;
    }
    if (!decoded && !ctx.thread.error)
        ctx.thread.error = eventError(offset, type, false);
    return decoded;
}

} // namespace

// Decodes the events of one thread's batches into its region; stops at the first undecodable one.
void tokenizeThread(TokenizedGeneration& g, size_t thread)
{
    const GenerationTables& tables = *g.gen.tables;
    ThreadTokens& range = g.threads[thread];
    const EventContext ctx{g, range, tables};
    // Written through a local pointer: the buffer has room for every event (see planTokens).
    Token* const first = g.tokens[range.buffer].data();
    Token* out = first;
    range.begin = first;
    auto finish = [&] {
        range.end = out;
        if (out != first)
            first->flags |= Token::FirstOfThread;
    };
    for (const BatchRef& b : g.gen.threads[thread].batches) {
        const uint8_t* p = b.data.data();
        const uint8_t* const end = p + b.data.size();
        // Times restart from each batch's base timestamp.
        int64_t lastTs = tables.toNs(b.time);
        // No event starting this far from the end can run past it: most of a batch is read
        // without bound checks.
        while (end - p >= kMaxEventBytes) {
            if (!tokenizeEvent<false>(ctx, b, p, end, lastTs, *out))
                return finish();
            ++out;
        }
        while (p != end) {
            if (!tokenizeEvent<true>(ctx, b, p, end, lastTs, *out))
                return finish();
            ++out;
        }
    }
    finish();
}

void TokenBuffer::reserve(size_t n)
{
    if (n <= m_capacity)
        return;
    m_data.reset();
    m_capacity = 0;
    // Large buffers take whole huge pages: aligned_alloc wants a multiple of the alignment,
    // and the kernel backs only whole aligned huge pages with one. Small ones (threads with few
    // events) would waste most of one.
    constexpr size_t kHugePage = size_t(2) << 20;
    if (n > (SIZE_MAX - kHugePage) / sizeof(Token))
        throw std::bad_alloc();
    const bool huge = n * sizeof(Token) >= 4 * kHugePage;
    const size_t alignment = huge ? kHugePage : 64;
    const size_t bytes = (n * sizeof(Token) + alignment - 1) / alignment * alignment;
    // Token has no initializers: the storage holds tokens once they are written.
    void* storage = std::aligned_alloc(alignment, bytes);
    if (!storage)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    if (huge)
        madvise(storage, bytes, MADV_HUGEPAGE); // a hint: without it the buffer only fills slower
#endif
    m_data.reset(static_cast<Token*>(storage));
    m_capacity = bytes / sizeof(Token);
}

void TokenBuffer::Free::operator()(Token* p) const
{
    std::free(p);
}

void planTokens(TokenizedGeneration& g)
{
    // Every timed event takes at least two bytes (type, time delta), so a thread's buffer holds
    // half its bytes in tokens. A buffer that must grow gets half as much again, as the buffers
    // are reused and each new page costs a fault.
    const GenerationTables& tables = *g.gen.tables;
    g.base = ~uint64_t(0);
    g.timeBase = INT64_MAX;
    g.wide.clear();
    g.idsKnownUpTo[WireSpec::NoId] = UINT64_MAX;
    g.idsKnownUpTo[WireSpec::StackId] = tables.stacksPresentTo();
    g.idsKnownUpTo[WireSpec::StringId] = tables.stringsPresentTo();
    g.threads.assign(g.gen.threads.size(), ThreadTokens{});
    if (g.tokens.size() < g.threads.size())
        g.tokens.resize(g.threads.size());
    std::vector<std::pair<size_t, size_t>> bySize; // (most tokens, thread), largest first
    bySize.reserve(g.gen.threads.size());
    for (size_t i = 0; i < g.gen.threads.size(); ++i) {
        const ThreadBatches& t = g.gen.threads[i];
        size_t bytes = 0;
        for (const BatchRef& b : t.batches) {
            bytes += b.data.size();
            g.base = std::min(g.base, b.offset);
            g.timeBase = std::min(g.timeBase, tables.toNs(b.time));
        }
        g.threads[i].m = t.m;
        // At least one: the tokenizer names its output slot before it knows whether the bytes
        // hold a whole event, so a thread of one cut-off event still needs a buffer.
        bySize.emplace_back(std::max<size_t>(bytes / 2, 1), i);
    }
    std::sort(bySize.begin(), bySize.end(), std::greater<>());
    for (size_t k = 0; k < bySize.size(); ++k) {
        const auto [most, thread] = bySize[k];
        g.threads[thread].buffer = k;
        if (g.tokens[k].capacity() < most)
            g.tokens[k].reserve(most + most / 2);
    }
}

void gatherTokens(TokenizedGeneration& g)
{
    for (size_t i = 0; i < g.threads.size(); ++i) {
        ThreadTokens& t = g.threads[i];
        Token* const tokens = g.tokens[t.buffer].data();
        const uint32_t base = uint32_t(g.wide.size());
        for (size_t at : t.wideAt)
            tokens[at].args[0] += base;
        g.wide.insert(g.wide.end(), t.wide.begin(), t.wide.end());
        t.wide = {};
        t.wideAt = {};
    }
}

void tokenizeGeneration(TokenizedGeneration& g)
{
    planTokens(g);
    for (size_t i = 0; i < g.threads.size(); ++i)
        tokenizeThread(g, i);
    gatherTokens(g);
}

} // namespace gs::gotrace
