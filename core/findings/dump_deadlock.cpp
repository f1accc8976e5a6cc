// SPDX-License-Identifier: MIT
// "deadlock": every goroutine of the program waits for another, either as the runtime declared it
// ("fatal error: all goroutines are asleep - deadlock!") or as a dump shows it.
#include "core/findings/dump_frames.h"
#include "core/findings/dump_rules.h"

#include <algorithm>
#include <array>
#include <map>

namespace gs::findings {

namespace {

// Waits only another goroutine of the program can end (the wait reasons of runtime/runtime2.go).
// Sleeps, network waits and system calls end by themselves or from outside the process.
constexpr std::array<std::string_view, 12> kWaitsOnOthers = {
    "chan receive",    "chan send",          "chan receive (nil chan)", "chan send (nil chan)",
    "select",          "select (no cases)",  "semacquire",              "sync.Cond.Wait",
    "sync.Mutex.Lock", "sync.RWMutex.RLock", "sync.RWMutex.Lock",       "sync.WaitGroup.Wait",
};

// How many goroutines the detail names one by one.
constexpr size_t kNamed = 8;

struct Sleeper
{
    const DumpGoroutine* goroutine;
    std::string_view wait;
    std::vector<std::string> functions; // the program's, innermost first
};

// "2 on sync.Mutex.Lock in main.lockInOrder, 1 on sync.WaitGroup.Wait in main.deadlockChild".
std::string waitsSummary(const std::vector<Sleeper>& sleepers)
{
    std::map<std::pair<std::string_view, std::string>, int> count;
    std::vector<std::pair<std::string_view, std::string>> order;
    for (const Sleeper& s : sleepers) {
        const auto key = std::make_pair(s.wait, s.functions.empty() ? std::string() : s.functions.front());
        if (count[key]++ == 0)
            order.push_back(key);
    }
    std::string text;
    for (size_t i = 0; i < order.size() && i < 3; ++i) {
        text += (i ? ", " : "") + std::to_string(count[order[i]]) + " on " + std::string(order[i].first);
        if (!order[i].second.empty())
            text += " in " + order[i].second;
    }
    if (order.size() > 3)
        text += " and " + std::to_string(order.size() - 3) + (order.size() == 4 ? " other wait" : " other waits");
    return text;
}

} // namespace

void findDeadlock(const FindingInput& in, std::vector<Finding>& out)
{
    const GoroutineDumpData& dump = *in.store.dump;
    if (dump.kind != GoroutineDumpData::Kind::Traceback)
        return;
    const Symbols& symbols = in.store.symbols;
    const bool declared = dump.headline.starts_with(kRuntimeDeadlockHeadline);
    if (!declared && dump.crashedGoroutine())
        return; // the crash rule's: a panicking goroutine was running
    std::vector<Sleeper> sleepers;
    for (const DumpGoroutine& g : dump.goroutines) {
        if (isRuntimeGoroutine(symbols, g.stack))
            continue;
        const std::string_view wait = symbols.strings.get(g.state);
        const bool waitsOnOthers = !g.stackUnavailable
                                   && std::find(kWaitsOnOthers.begin(), kWaitsOnOthers.end(), wait)
                                          != kWaitsOnOthers.end();
        if (!declared && !waitsOnOthers)
            return; // one goroutine can still move, so the program is not stuck
        sleepers.push_back(Sleeper {&g, wait, programFunctions(symbols, g.stack)});
    }
    if (sleepers.empty())
        return;

    Finding f;
    f.kind = "deadlock";
    f.severity = declared ? Severity::High : Severity::Medium;
    f.weight = double(sleepers.size()) / double(std::max<int64_t>(1, dump.goroutineCount()));
    const std::string n = std::to_string(sleepers.size());
    f.title = (declared ? "Deadlock: all " + n + " goroutines are asleep, "
                        : "All " + n + " goroutines of the program are blocked on each other, ")
              + waitsSummary(sleepers);
    // Where each goroutine waits first, then the callers that led there.
    for (size_t depth = 0;; ++depth) {
        bool deeper = false;
        for (const Sleeper& s : sleepers) {
            if (depth >= s.functions.size())
                continue;
            deeper = true;
            if (std::find(f.functions.begin(), f.functions.end(), s.functions[depth]) == f.functions.end())
                f.functions.push_back(s.functions[depth]);
        }
        if (!deeper)
            break;
    }
    f.detail = declared ? "The runtime stopped the process: no goroutine could run again. "
                        : "No goroutine of the program can run until another does; the runtime did not declare a "
                          "deadlock (a timer in a select or a signal may still wake one). ";
    f.detail += "A dump does not record which goroutine holds a lock or will send on a channel, so the cycle "
                "between them cannot be shown; read each wait against the code.";
    for (size_t i = 0; i < sleepers.size() && i < kNamed; ++i) {
        const Sleeper& s = sleepers[i];
        f.goroutines.push_back(int64_t(s.goroutine->id));
        f.detail += (i ? "; goroutine " : " Goroutine ") + std::to_string(s.goroutine->id) + " waits on "
                    + std::string(s.wait) + (s.functions.empty() ? "" : " in " + s.functions.front());
    }
    for (size_t i = kNamed; i < sleepers.size(); ++i)
        f.goroutines.push_back(int64_t(sleepers[i].goroutine->id));
    if (sleepers.size() > kNamed)
        f.detail += "; and " + std::to_string(sleepers.size() - kNamed) + " more";
    f.detail += ".";
    f.with("goroutines", double(sleepers.size()), "count");
    f.with("share", f.weight, "ratio");
    out.push_back(std::move(f));
}

} // namespace gs::findings
