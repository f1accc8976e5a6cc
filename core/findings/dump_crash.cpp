// SPDX-License-Identifier: MIT
// "crash": the runtime's last words, a panic or a fatal error, and the goroutine that hit it.
#include "core/findings/dump_frames.h"
#include "core/findings/dump_rules.h"

namespace gs::findings {

void findCrash(const FindingInput& in, std::vector<Finding>& out)
{
    const GoroutineDumpData& dump = *in.store.dump;
    const DumpGoroutine* crashed = dump.crashedGoroutine();
    // The runtime's deadlock is a fatal error too, but the goroutine it prints first did not cause
    // it: the deadlock rule reports it.
    if (!crashed || dump.headline.starts_with(kRuntimeDeadlockHeadline))
        return;
    Finding f;
    f.kind = "crash";
    f.severity = Severity::High;
    f.weight = 1; // the process ended: the whole capture is about it
    f.goroutines = {int64_t(crashed->id)};
    f.functions = functionsFromProgram(in.store.symbols, crashed->stack);
    f.title = dump.headline;
    if (!f.functions.empty())
        f.title += " in " + f.functions.front();
    f.title += " (goroutine " + std::to_string(crashed->id) + ")";
    f.detail = "The process ended here: goroutine " + std::to_string(crashed->id)
               + " is the one the runtime printed first, the one that hit the error. Its stack, innermost "
                 "first, starts at the program's own code.";
    f.with("goroutines", double(dump.goroutineCount()), "count");
    out.push_back(std::move(f));
}

} // namespace gs::findings
