// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

namespace gs {

// The stack-sampled profiles an execution trace yields. The blocking ones have the meaning of
// `go tool trace -pprof=net|sync|syscall|sched`: time goroutines spent in a state, charged to
// the stack of the event that put them there.
enum class TraceProfileKind
{
    Cpu,     // the trace's CPU samples (runtime/pprof profiling while tracing)
    Net,     // waiting with reason "network"
    Sync,    // waiting on channels, select and sync primitives
    Syscall, // in a system call (with or without a processor)
    Sched,   // runnable: scheduler latency
};
constexpr TraceProfileKind kTraceProfileKinds[] = {TraceProfileKind::Cpu, TraceProfileKind::Net, TraceProfileKind::Sync,
                                                   TraceProfileKind::Syscall, TraceProfileKind::Sched};

// "cpu", "net", "sync", "syscall", "sched" (go tool trace -pprof's names, plus cpu).
const char* traceProfileName(TraceProfileKind kind);
std::optional<TraceProfileKind> parseTraceProfileKind(std::string_view name);

// Whether a wait reason belongs to a profile: "network" to net's; a channel, select or sync
// reason to sync's; any reason to the others. Go decides on the reason of the transition that
// begins a stretch (cmd/trace/pprof.go).
bool tracksReason(TraceProfileKind kind, std::string_view reason);

// One stretch a goroutine spent in a profile's state, as Go's derivation cuts them: from the
// transition into the state to the transition out of it, clipped to the goroutine's life from its
// first run to its end (a stretch still open at the end of the trace, or empty after clipping, is
// not counted). CPU profiles yield one zero-length stretch per sample.
struct ProfileStretch
{
    GoroutineRow goroutine = kNoRow;
    StackId stack = 0; // the stack of the event that began the stretch
    TimeNs start = 0;
    TimeNs end = 0;
};

// Calls `visit` for every stretch of `kind` in the trace, goroutine by goroutine in time order.
// `keep` (per GoroutineRow, empty = all) restricts it to some goroutines.
void forEachProfileStretch(const EventStore& store, TraceProfileKind kind, std::span<const uint8_t> keep,
                           const std::function<void(const ProfileStretch&)>& visit);

// Builds a stack-sampled store from a trace store: for the blocking kinds, sample types
// contentions/count and delay/nanoseconds (as Go writes them); for CPU, samples/count. The new
// store has symbol tables of its own holding only the stacks used, so it can be shown and
// exported like any pprof profile.
std::shared_ptr<EventStore> deriveTraceProfile(const EventStore& traceStore, TraceProfileKind kind,
                                               std::span<const uint8_t> keep = {});

} // namespace gs
