// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/trace_data.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs {

// Minimum mutator utilisation, with the meaning and the numbers of go tool trace's MMU page
// (Go's internal/trace: MutatorUtilizationV2, MMUCurve).
//
// The mutator utilisation at an instant is the share of the processors running the program rather
// than the GC; the MMU of a window size w is the lowest mean utilisation over any w long stretch
// of the trace: how much of the machine a program is sure to have in any w.

// What counts as GC work, taken from the mutator: go tool trace's options (its UtilFlags).
enum MmuFlag : unsigned
{
    kMmuStw = 1,        // stop-the-world pauses of the GC: every processor
    kMmuBackground = 2, // the GC's background mark workers, on their processors
    kMmuAssist = 4,     // mark assists, on the assisting goroutine's processor
    kMmuSweep = 8,      // incremental sweeping
    // One utilisation per processor (go tool trace's "per-goroutine" view: GC on a processor stops
    // its goroutine outright) instead of the share of all processors ("system"). Dedicated mark
    // workers then do not count: they take a whole processor, but no goroutine waits on it.
    kMmuPerProc = 16,
};
// go tool trace's default view: the system, with STW, background workers and assists.
constexpr unsigned kMmuDefaultFlags = kMmuStw | kMmuBackground | kMmuAssist;

// A step of a utilisation function: from `time` on, the mean utilisation is `util` (0..1).
struct UtilPoint
{
    TimeNs time = 0;
    double util = 0;
};
// A utilisation function over [front().time, back().time], ending with a point of 0.
using UtilSeries = std::vector<UtilPoint>;

// The utilisation functions of a trace: one (the system), or with kMmuPerProc one per processor
// (a processor removed and added again by GOMAXPROCS gets a new one). Empty for a trace that never
// says GOMAXPROCS.
std::vector<UtilSeries> mutatorUtilization(const TraceData& trace, unsigned flags);

// A window of a given size starting at `start`, with its mean utilisation.
struct UtilWindow
{
    TimeNs start = 0;
    double util = 0;
};

// The MMU over window sizes of a set of utilisation functions.
//
// Every window's mean is a difference of two running integrals over the window's size, which
// only changes slope where an edge meets a step; so the lowest mean is at a window with an edge on
// a step. The functions are cut into up to 1000 bands, each with a bound on the windows starting
// in it (its lowest utilisation at the edges, the exact integral between); bands are refined from
// the lowest bound up, and the search stops once no band left can go below what was found.
class MmuCurve
{
public:
    explicit MmuCurve(const std::vector<UtilSeries>& functions);
    ~MmuCurve();
    MmuCurve(MmuCurve&&) noexcept;
    MmuCurve& operator=(MmuCurve&&) noexcept;

    // The lowest mean utilisation of any window of `window` ns (a function shorter than that
    // counts as one window of its length); 0 for window <= 0, 1 without functions. As in Go, the
    // windows starting in the last bands may reach up to a band past the end, counted as 0 there.
    double mmu(TimeNs window) const;
    // Up to `count` windows of the lowest utilisation, lowest first (ties: earliest): those
    // go tool trace's /mmu details list. As there, a window found low enough replaces the first
    // kept one it overlaps if lower than it, else is dropped; so they are disjoint unless one came
    // to overlap two. Which of several equally low windows are listed follows
    // from the order the search visits bands and windows, which is Go's.
    std::vector<UtilWindow> worstWindows(TimeNs window, size_t count) const;
    // From the earliest start to the latest end of the functions.
    TimeNs span() const;
    // The window sizes go tool trace's MMU plot samples: 100 on a log scale, starting at 1 s, 1 ms,
    // 1 µs or 1 ns, the largest of these with an MMU below 0.0001, and spanning six orders of
    // magnitude but no more than span(). Empty without functions.
    std::vector<TimeNs> plotWindows() const;

    // One function as the search reads it: steps, running integral, bands (in mmu.cpp).
    struct Series;

private:
    class Accumulator;
    void search(TimeNs window, Accumulator& acc) const;
    static void refineBand(const Series& s, size_t band, TimeNs window, Accumulator& acc);

    std::vector<Series> m_series;
};

} // namespace gs
