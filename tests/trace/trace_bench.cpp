// SPDX-License-Identifier: MIT
// Throughput of the execution-trace reader: `goroscope_trace_bench FILE [--format]` reads the
// trace three times and prints the best time (with --format, also formats every event with its
// stacks, as `goroscope-cli events` does).
#include "core/base/load_context.h"
#include "core/formats/gotrace/event_format.h"
#include "core/formats/gotrace/trace_reader.h"
#include "core/io/file_bytes.h"

#include <chrono>
#include <cstdio>
#include <span>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: goroscope_trace_bench FILE [--format]\n");
        return 2;
    }
    const bool format = argc > 2 && std::string(argv[2]) == "--format";
    auto input = gs::mapInput(argv[1]);
    if (!input) {
        std::fprintf(stderr, "%s\n", input.error().describe().c_str());
        return 1;
    }
    double best = 1e30;
    uint64_t events = 0;
    uint64_t checksum = 0;
    std::string line;
    gs::gotrace::StackTextCache stacks;
    for (int round = 0; round < 3; ++round) {
        const auto start = std::chrono::steady_clock::now();
        gs::LoadContext ctx;
        events = 0;
        auto stats = gs::gotrace::readTraceBatches(input->span(), ctx, [&](std::span<const gs::gotrace::Event> batch) {
            for (const gs::gotrace::Event& ev : batch) {
                ++events;
                checksum += uint64_t(ev.time) ^ uint64_t(ev.g);
                if (format) {
                    line.clear();
                    gs::gotrace::appendEvent(ev, stacks, line);
                    checksum += line.size();
                }
            }
        });
        if (!stats) {
            std::fprintf(stderr, "%s\n", stats.error().describe().c_str());
            return 1;
        }
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("goroscope: %llu events in %.3f s (%.1f Mevents/s, %.1f MB/s) [checksum %llu]\n",
                static_cast<unsigned long long>(events), best, double(events) / best / 1e6,
                double(input->span().size()) / best / 1e6, static_cast<unsigned long long>(checksum));
    return 0;
}
