// SPDX-License-Identifier: MIT
#pragma once

#include "core/formats/gotrace/generation_tables.h"
#include "core/formats/gotrace/wire_spec.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace gs::gotrace {

// Event categories, the same as Go's internal/trace EventKind.
enum class EventKind : uint8_t
{
    Bad,
    Sync,
    Metric,
    Label,
    StackSample,
    RangeBegin,
    RangeActive,
    RangeEnd,
    TaskBegin,
    TaskEnd,
    RegionBegin,
    RegionEnd,
    Log,
    StateTransition,
    Experimental,
};

enum class GoState : uint8_t
{
    Undetermined,
    NotExist,
    Runnable,
    Running,
    Waiting,
    Syscall,
};

enum class ProcState : uint8_t
{
    Undetermined,
    NotExist,
    Running,
    Idle,
};

// Wire statuses (GoStatus/ProcStatus arguments).
enum WireGoStatus : uint8_t
{
    GoStatusBad,
    GoStatusRunnable,
    GoStatusRunning,
    GoStatusSyscall,
    GoStatusWaiting,
};
enum WireProcStatus : uint8_t
{
    ProcStatusBad,
    ProcStatusRunning,
    ProcStatusIdle,
    ProcStatusSyscall,
    ProcStatusSyscallAbandoned,
};

constexpr int64_t kNoThread = -1;
constexpr int64_t kNoProc = -1;
constexpr int64_t kNoGoroutine = -1;
constexpr uint64_t kNoTask = ~uint64_t(0);

const char* kindName(EventKind k);
const char* goStateName(GoState s);
const char* procStateName(ProcState s);
GoState goStateFromWire(uint64_t status);
ProcState procStateFromWire(uint64_t status);

// A state change of a goroutine or a proc, decoded from a StateTransition event.
struct StateTransition
{
    bool isGoroutine = true; // else a proc
    int64_t id = 0;
    uint8_t from = 0;        // GoState or ProcState
    uint8_t to = 0;
    std::string_view reason;
    uint64_t stack = 0;      // stack of the transitioning resource (0: none)
};

// One event as Go's internal/trace reader reports it: the wire event type with its arguments
// after ordering, the scheduling context (thread, proc, goroutine; -1 for none) and a time in
// nanoseconds of the trace clock, strictly increasing across the whole trace.
//
// Trivially copyable and small; string and stack IDs resolve through `tables`, which stays
// valid until the reader has moved past this event's generation (see TraceReader).
struct Event
{
    int64_t time = 0;
    int64_t m = kNoThread;
    int64_t p = kNoProc;
    int64_t g = kNoGoroutine;
    uint8_t type = EvNone;            // wire type, EvCPUSample for samples, EvSyncMarker for Sync
    uint64_t args[kMaxEventArgs] = {}; // wire arguments after the timestamp, then derived ones
    const GenerationTables* tables = nullptr; // null only for the final Sync event
    std::string_view taskEndType;     // UserTaskEnd: type of the task, from its begin event

    EventKind kind() const;
    // The event's own stack ID (0: none). For samples, the sampled stack.
    uint64_t stack() const;
    std::string_view string(uint64_t id) const { return tables ? tables->string(id) : std::string_view(); }

    // Kind-specific views; call only for the matching kind.
    StateTransition stateTransition() const;
    std::string_view metricName() const;
    uint64_t metricValue() const { return args[0]; }
    // "GC concurrent mark phase", "GC incremental sweep", "GC mark assist"; empty for
    // stop-the-world ranges, whose name is "stop-the-world (" + stwKind() + ")".
    std::string_view rangeName() const;
    std::string_view stwKind() const { return string(args[0]); }
    // Scope of a range: kind 0 none, 1 goroutine, 2 proc; and the ID.
    int rangeScopeKind() const;
    int64_t rangeScopeId() const;
    uint64_t taskId() const { return args[0]; }
    uint64_t taskParent() const;
    std::string_view taskType() const;
    uint64_t regionTask() const { return args[0]; }
    std::string_view regionType() const { return string(args[1]); }
    uint64_t logTask() const { return args[0]; }
    std::string_view logCategory() const { return string(args[1]); }
    std::string_view logMessage() const { return string(args[2]); }
    std::string_view label() const { return string(args[0]); }
    uint64_t syncNumber() const { return args[0]; }
};

} // namespace gs::gotrace
