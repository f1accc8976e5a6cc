// SPDX-License-Identifier: MIT
#include "core/findings/finding.h"

#include "core/analysis/value_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

namespace gs {

const char* severityName(Severity s)
{
    switch (s) {
    case Severity::Info:
        return "info";
    case Severity::Low:
        return "low";
    case Severity::Medium:
        return "medium";
    case Severity::High:
        return "high";
    }
    return "info";
}

Finding& Finding::with(std::string name, double value, std::string unit)
{
    evidence.push_back({std::move(name), value, std::move(unit)});
    return *this;
}

std::string formatEvidence(const Evidence& e)
{
    char text[64];
    if (e.unit == "ratio") {
        std::snprintf(text, sizeof text, "%.*f%%", std::fabs(e.value) < 0.1 ? 1 : 0, e.value * 100);
        return text;
    }
    if (e.unit == "per_second") {
        std::snprintf(text, sizeof text, "%.1f/s", e.value);
        return text;
    }
    if (e.unit == "nanoseconds" || e.unit == "bytes")
        return formatValue(std::llround(e.value), e.unit);
    if (e.value == std::floor(e.value) && std::fabs(e.value) < 1e15)
        return std::to_string(std::llround(e.value));
    std::snprintf(text, sizeof text, "%.3g", e.value);
    return text;
}

void rankFindings(std::vector<Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(b.severity, b.weight, a.kind, a.title) < std::tie(a.severity, a.weight, b.kind, b.title);
    });
}

} // namespace gs
