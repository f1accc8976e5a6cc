// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/batch.h"

#include "core/formats/gotrace/wire_spec.h"

#include <string>

namespace gs::gotrace {

Batch readBatch(ByteReader& in)
{
    Batch b;
    b.offset = in.offset();
    const uint8_t lead = in.readByte();
    if (lead == EvEndOfGeneration) {
        b.type = Batch::Type::EndOfGeneration;
        return b;
    }
    if (lead != EvEventBatch && lead != EvExperimentalBatch)
        throw DecodeError(b.offset, "expected a batch, got event type " + std::to_string(lead));
    if (lead == EvExperimentalBatch) {
        b.type = Batch::Type::Experimental;
        b.experiment = in.readByte();
    }
    b.gen = in.readUvarint();
    b.m = int64_t(in.readUvarint());
    b.time = in.readUvarint();
    const uint64_t sizeOffset = in.offset();
    const uint64_t size = in.readUvarint();
    if (size > kMaxBatchSize)
        throw DecodeError(sizeOffset, "invalid batch size " + std::to_string(size) + ", maximum is "
                                          + std::to_string(kMaxBatchSize));
    if (size > in.remaining())
        in.failAtEnd(in.offset(), "batch truncated: wanted " + std::to_string(size) + " bytes, only "
                                      + std::to_string(in.remaining()) + " left");
    b.payloadOffset = in.offset();
    b.payload = in.readBytes(size);
    return b;
}

} // namespace gs::gotrace
