// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::bench {

// Shape of a generated CPU profile.
struct SyntheticProfileSpec
{
    size_t samples = 1'000'000;
    size_t locations = 50'000;
    size_t functions = 12'000;
    size_t distinctStacks = 150'000;
    uint64_t seed = 42;
};

// Builds a large, realistic Go-style CPU profile (samples/count + cpu/nanoseconds, worker labels,
// inlined frames, Go-like function names, a call graph with limited fan-out so stacks share
// prefixes as real ones do) with the protoc-generated classes, and returns it serialized and
// uncompressed. Deterministic for a given spec. `go tool pprof` reads it.
std::vector<uint8_t> makeSyntheticProfile(const SyntheticProfileSpec& spec);

} // namespace gs::bench
