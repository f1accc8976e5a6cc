// SPDX-License-Identifier: MIT
#include "widgets/filters/filter_item.h"

#include "core/base/go_regex.h"
#include "widgets/common/capture_display.h"

#include <QCoreApplication>

namespace gs::ui {

namespace {

void addAlternative(std::string& combined, const std::string& pattern)
{
    if (!combined.empty())
        combined += '|';
    combined += "(?:" + pattern + ")";
}

bool isTag(FilterKind kind)
{
    return kind == FilterKind::TagFocus || kind == FilterKind::TagIgnore;
}

} // namespace

QString filterKindName(FilterKind kind)
{
    switch (kind) {
    case FilterKind::Focus:
        return QCoreApplication::translate("gs::ui::Filter", "focus");
    case FilterKind::Ignore:
        return QCoreApplication::translate("gs::ui::Filter", "ignore");
    case FilterKind::Hide:
        return QCoreApplication::translate("gs::ui::Filter", "hide");
    case FilterKind::TagFocus:
        return QCoreApplication::translate("gs::ui::Filter", "tagfocus");
    case FilterKind::TagIgnore:
        return QCoreApplication::translate("gs::ui::Filter", "tagignore");
    }
    return {};
}

std::optional<QString> validateFilter(const FilterItem& item)
{
    std::string regex = item.pattern;
    if (isTag(item.kind)) {
        const size_t eq = item.pattern.find('=');
        if (eq == std::string::npos || eq == 0)
            return QCoreApplication::translate("gs::ui::Filter", "a label filter needs the form key=value");
        regex = item.pattern.substr(eq + 1);
    } else if (regex.empty()) {
        return QCoreApplication::translate("gs::ui::Filter", "the regular expression is empty");
    }
    return validateRegex(regex);
}

std::optional<QString> validateRegex(const std::string& regex)
{
    if (auto problem = regexProblem(regex))
        return QCoreApplication::translate("gs::ui::Filter", "invalid regular expression '%1': %2")
            .arg(captureText(regex), QString::fromStdString(*problem));
    return std::nullopt;
}

StackFilter toStackFilter(const std::vector<FilterItem>& items)
{
    StackFilter filter;
    for (const FilterItem& item : items) {
        switch (item.kind) {
        case FilterKind::Focus:
            addAlternative(filter.focus, item.pattern);
            break;
        case FilterKind::Ignore:
            addAlternative(filter.ignore, item.pattern);
            break;
        case FilterKind::Hide:
            addAlternative(filter.hide, item.pattern);
            break;
        case FilterKind::TagFocus:
        case FilterKind::TagIgnore: {
            const size_t eq = item.pattern.find('=');
            if (eq == std::string::npos)
                break;
            filter.labels.push_back(LabelFilter {item.pattern.substr(0, eq), item.pattern.substr(eq + 1),
                                                 item.kind == FilterKind::TagIgnore});
            break;
        }
        }
    }
    return filter;
}

} // namespace gs::ui
