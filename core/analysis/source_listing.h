// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/source_files.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

// Which samples a listing sums, as the stack queries select them.
struct SourceListingQuery
{
    size_t sampleType = 0;
    const std::vector<uint8_t>* samples = nullptr;         // per sample, kept by the filters; null: all
    const std::vector<uint8_t>* hiddenFunctions = nullptr; // per FunctionId of the store (-hide); null: none
    bool noInlines = false;                                // pprof's -noinlines
};

// A call inlined at a line of the listed function: the callee's line it reached, and the weight
// of the samples in it (flat: the callee's line was the sample's leaf).
struct InlinedCall
{
    std::string function;
    std::string file;
    int64_t line = 0;
    int64_t flat = 0;
    int64_t cum = 0;
    std::optional<std::string> text; // the callee's source line, when its file was found
};

struct SourceLine
{
    int64_t number = 0;
    std::string text;
    int64_t flat = 0;
    int64_t cum = 0;
    std::vector<InlinedCall> inlinedCalls; // heaviest first
};

// One function in one file: pprof's "ROUTINE ===== NAME in FILE" block.
struct SourceRoutine
{
    std::string function;
    std::string file; // as pprof names it; empty when the profile has no file for the function
    int64_t flat = 0; // the sums of the lines' values (a recursive function's cum is counted per line)
    int64_t cum = 0;
    std::vector<SourceLine> lines;
    std::string error;   // why the file could not be read, in pprof's words; "" when it was
    std::string foundAt; // where the file was read from
};

struct SourceListing
{
    int64_t total = 0; // the sample type's total over all samples, which pprof's percentages use
    std::vector<SourceRoutine> routines;
};

// pprof's `list`: the functions whose name `matches` accepts that have samples, by name, each
// per source file (by name), with flat and cum per line at line granularity (inlined calls
// count at the line they were inlined at, and their callee's lines as the callee's own). The
// lines shown run from the function's start line (or 5 before its first line with samples)
// to 5 after its last, as far as the file goes. File names are trimmed as pprof's
// -trim_path/-source_path trim them (`files.search()`). Needs a pprof profile (empty
// otherwise). No routine at all means nothing matched.
SourceListing listSource(const EventStore& store, const std::function<bool(std::string_view)>& matches,
                         const SourceListingQuery& query, SourceFiles& files);

} // namespace gs
