// SPDX-License-Identifier: MIT
#include "core/base/error.h"

namespace gs {

std::string Error::describe() const
{
    if (offset)
        return "at byte " + std::to_string(*offset) + ": " + message;
    return message;
}

} // namespace gs
