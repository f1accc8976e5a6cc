// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs::text {

// Collects weighted call stacks read from text (folded stacks, perf script, bpftrace maps) into a
// store's Symbols and Profile. Frames are function names only (these formats carry no lines);
// samples with the same stack are merged, one value column per sample type (perf event).
class StackSampleBuilder
{
public:
    explicit StackSampleBuilder(EventStore& store);

    // The column of a sample type, added on first use.
    size_t sampleType(std::string_view type, std::string_view unit);

    // Frames of the next sample in the order the input lists them; addSample(rootFirst = true)
    // reverses them, since stacks are stored innermost first.
    void pushFrame(std::string_view function);
    void clearFrames() { m_frames.clear(); }
    size_t frameCount() const { return m_frames.size(); }
    void addSample(size_t type, int64_t value, bool rootFirst);

    // Writes the merged samples into store.profile; fails when the values of one sample type add
    // up past what an int64 holds (Profile::valueSumProblem).
    std::optional<std::string> finish();

private:
    EventStore& m_store;
    std::vector<FrameId> m_frames;
    std::unordered_map<std::string_view, FrameId> m_frameByName; // views into the string pool
    std::vector<ValueType> m_types;
    std::unordered_map<StackId, size_t> m_sampleOf;
    std::vector<StackId> m_stacks;
    std::vector<std::vector<int64_t>> m_values; // per sample, per type
    std::optional<size_t> m_overflowedType;     // a type whose merged value overflowed
};

} // namespace gs::text
