// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <QColor>
#include <QString>

#include <array>
#include <cstdint>
#include <string_view>

namespace gs::ui {

// What the timeline colours a goroutine span by: the span state, with Waiting split into the
// families people reason about (what a goroutine is blocked on).
enum class SpanKind : uint8_t
{
    Running,
    Runnable,
    WaitChannel,
    WaitSelect,
    WaitSync,
    WaitNetwork,
    WaitSleep,
    WaitGc,
    WaitOther,
    Syscall,
    SyscallBlocked,
};
constexpr size_t kSpanKindCount = 11;

// Family of a Go wait reason ("chan receive" -> WaitChannel, "sync.(*Cond).Wait" -> WaitSync,
// "GC background sweeper wait" -> WaitGc, ...). Unknown reasons are WaitOther.
SpanKind waitFamily(std::string_view reason);
// The kind of a span, given the family of its reason for Waiting spans.
SpanKind spanKind(SpanState state, SpanKind waitFamilyOfReason);
// Legend text of a kind ("blocked: channel").
QString spanKindName(SpanKind kind);

// Fixed colours of the timeline, precomputed once (painting never builds a QColor per span).
// Hues follow what Go trace viewers made familiar: running green, runnable yellow, syscalls
// orange, blocking in cool hues per family, GC purple.
struct StatePalette
{
    std::array<QColor, kSpanKindCount> kind;
    QColor mixedWaiting;   // the Waiting share of a merged block, whose reasons are not summed
    QColor assist;         // GC mark assist overlay
    QColor gc;             // GC mark phase band
    QColor stw;            // stop-the-world band and shading
    QColor region;         // user region bar
    QColor regionText;
    QColor log;            // user log marker
    QColor task;           // task begin/end marker
    QColor sample;         // CPU sample tick
    QColor procBusy;       // processor running something (merged)
    QColor rowEven;
    QColor rowOdd;
    QColor gutter;
    QColor groupHeader;
    QColor text;
    QColor dimText;
    QColor grid;
    QColor selection;      // range-selection fill (translucent)
    QColor selectionEdge;
    QColor highlight;      // selected span outline
    QColor contributor;    // stretches that fed the selected flame-graph frame, and their rows' marker

    // The palette for the application's theme: light() or dark(), by the application palette.
    // GUI thread only.
    static const StatePalette& standard();
    static const StatePalette& light();
    static const StatePalette& dark();
    // Colour of a core state inside a merged block.
    const QColor& forState(SpanState s) const;
    // A stable colour for a goroutine on a processor row, one of a small fixed set (so that
    // processor rows batch into few colours); neighbouring IDs get distant hues.
    const QColor& forGoroutine(int64_t goroutineId) const;

    static constexpr size_t kGoroutineHues = 16;
    std::array<QColor, kGoroutineHues> goroutineHues;
};

} // namespace gs::ui
