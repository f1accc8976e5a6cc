// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/event_tokens.h"

#include <algorithm>
#include <string>

namespace gs::gotrace {

namespace {

// Unsigned LEB128 with Go's binary.Uvarint rules (padded encodings allowed, at most 10 bytes,
// no overflow). Returns false on a truncated or invalid encoding.
inline bool readUvarint(const uint8_t*& p, const uint8_t* end, uint64_t& out)
{
    // Most arguments (IDs, sequence numbers, time deltas) fit one or two bytes: take those
    // without a loop when two bytes are in range.
    if (end - p >= 2) {
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
    }
    uint64_t v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (p == end)
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

bool idsKnown(const uint64_t (&args)[kMaxEventArgs], const WireSpec& spec, const GenerationTables& tables)
{
    return (spec.stackArg < 0 || tables.hasStack(args[spec.stackArg]))
        && (spec.newStackArg < 0 || tables.hasStack(args[spec.newStackArg]))
        && (spec.stringArgs[0] < 0 || tables.hasString(args[spec.stringArgs[0]]))
        && (spec.stringArgs[1] < 0 || tables.hasString(args[spec.stringArgs[1]]));
}

// Stores the decoded event in `t`, narrow when it fits.
inline void store(TokenizedGeneration& g, Token& t, int64_t time, uint8_t type, uint8_t flags,
                  const uint64_t (&args)[kMaxEventArgs], uint64_t offset)
{
    t.type = type;
    t.flags = flags;
    // Both wrap around to large values when below their base.
    const uint64_t relativeTime = uint64_t(time) - uint64_t(g.timeBase);
    const uint64_t relativeOffset = offset - g.base;
    if ((args[0] | args[1] | args[2] | relativeTime | relativeOffset) >> 32 == 0 && args[3] == 0) {
        t.time = uint32_t(relativeTime);
        t.args[0] = uint32_t(args[0]);
        t.args[1] = uint32_t(args[1]);
        t.args[2] = uint32_t(args[2]);
        t.offset = uint32_t(relativeOffset);
        return;
    }
    t.flags |= Token::Wide;
    t.args[0] = uint32_t(g.wide.size());
    WideToken& w = g.wide.emplace_back();
    w.time = time;
    for (int i = 0; i < kMaxEventArgs; ++i)
        w.args[i] = args[i];
    w.offset = offset;
}

// Appends the events of one thread's batches; stops at the first undecodable one.
void tokenizeThread(const ThreadBatches& thread, TokenizedGeneration& g, ThreadTokens& range)
{
    const GenerationTables& tables = *g.gen.tables;
    range.m = thread.m;
    range.begin = g.tokenCount;
    // Written through a local pointer: the buffer has room for every event (see tokenizeGeneration).
    Token* const first = g.tokens.data();
    Token* out = first + g.tokenCount;
    auto finish = [&] { g.tokenCount = range.end = size_t(out - first); };
    for (const BatchRef& b : thread.batches) {
        const uint8_t* p = b.data.data();
        const uint8_t* const end = p + b.data.size();
        // Times restart from each batch's base timestamp.
        int64_t lastTs = tables.toNs(b.time);
        while (p != end) {
            const uint64_t offset = b.offset + uint64_t(p - b.data.data());
            const uint8_t type = *p++;
            const WireSpec& spec = wireSpec(type);
            uint64_t dt = 0;
            if (!spec.timed || !readUvarint(p, end, dt)) {
                range.error = eventError(offset, type, true);
                return finish();
            }
            uint64_t args[kMaxEventArgs] = {};
            for (uint64_t *arg = args, *const argEnd = arg + spec.argCount; arg != argEnd; ++arg) {
                if (!readUvarint(p, end, *arg)) {
                    range.error = eventError(offset, type, false);
                    return finish();
                }
            }
            lastTs = tables.toNs(dt) + lastTs;
            const bool bad = spec.checksIds && !idsKnown(args, spec, tables);
            store(g, *out++, lastTs, type, bad ? Token::BadIds : 0, args, offset);
        }
    }
    finish();
}

} // namespace

void tokenizeGeneration(TokenizedGeneration& g)
{
    // Every timed event takes at least two bytes (type, time delta), so bytes / 2 tokens always
    // fit. A buffer that must grow gets half as much again, as the buffers are reused and each
    // new page costs a fault.
    const GenerationTables& tables = *g.gen.tables;
    size_t bytes = 0;
    g.base = ~uint64_t(0);
    g.timeBase = INT64_MAX;
    for (const ThreadBatches& t : g.gen.threads) {
        for (const BatchRef& b : t.batches) {
            bytes += b.data.size();
            g.base = std::min(g.base, b.offset);
            g.timeBase = std::min(g.timeBase, tables.toNs(b.time));
        }
    }
    g.tokenCount = 0;
    g.wide.clear();
    if (g.tokens.capacity() < bytes / 2)
        g.tokens.reserve(bytes / 4 * 3);
    g.threads.assign(g.gen.threads.size(), ThreadTokens{});
    for (size_t i = 0; i < g.gen.threads.size(); ++i)
        tokenizeThread(g.gen.threads[i], g, g.threads[i]);
}

} // namespace gs::gotrace
