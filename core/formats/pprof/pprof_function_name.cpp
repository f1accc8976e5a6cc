// SPDX-License-Identifier: MIT
#include "core/formats/pprof/pprof_function_name.h"

namespace gs::pprof {

namespace {

// pprof applies its simplification only to names it takes for demangled C++.
bool looksLikeDemangledCpp(std::string_view name)
{
    if (name.find(".<") != std::string_view::npos || name.find("]).") != std::string_view::npos)
        return false;
    return name.find_first_of("<>[]") != std::string_view::npos || name.find("::") != std::string_view::npos;
}

// Cuts out every outermost open...close group, nested groups with it. A close without an open
// ends the cutting there, keeping what was cut before it (as pprof does); an open never closed
// stays with all that follows it.
void removeGroups(std::string& name, char open, char close)
{
    int nesting = 0;
    size_t first = 0;
    const char both[] = {open, close, '\0'};
    for (size_t at = name.find_first_of(both); at != std::string::npos; at = name.find_first_of(both, at)) {
        if (name[at] == open) {
            if (++nesting == 1)
                first = at;
            ++at;
            continue;
        }
        if (--nesting < 0)
            return;
        if (nesting == 0) {
            name.erase(first, at + 1 - first);
            at = first;
        } else {
            ++at;
        }
    }
}

} // namespace

std::string displayFunctionName(std::string_view name, std::string_view systemName)
{
    if (!name.empty() && name != systemName)
        return std::string(name);
    std::string shown(systemName);
    if (looksLikeDemangledCpp(shown)) {
        removeGroups(shown, '(', ')');
        removeGroups(shown, '<', '>');
    }
    return shown;
}

} // namespace gs::pprof
