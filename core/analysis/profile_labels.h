// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/profile.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gs {

// The lines pprof writes about a profile above a report or in a graph's legend: "File:" (the
// first mapping's base name), "Build ID:", the profile's comments (not those starting with '#'),
// "Type:", "Time:" (UTC) and "Duration: 1s, Total samples = 980ms (98.12%)". `value` prints a
// value of the sample type in the report's unit. With `mean` (pprof's -mean), the type is
// "mean_" and the sample type's name.
std::vector<std::string> profileLabels(const Profile& profile, size_t sampleType, int64_t total,
                                       const std::function<std::string(int64_t)>& value, bool mean = false);

// The "Active filters:" lines, each filter indented and cut at 80 bytes as pprof does; none when
// there are no filters.
std::vector<std::string> activeFilterLines(const std::vector<std::string>& filters);

} // namespace gs
