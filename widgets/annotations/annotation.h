// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/span_table.h"

#include <QString>

#include <string>

namespace gs::ui {

enum class AnnotationKind
{
    Note,  // a callout: a text box with a leader line to its pin
    Arrow, // from `anchor` (tail) to `end` (head), text by the tail if any
    Box,   // the rectangle with corners `anchor` and `end`, text at its top-left if any
};

// The views an annotation can belong to. Any is the export dialog's note: every view pins it
// where it understands its anchor (a goroutine, a function) and stacks it at its top-left otherwise.
enum class AnnotationView
{
    Any,
    Timeline,
    FlameGraph,
    GoroutineTable,
    Plot,
    TopTable,   // a profile page's top table
    DumpGroups, // the goroutine dump panel's group table
    CallGraph,  // a profile page's Graph view
};

// A point in a view's data coordinates, never pixels, so an annotation follows its subject
// through zoom, scroll, resize and exports of any size. Which fields count depends on the view:
//  - Timeline: goroutine (its row) and x = time in ns, y = fraction down the row (0 top, 1 bottom);
//  - FlameGraph: function (its widest drawn frame, by name so it survives recomputes that renumber
//    symbols) and x, y = fractions across and down that frame;
//  - GoroutineTable: goroutine (its table row) and x = fraction of the viewport's width, y = of the row's height;
//  - Plot: x, y in the axis units of the plot's axis rect number `panel`;
//  - TopTable: function (its row, by name) and x, y as on the goroutine table;
//  - DumpGroups: goroutine = a member of the group as its index in the dump (DumpEntry::index: a
//    goroutine, or a record of a count profile), so the pin stays with the group holding that member
//    through re-sorting, filtering and regrouping; x, y as on the goroutine table;
//  - CallGraph: function (its node, by name) and x, y = fractions across and down the node's box;
//  - Any: goroutine or function, whichever the view understands (its start on the timeline).
struct AnnotationAnchor
{
    GoroutineRow goroutine = kNoRow;
    std::string function;
    double x = 0;
    double y = 0;
    int panel = 0;

    bool operator==(const AnnotationAnchor&) const = default;
};

// A note, arrow or box a person pins to a view's data. A plain value: copy it freely.
struct Annotation
{
    AnnotationKind kind = AnnotationKind::Note;
    AnnotationView view = AnnotationView::Any;
    QString plot; // View Plot: the plot's name (see plotMapper)
    QString text; // a note's text; optional on arrows and boxes
    AnnotationAnchor anchor; // a note's pin, an arrow's tail, a box's corner
    AnnotationAnchor end;    // an arrow's head, a box's opposite corner; unused by notes

    bool hasEnd() const { return kind != AnnotationKind::Note; }
    bool operator==(const Annotation&) const = default;
};

// Which annotations a view (or an export of it) shows: its own, and the Any notes.
struct AnnotationTarget
{
    AnnotationView view = AnnotationView::Any;
    QString plot;

    bool shows(const Annotation& a) const
    {
        return a.view == AnnotationView::Any || (a.view == view && (view != AnnotationView::Plot || a.plot == plot));
    }
};

} // namespace gs::ui
