// SPDX-License-Identifier: MIT
#include "core/analysis/mmu.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace gs {

namespace {

// Adds a step to a utilisation function as Go's analysis does: nothing when the value does not
// change, and of two values at one time the lower.
void addStep(UtilSeries& series, UtilPoint p)
{
    if (!series.empty()) {
        UtilPoint& last = series.back();
        if (p.util == last.util)
            return;
        if (p.time == last.time) {
            if (p.util < last.util)
                last = p;
            return;
        }
    }
    series.push_back(p);
}

// Replays the recorded events (TraceData::mmuEvents) under one set of flags, keeping what Go's
// analysis keeps per processor: how many kinds of GC work run there.
class UtilizationReplay
{
public:
    explicit UtilizationReplay(unsigned flags)
        : m_flags(flags)
    {
    }

    void apply(const MmuEvent& e)
    {
        using Kind = MmuEvent::Kind;
        if (e.kind == Kind::Procs)
            setProcs(e.time, e.id);
        if (m_procs.empty())
            return; // nothing counts before GOMAXPROCS is known
        switch (e.kind) {
        case Kind::StwBegin:
        case Kind::StwEnd:
            if (has(kMmuStw))
                m_stw += e.kind == Kind::StwBegin ? 1 : -1;
            break;
        case Kind::SweepBegin:
        case Kind::SweepEnd:
            if (has(kMmuSweep)) {
                if (e.flags & MmuEvent::kRestated)
                    beganBeforeTrace();
                addWork(e.proc, e.kind == Kind::SweepBegin ? 1 : -1);
            }
            break;
        case Kind::AssistBegin:
            if (has(kMmuAssist)) {
                // An assist counts only for the time its goroutine runs, here since the trace began.
                if ((e.flags & MmuEvent::kRestated) && (e.flags & MmuEvent::kExecuting))
                    beganBeforeTrace();
                addWork(e.proc, 1);
                if (e.id != kNoGoroutineId)
                    m_assisting.insert(e.id);
            }
            break;
        case Kind::AssistEnd:
            if (has(kMmuAssist)) {
                addWork(e.proc, -1);
                m_assisting.erase(e.id);
            }
            break;
        case Kind::Run:
        case Kind::Stop:
            if (m_assisting.count(e.id) || m_workers.count(e.id))
                addWork(e.proc, e.kind == Kind::Run ? 1 : -1);
            break;
        case Kind::WorkerLabel:
            if (has(kMmuBackground) && !(has(kMmuPerProc) && (e.flags & MmuEvent::kDedicated))) {
                m_workers.insert(e.id);
                addWork(e.proc, 1);
            }
            break;
        case Kind::Procs:
            break;
        }
        note(e.time);
    }

    std::vector<UtilSeries> finish(TimeNs end)
    {
        for (const Proc& p : m_procs)
            addStep(m_out[p.series], {end, 0});
        return std::move(m_out);
    }

private:
    struct Proc
    {
        int64_t work = 0;   // kinds of GC work running on it
        size_t series = 0;  // its function in m_out
    };
    struct ProcsChange
    {
        TimeNs time = 0;
        int64_t n = 0;
    };

    bool has(unsigned flag) const { return (m_flags & flag) != 0; }

    void setProcs(TimeNs t, int64_t n)
    {
        // The runtime allows at most 1024; a corrupt count must not size a table by it.
        constexpr int64_t kMaxProcs = 1 << 16;
        if (n < 0 || n > kMaxProcs)
            return;
        const auto count = size_t(n);
        if (m_procs.size() > count) {
            if (has(kMmuPerProc)) {
                for (size_t i = count; i < m_procs.size(); ++i)
                    addStep(m_out[m_procs[i].series], {t, 0});
            }
            m_procs.resize(count);
        }
        while (m_procs.size() < count) {
            Proc p;
            if (has(kMmuPerProc) || m_out.empty()) {
                p.series = m_out.size();
                m_out.push_back({{t, 1}});
            }
            m_procs.push_back(p);
        }
        if (m_changes.empty() || m_changes.back().n != n)
            m_changes.push_back({t, n});
    }

    // A sweep or an assist already running when the trace began (restated in its first
    // generation): in the system view, one processor less for the mutator from the start.
    void beganBeforeTrace()
    {
        if (has(kMmuPerProc))
            return; // that processor's function starts with this event
        size_t c = 0;
        for (UtilPoint& p : m_out[0]) {
            while (c + 1 < m_changes.size() && m_changes[c + 1].time < p.time)
                ++c;
            p.util = std::max(0.0, p.util - 1.0 / double(m_changes[c].n));
        }
    }

    void addWork(int32_t proc, int64_t delta)
    {
        if (proc >= 0 && size_t(proc) < m_procs.size())
            m_procs[size_t(proc)].work += delta;
    }

    void note(TimeNs t)
    {
        if (!has(kMmuPerProc)) {
            size_t gcProcs = m_procs.size();
            if (m_stw <= 0)
                gcProcs = size_t(std::count_if(m_procs.begin(), m_procs.end(), [](const Proc& p) { return p.work > 0; }));
            addStep(m_out[0], {t, 1 - double(gcProcs) / double(m_procs.size())});
            return;
        }
        for (const Proc& p : m_procs)
            addStep(m_out[p.series], {t, m_stw > 0 || p.work > 0 ? 0.0 : 1.0});
    }

    unsigned m_flags;
    int64_t m_stw = 0;
    std::vector<Proc> m_procs;
    std::vector<ProcsChange> m_changes;
    std::unordered_set<int64_t> m_assisting;
    std::unordered_set<int64_t> m_workers;
    std::vector<UtilSeries> m_out;
};

// A binary min-heap under `less` kept in a vector, sifting as Go's container/heap does: which of
// equal elements comes out first follows from it, and with it which equally bad windows are found.
template<typename T, typename Less>
class BinaryHeap
{
public:
    explicit BinaryHeap(Less less, std::vector<T> items = {})
        : m_less(less)
        , m_items(std::move(items))
    {
        const size_t n = m_items.size();
        for (size_t i = n / 2; i-- > 0;)
            down(i, n);
    }

    bool empty() const { return m_items.empty(); }
    size_t size() const { return m_items.size(); }
    const T& top() const { return m_items.front(); }
    const std::vector<T>& items() const { return m_items; }

    void push(const T& x)
    {
        m_items.push_back(x);
        up(m_items.size() - 1);
    }
    void pop() { remove(0); }
    void remove(size_t i)
    {
        const size_t last = m_items.size() - 1;
        if (i != last) {
            std::swap(m_items[i], m_items[last]);
            if (!down(i, last))
                up(i);
        }
        m_items.pop_back();
    }

private:
    bool down(size_t i, size_t n)
    {
        const size_t start = i;
        for (size_t child = 2 * i + 1; child < n; child = 2 * i + 1) {
            if (child + 1 < n && m_less(m_items[child + 1], m_items[child]))
                ++child;
            if (!m_less(m_items[child], m_items[i]))
                break;
            std::swap(m_items[i], m_items[child]);
            i = child;
        }
        return i > start;
    }
    void up(size_t j)
    {
        while (j > 0) {
            const size_t parent = (j - 1) / 2;
            if (!m_less(m_items[j], m_items[parent]))
                break;
            std::swap(m_items[j], m_items[parent]);
            j = parent;
        }
    }

    Less m_less;
    std::vector<T> m_items;
};

} // namespace

std::vector<UtilSeries> mutatorUtilization(const TraceData& trace, unsigned flags)
{
    UtilizationReplay replay(flags);
    for (const MmuEvent& e : trace.mmuEvents)
        replay.apply(e);
    return replay.finish(trace.endNs);
}

// A utilisation function with its running integral and its bands.
struct MmuCurve::Series
{
    struct Band
    {
        double minUtil = 1;  // lowest utilisation in the band
        double before = 0;   // integral up to the band's start
        size_t step = 0;     // the step in force at the band's start
    };

    UtilSeries util;
    std::vector<double> integral; // up to util[j].time
    std::vector<Band> bands;      // one more than cut, ending past the function
    TimeNs bandNs = 1;

    TimeNs first() const { return util.front().time; }
    TimeNs last() const { return util.back().time; }
    TimeNs length() const { return last() - first(); }
    TimeNs bandStart(size_t i) const { return first() + TimeNs(i) * bandNs; }

    explicit Series(UtilSeries steps);
};

namespace {

// Walks a function forwards, integrating it.
class Integrator
{
public:
    Integrator(const MmuCurve::Series& s, size_t step)
        : m_s(&s)
        , m_step(step)
    {
    }

    size_t step() const { return m_step; }

    // The integral from the function's start to t; t after the previous call's, except for the
    // last window of a band that starts past the function's end (then as Go's integrator reads).
    double to(TimeNs t)
    {
        const UtilSeries& u = m_s->util;
        constexpr size_t kNear = 8;
        if (m_step + kNear < u.size() && u[m_step + kNear].time > t) {
            while (m_step + 1 < u.size() && u[m_step + 1].time <= t)
                ++m_step;
        } else {
            const auto after = std::upper_bound(u.begin() + std::ptrdiff_t(m_step), u.end(), t,
                                                [](TimeNs v, const UtilPoint& p) { return v < p.time; });
            m_step = size_t(std::max<std::ptrdiff_t>(after - u.begin() - 1, 0));
        }
        const UtilPoint& p = u[m_step];
        double partial = 0;
        if (t != p.time)
            partial = p.util * double(t - p.time);
        return m_s->integral[m_step] + partial;
    }

    // The first step after t (from the current one on), or the end of time.
    TimeNs nextAfter(TimeNs t) const
    {
        for (size_t k = m_step; k < m_s->util.size(); ++k) {
            if (m_s->util[k].time > t)
                return m_s->util[k].time;
        }
        return std::numeric_limits<TimeNs>::max();
    }

private:
    const MmuCurve::Series* m_s;
    size_t m_step;
};

constexpr size_t kBands = 1000;

} // namespace

MmuCurve::Series::Series(UtilSeries steps)
    : util(std::move(steps))
{
    integral.resize(util.size());
    double sum = 0;
    for (size_t j = 1; j < util.size(); ++j) {
        sum += util[j - 1].util * double(util[j].time - util[j - 1].time);
        integral[j] = sum;
    }
    const size_t cut = std::min(kBands, util.size());
    bandNs = std::max<TimeNs>(1, (length() + TimeNs(cut) - 1) / TimeNs(cut));
    bands.resize(cut + 1);
    Integrator left(*this, 0);
    for (size_t i = 0; i < bands.size(); ++i) {
        Band& b = bands[i];
        b.before = left.to(bandStart(i));
        b.step = left.step();
        const TimeNs end = bandStart(i) + bandNs;
        for (size_t k = b.step; k < util.size() && util[k].time < end; ++k)
            b.minUtil = std::min(b.minUtil, util[k].util);
    }
}

// What a search keeps of the windows it measures: the lowest mean, and the worst disjoint windows
// when asked for them. `bound`: no window of a higher mean can change the result.
class MmuCurve::Accumulator
{
public:
    explicit Accumulator(size_t worstCount)
        : m_count(worstCount)
    {
    }

    double mmu = 1;
    double bound = 1;

    // Takes the window [time, time + window) of mean mu; true when no further window can matter.
    bool add(TimeNs time, double mu, TimeNs window)
    {
        mmu = std::min(mmu, mu);
        bound = mmu;
        if (m_count == 0)
            return mu == 0;
        if (m_worst.size() < m_count || mu < m_worst.top().util) {
            // Of two overlapping windows the lower stays (the one already kept, if as low).
            bool kept = false;
            const auto& items = m_worst.items();
            for (size_t i = 0; i < items.size(); ++i) {
                if (time + window > items[i].start && items[i].start + window > time) {
                    kept = items[i].util <= mu;
                    if (!kept)
                        m_worst.remove(i);
                    break;
                }
            }
            if (!kept) {
                m_worst.push({time, mu});
                if (m_worst.size() > m_count)
                    m_worst.pop();
            }
        }
        if (m_worst.size() < m_count)
            bound = 1;
        else
            bound = std::max(bound, m_worst.top().util);
        return m_worst.size() == m_count && m_worst.top().util == 0;
    }

    std::vector<UtilWindow> worst() const
    {
        std::vector<UtilWindow> out = m_worst.items();
        std::sort(out.begin(), out.end(), [](const UtilWindow& a, const UtilWindow& b) {
            return a.util != b.util ? a.util < b.util : a.start < b.start;
        });
        return out;
    }

private:
    // The highest kept window on top (of equal ones, the latest), to be dropped first.
    static bool higher(const UtilWindow& a, const UtilWindow& b)
    {
        return a.util != b.util ? a.util > b.util : a.start > b.start;
    }

    size_t m_count;
    BinaryHeap<UtilWindow, decltype(&higher)> m_worst {&higher};
};

MmuCurve::MmuCurve(const std::vector<UtilSeries>& functions)
{
    for (const UtilSeries& f : functions) {
        if (!f.empty())
            m_series.emplace_back(f);
    }
}

MmuCurve::~MmuCurve() = default;
MmuCurve::MmuCurve(MmuCurve&&) noexcept = default;
MmuCurve& MmuCurve::operator=(MmuCurve&&) noexcept = default;

namespace {

// A lower bound of the mean utilisation of the windows starting in band `band` of a function.
struct BandBound
{
    size_t series = 0;
    size_t band = 0;
    double bound = 0;
};

// The bounds of the windows of `window` ns starting in each band of `s` (those that end within the
// bands). A window covers at least `fewest` and at most `most` bands: the partly covered ones at
// either end are taken at their lowest utilisation, those always covered at their integral.
void addBandBounds(const MmuCurve::Series& s, size_t series, TimeNs window, std::vector<BandBound>& out)
{
    const TimeNs b = s.bandNs;
    const auto fewest = size_t((window + b - 1) / b);
    const auto most = size_t((window + 2 * (b - 1)) / b);
    const TimeNs tail = window % b;
    if (s.bands.size() + 1 < most)
        return;
    const size_t starts = s.bands.size() + 1 - most;
    for (size_t i = 0; i < starts; ++i) {
        const double l = s.bands[i].minUtil;
        const double r1 = s.bands[i + fewest - 1].minUtil;
        const double r2 = s.bands[i + most - 1].minUtil;
        const double lowest = std::min(l, std::min(r1, r2));
        double total = 0;
        if (fewest == 1) {
            total += lowest * double(window);
        } else {
            // The worst window lies on the lowest band as long as a band, and on the next lowest
            // of the end bands for the rest.
            total += lowest * double(b);
            double next = 0;
            if (lowest == l)
                next = std::min(r1, r2);
            else if (lowest == r1)
                next = std::min(l, r2);
            else
                next = std::min(l, r1);
            total += next * double(tail);
        }
        if (fewest > 2)
            total += s.bands[i + fewest - 1].before - s.bands[i + 1].before;
        out.push_back({series, i, total / double(window)});
    }
}

} // namespace

// Measures every window of `window` ns starting in band `band` whose mean could be the lowest:
// those with an edge on a step, skipping ahead where the mean cannot fall below the bound (it
// changes by at most 1/window a nanosecond).
void MmuCurve::refineBand(const Series& s, size_t band, TimeNs window, Accumulator& acc)
{
    Integrator left(s, s.bands[band].step);
    Integrator right = left;
    TimeNs time = s.bandStart(band);
    const TimeNs end = std::min(time + s.bandNs, s.last() - window);
    for (;;) {
        const double mu = (right.to(time + window) - left.to(time)) / double(window);
        if (acc.add(time, mu, window) || time == end)
            return;
        const auto skipTo = time + TimeNs((mu - acc.bound) * double(window));
        time = std::max(std::min(left.nextAfter(time), right.nextAfter(time + window) - window), skipTo);
        time = std::min(time, end);
    }
}

void MmuCurve::search(TimeNs window, Accumulator& acc) const
{
    if (window <= 0) {
        acc.mmu = 0;
        return;
    }
    std::vector<BandBound> bounds;
    std::vector<TimeNs> windows(m_series.size());
    for (size_t i = 0; i < m_series.size(); ++i) {
        // A function shorter than the window is one window; one of no length has none (go tool
        // trace fails on it).
        windows[i] = std::min(window, m_series[i].length());
        if (windows[i] > 0)
            addBandBounds(m_series[i], i, windows[i], bounds);
    }
    auto lower = [](const BandBound& a, const BandBound& b) { return a.bound < b.bound; };
    BinaryHeap<BandBound, decltype(lower)> heap(lower, std::move(bounds));
    while (!heap.empty() && heap.top().bound < acc.bound) {
        const BandBound& next = heap.top();
        refineBand(m_series[next.series], next.band, windows[next.series], acc);
        heap.pop();
    }
}

double MmuCurve::mmu(TimeNs window) const
{
    Accumulator acc(0);
    search(window, acc);
    return acc.mmu;
}

std::vector<UtilWindow> MmuCurve::worstWindows(TimeNs window, size_t count) const
{
    Accumulator acc(count);
    search(window, acc);
    return acc.worst();
}

TimeNs MmuCurve::span() const
{
    if (m_series.empty())
        return 0;
    TimeNs first = m_series.front().first(), last = m_series.front().last();
    for (const Series& s : m_series) {
        first = std::min(first, s.first());
        last = std::max(last, s.last());
    }
    return last - first;
}

std::vector<TimeNs> MmuCurve::plotWindows() const
{
    if (m_series.empty() || span() <= 0)
        return {};
    TimeNs smallest = 1'000'000'000;
    while (smallest > 1 && mmu(smallest) >= 0.0001)
        smallest /= 1000;
    const TimeNs largest = std::min(smallest * 1'000'000, span());
    const double logMin = std::log(double(smallest)), logMax = std::log(double(largest));
    constexpr int kSamples = 100;
    std::vector<TimeNs> out;
    for (int i = 0; i < kSamples - 1; ++i)
        out.push_back(TimeNs(std::exp(double(i) / (kSamples - 1) * (logMax - logMin) + logMin)));
    // The exponential of the logarithm may fall short of the trace's length by a rounding.
    out.push_back(largest);
    return out;
}

} // namespace gs
