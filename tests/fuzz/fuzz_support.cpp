// SPDX-License-Identifier: MIT
#include "tests/fuzz/fuzz_support.h"

#include "core/analysis/dump_groups.h"
#include "core/analysis/flame_tree.h"
#include "core/analysis/stack_selection.h"
#include "core/analysis/top_table.h"
#include "core/analysis/trace_profiles.h"
#include "core/formats/bpftrace/bpftrace_decoder.h"
#include "core/formats/dump/dump_decoder.h"
#include "core/formats/folded/folded_decoder.h"
#include "core/formats/gctrace/gctrace_decoder.h"
#include "core/formats/gotrace/trace_store_builder.h"
#include "core/formats/perf/perf_script_decoder.h"
#include "core/formats/pprof/pprof_decoder.h"
#include "core/load/load_file.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <vector>

namespace gs::fuzz {

namespace {

void useStore(const EventStore& store);

void useProfile(const EventStore& store)
{
    // A crafted profile may declare thousands of sample types; a few reach the same code.
    const size_t types = std::min<size_t>(store.profile->sampleTypes.size(), 4);
    for (size_t t = 0; t < types; ++t) {
        auto stacks = selectProfileStacks(store, t, StackFilter {});
        if (!stacks)
            continue;
        FlameTree::build(store.symbols, *stacks, FlameOptions {FlameDirection::TopDown, std::nullopt});
        FlameTree::build(store.symbols, *stacks, FlameOptions {FlameDirection::BottomUp, std::nullopt});
        computeTop(store.symbols, *stacks, TopOrder::Flat);
    }
}

// What the app does with a store right after a load: flame trees and top tables of a profile (or
// of the profiles a trace derives), the groups of a dump. A decoder that writes a stack, function
// or value index it does not also define passes its own checks and breaks here.
void useStore(const EventStore& store)
{
    if (store.profile)
        useProfile(store);
    if (store.trace) {
        for (const TraceProfileKind kind : kTraceProfileKinds)
            useStore(*deriveTraceProfile(store, kind));
    }
    if (store.dump) {
        const auto entries = dumpEntries(*store.dump);
        for (const DumpGrouping by : {DumpGrouping::IdenticalStack, DumpGrouping::SimilarStack, DumpGrouping::State,
                                      DumpGrouping::WaitTime})
            groupDump(store.symbols, entries, by);
    }
}

// A decoder as the app runs it: a fresh LoadContext, the bytes in a buffer of exactly their size
// (so ASan sees a read past the end), then the store used.
template<auto Decode>
std::string decode(std::span<const uint8_t> input)
{
    const std::unique_ptr<uint8_t[]> copy(new uint8_t[input.size()]);
    std::copy(input.begin(), input.end(), copy.get());
    LoadContext context;
    const auto store = Decode(std::span<const uint8_t>(copy.get(), input.size()), context);
    if (!store)
        return store.error().describe();
    useStore(**store);
    return {};
}

std::string load(std::span<const uint8_t> input)
{
    auto bytes = inputFromBytes(std::vector<uint8_t>(input.begin(), input.end()));
    if (!bytes)
        return bytes.error().describe();
    LoadContext context;
    const auto store = loadInput("fuzz", std::move(*bytes), context);
    if (!store)
        return store.error().message;
    useStore(**store);
    return {};
}

// trace and trace_v1 run the same code; their seeds differ (run_fuzzers.sh), so the old format's
// parser gets time of its own rather than what the newer format's larger seeds leave it.
constexpr std::array kTargets {
    Target {"load", load},
    Target {"pprof", decode<decodePprof>},
    Target {"trace", decode<gotrace::decodeGoTrace>},
    Target {"trace_v1", decode<gotrace::decodeGoTrace>},
    Target {"dump", decode<decodeGoroutineDump>},
    Target {"folded", decode<decodeFolded>},
    Target {"perf", decode<decodePerfScript>},
    Target {"bpftrace", decode<decodeBpftrace>},
    Target {"gctrace", decode<decodeGcTrace>},
};

} // namespace

std::span<const Target> targets()
{
    return kTargets;
}

const Target* findTarget(std::string_view name)
{
    const auto it = std::ranges::find(kTargets, name, &Target::name);
    return it == kTargets.end() ? nullptr : &*it;
}

} // namespace gs::fuzz
