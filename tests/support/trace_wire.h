// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Writers for hand-made execution traces in the Go 1.22+ wire format, for tests that need an
// input no Go program writes on purpose (damaged, extreme or corner-case traces).
namespace gs::test::tracewire {

using Bytes = std::vector<uint8_t>;

inline void putUvarint(Bytes& out, uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(uint8_t(v) | 0x80);
        v >>= 7;
    }
    out.push_back(uint8_t(v));
}

inline Bytes header(int minor)
{
    const std::string h = "go 1." + std::to_string(minor) + " trace";
    Bytes out(h.begin(), h.end());
    out.resize(16, 0);
    return out;
}

inline void putBatch(Bytes& out, uint64_t gen, uint64_t m, uint64_t time, const Bytes& payload)
{
    out.push_back(1); // EvEventBatch
    putUvarint(out, gen);
    putUvarint(out, m);
    putUvarint(out, time);
    putUvarint(out, payload.size());
    out.insert(out.end(), payload.begin(), payload.end());
}

// A generation's sync batch: frequency (64 ns ticks) and clock snapshot.
inline void putSyncBatch(Bytes& out, uint64_t gen, uint64_t time)
{
    Bytes sync = {50, 8};
    putUvarint(sync, 15625000);
    sync.push_back(51);
    for (uint64_t v : {1u, 1000u, 1700000000u, 5u})
        putUvarint(sync, v);
    putBatch(out, gen, ~uint64_t(0), time, sync);
}

} // namespace gs::test::tracewire
