// SPDX-License-Identifier: MIT
#include "core/model/profile.h"

#include <charconv>

namespace gs {

int Profile::findSampleType(const std::string& nameOrIndex) const
{
    for (size_t i = 0; i < sampleTypes.size(); ++i) {
        if (sampleTypes[i].type == nameOrIndex)
            return int(i);
    }
    size_t index = 0;
    auto [end, ec] = std::from_chars(nameOrIndex.data(), nameOrIndex.data() + nameOrIndex.size(), index);
    if (ec == std::errc() && end == nameOrIndex.data() + nameOrIndex.size() && index < sampleTypes.size())
        return int(index);
    return -1;
}

} // namespace gs
