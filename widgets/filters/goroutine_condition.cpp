// SPDX-License-Identifier: MIT
#include "widgets/filters/goroutine_condition.h"

#include "widgets/filters/filter_item.h"

#include <QCoreApplication>

#include <algorithm>

namespace gs::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("gs::ui::Filter", text);
}

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

// "a..b" (durations since the trace start); an empty side is open.
struct RelativeRange
{
    std::optional<TimeNs> from;
    std::optional<TimeNs> to;
};

Result<RelativeRange> parseTimeRange(const std::string& text)
{
    const size_t dots = text.find("..");
    if (dots == std::string::npos)
        return Error{"expected FROM..TO, e.g. 1.5ms..20ms (either side may be empty)", std::nullopt};
    auto side = [](std::string s) -> Result<std::optional<TimeNs>> {
        s.erase(0, s.find_first_not_of(' '));
        s.erase(s.find_last_not_of(' ') + 1);
        if (s.empty())
            return std::optional<TimeNs>();
        Result<TimeNs> d = parseDuration(s);
        if (!d)
            return d.error();
        return std::optional<TimeNs>(*d);
    };
    auto from = side(text.substr(0, dots));
    if (!from)
        return from.error();
    auto to = side(text.substr(dots + 2));
    if (!to)
        return to.error();
    if (!*from && !*to)
        return Error{"the time range is open on both sides", std::nullopt};
    if (*from && *to && **to < **from)
        return Error{"the time range ends before it starts", std::nullopt};
    return RelativeRange{*from, *to};
}

// Nanoseconds in `unit` with exactly `digits` decimals, trailing zeros dropped: (1500000, ms) -> "1.5".
std::string decimal(TimeNs ns, TimeNs unit, int digits)
{
    std::string s = std::to_string(ns / unit);
    std::string frac = std::to_string(ns % unit);
    frac.insert(0, size_t(digits) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0')
        frac.pop_back();
    return frac.empty() ? s : s + '.' + frac;
}

std::string goDuration(TimeNs ns)
{
    if (ns < 0)
        return '-' + goDuration(-ns);
    if (ns >= 1'000'000'000)
        return decimal(ns, 1'000'000'000, 9) + "s";
    if (ns >= 1'000'000)
        return decimal(ns, 1'000'000, 6) + "ms";
    if (ns >= 1'000)
        return decimal(ns, 1'000, 3) + "us";
    return std::to_string(ns) + "ns";
}

} // namespace

QString conditionKindName(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::EverState:
        return tr("state ever entered");
    case ConditionKind::CurrentState:
        return tr("current state");
    case ConditionKind::Transition:
        return tr("transition");
    case ConditionKind::Reason:
        return tr("wait reason");
    case ConditionKind::MinDuration:
        return tr("min span duration");
    case ConditionKind::MaxDuration:
        return tr("max span duration");
    case ConditionKind::StackRegex:
        return tr("function on stack");
    case ConditionKind::StartFunction:
        return tr("start function");
    case ConditionKind::Label:
        return tr("label");
    case ConditionKind::Task:
        return tr("task type");
    case ConditionKind::Region:
        return tr("region type");
    case ConditionKind::Log:
        return tr("log text");
    case ConditionKind::TimeRange:
        return tr("time range");
    }
    return {};
}

QString conditionPlaceholder(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::EverState:
    case ConditionKind::CurrentState:
        return tr("running, runnable, waiting, syscall, syscall-blocked");
    case ConditionKind::Transition:
        return tr("from->to, e.g. running->waiting");
    case ConditionKind::Reason:
        return tr("wait reason, e.g. chan receive");
    case ConditionKind::MinDuration:
    case ConditionKind::MaxDuration:
        return tr("Go duration, e.g. 10ms, 1.5s, 250us");
    case ConditionKind::StackRegex:
    case ConditionKind::StartFunction:
        return tr("regex, e.g. net/http\\.");
    case ConditionKind::Label:
        return tr("regex in the goroutine label");
    case ConditionKind::Task:
        return tr("regex in the type of a task the goroutine took part in");
    case ConditionKind::Region:
        return tr("regex in the type of a region the goroutine marked");
    case ConditionKind::Log:
        return tr("regex in a log's category or message");
    case ConditionKind::TimeRange:
        return tr("from..to since trace start, e.g. 1ms..20ms");
    }
    return {};
}

bool isMultiValued(ConditionKind kind)
{
    return kind == ConditionKind::EverState || kind == ConditionKind::CurrentState || kind == ConditionKind::Reason;
}

std::optional<QString> validateCondition(ConditionKind kind, const std::string& text)
{
    if (text.empty())
        return tr("enter a value for %1").arg(conditionKindName(kind));
    switch (kind) {
    case ConditionKind::EverState:
    case ConditionKind::CurrentState:
        if (!parseSpanState(text))
            return tr("unknown state '%1' (running, runnable, waiting, syscall, syscall-blocked)").arg(fromStd(text));
        return std::nullopt;
    case ConditionKind::Transition:
        if (auto t = parseTransition(text); !t)
            return fromStd(t.error().message);
        return std::nullopt;
    case ConditionKind::Reason:
        return std::nullopt;
    case ConditionKind::MinDuration:
    case ConditionKind::MaxDuration:
        if (auto d = parseDuration(text); !d)
            return fromStd(d.error().message);
        else if (*d < 0)
            return tr("a duration cannot be negative");
        return std::nullopt;
    case ConditionKind::StackRegex:
    case ConditionKind::StartFunction:
    case ConditionKind::Label:
    case ConditionKind::Task:
    case ConditionKind::Region:
    case ConditionKind::Log:
        return validateRegex(text);
    case ConditionKind::TimeRange:
        if (auto r = parseTimeRange(text); !r)
            return fromStd(r.error().message);
        return std::nullopt;
    }
    return std::nullopt;
}

void addCondition(std::vector<GoroutineCondition>& conditions, ConditionKind kind, const std::string& text)
{
    auto it = std::find_if(conditions.begin(), conditions.end(),
                           [kind](const GoroutineCondition& c) { return c.kind == kind; });
    if (it == conditions.end()) {
        conditions.push_back({kind, {text}});
        return;
    }
    if (!isMultiValued(kind))
        it->values = {text};
    else if (std::find(it->values.begin(), it->values.end(), text) == it->values.end())
        it->values.push_back(text);
}

GoroutineFilter toGoroutineFilter(const std::vector<GoroutineCondition>& conditions, TimeNs traceStartNs)
{
    GoroutineFilter f;
    for (const GoroutineCondition& c : conditions) {
        for (const std::string& v : c.values) {
            switch (c.kind) {
            case ConditionKind::EverState:
            case ConditionKind::CurrentState:
                if (const auto s = parseSpanState(v))
                    (c.kind == ConditionKind::EverState ? f.spanStates : f.currentStates).push_back(*s);
                break;
            case ConditionKind::Transition:
                if (const auto t = parseTransition(v))
                    f.transition = *t;
                break;
            case ConditionKind::Reason:
                f.reasons.push_back(v);
                break;
            case ConditionKind::MinDuration:
            case ConditionKind::MaxDuration:
                if (const auto d = parseDuration(v))
                    (c.kind == ConditionKind::MinDuration ? f.minDurationNs : f.maxDurationNs) = *d;
                break;
            case ConditionKind::StackRegex:
                f.stackRegex = v;
                break;
            case ConditionKind::StartFunction:
                f.startFunctionRegex = v;
                break;
            case ConditionKind::Label:
                f.labelRegex = v;
                break;
            case ConditionKind::Task:
                f.taskRegex = v;
                break;
            case ConditionKind::Region:
                f.regionRegex = v;
                break;
            case ConditionKind::Log:
                f.logRegex = v;
                break;
            case ConditionKind::TimeRange:
                if (const auto r = parseTimeRange(v)) {
                    f.fromNs = r->from ? std::optional<TimeNs>(traceStartNs + *r->from) : std::nullopt;
                    f.toNs = r->to ? std::optional<TimeNs>(traceStartNs + *r->to) : std::nullopt;
                }
                break;
            }
        }
    }
    return f;
}

std::vector<GoroutineCondition> withSpanSelection(std::vector<GoroutineCondition> conditions, SpanState state,
                                                  const std::string& reason, TimeNs minNs, TimeNs maxNs)
{
    std::erase_if(conditions, [](const GoroutineCondition& c) {
        return c.kind == ConditionKind::EverState || c.kind == ConditionKind::Reason
               || c.kind == ConditionKind::MinDuration || c.kind == ConditionKind::MaxDuration;
    });
    addCondition(conditions, ConditionKind::EverState, spanStateName(state));
    if (!reason.empty())
        addCondition(conditions, ConditionKind::Reason, reason);
    addCondition(conditions, ConditionKind::MinDuration, goDuration(minNs));
    addCondition(conditions, ConditionKind::MaxDuration, goDuration(maxNs));
    return conditions;
}

std::string timeRangeText(TimeNs fromNs, TimeNs toNs, TimeNs traceStartNs)
{
    return goDuration(fromNs - traceStartNs) + ".." + goDuration(toNs - traceStartNs);
}

} // namespace gs::ui
