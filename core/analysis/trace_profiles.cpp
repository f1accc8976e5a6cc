// SPDX-License-Identifier: MIT
#include "core/analysis/trace_profiles.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs {

namespace {

constexpr std::array<std::string_view, 5> kNames = {"cpu", "net", "sync", "syscall", "sched"};

// Which spans a blocking profile follows. Syscall and SyscallBlocked are one state to Go (the
// split is ours), so a stretch runs across both.
bool inProfileState(TraceProfileKind kind, SpanState s)
{
    switch (kind) {
    case TraceProfileKind::Net:
    case TraceProfileKind::Sync:
        return s == SpanState::Waiting;
    case TraceProfileKind::Syscall:
        return s == SpanState::Syscall || s == SpanState::SyscallBlocked;
    case TraceProfileKind::Sched:
        return s == SpanState::Runnable;
    case TraceProfileKind::Cpu:
        break;
    }
    return false;
}


bool kept(std::span<const uint8_t> keep, GoroutineRow row)
{
    return keep.empty() || (row != kNoRow && row < keep.size() && keep[row]);
}

void visitCpuSamples(const TraceData& trace, std::span<const uint8_t> keep,
                     const std::function<void(const ProfileStretch&)>& visit)
{
    for (const CpuSample& s : trace.cpuSamples) {
        const GoroutineRow row = s.goroutine == kNoGoroutineId ? kNoRow : trace.rowOf(s.goroutine);
        if (!kept(keep, row))
            continue;
        visit(ProfileStretch {row, s.stack, s.time, s.time});
    }
}

void visitRow(const EventStore& store, TraceProfileKind kind, GoroutineRow row,
              const std::function<void(const ProfileStretch&)>& visit)
{
    const TraceData& trace = *store.trace;
    const SpanTable& spans = trace.spans;
    const Goroutine& g = trace.goroutines[row];
    const auto [first, last] = spans.rowRange(row);
    const TimeNs lifeStart = g.startNs >= 0 ? g.startNs : std::numeric_limits<TimeNs>::min();
    const TimeNs lifeEnd = g.endNs >= 0 ? g.endNs : trace.endNs;
    for (uint32_t i = first; i < last;) {
        if (!inProfileState(kind, spans.stateOf(i)) || !tracksReason(kind, store.symbols.strings.get(spans.reasonOf(i)))) {
            ++i;
            continue;
        }
        // A goroutine's first span after its creation began with GoCreate, whose stack is the
        // creator's (the span holds the new goroutine's own start stack).
        const bool createdHere = i == first && g.creatorId != kNoGoroutineId;
        ProfileStretch stretch {row, createdHere ? g.creationStack : spans.stackOf(i), spans.startOf(i), 0};
        uint32_t j = i + 1;
        while (j < last && inProfileState(kind, spans.stateOf(j)) && spans.startOf(j) == spans.endOf(j - 1))
            ++j;
        stretch.end = spans.endOf(j - 1);
        // The goroutine's last span ends with a transition only if the goroutine ended there;
        // otherwise it was still in the state when the trace stopped, and Go drops it.
        const bool closed = j < last || (g.endNs >= 0 && stretch.end == g.endNs);
        // Go charges only the part inside the goroutine's life as its analysis sees it: from its
        // first run (so the wait before a goroutine first runs is not scheduler latency) to its end,
        // and drops stretches that leave nothing.
        stretch.start = std::max(stretch.start, lifeStart);
        stretch.end = std::min(stretch.end, lifeEnd);
        if (closed && stretch.end > stretch.start)
            visit(stretch);
        i = j;
    }
}

} // namespace

bool tracksReason(TraceProfileKind kind, std::string_view reason)
{
    switch (kind) {
    case TraceProfileKind::Net:
        return reason == "network";
    case TraceProfileKind::Sync:
        return reason.find("chan") != std::string_view::npos || reason.find("sync") != std::string_view::npos
               || reason.find("select") != std::string_view::npos;
    default:
        return true;
    }
}

const char* traceProfileName(TraceProfileKind kind)
{
    return kNames[size_t(kind)].data();
}

std::optional<TraceProfileKind> parseTraceProfileKind(std::string_view name)
{
    for (TraceProfileKind k : kTraceProfileKinds)
        if (kNames[size_t(k)] == name)
            return k;
    return std::nullopt;
}

void forEachProfileStretch(const EventStore& store, TraceProfileKind kind, std::span<const uint8_t> keep,
                           const std::function<void(const ProfileStretch&)>& visit)
{
    if (!store.trace)
        return;
    const TraceData& trace = *store.trace;
    if (kind == TraceProfileKind::Cpu) {
        visitCpuSamples(trace, keep, visit);
        return;
    }
    for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row)
        if (kept(keep, row))
            visitRow(store, kind, row, visit);
}

namespace {

// Copies the stacks a derived profile uses into the derived store's own symbol tables.
class StackCopier
{
public:
    StackCopier(const Symbols& from, Symbols& to)
        : m_from(from)
        , m_to(to)
    {
    }

    StackId copy(StackId stack)
    {
        auto [it, inserted] = m_stacks.try_emplace(stack, 0);
        if (inserted) {
            m_scratch.clear();
            for (FrameId f : m_from.stacks.frames(stack))
                m_scratch.push_back(copyFrame(f));
            it->second = m_to.stacks.intern(m_scratch);
        }
        return it->second;
    }

    // Go keys its records by the stack's PCs padded with zeros, so outermost frames of PC 0 (a PC
    // missing from the trace's tables, which we read as an unnamed function at line 0) do not
    // tell stacks apart: "[0]" and "[]" are one record. The key is the copy without them.
    StackId key(StackId copied) const
    {
        auto frames = m_to.stacks.frames(copied);
        size_t n = frames.size();
        while (n > 0 && isUnknown(frames[n - 1]))
            --n;
        if (n == frames.size())
            return copied;
        m_keyScratch.assign(frames.begin(), frames.begin() + ptrdiff_t(n));
        return m_to.stacks.intern(m_keyScratch);
    }

private:
    bool isUnknown(FrameId f) const
    {
        const Frame& frame = m_to.frames[f];
        return frame.line == 0 && m_to.functionName(frame.function).empty();
    }

    FrameId copyFrame(FrameId f)
    {
        const Frame& frame = m_from.frames[f];
        const Function& fn = m_from.functions[frame.function];
        const FunctionId copied = m_to.internFunction(m_from.strings.get(fn.name), m_from.strings.get(fn.file));
        return m_to.internFrame(copied, frame.line, frame.inlined);
    }

    const Symbols& m_from;
    Symbols& m_to;
    std::unordered_map<StackId, StackId> m_stacks;
    std::vector<FrameId> m_scratch;
    mutable std::vector<FrameId> m_keyScratch;
};

} // namespace

std::shared_ptr<EventStore> deriveTraceProfile(const EventStore& traceStore, TraceProfileKind kind,
                                               std::span<const uint8_t> keep)
{
    auto derived = std::make_shared<EventStore>();
    derived->format = Format::Pprof;
    derived->sourcePath = traceStore.sourcePath;
    Profile& profile = derived->profile.emplace();
    const bool cpu = kind == TraceProfileKind::Cpu;
    if (cpu)
        profile.sampleTypes = {{"samples", "count"}};
    else
        profile.sampleTypes = {{"contentions", "count"}, {"delay", "nanoseconds"}};
    profile.defaultSampleType = profile.sampleTypes.size() - 1;
    profile.periodType = {"trace", "count"};
    profile.period = 1;

    // One sample per record key, in order of first use. Go shows a record with the stack it saw
    // last (the stretch that ended last), which matters only for keys several stacks share.
    StackCopier copier(traceStore.symbols, derived->symbols);
    struct Record
    {
        size_t sample = 0;
        TimeNs lastEnd = 0;
    };
    std::unordered_map<StackId, Record> records;
    forEachProfileStretch(traceStore, kind, keep, [&](const ProfileStretch& s) {
        const StackId stack = copier.copy(s.stack);
        auto [it, inserted] = records.try_emplace(copier.key(stack), Record {profile.sampleStacks.size(), s.end});
        Record& record = it->second;
        if (inserted) {
            profile.sampleStacks.push_back(stack);
            profile.sampleValues.resize(profile.sampleValues.size() + profile.sampleTypes.size());
            profile.labelOffsets.push_back(0);
        } else if (s.end >= record.lastEnd) {
            profile.sampleStacks[record.sample] = stack;
            record.lastEnd = s.end;
        }
        const size_t base = record.sample * profile.sampleTypes.size();
        profile.sampleValues[base] += 1;
        if (!cpu)
            profile.sampleValues[base + 1] += s.end - s.start;
    });
    return derived;
}

} // namespace gs
