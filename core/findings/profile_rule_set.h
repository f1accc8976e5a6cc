// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/findings.h"

#include <vector>

// The profile rules findProfileProblems runs, one file each (profile_<rule>.cpp). Each looks at
// the profiles it applies to and appends what it found to `out`.
namespace gs::findings {

// CPU in the allocator and the GC, by the functions that allocate; in a heap profile, the
// allocation sites holding most of the allocated and in-use bytes.
void findAllocationPressure(const FindingInput& in, std::vector<Finding>& out);
// Mutex and block profiles: the locks goroutines waited for, with the functions that took them.
void findProfileLockContention(const FindingInput& in, std::vector<Finding>& out);
// CPU under reflection and encoding packages, by the function that calls into them.
void findReflectionSerialisation(const FindingInput& in, std::vector<Finding>& out);
// CPU inside system calls, by the function that makes them.
void findSyscalls(const FindingInput& in, std::vector<Finding>& out);
// With a base profile: the functions whose share grew most.
void findDiffGrowth(const FindingInput& in, std::vector<Finding>& out);

} // namespace gs::findings
