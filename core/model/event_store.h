// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/gc_trace.h"
#include "core/model/goroutine_dump.h"
#include "core/model/profile.h"
#include "core/model/symbols.h"
#include "core/model/trace_data.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gs {

enum class Format
{
    Unknown,
    Pprof,
    GoTrace,
    GoroutineDump,
    Folded,
    PerfScript,
    Bpftrace,
    GcTrace,
};

// Stable machine name of a format ("pprof", "go-trace", ...), as the CLI's JSON reports it.
const char* formatName(Format f);

// Everything decoded from one input. Built once by a decoder, then shared immutably
// (std::shared_ptr<const EventStore>) between the views and background analyses.
struct EventStore
{
    Format format = Format::Unknown;
    std::string sourcePath;
    // Non-fatal problems found while decoding, for the user ("2 samples had no location").
    std::vector<std::string> warnings;
    Symbols symbols;
    // Present for stack-sampled inputs: pprof profiles, folded stacks, goroutine dumps.
    std::optional<Profile> profile;
    // Present for execution traces.
    std::optional<TraceData> trace;
    // Present for goroutine dumps and debug=1 count profiles (which also fill `profile`).
    std::optional<GoroutineDumpData> dump;
    // Present for GODEBUG=gctrace=1 logs.
    std::optional<GcTrace> gcTrace;

    // Heap bytes held by the store (vector capacities, strings, hash tables), for the memory
    // budget of big traces. An estimate: allocator overhead per node is counted as two pointers.
    size_t approximateBytes() const;
    // approximateBytes by part ("goroutines", "span starts", "symbols"...), largest first.
    std::vector<std::pair<std::string, size_t>> memoryParts() const;
};

using StorePtr = std::shared_ptr<const EventStore>;

} // namespace gs
