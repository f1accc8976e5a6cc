// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/findings/finding.h"
#include "core/findings/thresholds.h"
#include "core/model/event_store.h"

#include <stop_token>
#include <vector>

namespace gs {

// What the rules read: the capture, and optionally a base to compare it with (an earlier
// goroutine dump of the same process, or a profile of the same kind taken before).
struct FindingInput
{
    const EventStore& store;
    const EventStore* base = nullptr;
    const FindingThresholds& limits;
    std::stop_token stop; // rules check it between steps and return early when asked to stop
};

// Runs every rule that applies to the capture's format and ranks what they found (rankFindings).
// Fails when `base` cannot be compared with `store` (a trace, or a different format or profile
// type). An empty list means nothing stood out.
Result<std::vector<Finding>> findFindings(const EventStore& store, const EventStore* base = nullptr,
                                          const FindingThresholds& limits = {}, std::stop_token stop = {});

} // namespace gs
