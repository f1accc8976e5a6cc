// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/findings.h"

#include <vector>

// The rule sets findFindings runs, one per kind of capture. Each appends what its rules found to
// `out`, unranked; each rule lives in a file of its own, named after it.
namespace gs::findings {

// Goroutine dumps (tracebacks and debug=1 count profiles), with an earlier dump as the base.
void findDumpProblems(const FindingInput& in, std::vector<Finding>& out);
// Execution traces.
void findTraceProblems(const FindingInput& in, std::vector<Finding>& out);
// pprof profiles and other stack-sampled inputs, with a base profile for a diff.
void findProfileProblems(const FindingInput& in, std::vector<Finding>& out);

} // namespace gs::findings
