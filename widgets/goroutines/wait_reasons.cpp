// SPDX-License-Identifier: MIT
#include "widgets/goroutines/wait_reasons.h"

#include <algorithm>
#include <optional>

namespace gs::ui {

std::vector<StringId> waitReasons(const TraceData& trace)
{
    // Every goroutine's blocked time per reason, as goroutineStats counts it (waiting "forever"
    // is not counted), summed in one pass over the spans: no statistics per goroutine. Reasons are
    // a few interned strings, so a table by string id beats a map.
    std::vector<std::optional<TimeNs>> total;
    const SpanTable& spans = trace.spans;
    for (uint32_t i = 0; i < spans.size(); ++i) {
        const SpanTraits& traits = spans.traitsOf(i);
        if (traits.state != SpanState::Waiting || traits.reason == trace.foreverReason)
            continue;
        if (traits.reason >= total.size())
            total.resize(size_t(traits.reason) + 1);
        total[traits.reason] = total[traits.reason].value_or(0) + spans.durationOf(i);
    }
    std::vector<StringId> reasons;
    for (StringId r = 0; r < total.size(); ++r) {
        if (total[r])
            reasons.push_back(r);
    }
    std::stable_sort(reasons.begin(), reasons.end(), [&](StringId a, StringId b) { return *total[a] > *total[b]; });
    return reasons;
}

} // namespace gs::ui
