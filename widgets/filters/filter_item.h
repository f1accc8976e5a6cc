// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/stack_selection.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// The kinds of filter a user can stack up, with pprof's meaning (-focus, -ignore, -hide,
// -tagfocus, -tagignore).
enum class FilterKind
{
    Focus,
    Ignore,
    Hide,
    TagFocus,
    TagIgnore,
};

// One user filter, shown as one chip. Function filters hold a regex (Go's syntax, gs::GoRegex); tag
// filters hold "key=value-regex".
struct FilterItem
{
    FilterKind kind = FilterKind::Focus;
    std::string pattern;

    bool operator==(const FilterItem&) const = default;
};

QString filterKindName(FilterKind kind);

// Why the filter cannot be applied (a bad regex, a tag filter without "key="), or nothing.
std::optional<QString> validateFilter(const FilterItem& item);

// Why `regex` is not a valid regex in Go's syntax (the syntax every filter uses), or nothing.
std::optional<QString> validateRegex(const std::string& regex);

// Folds the chips into one StackFilter: several focus (ignore, hide) regexes are alternatives,
// so a sample passes focus if any of them matches; tag filters stay separate.
StackFilter toStackFilter(const std::vector<FilterItem>& items);

} // namespace gs::ui
