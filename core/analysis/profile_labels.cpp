// SPDX-License-Identifier: MIT
#include "core/analysis/profile_labels.h"

#include "core/analysis/value_format.h"

#include <ctime>

namespace gs {

namespace {

std::string_view baseName(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

std::vector<std::string> profileLabels(const Profile& p, size_t sampleType, int64_t total,
                                       const std::function<std::string(int64_t)>& value, bool mean)
{
    std::vector<std::string> lines;
    if (!p.mappings.empty()) {
        if (!p.mappings[0].filename.empty())
            lines.push_back("File: " + std::string(baseName(p.mappings[0].filename)));
        if (!p.mappings[0].buildId.empty())
            lines.push_back("Build ID: " + p.mappings[0].buildId);
    }
    for (const std::string& c : p.comments) {
        if (!c.starts_with('#'))
            lines.push_back(c);
    }
    lines.push_back("Type: " + std::string(mean ? "mean_" : "") + p.sampleTypes[sampleType].type);
    if (p.timeNanos != 0) {
        const std::time_t seconds = std::time_t(p.timeNanos / 1000000000);
        std::tm tm {};
        gmtime_r(&seconds, &tm);
        char buf[40];
        std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
        lines.push_back(std::string("Time: ") + buf);
    }
    if (p.durationNs != 0) {
        // pprof writes "%s %s": the space stays when the ratio is empty.
        std::string line = "Duration: " + formatValue(p.durationNs, "nanoseconds") + ", Total samples = " + value(total) + ' ';
        // For time-valued samples, pprof adds how much of the wall time they cover.
        const ScaledValue asNanos = scaleValue(total, p.sampleTypes[sampleType].unit, "nanoseconds");
        if (asNanos.unit == "ns" && asNanos.value != 0)
            line += "(" + formatPercent(int64_t(asNanos.value), p.durationNs) + ")";
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> activeFilterLines(const std::vector<std::string>& filters)
{
    std::vector<std::string> lines;
    if (filters.empty())
        return lines;
    lines.push_back("Active filters:");
    for (const std::string& f : filters)
        lines.push_back("   " + (f.size() > 80 ? f.substr(0, 80) + "\u2026" : f));
    return lines;
}

} // namespace gs
