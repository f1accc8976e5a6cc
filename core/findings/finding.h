// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/goroutine_table.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gs {

// How much a finding matters to someone looking for what went wrong. High: the capture shows a
// problem (a deadlock, a leak, a crash, most of the time lost to one cause). Medium: a cost worth
// a look. Low: notable, probably not the problem. Info: context, never a problem by itself.
enum class Severity : uint8_t
{
    Info,
    Low,
    Medium,
    High,
};
// "info", "low", "medium", "high".
const char* severityName(Severity s);

// One figure behind a finding: `name` is a stable machine name ("wait_ns", "goroutines",
// "share"), `unit` how to show the value ("nanoseconds", "bytes", "count", "ratio" for a 0..1
// share, "per_second").
struct Evidence
{
    std::string name;
    double value = 0;
    std::string unit;
};

// What a rule found: a title a person reads first, the figures that back it, and what in the
// capture it is about, so a view can show it. Times are absolute trace-clock nanoseconds, as
// TraceData holds them; -1 when the finding is not about a time range.
struct Finding
{
    std::string kind;  // the rule's stable name: "goroutine-leak", "lock-contention", ...
    Severity severity = Severity::Info;
    // Orders findings of one severity, larger first: what the rule measured, on a scale shared by
    // all rules — the share (0..1) of the capture's time, samples or goroutines the finding
    // accounts for.
    double weight = 0;
    std::string title;  // one line: "412 goroutines blocked in main.leakyHandler on chan receive"
    std::string detail; // optional sentences: what it means, what to look at
    std::vector<Evidence> evidence;
    std::vector<int64_t> goroutines;    // goroutine IDs, most relevant first
    std::vector<std::string> functions; // function names, most relevant first
    TimeNs startNs = -1;
    TimeNs endNs = -1;

    // Appends one figure; returns *this so rules can chain them.
    Finding& with(std::string name, double value, std::string unit);
};

// The value as a person reads it, in its unit: "1.50s", "12MB", "37%", "412", "3.2/s".
std::string formatEvidence(const Evidence& e);

// Most severe first; within a severity, larger weight first; then by kind and title, so the order
// never depends on the order rules ran in.
void rankFindings(std::vector<Finding>& findings);

} // namespace gs
