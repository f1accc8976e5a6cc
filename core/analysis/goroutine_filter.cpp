// SPDX-License-Identifier: MIT
#include "core/analysis/goroutine_filter.h"

#include "core/analysis/stack_selection.h"
#include "core/analysis/user_annotations.h"
#include "core/base/go_regex.h"
#include "core/base/load_context.h"

#include <algorithm>
#include <array>
#include <functional>

namespace gs {

namespace {

// Memoises a yes/no question per string or stack id: a trace has few distinct reasons, labels and
// stacks but many spans sharing them.
class IdMemo
{
public:
    using Test = std::function<bool(uint32_t)>;

    IdMemo(size_t ids, Test test)
        : m_known(ids, 0)
        , m_test(std::move(test))
    {
    }

    bool operator()(uint32_t id)
    {
        uint8_t& known = m_known[id];
        if (known == 0)
            known = m_test(id) ? 2 : 1;
        return known == 2;
    }

private:
    std::vector<uint8_t> m_known; // 0 not asked yet, 1 no, 2 yes
    Test m_test;
};

bool contains(const std::vector<SpanState>& states, SpanState s)
{
    return std::find(states.begin(), states.end(), s) != states.end();
}

// The state of row r at time t (SpanTable::spanAt's span).
std::optional<SpanState> stateAt(const SpanTable& spans, GoroutineRow r, TimeNs t)
{
    const auto i = spans.spanAt(r, t);
    return i ? std::optional(spans.stateOf(*i)) : std::nullopt;
}

// matchFunctions' mask for a non-empty regex; an empty mask stands for "no condition".
Result<std::vector<uint8_t>> functionMask(const Symbols& symbols, const std::string& pattern, const char* what)
{
    if (pattern.empty())
        return std::vector<uint8_t>();
    auto regex = GoRegex::compile(pattern, what);
    if (!regex)
        return regex.error();
    return matchFunctions(symbols, *regex);
}

// Per goroutine row, 1 for those with a user annotation whose text `pattern` finds (`select` marks
// them, given the compiled regex); an empty mask, standing for "no condition", for no pattern.
Result<std::vector<uint8_t>> annotationMask(const std::string& pattern, const char* what,
                                            const std::function<std::vector<uint8_t>(const GoRegex&)>& select)
{
    if (pattern.empty())
        return std::vector<uint8_t>();
    auto regex = GoRegex::compile(pattern, what);
    if (!regex)
        return regex.error();
    return select(*regex);
}

// The three annotation masks of a filter: tasks, regions, logs.
Result<std::array<std::vector<uint8_t>, 3>> annotationMasks(const EventStore& store, const GoroutineFilter& filter)
{
    const TraceData& t = *store.trace;
    const StringPool& strings = store.symbols.strings;
    auto tasks = annotationMask(filter.taskRegex, "task", [&](const GoRegex& re) {
        return goroutinesInTasks(t, [&](StringId type) { return re.search(strings.get(type)); });
    });
    if (!tasks)
        return tasks.error();
    auto regions = annotationMask(filter.regionRegex, "region", [&](const GoRegex& re) {
        return goroutinesWithRegions(t, [&](StringId type) { return re.search(strings.get(type)); });
    });
    if (!regions)
        return regions.error();
    auto logs = annotationMask(filter.logRegex, "log", [&](const GoRegex& re) {
        return goroutinesWithLogs(t, [&](const UserLog& l) {
            return re.search(strings.get(l.category)) || re.search(strings.get(l.message));
        });
    });
    if (!logs)
        return logs.error();
    return std::array<std::vector<uint8_t>, 3>{std::move(*tasks), std::move(*regions), std::move(*logs)};
}

// Everything the filter needs per goroutine and per span, with the regexes compiled once.
class Matcher
{
public:
    static Result<Matcher> create(const EventStore& store, const GoroutineFilter& filter)
    {
        auto stack = functionMask(store.symbols, filter.stackRegex, "stack");
        if (!stack)
            return stack.error();
        auto start = functionMask(store.symbols, filter.startFunctionRegex, "start function");
        if (!start)
            return start.error();
        auto label = GoRegex::compile(filter.labelRegex, "label");
        if (!label)
            return label.error();
        auto annotations = annotationMasks(store, filter);
        if (!annotations)
            return annotations.error();
        return Matcher(store, filter, std::move(*stack), std::move(*start), std::move(*label), std::move(*annotations));
    }

    bool goroutinePasses(GoroutineRow r)
    {
        const Goroutine& g = m_trace.goroutines[r];
        if (!m_filter.startFunctionRegex.empty() && !(g.hasStartFunction() && m_startMask[g.startFunction]))
            return false;
        if (!m_filter.labelRegex.empty() && !(g.label != 0 && m_labelMatches(g.label)))
            return false;
        for (const std::vector<uint8_t>& mask : m_annotationMasks) {
            if (!mask.empty() && !mask[r])
                return false;
        }
        if (!m_filter.currentStates.empty()) {
            const auto now = stateAt(m_trace.spans, r, m_filter.toNs.value_or(m_trace.endNs));
            if (!now || !contains(m_filter.currentStates, *now))
                return false;
        }
        return true;
    }

    // Span i of a row whose first span is `rowBegin`, against every span condition.
    bool spanPasses(uint32_t i, uint32_t rowBegin)
    {
        const SpanTable& spans = m_trace.spans;
        const SpanState state = spans.stateOf(i);
        if (!m_filter.spanStates.empty() && !contains(m_filter.spanStates, state))
            return false;
        if (m_filter.transition
            && !(state == m_filter.transition->to && i > rowBegin && spans.stateOf(i - 1) == m_filter.transition->from))
            return false;
        if (m_filter.minDurationNs && spans.durationOf(i) < *m_filter.minDurationNs)
            return false;
        if (m_filter.maxDurationNs && spans.durationOf(i) > *m_filter.maxDurationNs)
            return false;
        if (!m_filter.reasons.empty() && !m_reasonListed(spans.reasonOf(i)))
            return false;
        return m_filter.stackRegex.empty() || m_stackMatches(spans.stackOf(i));
    }

private:
    Matcher(const EventStore& store, const GoroutineFilter& filter, std::vector<uint8_t> stackMask,
            std::vector<uint8_t> startMask, GoRegex label, std::array<std::vector<uint8_t>, 3> annotationMasks)
        : m_trace(*store.trace)
        , m_filter(filter)
        , m_startMask(std::move(startMask))
        , m_annotationMasks(std::move(annotationMasks))
        , m_reasonListed(store.symbols.strings.size(),
                         [&symbols = store.symbols, &reasons = filter.reasons](uint32_t id) {
                             return std::find(reasons.begin(), reasons.end(), symbols.strings.get(id)) != reasons.end();
                         })
        , m_labelMatches(store.symbols.strings.size(),
                         [&symbols = store.symbols, re = std::move(label)](uint32_t id) {
                             return re.search(symbols.strings.get(id));
                         })
        , m_stackMatches(store.symbols.stacks.size(),
                         [&symbols = store.symbols, mask = std::move(stackMask)](uint32_t id) {
                             const auto frames = symbols.stacks.frames(id);
                             return std::any_of(frames.begin(), frames.end(),
                                                [&](FrameId f) { return mask[symbols.frameFunction(f)] != 0; });
                         })
    {
    }

    const TraceData& m_trace;
    const GoroutineFilter& m_filter;
    std::vector<uint8_t> m_startMask;
    std::array<std::vector<uint8_t>, 3> m_annotationMasks; // tasks, regions, logs; empty: no condition
    IdMemo m_reasonListed;
    IdMemo m_labelMatches;
    IdMemo m_stackMatches;
};

} // namespace

bool GoroutineFilter::hasSpanConditions() const
{
    return !spanStates.empty() || transition || !reasons.empty() || minDurationNs || maxDurationNs
           || !stackRegex.empty();
}

bool GoroutineFilter::empty() const
{
    return !hasSpanConditions() && currentStates.empty() && startFunctionRegex.empty() && labelRegex.empty()
           && taskRegex.empty() && regionRegex.empty() && logRegex.empty()
           && !fromNs && !toNs;
}

Result<GoroutineFilterResult> filterGoroutines(const EventStore& store, const GoroutineFilter& filter,
                                               LoadContext* ctx)
{
    if (!store.trace)
        return Error {"goroutine filters need an execution trace", std::nullopt};
    GoroutineFilterResult result;
    // No condition keeps every goroutine, without a walk over millions of them (a trace that has
    // just opened is filtered so, while its window paints for the first time).
    if (filter.empty()) {
        result.keep.assign(store.trace->goroutines.size(), 1);
        result.kept = result.keep.size();
        return result;
    }
    auto matcher = Matcher::create(store, filter);
    if (!matcher)
        return matcher.error();
    const TraceData& trace = *store.trace;
    const SpanTable& spans = trace.spans;
    // Spans are looked at only when a span condition or the time range needs them.
    const bool bySpan = filter.hasSpanConditions() || filter.fromNs || filter.toNs;

    result.keep.assign(trace.goroutines.size(), 0);
    for (GoroutineRow r = 0; r < trace.goroutines.size(); ++r) {
        const auto [begin, end] = spans.rowRange(r);
        if (ctx)
            ctx->checkpoint(begin, spans.size());
        if (!matcher->goroutinePasses(r))
            continue;
        if (bySpan) {
            const size_t before = result.matchedSpans.size();
            uint32_t i = filter.fromNs ? spans.firstEndingAfter(r, *filter.fromNs) : begin;
            for (; i < end && (!filter.toNs || spans.startOf(i) < *filter.toNs); ++i) {
                if (matcher->spanPasses(i, begin))
                    result.matchedSpans.push_back(i);
            }
            if (result.matchedSpans.size() == before)
                continue;
        }
        result.keep[r] = 1;
        ++result.kept;
    }
    return result;
}

std::vector<TimeNs> spanDurations(const TraceData& trace, const GoroutineFilterResult& result, SpanState state,
                                  std::optional<StringId> reason)
{
    const SpanTable& spans = trace.spans;
    std::vector<TimeNs> out;
    auto add = [&](uint32_t i) {
        if (spans.stateOf(i) == state && (!reason || spans.reasonOf(i) == *reason))
            out.push_back(spans.durationOf(i));
    };
    if (!result.matchedSpans.empty()) {
        for (uint32_t i : result.matchedSpans)
            add(i);
        return out;
    }
    const size_t rows = std::min(result.keep.size(), trace.goroutines.size());
    for (GoroutineRow r = 0; r < rows; ++r) {
        if (!result.keep[r])
            continue;
        const auto [begin, end] = spans.rowRange(r);
        for (uint32_t i = begin; i < end; ++i)
            add(i);
    }
    return out;
}

} // namespace gs
