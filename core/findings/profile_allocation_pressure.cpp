// SPDX-License-Identifier: MIT
// allocation-pressure: how much of the CPU the allocator and the garbage collector take, and which
// functions allocate; in heap profiles, which allocation sites account for the bytes.
#include "core/findings/profile_costs.h"
#include "core/findings/profile_rule_set.h"

namespace gs::findings {

namespace {

// runtime.mallocgc and its size-class variants allocate; the rest is the GC: its mark workers,
// mark assists charged to allocating goroutines, the phases' transitions, sweeping and returning
// memory to the OS.
constexpr const char* kAllocatorAndGc =
    R"(^runtime\.(mallocgc|gc[A-Z]|bgsweep|sweepone|\(\*sweepLocked\)|bgscavenge|\(\*scavengerState\)|markroot|scanobject))";

// One finding for the allocation sites of one sample type ("alloc_space", "inuse_space").
void heapSites(const FindingInput& in, const char* sampleType, const char* measured, std::vector<Finding>& out)
{
    const int type = in.store.profile->findSampleType(sampleType);
    if (type < 0)
        return;
    const FamilyCost sites = familyCost(in.store, size_t(type), nullptr);
    if (sites.total <= 0 || sites.callers.empty())
        return;
    const auto& [top, bytes] = sites.callers.front();
    const double share = double(bytes) / double(sites.total);
    Finding f;
    f.kind = "allocation-pressure";
    // A heap profile shows where memory goes, not what it costs: a dominant site is the lead.
    f.severity = share >= in.limits.heapSiteDominant ? Severity::Low : Severity::Info;
    f.weight = share;
    f.title = std::string(in.store.symbols.functionName(top)) + " " + measured + " " + shown(double(bytes), "bytes")
              + ", " + shown(share, "ratio") + " of the profile's " + sampleType;
    f.detail = std::string("Allocation sites by ") + sampleType
               + ", each the program's first own frame above the allocation.";
    f.functions = functionNames(in.store.symbols, sites.callers, kNamedFunctions);
    f.with("bytes", double(bytes), "bytes").with("share", share, "ratio");
    f.with("profile_bytes", double(sites.total), "bytes");
    out.push_back(std::move(f));
}

} // namespace

void findAllocationPressure(const FindingInput& in, std::vector<Finding>& out)
{
    switch (profileKind(*in.store.profile)) {
    case ProfileKind::Cpu: {
        const FindingThresholds& t = in.limits;
        findCpuFamily(in,
                      {"allocation-pressure", kAllocatorAndGc, "allocating memory and collecting garbage",
                       "Time in runtime.mallocgc and the GC (mark workers, assists, sweeping). The functions named "
                       "are the program's own frames above the allocator: allocating less there (reusing buffers, "
                       "sync.Pool, fewer pointers) cuts both costs.",
                       t.allocCpuHigh, t.allocCpuMedium, t.allocCpuLow},
                      out);
        break;
    }
    case ProfileKind::Memory:
        heapSites(in, "alloc_space", "allocated", out);
        heapSites(in, "inuse_space", "holds", out);
        break;
    case ProfileKind::Contention:
    case ProfileKind::Other:
        break;
    }
}

} // namespace gs::findings
