// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/trace_event.h"

#include <array>

namespace gs::gotrace {

namespace {

std::array<EventKind, 256> buildKinds()
{
    std::array<EventKind, 256> k{};
    k.fill(EventKind::Bad);
    k[EvCPUSample] = EventKind::StackSample;
    for (uint8_t t : {EvProcsChange, EvHeapAlloc, EvHeapGoal})
        k[t] = EventKind::Metric;
    for (uint8_t t : {EvProcStart, EvProcStop, EvProcSteal, EvProcStatus, EvGoCreate, EvGoCreateSyscall, EvGoStart,
                      EvGoDestroy, EvGoDestroySyscall, EvGoStop, EvGoBlock, EvGoUnblock, EvGoSyscallBegin,
                      EvGoSyscallEnd, EvGoSyscallEndBlocked, EvGoStatus, EvGoSwitch, EvGoSwitchDestroy,
                      EvGoCreateBlocked, EvGoStatusStack})
        k[t] = EventKind::StateTransition;
    for (uint8_t t : {EvSTWBegin, EvGCBegin, EvGCSweepBegin, EvGCMarkAssistBegin})
        k[t] = EventKind::RangeBegin;
    for (uint8_t t : {EvGCActive, EvGCSweepActive, EvGCMarkAssistActive})
        k[t] = EventKind::RangeActive;
    for (uint8_t t : {EvSTWEnd, EvGCEnd, EvGCSweepEnd, EvGCMarkAssistEnd})
        k[t] = EventKind::RangeEnd;
    k[EvGoLabel] = EventKind::Label;
    k[EvUserTaskBegin] = EventKind::TaskBegin;
    k[EvUserTaskEnd] = EventKind::TaskEnd;
    k[EvUserRegionBegin] = EventKind::RegionBegin;
    k[EvUserRegionEnd] = EventKind::RegionEnd;
    k[EvUserLog] = EventKind::Log;
    for (int t = EvSpan; t <= EvGoroutineStackFree; ++t)
        k[t] = EventKind::Experimental;
    k[EvSyncMarker] = EventKind::Sync;
    return k;
}

const std::array<EventKind, 256> kKinds = buildKinds();

} // namespace

const char* kindName(EventKind k)
{
    static const char* const kNames[] = {"Bad",        "Sync",       "Metric",      "Label",     "StackSample",
                                         "RangeBegin", "RangeActive", "RangeEnd",   "TaskBegin", "TaskEnd",
                                         "RegionBegin", "RegionEnd", "Log",         "StateTransition",
                                         "Experimental"};
    return size_t(k) < std::size(kNames) ? kNames[size_t(k)] : "Bad";
}

const char* goStateName(GoState s)
{
    switch (s) {
    case GoState::Undetermined: return "Undetermined";
    case GoState::NotExist: return "NotExist";
    case GoState::Runnable: return "Runnable";
    case GoState::Running: return "Running";
    case GoState::Waiting: return "Waiting";
    case GoState::Syscall: return "Syscall";
    }
    return "Bad";
}

const char* procStateName(ProcState s)
{
    switch (s) {
    case ProcState::Undetermined: return "Undetermined";
    case ProcState::NotExist: return "NotExist";
    case ProcState::Running: return "Running";
    case ProcState::Idle: return "Idle";
    }
    return "Bad";
}

GoState goStateFromWire(uint64_t status)
{
    switch (status) {
    case GoStatusRunnable: return GoState::Runnable;
    case GoStatusRunning: return GoState::Running;
    case GoStatusSyscall: return GoState::Syscall;
    case GoStatusWaiting: return GoState::Waiting;
    default: return GoState::Undetermined;
    }
}

ProcState procStateFromWire(uint64_t status)
{
    switch (status) {
    case ProcStatusRunning:
    case ProcStatusSyscall: return ProcState::Running;
    case ProcStatusIdle:
    case ProcStatusSyscallAbandoned: return ProcState::Idle;
    default: return ProcState::Undetermined;
    }
}

EventKind Event::kind() const
{
    return kKinds[type];
}

uint64_t Event::stack() const
{
    if (type == EvSyncMarker)
        return 0;
    if (type == EvCPUSample)
        return args[0];
    const int8_t i = wireSpec(type).stackArg;
    return i < 0 ? 0 : args[i];
}

StateTransition Event::stateTransition() const
{
    StateTransition s;
    auto go = [&](int64_t id, GoState from, GoState to) {
        s.isGoroutine = true;
        s.id = id;
        s.from = uint8_t(from);
        s.to = uint8_t(to);
    };
    auto proc = [&](int64_t id, ProcState from, ProcState to) {
        s.isGoroutine = false;
        s.id = id;
        s.from = uint8_t(from);
        s.to = uint8_t(to);
    };
    switch (type) {
    case EvProcStart: proc(int64_t(args[0]), ProcState::Idle, ProcState::Running); break;
    case EvProcStop: proc(p, ProcState::Running, ProcState::Idle); break;
    case EvProcSteal:
        // args[3]: the proc's wire status before the steal, filled in by the ordering engine.
        proc(int64_t(args[0]), args[3] == ProcStatusSyscallAbandoned ? ProcState::Idle : ProcState::Running,
             ProcState::Idle);
        break;
    case EvProcStatus:
        // args[2]: the proc's state before this event, filled in by the ordering engine.
        proc(int64_t(args[0]), ProcState(args[2]), procStateFromWire(args[1]));
        break;
    case EvGoCreate:
    case EvGoCreateBlocked:
        go(int64_t(args[0]), GoState::NotExist, type == EvGoCreateBlocked ? GoState::Waiting : GoState::Runnable);
        s.stack = args[1];
        break;
    case EvGoCreateSyscall: go(int64_t(args[0]), GoState::NotExist, GoState::Syscall); break;
    case EvGoStart: go(int64_t(args[0]), GoState::Runnable, GoState::Running); break;
    case EvGoDestroy: go(g, GoState::Running, GoState::NotExist); break;
    case EvGoDestroySyscall: go(g, GoState::Syscall, GoState::NotExist); break;
    case EvGoStop:
    case EvGoBlock:
        go(g, GoState::Running, type == EvGoStop ? GoState::Runnable : GoState::Waiting);
        s.reason = string(args[0]);
        s.stack = stack();
        break;
    case EvGoUnblock:
    case EvGoSwitch:
    case EvGoSwitchDestroy: go(int64_t(args[0]), GoState::Waiting, GoState::Runnable); break;
    case EvGoSyscallBegin:
        go(g, GoState::Running, GoState::Syscall);
        s.stack = stack();
        break;
    case EvGoSyscallEnd: go(g, GoState::Syscall, GoState::Running); break;
    case EvGoSyscallEndBlocked: go(g, GoState::Syscall, GoState::Runnable); break;
    case EvGoStatus:
    case EvGoStatusStack:
        // args[2]: old state << 32 | wire status, packed by the ordering engine.
        go(int64_t(args[0]), GoState(args[2] >> 32), goStateFromWire(args[2] & 0xffffffffu));
        s.stack = stack();
        break;
    default: break;
    }
    return s;
}

std::string_view Event::metricName() const
{
    switch (type) {
    case EvProcsChange: return "/sched/gomaxprocs:threads";
    case EvHeapAlloc: return "/memory/classes/heap/objects:bytes";
    case EvHeapGoal: return "/gc/heap/goal:bytes";
    default: return {};
    }
}

std::string_view Event::rangeName() const
{
    switch (type) {
    case EvSTWBegin:
    case EvSTWEnd: return {}; // built by the caller from the kind string: "stop-the-world (" + kind + ")"
    case EvGCBegin:
    case EvGCActive:
    case EvGCEnd: return "GC concurrent mark phase";
    case EvGCSweepBegin:
    case EvGCSweepActive:
    case EvGCSweepEnd: return "GC incremental sweep";
    case EvGCMarkAssistBegin:
    case EvGCMarkAssistActive:
    case EvGCMarkAssistEnd: return "GC mark assist";
    default: return {};
    }
}

int Event::rangeScopeKind() const
{
    switch (type) {
    case EvGCBegin:
    case EvGCActive:
    case EvGCEnd: return 0;
    case EvGCSweepBegin:
    case EvGCSweepActive:
    case EvGCSweepEnd: return 2;
    default: return 1;
    }
}

int64_t Event::rangeScopeId() const
{
    switch (type) {
    case EvGCSweepActive:
    case EvGCMarkAssistActive: return int64_t(args[0]);
    case EvGCSweepBegin:
    case EvGCSweepEnd: return p;
    case EvGCBegin:
    case EvGCActive:
    case EvGCEnd: return 0;
    default: return g;
    }
}

uint64_t Event::taskParent() const
{
    // UserTaskEnd: args[2] holds the parent from the matching begin event (ordering engine).
    return type == EvUserTaskBegin ? args[1] : args[2];
}

std::string_view Event::taskType() const
{
    return type == EvUserTaskBegin ? string(args[2]) : taskEndType;
}

} // namespace gs::gotrace
