// SPDX-License-Identifier: MIT
#include "core/load/sniff.h"

#include "core/base/byte_reader.h"
#include "core/formats/pprof/pprof_wire.h"
#include "core/load/sniff_text.h"

#include <cstring>

namespace gs {

namespace {

// A pprof Profile is a protobuf message, so it starts with the tag of a Profile field (1..15) with
// that field's wire type. Go writes time_nanos (field 9, a varint) first; other writers start with
// sample_type. Text formats fail within the first two tags ("heap profile:" reads as field 13, a
// varint, then a 64-bit field 12). A length-delimited field ends the check without reading its
// payload, so a truncated profile still reaches the decoder, which reports where it breaks.
bool looksLikePprof(std::span<const uint8_t> bytes)
{
    try {
        ByteReader reader(bytes);
        pprof::WireField field;
        for (int i = 0; i < 2 && !reader.atEnd(); ++i) {
            const uint64_t tag = reader.readUvarint();
            if ((tag >> 3) < 1 || (tag >> 3) > 15)
                return false;
            field.number = uint32_t(tag >> 3);
            field.type = pprof::WireType(tag & 7);
            if (field.type != pprof::WireType::Varint && field.type != pprof::WireType::Bytes)
                return false;
            pprof::checkField(pprof::MessageKind::Profile, field);
            if (field.type == pprof::WireType::Bytes)
                return true;
            reader.readUvarint();
        }
        return true;
    } catch (const DecodeError&) {
        return false;
    }
}

} // namespace

Format sniffFormat(std::span<const uint8_t> bytes)
{
    constexpr const char kTraceMagic[] = "go 1.";
    if (bytes.size() >= 16 && std::memcmp(bytes.data(), kTraceMagic, 5) == 0)
        return Format::GoTrace;
    if (bytes.empty())
        return Format::Unknown;
    // Text first: a text capture can pass the two-tag protobuf check, binary pprof never reads
    // as one of the text formats.
    if (const Format text = sniffTextFormat(bytes); text != Format::Unknown)
        return text;
    if (looksLikePprof(bytes))
        return Format::Pprof;
    return Format::Unknown;
}

} // namespace gs
