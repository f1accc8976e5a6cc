// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <cstdint>
#include <string>

namespace gs::gotrace {

// How far the reading of a trace got before an error stopped it.
struct TraceDamage
{
    Error error;              // what stopped the reader, with its byte offset
    bool endsEarly = false;   // the file ends inside a batch or generation (TraceReader::endsEarly)
    uint64_t fileSize = 0;    // bytes of the (decompressed) trace
    uint64_t keptBytes = 0;   // up to the end of the last complete generation
    uint64_t generations = 0; // complete generations delivered
    uint64_t events = 0;      // events delivered
    int64_t spanNs = 0;       // from the first event delivered to the last
};

// The error of a trace with nothing to show: a cut says so in plain words (Error::summary) before
// the decoder's detail, since "batch truncated" alone does not tell a person the capture was
// cut short. A damaged trace's error is the decoder's.
Error unreadableTraceError(const TraceDamage& damage);

// The warning of a trace whose first complete generations are kept: cut short or damaged, what
// was kept and what was lost, then the decoder's detail. One line.
std::string keptPartWarning(const TraceDamage& damage);

} // namespace gs::gotrace
