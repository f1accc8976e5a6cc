// SPDX-License-Identifier: MIT
#include "core/model/goroutine_dump.h"

#include "core/base/memory_bytes.h"

namespace gs {

int64_t GoroutineDumpData::goroutineCount() const
{
    if (kind == Kind::Traceback)
        return int64_t(goroutines.size());
    int64_t n = 0;
    for (const CountRecord& r : records)
        n += r.count;
    return n;
}

const DumpGoroutine* GoroutineDumpData::crashedGoroutine() const
{
    const bool crash = headline.starts_with("panic: ") || headline.starts_with("fatal error: ");
    return crash && kind == Kind::Traceback && !goroutines.empty() ? &goroutines.front() : nullptr;
}

size_t GoroutineDumpData::memoryBytes() const
{
    return vectorBytes(goroutines) + vectorBytes(records) + vectorBytes(frameDetails) + argsText.capacity() +
           vectorBytes(labels) + vectorBytes(extraFields) + headline.capacity() + profileName.capacity();
}

} // namespace gs
