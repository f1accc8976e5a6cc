// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/wire_spec.h"

#include <array>

namespace gs::gotrace {

namespace {

WireSpec timed(const char* name, std::initializer_list<const char*> args, int stackArg = -1, int str0 = -1,
               int str1 = -1, uint8_t start = EvNone)
{
    WireSpec s;
    s.name = name;
    s.timed = true;
    s.argCount = uint8_t(args.size());
    int i = 0;
    for (const char* a : args)
        s.argNames[i++] = a;
    s.stackArg = int8_t(stackArg);
    s.stringArgs[0] = int8_t(str0);
    s.stringArgs[1] = int8_t(str1);
    s.startType = start;
    return s;
}

WireSpec structural(const char* name)
{
    WireSpec s;
    s.name = name;
    return s;
}

WireSpec experimental(const char* name, std::initializer_list<const char*> args)
{
    WireSpec s = timed(name, args);
    s.experimental = true;
    return s;
}

std::array<WireSpec, 256> buildTable()
{
    std::array<WireSpec, 256> t{};
    t[EvEventBatch] = structural("EventBatch");
    t[EvStacks] = structural("Stacks");
    t[EvStack] = structural("Stack");
    t[EvStrings] = structural("Strings");
    t[EvString] = structural("String");
    t[EvCPUSamples] = structural("CPUSamples");
    t[EvCPUSample] = structural("CPUSample");
    t[EvFrequency] = structural("Frequency");
    t[EvExperimentalBatch] = structural("ExperimentalBatch");
    t[EvSync] = structural("Sync");
    t[EvEndOfGeneration] = structural("EndOfGeneration");
    t[EvProcsChange] = timed("ProcsChange", {"procs_value", "stack"}, 1);
    t[EvProcStart] = timed("ProcStart", {"p", "p_seq"});
    t[EvProcStop] = timed("ProcStop", {});
    t[EvProcSteal] = timed("ProcSteal", {"p", "p_seq", "m"});
    t[EvProcStatus] = timed("ProcStatus", {"p", "pstatus"});
    t[EvGoCreate] = timed("GoCreate", {"new_g", "new_stack", "stack"}, 2);
    t[EvGoCreate].newStackArg = 1;
    t[EvGoCreateSyscall] = timed("GoCreateSyscall", {"new_g"});
    t[EvGoStart] = timed("GoStart", {"g", "g_seq"});
    t[EvGoDestroy] = timed("GoDestroy", {});
    t[EvGoDestroySyscall] = timed("GoDestroySyscall", {});
    t[EvGoStop] = timed("GoStop", {"reason_string", "stack"}, 1, 0);
    t[EvGoBlock] = timed("GoBlock", {"reason_string", "stack"}, 1, 0);
    t[EvGoUnblock] = timed("GoUnblock", {"g", "g_seq", "stack"}, 2);
    t[EvGoSyscallBegin] = timed("GoSyscallBegin", {"p_seq", "stack"}, 1);
    t[EvGoSyscallEnd] = timed("GoSyscallEnd", {}, -1, -1, -1, EvGoSyscallBegin);
    t[EvGoSyscallEndBlocked] = timed("GoSyscallEndBlocked", {}, -1, -1, -1, EvGoSyscallBegin);
    t[EvGoStatus] = timed("GoStatus", {"g", "m", "gstatus"});
    t[EvSTWBegin] = timed("STWBegin", {"kind_string", "stack"}, 1, 0);
    t[EvSTWEnd] = timed("STWEnd", {}, -1, -1, -1, EvSTWBegin);
    t[EvGCActive] = timed("GCActive", {"gc_seq"}, -1, -1, -1, EvGCBegin);
    t[EvGCBegin] = timed("GCBegin", {"gc_seq", "stack"}, 1);
    t[EvGCEnd] = timed("GCEnd", {"gc_seq"}, -1, -1, -1, EvGCBegin);
    t[EvGCSweepActive] = timed("GCSweepActive", {"p"}, -1, -1, -1, EvGCSweepBegin);
    t[EvGCSweepBegin] = timed("GCSweepBegin", {"stack"}, 0);
    t[EvGCSweepEnd] = timed("GCSweepEnd", {"swept_value", "reclaimed_value"}, -1, -1, -1, EvGCSweepBegin);
    t[EvGCMarkAssistActive] = timed("GCMarkAssistActive", {"g"}, -1, -1, -1, EvGCMarkAssistBegin);
    t[EvGCMarkAssistBegin] = timed("GCMarkAssistBegin", {"stack"}, 0);
    t[EvGCMarkAssistEnd] = timed("GCMarkAssistEnd", {}, -1, -1, -1, EvGCMarkAssistBegin);
    t[EvHeapAlloc] = timed("HeapAlloc", {"heapalloc_value"});
    t[EvHeapGoal] = timed("HeapGoal", {"heapgoal_value"});
    t[EvGoLabel] = timed("GoLabel", {"label_string"}, -1, 0);
    t[EvUserTaskBegin] = timed("UserTaskBegin", {"task", "parent_task", "name_string", "stack"}, 3, 2);
    t[EvUserTaskEnd] = timed("UserTaskEnd", {"task", "stack"}, 1);
    t[EvUserRegionBegin] = timed("UserRegionBegin", {"task", "name_string", "stack"}, 2, 1);
    t[EvUserRegionEnd] = timed("UserRegionEnd", {"task", "name_string", "stack"}, 2, 1, -1, EvUserRegionBegin);
    t[EvUserLog] = timed("UserLog", {"task", "key_string", "value_string", "stack"}, 3, 1, 2);
    t[EvGoSwitch] = timed("GoSwitch", {"g", "g_seq"});
    t[EvGoSwitchDestroy] = timed("GoSwitchDestroy", {"g", "g_seq"});
    t[EvGoCreateBlocked] = timed("GoCreateBlocked", {"new_g", "new_stack", "stack"}, 2);
    t[EvGoCreateBlocked].newStackArg = 1;
    t[EvGoStatusStack] = timed("GoStatusStack", {"g", "m", "gstatus", "stack"}, 3);
    t[EvClockSnapshot] = timed("ClockSnapshot", {"mono", "sec", "nsec"});
    t[EvSpan] = experimental("Span", {"id", "npages_value", "kindclass"});
    t[EvSpanAlloc] = experimental("SpanAlloc", {"id", "npages_value", "kindclass"});
    t[EvSpanFree] = experimental("SpanFree", {"id"});
    t[EvHeapObject] = experimental("HeapObject", {"id", "type"});
    t[EvHeapObjectAlloc] = experimental("HeapObjectAlloc", {"id", "type"});
    t[EvHeapObjectFree] = experimental("HeapObjectFree", {"id"});
    t[EvGoroutineStack] = experimental("GoroutineStack", {"id", "order"});
    t[EvGoroutineStackAlloc] = experimental("GoroutineStackAlloc", {"id", "order"});
    t[EvGoroutineStackFree] = experimental("GoroutineStackFree", {"id"});
    for (WireSpec& s : t) {
        for (int8_t i : {s.stackArg, s.newStackArg})
            if (i >= 0)
                s.argIds[i] = WireSpec::StackId;
        for (int8_t i : s.stringArgs)
            if (i >= 0)
                s.argIds[i] = WireSpec::StringId;
    }
    return t;
}

} // namespace

const std::array<WireSpec, 256> kWireSpecs = buildTable();

} // namespace gs::gotrace
