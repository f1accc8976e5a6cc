// SPDX-License-Identifier: MIT
#include "widgets/goroutines/wait_reasons.h"

#include <algorithm>
#include <map>

namespace gs::ui {

std::vector<StringId> waitReasons(const TraceData& trace)
{
    std::map<StringId, TimeNs> total;
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
        for (const auto& [reason, ns] : trace.goroutineStats(row).blockNsByReason)
            total[reason] += ns;
    }
    std::vector<StringId> reasons;
    reasons.reserve(total.size());
    for (const auto& [reason, ns] : total)
        reasons.push_back(reason);
    std::stable_sort(reasons.begin(), reasons.end(),
                     [&](StringId a, StringId b) { return total.at(a) > total.at(b); });
    return reasons;
}

} // namespace gs::ui
