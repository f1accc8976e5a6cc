// SPDX-License-Identifier: MIT
#include "core/analysis/report_values.h"

#include <cstdlib>

namespace gs {

std::vector<uint8_t> diffBaseSamples(const EventStore& store)
{
    std::vector<uint8_t> marked;
    if (!store.profile)
        return marked;
    const Profile& p = *store.profile;
    for (size_t s = 0; s < p.sampleCount(); ++s) {
        for (const SampleLabel& l : p.sampleLabels(s)) {
            if (l.str != 0 && store.symbols.strings.get(l.key) == kDiffBaseLabel
                && store.symbols.strings.get(l.str) == "true") {
                marked.resize(p.sampleCount(), 0);
                marked[s] = 1;
            }
        }
    }
    return marked;
}

int64_t reportTotal(const EventStore& store, size_t sampleType, std::optional<size_t> meanDivisor)
{
    const Profile& p = *store.profile;
    const std::vector<uint8_t> base = diffBaseSamples(store);
    int64_t total = 0, divisor = 0, baseTotal = 0, baseDivisor = 0;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        const int64_t v = std::llabs(p.value(i, sampleType));
        const int64_t d = meanDivisor ? p.value(i, *meanDivisor) : 0;
        total += v;
        divisor += d;
        if (!base.empty() && base[i]) {
            baseTotal += v;
            baseDivisor += d;
        }
    }
    if (baseTotal > 0) {
        total = baseTotal;
        divisor = baseDivisor;
    }
    return divisor != 0 ? total / divisor : total;
}

void divideTopRows(const Symbols& symbols, const WeightedStacks& divisor, std::vector<TopRow>& rows)
{
    std::vector<int64_t> flat(symbols.functions.size(), 0), cum(symbols.functions.size(), 0);
    for (const TopRow& d : computeTop(symbols, divisor, TopOrder::Flat)) {
        flat[d.function] = d.flat;
        cum[d.function] = d.cum;
    }
    for (TopRow& r : rows) {
        if (flat[r.function] != 0)
            r.flat /= flat[r.function];
        if (cum[r.function] != 0)
            r.cum /= cum[r.function];
    }
}

} // namespace gs
