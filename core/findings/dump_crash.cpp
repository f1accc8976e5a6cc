// SPDX-License-Identifier: MIT
// "crash": the runtime's last words, a panic or a fatal error, and the goroutine that hit it.
#include "core/findings/dump_frames.h"
#include "core/findings/dump_rules.h"

namespace gs::findings {

namespace {

// The headline the deadlock rule reports instead: it is a fatal error, but the goroutine the
// runtime prints first did not cause it.
constexpr std::string_view kDeadlockHeadline = "fatal error: all goroutines are asleep - deadlock!";

} // namespace

void findCrash(const FindingInput& in, std::vector<Finding>& out)
{
    const GoroutineDumpData& dump = *in.store.dump;
    const DumpGoroutine* crashed = dump.crashedGoroutine();
    if (!crashed || dump.headline.starts_with(kDeadlockHeadline))
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
