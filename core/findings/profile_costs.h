// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/finding.h"
#include "core/findings/findings.h"
#include "core/model/event_store.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// What the profile rules share: which kind of profile they read, and where a family of functions
// (the allocator, reflection, system calls) takes its weight from, in the program's own terms.
namespace gs::findings {

// What a pprof profile measures, told by its sample types as runtime/pprof writes them.
enum class ProfileKind
{
    Cpu,        // samples/count, cpu/nanoseconds
    Memory,     // heap and allocs: alloc_objects, alloc_space, inuse_objects, inuse_space
    Contention, // block and mutex: contentions/count, delay/nanoseconds
    Other,      // goroutine, threadcreate, folded stacks, ...
};
ProfileKind profileKind(const Profile& profile);

// The first frame at or above `from` (towards the root) that the program's own code runs in: not
// the runtime and not the standard library; failing that, the first that is not the runtime.
std::optional<size_t> userFrameFrom(const Symbols& symbols, std::span<const FrameId> frames, size_t from);

// How many functions a finding names at most.
inline constexpr size_t kNamedFunctions = 5;

// Weight per function, largest first.
using FunctionWeights = std::vector<std::pair<FunctionId, int64_t>>;
FunctionWeights largestFirst(const std::unordered_map<FunctionId, int64_t>& weights);

// The weight of the stacks that run a family of functions, and where it comes from.
struct FamilyCost
{
    int64_t value = 0; // weight of the stacks with a frame of the family
    int64_t total = 0; // the sample type's total over the whole profile
    // The family's outermost function in each stack (how the program enters it: json.Marshal).
    FunctionWeights entries;
    // The program's function that enters the family (userFrameFrom above the entry); stacks
    // without one (the GC's own goroutines) are in `value` only.
    FunctionWeights callers;

    double share() const { return total > 0 ? double(value) / double(total) : 0; }
};

// The cost of the functions `family` marks (per FunctionId), in one sample type; with no family,
// every stack counts and is attributed from its leaf (an allocation site in a heap profile).
FamilyCost familyCost(const EventStore& store, size_t sampleType, const std::vector<uint8_t>* family);

// The functions a Go regex matches, per FunctionId (an empty mask if the pattern were invalid).
std::vector<uint8_t> functionsMatching(const Symbols& symbols, const std::string& pattern);

// The severity a measured value earns against three thresholds, or none under the lowest.
template <typename T>
std::optional<Severity> severityFor(T value, T high, T medium, T low)
{
    if (value >= high)
        return Severity::High;
    if (value >= medium)
        return Severity::Medium;
    if (value >= low)
        return Severity::Low;
    return std::nullopt;
}

// A family of functions whose CPU time is a finding of its own when it grows large.
struct CpuFamily
{
    const char* kind;    // the rule's name
    const char* pattern; // Go regex of the family's functions
    const char* spent;   // what the time is spent on: "in system calls"
    const char* detail;  // what to do about it
    double high = 0, medium = 0, low = 0; // shares of the CPU profile
};

// In a CPU profile, the family's share of the CPU, entered where and from which of the program's
// functions; nothing for other profiles or a share under `low`.
void findCpuFamily(const FindingInput& in, const CpuFamily& family, std::vector<Finding>& out);

// The evidence unit of a sample type's values: "nanoseconds", "bytes" or "count".
std::string evidenceUnit(const ValueType& type);

// `value` as a person reads it in `unit` ("1.50s", "37%").
std::string shown(double value, const std::string& unit);

// The names of the first `limit` functions, largest first.
std::vector<std::string> functionNames(const Symbols& symbols, const FunctionWeights& weights, size_t limit);

// ", from main.a (40%), main.b (12%)": the callers with their share of `total`, or "".
std::string fromCallers(const Symbols& symbols, const FunctionWeights& callers, int64_t total, size_t limit);

} // namespace gs::findings
