// SPDX-License-Identifier: MIT
#include "widgets/timeline/span_folder.h"

namespace gs::ui {

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
