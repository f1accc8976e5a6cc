// SPDX-License-Identifier: MIT
// Decode and flame-tree build on a generated 1M-sample / 50k-location profile.
#include "core/analysis/flame_tree.h"
#include "core/analysis/stack_selection.h"
#include "core/analysis/top_table.h"
#include "core/formats/pprof/pprof_decoder.h"
#include "tests/bench/synthetic_profile.h"

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace gs::bench {
namespace {

const std::vector<uint8_t>& profileBytes()
{
    static const std::vector<uint8_t> bytes = makeSyntheticProfile({});
    return bytes;
}

std::shared_ptr<EventStore> decode()
{
    LoadContext context;
    auto decoded = decodePprof(profileBytes(), context);
    if (!decoded)
        std::abort();
    return *decoded;
}

void BM_DecodePprof(benchmark::State& state)
{
    const auto& bytes = profileBytes();
    size_t samples = 0;
    for (auto _ : state) {
        auto store = decode();
        samples = store->profile->sampleCount();
        benchmark::DoNotOptimize(store);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes.size()));
    state.counters["samples"] = double(samples);
}
BENCHMARK(BM_DecodePprof)->Unit(benchmark::kMillisecond);

void BM_FlameTree(benchmark::State& state)
{
    const auto store = decode();
    const auto stacks = selectProfileStacks(*store, 1, {});
    for (auto _ : state) {
        FlameTree tree = FlameTree::build(store->symbols, *stacks, {});
        benchmark::DoNotOptimize(tree);
        state.counters["nodes"] = double(tree.size());
    }
}
BENCHMARK(BM_FlameTree)->Unit(benchmark::kMillisecond);

void BM_DecodeSelectAndFlame(benchmark::State& state)
{
    for (auto _ : state) {
        const auto store = decode();
        const auto stacks = selectProfileStacks(*store, 1, {});
        FlameTree tree = FlameTree::build(store->symbols, *stacks, {});
        benchmark::DoNotOptimize(tree);
    }
}
BENCHMARK(BM_DecodeSelectAndFlame)->Unit(benchmark::kMillisecond);

void BM_Top(benchmark::State& state)
{
    const auto store = decode();
    const auto stacks = selectProfileStacks(*store, 1, {});
    for (auto _ : state) {
        auto rows = computeTop(store->symbols, *stacks, TopOrder::Flat);
        benchmark::DoNotOptimize(rows);
    }
}
BENCHMARK(BM_Top)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace gs::bench

BENCHMARK_MAIN();
