// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gs {

// A sample dimension, e.g. {"alloc_space", "bytes"} or {"cpu", "nanoseconds"}.
struct ValueType
{
    std::string type;
    std::string unit;
};

// A pprof label on a sample: string-valued (str != 0) or numeric (num with its unit).
struct SampleLabel
{
    StringId key = 0;
    StringId str = 0;
    int64_t num = 0;
    StringId numUnit = 0;
};

struct Mapping
{
    uint64_t id = 0;
    uint64_t memoryStart = 0;
    uint64_t memoryLimit = 0;
    uint64_t fileOffset = 0;
    std::string filename;
    std::string buildId;
};

// What a pprof profile records below the merged symbol tables (which name a function once and
// drop addresses), for pprof's other granularities: files, lines, addresses and no inlines.
struct PprofFunction
{
    FunctionId function = 0; // in the store's symbols: its name as pprof displays it
    StringId file = 0;
    int64_t startLine = 0;
};

struct PprofLine
{
    static constexpr uint32_t kNoFunction = UINT32_MAX;
    uint32_t function = kNoFunction; // row in PprofDetail::functions
    int64_t line = 0;
};

struct PprofLocation
{
    static constexpr uint32_t kNoMapping = UINT32_MAX;
    uint64_t address = 0;
    uint32_t mapping = kNoMapping; // row in Profile::mappings
    uint32_t firstLine = 0;        // lines[firstLine .. firstLine + lineCount), innermost first
    uint32_t lineCount = 0;
};

struct PprofDetail
{
    std::vector<PprofFunction> functions;
    std::vector<PprofLocation> locations;
    std::vector<PprofLine> lines;

    // Distinct location sequences (rows in `locations`, leaf first): sequence i is
    // stackLocations[stackOffsets[i] .. stackOffsets[i+1]); sampleStacks[s] is sample s's.
    std::span<const uint32_t> stack(uint32_t i) const
    {
        return std::span<const uint32_t>(stackLocations).subspan(stackOffsets[i], stackOffsets[i + 1] - stackOffsets[i]);
    }
    size_t stackCount() const { return stackOffsets.size() - 1; }
    std::vector<uint32_t> stackOffsets {0};
    std::vector<uint32_t> stackLocations;
    std::vector<uint32_t> sampleStacks;
};

// Samples of a stack-sampled profile (pprof, folded stacks, goroutine dumps), stored by column.
// Sample i has stack sampleStacks[i], values sampleValues[i*sampleTypes.size() + t] and labels
// labels[labelOffsets[i] .. labelOffsets[i+1]).
// The error for a sample type whose values cannot all be summed (Profile::valueSumProblem).
std::string valueSumMessage(const ValueType& type);

struct Profile
{
    std::vector<ValueType> sampleTypes;
    size_t defaultSampleType = 0;
    ValueType periodType;
    int64_t period = 0;
    int64_t durationNs = 0;
    int64_t timeNanos = 0;
    std::vector<std::string> comments;
    std::vector<Mapping> mappings;

    std::vector<StackId> sampleStacks;
    std::vector<int64_t> sampleValues;
    std::vector<uint32_t> labelOffsets {0};
    std::vector<SampleLabel> labels;
    // Present for pprof profiles.
    std::optional<PprofDetail> pprof;

    size_t sampleCount() const { return sampleStacks.size(); }
    int64_t value(size_t sample, size_t type) const { return sampleValues[sample * sampleTypes.size() + type]; }
    std::span<const SampleLabel> sampleLabels(size_t sample) const
    {
        return std::span<const SampleLabel>(labels).subspan(labelOffsets[sample],
                                                            labelOffsets[sample + 1] - labelOffsets[sample]);
    }
    // Finds a sample type by name ("alloc_space") or by index ("2"); -1 if neither matches.
    int findSampleType(const std::string& nameOrIndex) const;
    // Why the values of some sample type cannot all be summed in an int64 (their magnitudes add up
    // past INT64_MAX), or nothing. Decoders refuse such a profile, so that every total, flame node
    // and top-table row (each a sum of some of those values) fits.
    std::optional<std::string> valueSumProblem() const;
};

} // namespace gs
