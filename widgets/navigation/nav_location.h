// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "widgets/timeline/timeline_scene.h"

#include <QString>

#include <optional>
#include <string>

namespace gs::ui {

// What the user was looking at on the trace page, as the navigation history and the bookmarks
// keep it: the selection of the shared TraceSession (goroutine, span, flame-graph function), the
// timeline's visible time window and the page's current tab. A plain value, compared whole; rows
// and spans are indexes into the store the location was taken on, so a location means nothing
// once another trace is open (the owner clears its history then).
struct NavLocation
{
    GoroutineRow goroutine = kNoRow;
    std::optional<SpanRef> span;
    TimeNs startNs = 0; // visible window; startNs == endNs: none (no trace)
    TimeNs endNs = 0;
    std::string function; // selected flame-graph function, empty when none
    int tab = 0;          // index of the trace page's tab

    bool operator==(const NavLocation&) const = default;

    // Equal except for the time window: the difference zooming and panning make.
    bool sameExceptWindow(const NavLocation& other) const;
};

// A short label for menus, naming the most specific thing selected: the span
// ("G42 · waiting (chan receive) 12 ms"), else the goroutine ("G42 main.worker"), else the
// function ("http.(*conn).serve"), else the window relative to the trace start ("500 ms – 1.2 s").
QString describeLocation(const NavLocation& location, const EventStore& store);

} // namespace gs::ui
