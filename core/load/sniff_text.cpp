// SPDX-License-Identifier: MIT
#include "core/load/sniff_text.h"

#include "core/formats/bpftrace/bpftrace_decoder.h"
#include "core/formats/dump/dump_decoder.h"
#include "core/formats/folded/folded_decoder.h"
#include "core/formats/gctrace/gctrace_decoder.h"
#include "core/formats/perf/perf_script_decoder.h"
#include "core/formats/text/line_cursor.h"

#include <algorithm>

namespace gs {

namespace {

constexpr size_t kHeadBytes = 64 * 1024;
constexpr int kHeadLines = 200;

// Decides from the first lines of text. gctrace and bpftrace lines may follow other program
// output, so any line counts; folded stacks must be all there is (a line cut off where the head
// ends aside).
Format sniffHead(std::span<const uint8_t> head, bool cut)
{
    text::LineCursor lines(head);
    std::string_view line, previous;
    int folded = 0, other = 0;
    for (int n = 0; n < kHeadLines && lines.next(line); ++n) {
        GcCycle cycle;
        if (parseGcTraceLine(line, cycle))
            return Format::GcTrace;
        if (isBpftraceMapLine(line))
            return Format::Bpftrace;
        if (!previous.empty() && looksLikePerfScript(previous, line))
            return Format::PerfScript;
        if (!text::trim(line).empty() && line[0] != '#')
            (isFoldedLine(line) ? folded : other) += 1;
        previous = line;
    }
    return folded > 0 && other <= (cut ? 1 : 0) ? Format::Folded : Format::Unknown;
}

} // namespace

Format sniffTextFormat(std::span<const uint8_t> bytes)
{
    if (looksLikeGoroutineDump(bytes))
        return Format::GoroutineDump;
    const auto head = bytes.first(std::min(bytes.size(), kHeadBytes));
    if (!text::looksLikeText(std::string_view(reinterpret_cast<const char*>(head.data()), head.size())))
        return Format::Unknown;
    return sniffHead(head, head.size() < bytes.size());
}

} // namespace gs
