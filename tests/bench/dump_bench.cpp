// SPDX-License-Identifier: MIT
// Goroutine-dump parsing throughput on a generated 100k-goroutine debug=2 dump (about 150 MB),
// written the way the runtime prints one: a few hundred distinct stacks of 8 to 40 frames,
// pointer arguments unique per goroutine, creators, wait times, some locked goroutines.
#include "core/formats/dump/dump_decoder.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace gs::bench {
namespace {

constexpr int kGoroutines = 100000;
constexpr int kShapes = 300;

const char* const kStates[] = {"chan receive", "select", "IO wait", "sync.Mutex.Lock", "runnable", "sleep",
                               "sync.WaitGroup.Wait", "running"};

std::string makeDump()
{
    std::string out;
    out.reserve(size_t(kGoroutines) * 1600);
    char line[512];
    uint64_t pointer = 0xc000010000;
    for (int g = 1; g <= kGoroutines; ++g) {
        const int shape = int((uint64_t(g) * 2654435761u) % kShapes);
        const int depth = 8 + shape % 33;
        const char* state = kStates[shape % 8];
        const int minutes = (g % 7 == 0) ? g % 300 : 0;
        std::snprintf(line, sizeof line, "goroutine %d [%s%s%s]:\n", g, state,
                      minutes ? (", " + std::to_string(minutes) + " minutes").c_str() : "",
                      g % 97 == 0 ? ", locked to thread" : "");
        out += line;
        for (int f = 0; f < depth; ++f) {
            pointer += 0x40;
            std::snprintf(line, sizeof line,
                          "github.com/example/service/internal/pkg%d.(*Handler%d).serveStep%d(0x%llx, {0x%llx, 0x10}, 0x%x?)\n"
                          "\t/home/build/go/pkg/mod/github.com/example/service@v1.4.2/internal/pkg%d/handler%d.go:%d +0x%x\n",
                          (shape + f) % 40, f, (shape * 7 + f) % 60, static_cast<unsigned long long>(pointer),
                          static_cast<unsigned long long>(pointer + 8), f, (shape + f) % 40, f, 100 + (shape * 13 + f) % 900,
                          0x20 + f * 3);
            out += line;
        }
        std::snprintf(line, sizeof line,
                      "created by github.com/example/service/internal/server.(*Server).spawn%d in goroutine %d\n"
                      "\t/home/build/go/pkg/mod/github.com/example/service@v1.4.2/internal/server/server.go:%d +0x1a5\n\n",
                      shape % 5, g > 1 ? 1 + g % 50 : 1, 200 + shape % 9);
        out += line;
    }
    return out;
}

const std::string& dumpText()
{
    static const std::string text = makeDump();
    return text;
}

void BM_ParseGoroutineDump(benchmark::State& state)
{
    const std::string& text = dumpText();
    const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    int64_t goroutines = 0;
    for (auto _ : state) {
        LoadContext context;
        auto store = decodeGoroutineDump(bytes, context);
        if (!store)
            std::abort();
        goroutines = (*store)->dump->goroutineCount();
        benchmark::DoNotOptimize(store);
    }
    if (goroutines != kGoroutines)
        std::abort();
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
    state.counters["MB"] = double(text.size()) / 1e6;
    state.counters["goroutines"] = double(goroutines);
}
BENCHMARK(BM_ParseGoroutineDump)->Unit(benchmark::kMillisecond)->MinTime(3.0);

} // namespace
} // namespace gs::bench

BENCHMARK_MAIN();
