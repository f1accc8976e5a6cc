// SPDX-License-Identifier: MIT
#include "core/formats/pprof/pprof_decoder.h"

namespace gs {

Result<std::shared_ptr<EventStore>> decodePprof(std::span<const uint8_t>, LoadContext&)
{
    return Error {"pprof decoding is not implemented yet", std::nullopt};
}

} // namespace gs
