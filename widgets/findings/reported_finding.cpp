// SPDX-License-Identifier: MIT
#include "widgets/findings/reported_finding.h"

#include <QObject>

#include <algorithm>
#include <string_view>

namespace gs::ui {

std::string evidenceLabel(const Evidence& e)
{
    std::string label = e.name;
    // The unit suffixes machine names carry; the formatted value shows the unit already.
    for (std::string_view suffix : {"_ns", "_bytes"}) {
        if (label.size() > suffix.size() && label.ends_with(suffix)) {
            label.resize(label.size() - suffix.size());
            break;
        }
    }
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

std::string evidenceText(const Finding& finding)
{
    std::string text;
    for (const Evidence& e : finding.evidence) {
        if (!text.empty())
            text += " \u00b7 ";
        text += evidenceLabel(e) + ' ' + formatEvidence(e);
    }
    return text;
}

ReportedFinding reportedFinding(const Finding& finding)
{
    return {finding.kind, finding.severity, finding.title, evidenceText(finding)};
}

std::optional<report::ReportSection> findingsSection(const std::vector<ReportedFinding>& findings)
{
    if (findings.empty())
        return std::nullopt;
    report::ReportTable table;
    table.header = {QObject::tr("Severity").toStdString(), QObject::tr("Finding").toStdString(),
                    QObject::tr("Evidence").toStdString()};
    for (const ReportedFinding& f : findings)
        table.rows.push_back({severityName(f.severity), f.title, f.evidence});
    return report::ReportSection {QObject::tr("Findings").toStdString(), {}, {}, {std::move(table)}};
}

} // namespace gs::ui
