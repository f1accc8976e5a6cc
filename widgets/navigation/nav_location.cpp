// SPDX-License-Identifier: MIT
#include "widgets/navigation/nav_location.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/timeline/span_description.h"

namespace gs::ui {

bool NavLocation::sameExceptWindow(const NavLocation& other) const
{
    NavLocation moved = other;
    moved.startNs = startNs;
    moved.endNs = endNs;
    return moved == *this;
}

QString describeLocation(const NavLocation& location, const EventStore& store)
{
    if (store.trace) {
        const TraceData& t = *store.trace;
        const SpanTable& s = t.spans;
        if (location.span && location.span->row < t.goroutines.size() && location.span->span < s.size())
            return QStringLiteral("G%1 \u00b7 %2 %3")
                .arg(QString::number(t.goroutines[location.span->row].id),
                     spanStateLabel(t, store.symbols, location.span->span),
                     formatDuration(s.endOf(location.span->span) - s.startOf(location.span->span)));
        if (location.goroutine < t.goroutines.size())
            return goroutineTitle(t, store.symbols, location.goroutine);
    }
    if (!location.function.empty())
        return captureText(goShortName(location.function));
    const TimeNs origin = store.trace ? store.trace->startNs : 0;
    return QStringLiteral("%1 \u2013 %2")
        .arg(formatDuration(location.startNs - origin), formatDuration(location.endNs - origin));
}

} // namespace gs::ui
