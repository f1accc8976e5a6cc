// SPDX-License-Identifier: MIT
#include "core/base/error.h"

namespace gs {

std::string Error::describe(std::string_view offsetNote) const
{
    std::string detail = message;
    if (offset)
        detail = "at byte " + std::to_string(*offset) + std::string(offsetNote) + ": " + message;
    return summary.empty() ? detail : summary + "; detail: " + detail;
}

} // namespace gs
