// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/finding.h"

#include <QString>

#include <cstdint>

namespace gs::ui {

class DumpPage;
class ProfileSession;
class TracePage;

// The views a finding can be shown in; the one holding the capture is used (a trace page with a
// trace, else a dump page with a dump, else the profile session).
struct FindingViews
{
    TracePage* trace = nullptr;
    DumpPage* dump = nullptr;
    ProfileSession* profile = nullptr;
};

// Takes the views to what `finding` is about. A trace: its first goroutine selected on the
// timeline, its time range zoomed to and selected, through the page's navigator (a visit Back
// returns from); without goroutines, its first function in the flame graph. A dump: the group of
// its first goroutine selected in the goroutines panel. A profile: its first function selected.
void showFinding(const FindingViews& views, const Finding& finding);
// One goroutine by its Go ID: selected on the timeline, or its group in the dump's panel.
void showGoroutine(const FindingViews& views, int64_t goroutineId);
// One function: in the trace's flame graph, or selected in the profile views.
void showFunction(const FindingViews& views, const QString& function);

} // namespace gs::ui
