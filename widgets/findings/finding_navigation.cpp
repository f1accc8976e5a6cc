// SPDX-License-Identifier: MIT
#include "widgets/findings/finding_navigation.h"

#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/dump/dump_view.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_page.h"

#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace gs::ui {

namespace {

const TraceData* traceOf(const FindingViews& views)
{
    if (!views.trace || !views.trace->store() || !views.trace->store()->trace)
        return nullptr;
    return &*views.trace->store()->trace;
}

const GoroutineDumpData* dumpOf(const FindingViews& views)
{
    if (!views.dump || !views.dump->dump() || !views.dump->dump()->dump)
        return nullptr;
    return &*views.dump->dump()->dump;
}

// Selects the group of goroutine `id` in the dump's panel; false when the panel does not list it
// (an aggregated dump without IDs, a filter that hides it, the leak finder shown instead).
bool selectDumpGroup(const FindingViews& views, int64_t id)
{
    const GoroutineDumpData* dump = dumpOf(views);
    DumpPanel* panel = views.dump->panel();
    if (!dump || !panel->isVisibleTo(views.dump) || !panel->view())
        return false;
    const auto& goroutines = dump->goroutines;
    const auto it = std::find_if(goroutines.begin(), goroutines.end(),
                                 [id](const DumpGoroutine& g) { return int64_t(g.id) == id; });
    if (it == goroutines.end())
        return false;
    const int row = groupRowOf(*panel->view(), uint32_t(it - goroutines.begin()));
    if (row < 0)
        return false;
    panel->groupTable()->selectRow(row);
    panel->groupTable()->setFocus(Qt::OtherFocusReason);
    return true;
}

// The trace page as a visit of its navigator: `goroutine` selected (kNoRow: as it is), the window
// showing [startNs, endNs] with a margin either side (nothing: as it is).
void goToOnTimeline(TracePage* page, GoroutineRow goroutine, TimeNs startNs, TimeNs endNs)
{
    NavLocation location = page->navigator()->location();
    location.span.reset();
    if (goroutine != kNoRow)
        location.goroutine = goroutine;
    const bool range = startNs >= 0 && endNs > startNs;
    if (range) {
        const TimeNs margin = std::max<TimeNs>((endNs - startNs) / 4, 1);
        location.startNs = startNs - margin;
        location.endNs = endNs + margin;
    }
    page->navigator()->goTo(location);
    if (range)
        page->timeline()->setSelectedRange(startNs, endNs);
}

} // namespace

void showFinding(const FindingViews& views, const Finding& finding)
{
    if (const TraceData* trace = traceOf(views)) {
        const GoroutineRow row = finding.goroutines.empty() ? kNoRow : trace->rowOf(finding.goroutines.front());
        if (row == kNoRow && !finding.functions.empty())
            showFunction(views, QString::fromStdString(finding.functions.front()));
        goToOnTimeline(views.trace, row, finding.startNs, finding.endNs);
        return;
    }
    if (!finding.goroutines.empty() && dumpOf(views) && selectDumpGroup(views, finding.goroutines.front()))
        return;
    if (!finding.functions.empty())
        showFunction(views, QString::fromStdString(finding.functions.front()));
}

void showGoroutine(const FindingViews& views, int64_t goroutineId)
{
    if (const TraceData* trace = traceOf(views)) {
        if (const GoroutineRow row = trace->rowOf(goroutineId); row != kNoRow)
            goToOnTimeline(views.trace, row, -1, -1);
        return;
    }
    selectDumpGroup(views, goroutineId);
}

void showFunction(const FindingViews& views, const QString& function)
{
    if (traceOf(views)) {
        views.trace->showFunctionInFlameGraph(function);
        return;
    }
    if (views.profile)
        views.profile->setSelectedFunction(function.toStdString());
}

} // namespace gs::ui
