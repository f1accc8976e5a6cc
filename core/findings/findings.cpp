// SPDX-License-Identifier: MIT
#include "core/findings/findings.h"

#include "core/findings/rules.h"

namespace gs {

namespace {

// Why `base` cannot serve as the base of `store`, or "" when it can.
std::string baseMismatch(const EventStore& store, const EventStore& base)
{
    if (store.trace)
        return "a trace has no base to compare with";
    if (store.dump && !base.dump)
        return "the base of a goroutine dump must be another goroutine dump";
    if (!store.dump && store.profile && (!base.profile || base.dump))
        return "the base of a profile must be another profile";
    if (store.profile && base.profile && !store.dump) {
        const auto& a = store.profile->sampleTypes;
        const auto& b = base.profile->sampleTypes;
        if (a.size() != b.size())
            return "the base profile has other sample types";
        for (size_t i = 0; i < a.size(); ++i)
            if (a[i].type != b[i].type || a[i].unit != b[i].unit)
                return "the base profile has other sample types (" + b[i].type + " where the profile has " + a[i].type
                       + ")";
    }
    return {};
}

} // namespace

Result<std::vector<Finding>> findFindings(const EventStore& store, const EventStore* base,
                                          const FindingThresholds& limits, std::stop_token stop)
{
    if (base) {
        if (const std::string why = baseMismatch(store, *base); !why.empty())
            return Error(why, std::nullopt);
    }
    const FindingInput in {store, base, limits, std::move(stop)};
    std::vector<Finding> found;
    if (store.dump)
        findings::findDumpProblems(in, found);
    else if (store.trace)
        findings::findTraceProblems(in, found);
    else if (store.profile)
        findings::findProfileProblems(in, found);
    rankFindings(found);
    return found;
}

} // namespace gs
