// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"
#include "core/model/symbols.h"

#include <ostream>
#include <string>

namespace gs {

struct FlameSvgOptions
{
    std::string title = "Flame Graph";
    std::string subtitle;  // e.g. "cpu (nanoseconds), 1234 samples"
    std::string valueUnit; // the sample type's unit, for tooltips ("nanoseconds", "bytes", "count")
    std::string outputUnit = "auto"; // the tooltips' unit ("ms", "MB"), or the best fit
    double ratio = 1;                // the tooltips' values are multiplied by it (1 / pprof's -divide_by)
    int width = 1200;
    // Children narrower than this fraction of the root are not drawn one by one: each run of
    // adjacent narrow siblings becomes one box with their summed weight, so totals are preserved.
    double minFraction = 0.001;
};

// Writes a standalone SVG flame graph (root at the bottom) of a top-down flame tree: one <rect>
// and label per frame, a <title> tooltip with the weight and share, colours derived from the
// function's package so they are stable between runs and files. All text is XML-escaped.
void writeFlameSvg(const Symbols& symbols, const FlameTree& tree, const FlameSvgOptions& options, std::ostream& out);

// The package of a Go function name: "runtime/pprof" for "runtime/pprof.(*Profile).WriteTo",
// "main" for "main.fib". Colours are keyed by it.
std::string_view packageOf(std::string_view functionName);

// Writes `text` escaped for XML character data and attribute values; invalid UTF-8 and control
// characters XML forbids become U+FFFD.
void writeXmlEscaped(std::ostream& out, std::string_view text);

} // namespace gs
