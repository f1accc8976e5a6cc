// SPDX-License-Identifier: MIT
#include "core/model/profile.h"

#include "core/base/capture_text.h"

#include <charconv>
#include <cstdint>

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

std::string valueSumMessage(const ValueType& type)
{
    return "the values of sample type '" + escapeCaptureText(type.type, kQuotedCaptureChars)
           + "' add up to more than 2^63-1, which no profile can mean";
}

std::optional<std::string> Profile::valueSumProblem() const
{
    const size_t width = sampleTypes.size();
    for (size_t t = 0; t < width; ++t) {
        uint64_t sum = 0;
        for (size_t i = t; i < sampleValues.size(); i += width) {
            const int64_t v = sampleValues[i];
            // The magnitude as unsigned: -INT64_MIN does not fit an int64.
            const uint64_t magnitude = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
            if (__builtin_add_overflow(sum, magnitude, &sum) || sum > uint64_t(INT64_MAX))
                return valueSumMessage(sampleTypes[t]);
        }
    }
    return std::nullopt;
}

} // namespace gs
