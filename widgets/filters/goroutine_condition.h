// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_filter.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// The kinds of goroutine condition the trace filter bar offers, one per GoroutineFilter field.
enum class ConditionKind
{
    EverState,     // a span in this state: "waiting"
    CurrentState,  // the state at the end of the time range (or trace)
    Transition,    // "running->waiting"
    Reason,        // wait/stop reason, exactly: "chan receive"
    MinDuration,   // Go duration: "10ms"
    MaxDuration,
    StackRegex,    // a function on the stack at the transition into the span
    StartFunction, // regex in the start function
    Label,         // regex in the goroutine's label
    Task,          // regex in the type of a task it took part in
    Region,        // regex in the type of a region it marked
    Log,           // regex in the category or message of a log it wrote
    TimeRange,     // "1.5ms..20ms" since the trace start; either side may be empty
};

// One chip: a kind and its values. State and reason kinds may hold several values, which are
// alternatives (GoroutineFilter's "any of" lists); every other kind holds exactly one. Values are
// the text the user typed (or the timeline produced), kept so the chip shows them as entered.
struct GoroutineCondition
{
    ConditionKind kind = ConditionKind::EverState;
    std::vector<std::string> values;

    bool operator==(const GoroutineCondition&) const = default;
};

QString conditionKindName(ConditionKind kind);
// What the value field expects, as placeholder text.
QString conditionPlaceholder(ConditionKind kind);
// Whether a kind collects alternatives (states, reasons) instead of holding one value.
bool isMultiValued(ConditionKind kind);

// Why `text` is not a valid value for `kind` (unknown state, bad duration, bad regex, ...), or nothing.
std::optional<QString> validateCondition(ConditionKind kind, const std::string& text);

// Adds a (validated) value to the chip list: a multi-valued kind gains an alternative (duplicates
// ignored), a single-valued kind is replaced in place; a new kind is appended as a new chip.
void addCondition(std::vector<GoroutineCondition>& conditions, ConditionKind kind, const std::string& text);

// The chips as one GoroutineFilter; time ranges are relative to `traceStartNs`. Values that do not
// parse are skipped (they never pass validateCondition, so only hand-built lists have them).
GoroutineFilter toGoroutineFilter(const std::vector<GoroutineCondition>& conditions, TimeNs traceStartNs);

// The chips with their state, reason and duration chips replaced by the spans a selection of
// histogram bins stands for: in `state`, with `reason` when not empty, lasting minNs to maxNs.
std::vector<GoroutineCondition> withSpanSelection(std::vector<GoroutineCondition> conditions, SpanState state,
                                                  const std::string& reason, TimeNs minNs, TimeNs maxNs);

// The time-range value for [fromNs, toNs] (absolute) as "a..b" relative to the trace start, exact
// to the nanosecond and readable: "1.5ms..20.000125ms".
std::string timeRangeText(TimeNs fromNs, TimeNs toNs, TimeNs traceStartNs);

} // namespace gs::ui
