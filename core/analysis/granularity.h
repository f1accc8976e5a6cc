// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

// What one node of a report is, as pprof's -functions (the default), -files, -lines and
// -addresses say, and whether inlined calls are folded into the function they were inlined
// into (pprof's -noinlines).
enum class Granularity
{
    Functions,
    Files,
    Lines,
    Addresses,
};

struct NodeGranularity
{
    Granularity granularity = Granularity::Functions;
    bool noInlines = false;

    bool isDefault() const { return granularity == Granularity::Functions && !noInlines; }
    bool operator==(const NodeGranularity&) const = default;
};

// Whether a store keeps what regrouping needs (a decoded pprof profile's addresses, files and
// inlining per machine frame); other stores have only the default granularity.
bool canRegroup(const EventStore& store);

// A copy of a pprof profile's store whose functions are pprof's report nodes at `granularity`,
// each named as pprof prints it ("main.fib main.go:41", "00000000004e90c0 main.fib main.go:41",
// "main.go"), with the same samples, values and labels. Nodes that share a printed name (-files:
// one per function start line of a file) are numbered in the order of their identity. The
// lines of `hidden` functions (per FunctionId of the store, optional) are removed first, as
// pprof applies -hide before it aggregates. Fails for an input that is not a pprof profile, which
// keeps no addresses, files per location or inlining per machine frame.
Result<StorePtr> regroupProfile(const EventStore& store, NodeGranularity granularity,
                                const std::vector<uint8_t>* hidden = nullptr);

// A source path as pprof shows it in file and line nodes: Go's filepath.Clean, after removing
// the "/proc/self/cwd/" prefix pprof trims by default.
std::string pprofNodeFile(std::string_view path);

} // namespace gs
