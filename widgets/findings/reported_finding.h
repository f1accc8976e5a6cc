// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/finding.h"
#include "core/report/report_model.h"

#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// A finding the user added to the postmortem report: what the report prints and a session keeps,
// as text, so it reads the same whichever rules a later version runs on the capture.
struct ReportedFinding
{
    std::string kind;
    Severity severity = Severity::Info;
    std::string title;
    std::string evidence; // evidenceText() of the finding

    bool operator==(const ReportedFinding&) const = default;
};

// A figure's name as a person reads it: "wait_ns" becomes "wait", "blocked_goroutines"
// "blocked goroutines" (the unit is in the value).
std::string evidenceLabel(const Evidence& e);
// Every figure of the finding on one line: "goroutines 48 · wait 12m0s".
std::string evidenceText(const Finding& finding);
ReportedFinding reportedFinding(const Finding& finding);

// The report's "Findings" section: a table of the added findings, in the order added; nothing
// when none was added.
std::optional<report::ReportSection> findingsSection(const std::vector<ReportedFinding>& findings);

} // namespace gs::ui
