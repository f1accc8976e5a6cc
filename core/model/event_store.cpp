// SPDX-License-Identifier: MIT
#include "core/model/event_store.h"

namespace gs {

const char* formatName(Format f)
{
    switch (f) {
    case Format::Pprof:
        return "pprof";
    case Format::GoTrace:
        return "go-trace";
    case Format::GoroutineDump:
        return "goroutine-dump";
    case Format::Folded:
        return "folded";
    case Format::Unknown:
        break;
    }
    return "unknown";
}

} // namespace gs
