// SPDX-License-Identifier: MIT
#include "widgets/timeline/state_palette.h"

#include "widgets/common/theme.h"

#include <QGuiApplication>
#include <QPalette>

#include <cmath>

namespace gs::ui {

namespace {

bool contains(std::string_view s, std::string_view part)
{
    return s.find(part) != std::string_view::npos;
}

} // namespace

SpanKind waitFamily(std::string_view reason)
{
    // Order matters: "GC assist wait" is GC, "chan receive (nil chan)" is a channel, "select (no
    // cases)" a select, "sync.(*Cond).Wait" and "semacquire" synchronisation.
    if (contains(reason, "GC") || contains(reason, "garbage collection") || contains(reason, "sweep"))
        return SpanKind::WaitGc;
    if (reason.starts_with("select"))
        return SpanKind::WaitSelect;
    if (contains(reason, "chan"))
        return SpanKind::WaitChannel;
    if (contains(reason, "sync") || contains(reason, "sema") || contains(reason, "Mutex") || contains(reason, "Cond"))
        return SpanKind::WaitSync;
    if (contains(reason, "network") || contains(reason, "IO") || contains(reason, "netpoll"))
        return SpanKind::WaitNetwork;
    if (contains(reason, "sleep"))
        return SpanKind::WaitSleep;
    return SpanKind::WaitOther;
}

SpanKind spanKind(SpanState state, SpanKind waitFamilyOfReason)
{
    switch (state) {
    case SpanState::Running:
        return SpanKind::Running;
    case SpanState::Runnable:
        return SpanKind::Runnable;
    case SpanState::Waiting:
        return waitFamilyOfReason;
    case SpanState::Syscall:
        return SpanKind::Syscall;
    case SpanState::SyscallBlocked:
        return SpanKind::SyscallBlocked;
    }
    return SpanKind::WaitOther;
}

QString spanKindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Running:
        return QStringLiteral("running");
    case SpanKind::Runnable:
        return QStringLiteral("runnable");
    case SpanKind::WaitChannel:
        return QStringLiteral("blocked: channel");
    case SpanKind::WaitSelect:
        return QStringLiteral("blocked: select");
    case SpanKind::WaitSync:
        return QStringLiteral("blocked: sync");
    case SpanKind::WaitNetwork:
        return QStringLiteral("blocked: network/IO");
    case SpanKind::WaitSleep:
        return QStringLiteral("sleeping");
    case SpanKind::WaitGc:
        return QStringLiteral("waiting: GC");
    case SpanKind::WaitOther:
        return QStringLiteral("waiting: other");
    case SpanKind::Syscall:
        return QStringLiteral("syscall");
    case SpanKind::SyscallBlocked:
        return QStringLiteral("syscall (blocked)");
    }
    return {};
}

const StatePalette& StatePalette::standard()
{
    return isDark(QGuiApplication::palette()) ? dark() : light();
}

const StatePalette& StatePalette::dark()
{
    // The state colours read on dark rows as they are; the rows, text and marks turn over.
    static const StatePalette palette = [] {
        StatePalette p = light();
        p.mixedWaiting = QColor(0x5a, 0x60, 0x6a);
        p.region = QColor(0x6d, 0x86, 0xac);
        p.log = QColor(0xe0, 0xe0, 0xe0);
        p.task = QColor(0x4d, 0xa6, 0xf0);
        p.sample = QColor(0xb0, 0xb0, 0xb0);
        p.rowEven = QColor(0x1e, 0x1f, 0x22);
        p.rowOdd = QColor(0x25, 0x27, 0x2b);
        p.gutter = QColor(0x2b, 0x2d, 0x31);
        p.groupHeader = QColor(0x33, 0x37, 0x3e);
        p.text = QColor(0xe6, 0xe7, 0xea);
        p.dimText = QColor(0x9a, 0xa0, 0xa8);
        p.grid = QColor(0x3a, 0x3d, 0x42);
        p.selection = QColor(0x4d, 0x94, 0xf0, 0x50);
        p.selectionEdge = QColor(0x6c, 0xa8, 0xf0);
        p.highlight = QColor(0xff, 0xff, 0xff);
        for (QColor& hue : p.goroutineHues)
            hue = QColor::fromHsvF(hue.hsvHueF(), 0.45f, 0.55f);
        return p;
    }();
    return palette;
}

const StatePalette& StatePalette::light()
{
    static const StatePalette palette = [] {
        StatePalette p;
        p.kind[size_t(SpanKind::Running)] = QColor(0x2f, 0xa3, 0x4a);
        p.kind[size_t(SpanKind::Runnable)] = QColor(0xee, 0xc5, 0x3a);
        p.kind[size_t(SpanKind::WaitChannel)] = QColor(0x4c, 0x7e, 0xd6);
        p.kind[size_t(SpanKind::WaitSelect)] = QColor(0x86, 0x6f, 0xd9);
        p.kind[size_t(SpanKind::WaitSync)] = QColor(0xd9, 0x4f, 0x4f);
        p.kind[size_t(SpanKind::WaitNetwork)] = QColor(0x26, 0xa6, 0xa6);
        p.kind[size_t(SpanKind::WaitSleep)] = QColor(0xb4, 0xc8, 0xdc);
        p.kind[size_t(SpanKind::WaitGc)] = QColor(0xb0, 0x7c, 0xc0);
        p.kind[size_t(SpanKind::WaitOther)] = QColor(0xa8, 0xa8, 0xa8);
        p.kind[size_t(SpanKind::Syscall)] = QColor(0xf0, 0x8a, 0x24);
        p.kind[size_t(SpanKind::SyscallBlocked)] = QColor(0xa8, 0x55, 0x18);
        p.mixedWaiting = QColor(0xc6, 0xcb, 0xd2);
        p.assist = QColor(0xc0, 0x20, 0xc0);
        p.gc = QColor(0x9b, 0x59, 0xb6);
        p.stw = QColor(0xd0, 0x30, 0x30);
        p.region = QColor(0x55, 0x6b, 0x8d);
        p.regionText = QColor(0xff, 0xff, 0xff);
        p.log = QColor(0x20, 0x20, 0x20);
        p.task = QColor(0x00, 0x70, 0xc0);
        p.sample = QColor(0x60, 0x60, 0x60);
        p.procBusy = QColor(0x2f, 0xa3, 0x4a);
        p.rowEven = QColor(0xff, 0xff, 0xff);
        p.rowOdd = QColor(0xf4, 0xf5, 0xf7);
        p.gutter = QColor(0xea, 0xec, 0xef);
        p.groupHeader = QColor(0xdd, 0xe2, 0xea);
        p.text = QColor(0x1a, 0x1a, 0x1a);
        p.dimText = QColor(0x60, 0x66, 0x70);
        p.grid = QColor(0xd8, 0xdb, 0xe0);
        p.selection = QColor(0x30, 0x80, 0xe0, 0x40);
        p.selectionEdge = QColor(0x30, 0x80, 0xe0);
        p.highlight = QColor(0x00, 0x00, 0x00);
        p.contributor = QColor(0xff, 0x1f, 0x8f);
        // Golden-ratio hue steps keep neighbouring IDs apart; saturation and value stay in a band
        // that reads on white and is paler than the state colours.
        for (size_t i = 0; i < kGoroutineHues; ++i) {
            const double hue = std::fmod(double(i) * 0.618033988749895, 1.0);
            p.goroutineHues[i] = QColor::fromHsvF(float(hue), 0.40f, 0.88f);
        }
        return p;
    }();
    return palette;
}

const QColor& StatePalette::forState(SpanState s) const
{
    switch (s) {
    case SpanState::Running:
        return kind[size_t(SpanKind::Running)];
    case SpanState::Runnable:
        return kind[size_t(SpanKind::Runnable)];
    case SpanState::Waiting:
        return mixedWaiting;
    case SpanState::Syscall:
        return kind[size_t(SpanKind::Syscall)];
    case SpanState::SyscallBlocked:
        return kind[size_t(SpanKind::SyscallBlocked)];
    }
    return mixedWaiting;
}

const QColor& StatePalette::forGoroutine(int64_t goroutineId) const
{
    return goroutineHues[uint64_t(goroutineId) % kGoroutineHues];
}

} // namespace gs::ui
