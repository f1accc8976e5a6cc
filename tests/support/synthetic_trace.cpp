// SPDX-License-Identifier: MIT
#include "tests/support/synthetic_trace.h"

#include <algorithm>
#include <string>
#include <vector>

namespace gs::fixtures {

namespace {

// splitmix64: tiny, fast and good enough for shaping test data.
struct Rng
{
    uint64_t state;
    uint64_t next()
    {
        uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    uint64_t below(uint64_t n) { return n ? next() % n : 0; }
};

} // namespace

SyntheticTraceBuilder::SyntheticTraceBuilder(TimeNs startNs, TimeNs endNs)
    : m_store(std::make_shared<EventStore>())
{
    m_store->format = Format::GoTrace;
    m_store->trace.emplace();
    TraceData& t = *m_store->trace;
    t.goVersion = "1.26";
    t.startNs = startNs;
    t.endNs = endNs;
    t.spans.offsets.push_back(0);
}

GoroutineRow SyntheticTraceBuilder::addGoroutine(int64_t id, std::string_view startFunction,
                                                 std::span<const SyntheticSpan> spans)
{
    TraceData& t = *m_store->trace;
    Goroutine g;
    g.id = id;
    g.startFunction = startFunction.empty() ? UINT32_MAX : m_store->symbols.internFunction(startFunction, "main.go");
    g.createdNs = spans.empty() ? t.startNs : spans.front().start;
    g.startNs = g.createdNs;
    const GoroutineRow row = GoroutineRow(t.goroutines.size());
    t.goroutines.push_back(std::move(g));
    SpanTable& s = t.spans;
    for (const SyntheticSpan& sp : spans) {
        s.start.push_back(sp.start);
        s.end.push_back(sp.end);
        s.state.push_back(sp.state);
        s.reason.push_back(m_store->symbols.strings.intern(sp.reason));
        s.stack.push_back(0);
        s.proc.push_back(sp.proc);
        s.waker.push_back(sp.waker);
    }
    s.offsets.push_back(uint32_t(s.start.size()));
    return row;
}

std::shared_ptr<EventStore> SyntheticTraceBuilder::finish()
{
    TraceData& t = *m_store->trace;
    t.spans.buildCheckpoints();
    t.computeGoroutineStats(UINT32_MAX);
    t.rowById.clear();
    for (GoroutineRow r = 0; r < t.goroutines.size(); ++r)
        t.rowById.emplace_back(t.goroutines[r].id, r);
    std::sort(t.rowById.begin(), t.rowById.end());
    t.eventCount = t.spans.size();
    return m_store;
}

std::shared_ptr<EventStore> makeSyntheticTrace(const SyntheticTraceSpec& spec)
{
    const TimeNs t0 = 1'000'000'000; // a non-zero origin, as real traces have
    const TimeNs t1 = t0 + spec.durationNs;
    SyntheticTraceBuilder builder(t0, t1);
    TraceData& t = builder.trace();
    Rng rng{spec.seed};

    static constexpr std::string_view kReasons[] = {"chan receive", "chan send", "select", "sync",
                                                    "IO wait", "sleep", "GC assist wait"};
    std::vector<std::string> functions;
    for (uint32_t f = 0; f < spec.startFunctions; ++f)
        functions.push_back("main.worker" + std::to_string(f));

    const uint64_t heavySpans = spec.heavyGoroutines ? uint64_t(double(spec.spans) * spec.heavyShare) : 0;
    const uint64_t lightRows = spec.goroutines - spec.heavyGoroutines;
    SpanTable& s = t.spans;
    s.start.reserve(spec.spans);
    s.end.reserve(spec.spans);
    s.state.reserve(spec.spans);
    s.reason.reserve(spec.spans);
    s.stack.reserve(spec.spans);
    s.proc.reserve(spec.spans);
    s.waker.reserve(spec.spans);
    std::vector<StringId> reasonIds;
    for (std::string_view r : kReasons)
        reasonIds.push_back(builder.store().symbols.strings.intern(r));
    const StringId preempted = builder.store().symbols.strings.intern("preempted");

    for (uint32_t r = 0; r < spec.goroutines; ++r) {
        const bool heavy = r < spec.heavyGoroutines;
        const uint64_t n =
            heavy ? heavySpans / spec.heavyGoroutines : (spec.spans - heavySpans) / std::max<uint64_t>(lightRows, 1);
        // Light goroutines live for a random slice of the trace; heavy ones for all of it.
        const TimeNs life =
            heavy ? spec.durationNs : TimeNs(spec.durationNs / 20 + rng.below(uint64_t(spec.durationNs / 2)));
        const TimeNs begin = heavy ? t0 : t0 + TimeNs(rng.below(uint64_t(spec.durationNs - life)));
        const TimeNs mean = std::max<TimeNs>(2, life / TimeNs(std::max<uint64_t>(n, 1)));

        Goroutine g;
        g.id = r + 1;
        g.startFunction = builder.store().symbols.internFunction(functions[r % functions.size()], "main.go");
        g.createdNs = begin;
        g.startNs = begin;
        t.goroutines.push_back(std::move(g));
        TimeNs now = begin;
        for (uint64_t k = 0; k < n; ++k) {
            // Durations in [mean/8, 15/8 mean) keep the row's length near `life`.
            const TimeNs d = std::max<TimeNs>(1, mean / 8 + TimeNs(rng.below(uint64_t(mean * 7 / 4))));
            const TimeNs end = std::min(now + d, t1);
            SpanState state = SpanState::Running;
            StringId reason = 0;
            switch (k % 3) {
            case 0:
                state = SpanState::Running;
                break;
            case 1:
                state = rng.below(20) == 0 ? SpanState::Syscall : SpanState::Waiting;
                reason = state == SpanState::Waiting ? reasonIds[rng.below(reasonIds.size())] : 0;
                break;
            default:
                state = SpanState::Runnable;
                reason = preempted;
                break;
            }
            s.start.push_back(now);
            s.end.push_back(std::max(end, now + 1));
            s.state.push_back(state);
            s.reason.push_back(reason);
            s.stack.push_back(0);
            s.proc.push_back(state == SpanState::Running ? int32_t(rng.below(spec.processors)) : -1);
            s.waker.push_back(k % 3 == 2 ? int64_t(rng.below(spec.goroutines) + 1) : kNoGoroutineId);
            now = s.end.back();
            if (now >= t1)
                break;
        }
        t.goroutines.back().endNs = heavy ? -1 : now;
        s.offsets.push_back(uint32_t(s.start.size()));
    }

    for (uint32_t p = 0; p < spec.processors; ++p) {
        Processor proc{int64_t(p), {}};
        const TimeNs mean = std::max<TimeNs>(2, spec.durationNs / TimeNs(std::max<uint64_t>(spec.procSpansEach, 1)));
        TimeNs now = t0;
        for (uint64_t k = 0; k < spec.procSpansEach && now < t1; ++k) {
            const TimeNs d = std::max<TimeNs>(1, TimeNs(rng.below(uint64_t(mean))));
            proc.spans.push_back({now, std::min(now + d, t1), int64_t(rng.below(spec.goroutines) + 1)});
            now += d + TimeNs(rng.below(uint64_t(mean)));
        }
        t.processors.push_back(std::move(proc));
    }
    const StringId gcName = builder.store().symbols.strings.intern("GC concurrent mark phase");
    const StringId stwName = builder.store().symbols.strings.intern("stop-the-world (GC sweep termination)");
    for (int k = 0; k < 50; ++k) {
        const TimeNs at = t0 + spec.durationNs / 50 * k + TimeNs(rng.below(uint64_t(spec.durationNs / 100)));
        t.gcRanges.push_back({at, at + spec.durationNs / 200, gcName, kNoGoroutineId, -1});
        t.stwRanges.push_back({at, at + 50'000, stwName, kNoGoroutineId, -1});
    }
    int64_t heap = 4 << 20;
    for (TimeNs at = t0; at < t1; at += spec.durationNs / 10'000) {
        heap = std::max<int64_t>(1 << 20, heap + int64_t(rng.below(1 << 20)) - (1 << 19));
        t.heapAlloc.push_back({at, heap});
        t.heapGoal.push_back({at, 8 << 20});
        t.goroutineCount.push_back({at, int64_t(spec.goroutines / 2 + rng.below(spec.goroutines / 4 + 1))});
    }
    return builder.finish();
}

} // namespace gs::fixtures
