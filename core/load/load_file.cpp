// SPDX-License-Identifier: MIT
#include "core/load/load_file.h"

#include "core/formats/bpftrace/bpftrace_decoder.h"
#include "core/formats/dump/dump_decoder.h"
#include "core/formats/folded/folded_decoder.h"
#include "core/formats/gctrace/gctrace_decoder.h"
#include "core/formats/gotrace/trace_store_builder.h"
#include "core/formats/perf/perf_script_decoder.h"
#include "core/formats/pprof/pprof_decoder.h"
#include "core/load/sniff.h"

namespace gs {

namespace {

Error prefixed(const std::string& path, const Error& e, bool compressed)
{
    return Error {path + ": " + e.describe(compressed ? " (decompressed)" : ""), e.offset};
}

} // namespace

Result<StorePtr> loadFile(const std::string& path, LoadContext& context)
{
    auto input = readInput(path);
    if (!input)
        return prefixed(path, input.error(), false);
    return loadInput(path, std::move(*input), context);
}

Result<StorePtr> loadInput(const std::string& path, InputBytes input, LoadContext& context)
{
    Result<std::shared_ptr<EventStore>> decoded = Error {"", std::nullopt};
    switch (sniffFormat(input.span())) {
    case Format::Pprof:
        decoded = decodePprof(input.span(), context);
        break;
    case Format::GoTrace:
        // The input is ours and read once: generations done with are freed as the store grows.
        context.setRelease([&](uint64_t upTo) { releasePages(input.span(), upTo); });
        decoded = gotrace::decodeGoTrace(input.span(), context);
        context.setRelease(nullptr);
        break;
    case Format::GoroutineDump:
        decoded = decodeGoroutineDump(input.span(), context);
        break;
    case Format::Folded:
        decoded = decodeFolded(input.span(), context);
        break;
    case Format::PerfScript:
        decoded = decodePerfScript(input.span(), context);
        break;
    case Format::Bpftrace:
        decoded = decodeBpftrace(input.span(), context);
        break;
    case Format::GcTrace:
        decoded = decodeGcTrace(input.span(), context);
        break;
    case Format::Unknown:
        return Error {path + ": not a recognised capture (expected a pprof profile, a Go execution trace, "
                             "a goroutine dump, folded stacks, perf script or bpftrace output, or a gctrace log)",
                      std::nullopt};
    }
    if (!decoded)
        return prefixed(path, decoded.error(), input.compressed);
    std::shared_ptr<EventStore> store = std::move(*decoded);
    store->sourcePath = path;
    for (const std::string& w : context.warnings())
        store->warnings.push_back(w);
    return StorePtr(std::move(store));
}

} // namespace gs
