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
    m_spans = std::make_unique<SpanTableWriter>(t.spans);
}

GoroutineRow SyntheticTraceBuilder::addGoroutine(int64_t id, std::string_view startFunction,
                                                 std::span<const SyntheticSpan> spans, const SyntheticGoroutineInfo& info)
{
    TraceData& t = *m_store->trace;
    Goroutine g;
    g.id = id;
    g.startFunction = startFunction.empty() ? UINT32_MAX : m_store->symbols.internFunction(startFunction, "main.go");
    g.createdNs = spans.empty() ? t.startNs : spans.front().start;
    g.startNs = g.createdNs;
    g.endNs = info.endNs;
    g.label = info.label.empty() ? 0 : m_store->symbols.strings.intern(info.label);
    const GoroutineRow row = GoroutineRow(t.goroutines.size());
    t.goroutines.push_back(g);
    for (const SyntheticSpan& sp : spans) {
        const uint32_t traits = m_traits.code({m_store->symbols.strings.intern(sp.reason), 0, sp.proc, sp.state});
        m_spans->append(sp.start, sp.end, traits, sp.state,
                        sp.waker == kNoGoroutineId ? SpanTableWriter::kNoWaker : m_wakers.intern(sp.waker));
    }
    m_spans->endRow();
    return row;
}

void SyntheticTraceBuilder::buildProcessors(uint64_t maxRunsPerProc)
{
    TraceData& t = *m_store->trace;
    const SpanTable& s = t.spans;
    std::vector<uint32_t> running;
    for (uint32_t i = 0; i < s.size(); ++i) {
        if (s.stateOf(i) == SpanState::Running && s.procOf(i) >= 0)
            running.push_back(i);
    }
    std::stable_sort(running.begin(), running.end(), [&](uint32_t a, uint32_t b) {
        return s.procOf(a) != s.procOf(b) ? s.procOf(a) < s.procOf(b) : s.startOf(a) < s.startOf(b);
    });
    for (uint32_t i : running) {
        if (t.processors.empty() || t.processors.back().id != s.procOf(i))
            t.processors.emplace_back().id = s.procOf(i);
        Processor& p = t.processors.back();
        const bool fits = p.spans.empty() || s.endOf(p.spans.back()) <= s.startOf(i);
        if (fits && p.spans.size() < maxRunsPerProc)
            p.spans.push_back(i);
    }
    for (Processor& p : t.processors)
        p.finish(s);
}

std::shared_ptr<EventStore> SyntheticTraceBuilder::finish(uint64_t maxRunsPerProc)
{
    TraceData& t = *m_store->trace;
    TimeColumn wakerIds;
    for (int64_t id : m_wakers.take())
        wakerIds.push_back(id);
    m_spans->finish(m_traits.take(), std::move(wakerIds));
    m_spans.reset();
    buildProcessors(maxRunsPerProc);
    t.finishGoroutines();
    for (Series* series : {&t.heapAlloc, &t.heapGoal, &t.gomaxprocs, &t.goroutineCount})
        series->seal();
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
    builder.reserve(spec.spans);
    std::vector<SyntheticSpan> spans;
    for (uint32_t r = 0; r < spec.goroutines; ++r) {
        const bool heavy = r < spec.heavyGoroutines;
        const uint64_t n =
            heavy ? heavySpans / spec.heavyGoroutines : (spec.spans - heavySpans) / std::max<uint64_t>(lightRows, 1);
        // Light goroutines live for a random slice of the trace; heavy ones for all of it.
        const TimeNs life =
            heavy ? spec.durationNs : TimeNs(spec.durationNs / 20 + rng.below(uint64_t(spec.durationNs / 2)));
        const TimeNs begin = heavy ? t0 : t0 + TimeNs(rng.below(uint64_t(spec.durationNs - life)));
        const TimeNs mean = std::max<TimeNs>(2, life / TimeNs(std::max<uint64_t>(n, 1)));

        spans.clear();
        TimeNs now = begin;
        for (uint64_t k = 0; k < n; ++k) {
            // Durations in [mean/8, 15/8 mean) keep the row's length near `life`.
            const TimeNs d = std::max<TimeNs>(1, mean / 8 + TimeNs(rng.below(uint64_t(mean * 7 / 4))));
            SyntheticSpan sp;
            sp.start = now;
            sp.end = std::max(std::min(now + d, t1), now + 1);
            switch (k % 3) {
            case 0:
                sp.state = SpanState::Running;
                sp.proc = int32_t(rng.below(spec.processors));
                break;
            case 1:
                sp.state = rng.below(20) == 0 ? SpanState::Syscall : SpanState::Waiting;
                sp.reason = sp.state == SpanState::Waiting ? kReasons[rng.below(std::size(kReasons))] : "";
                break;
            default:
                sp.state = SpanState::Runnable;
                sp.reason = "preempted";
                sp.waker = int64_t(rng.below(spec.goroutines) + 1);
                break;
            }
            spans.push_back(sp);
            now = sp.end;
            if (now >= t1)
                break;
        }
        // createdNs and startNs are the first span's start: `begin`.
        builder.addGoroutine(r + 1, functions[r % functions.size()], spans, {heavy ? -1 : now, {}});
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
    return builder.finish(spec.procSpansEach);
}

} // namespace gs::fixtures
