// SPDX-License-Identifier: MIT
#include "widgets/timeline/span_folder.h"

#include <algorithm>

namespace gs::ui {

std::vector<TimeNs> rowStepMaxima(const SpanTable& spans, GoroutineRow row)
{
    const auto [b, e] = spans.rowRange(row);
    std::vector<TimeNs> maxima((e - b + kStepBlock - 1) / kStepBlock, 0);
    for (uint32_t i = b; i < e; ++i) {
        const TimeNs step = spans.endOf(i) - (i > b ? spans.endOf(i - 1) : spans.startOf(i));
        TimeNs& m = maxima[(i - b) / kStepBlock];
        m = std::max(m, step);
    }
    return maxima;
}

void foldGoroutineRow(const SpanTable& spans, GoroutineRow row, const TimeWindow& window, double minPx,
                      std::vector<FoldedBlock>& out, std::span<const TimeNs> stepMax)
{
    const auto [b, e] = spans.rowRange(row);
    const size_t from = out.size();
    foldSpans(SpanRowSeq{&spans, b, e - b, stepMax}, window, minPx, out);
    for (size_t k = from; k < out.size(); ++k) {
        out[k].begin += b;
        out[k].end += b;
    }
}

} // namespace gs::ui
