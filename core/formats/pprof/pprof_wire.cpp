// SPDX-License-Identifier: MIT
#include "core/formats/pprof/pprof_wire.h"

#include <optional>

namespace gs::pprof {

bool nextField(ByteReader& reader, WireField& field)
{
    if (reader.atEnd())
        return false;
    field.offset = reader.offset();
    const uint64_t tag = reader.readUvarint();
    const uint64_t number = tag >> 3;
    const auto type = uint8_t(tag & 7);
    if (number == 0 || number > 0x1fffffff)
        throw DecodeError(field.offset, "invalid protobuf field number " + std::to_string(number));
    field.number = uint32_t(number);
    switch (type) {
    case 0:
        field.type = WireType::Varint;
        field.varint = reader.readUvarint();
        return true;
    case 1: {
        field.type = WireType::Fixed64;
        auto b = reader.readBytes(8);
        field.varint = 0;
        for (int i = 7; i >= 0; --i)
            field.varint = (field.varint << 8) | b[size_t(i)];
        return true;
    }
    case 2: {
        field.type = WireType::Bytes;
        const uint64_t lengthOffset = reader.offset();
        const uint64_t length = reader.readUvarint();
        if (length > reader.remaining())
            throw DecodeError(lengthOffset, "field " + std::to_string(number) + ": length " + std::to_string(length)
                                                + " runs past the end of its message ("
                                                + std::to_string(reader.remaining()) + " bytes left)");
        field.payloadOffset = reader.offset();
        field.bytes = reader.readBytes(length);
        return true;
    }
    case 5: {
        field.type = WireType::Fixed32;
        auto b = reader.readBytes(4);
        field.varint = uint64_t(b[0]) | uint64_t(b[1]) << 8 | uint64_t(b[2]) << 16 | uint64_t(b[3]) << 24;
        return true;
    }
    default:
        throw DecodeError(field.offset, "field " + std::to_string(number) + " has wire type " + std::to_string(type)
                                            + ", which is not valid protobuf here (not a pprof profile?)");
    }
}

namespace {

// What a known field must look like on the wire.
enum class Shape
{
    Scalar,   // singular integer or bool: varint only
    Repeated, // repeated integer: varint, or packed varints in a length-delimited field
    String,   // length-delimited bytes
    Message,  // length-delimited nested message
};

struct FieldSpec
{
    const char* name = "";
    Shape shape = Shape::Scalar;
    std::optional<MessageKind> nested;
};

std::optional<FieldSpec> spec(MessageKind kind, uint32_t n)
{
    using K = MessageKind;
    switch (kind) {
    case K::Profile:
        switch (n) {
        case 1: return FieldSpec {"sample_type", Shape::Message, K::ValueType};
        case 2: return FieldSpec {"sample", Shape::Message, K::Sample};
        case 3: return FieldSpec {"mapping", Shape::Message, K::Mapping};
        case 4: return FieldSpec {"location", Shape::Message, K::Location};
        case 5: return FieldSpec {"function", Shape::Message, K::Function};
        case 6: return FieldSpec {"string_table", Shape::String, {}};
        case 7: return FieldSpec {"drop_frames", Shape::Scalar, {}};
        case 8: return FieldSpec {"keep_frames", Shape::Scalar, {}};
        case 9: return FieldSpec {"time_nanos", Shape::Scalar, {}};
        case 10: return FieldSpec {"duration_nanos", Shape::Scalar, {}};
        case 11: return FieldSpec {"period_type", Shape::Message, K::ValueType};
        case 12: return FieldSpec {"period", Shape::Scalar, {}};
        case 13: return FieldSpec {"comment", Shape::Repeated, {}};
        case 14: return FieldSpec {"default_sample_type", Shape::Scalar, {}};
        case 15: return FieldSpec {"doc_url", Shape::Scalar, {}};
        }
        break;
    case K::ValueType:
        switch (n) {
        case 1: return FieldSpec {"type", Shape::Scalar, {}};
        case 2: return FieldSpec {"unit", Shape::Scalar, {}};
        }
        break;
    case K::Sample:
        switch (n) {
        case 1: return FieldSpec {"location_id", Shape::Repeated, {}};
        case 2: return FieldSpec {"value", Shape::Repeated, {}};
        case 3: return FieldSpec {"label", Shape::Message, K::Label};
        }
        break;
    case K::Label:
        switch (n) {
        case 1: return FieldSpec {"key", Shape::Scalar, {}};
        case 2: return FieldSpec {"str", Shape::Scalar, {}};
        case 3: return FieldSpec {"num", Shape::Scalar, {}};
        case 4: return FieldSpec {"num_unit", Shape::Scalar, {}};
        }
        break;
    case K::Mapping:
        switch (n) {
        case 1: return FieldSpec {"id", Shape::Scalar, {}};
        case 2: return FieldSpec {"memory_start", Shape::Scalar, {}};
        case 3: return FieldSpec {"memory_limit", Shape::Scalar, {}};
        case 4: return FieldSpec {"file_offset", Shape::Scalar, {}};
        case 5: return FieldSpec {"filename", Shape::Scalar, {}};
        case 6: return FieldSpec {"build_id", Shape::Scalar, {}};
        case 7: return FieldSpec {"has_functions", Shape::Scalar, {}};
        case 8: return FieldSpec {"has_filenames", Shape::Scalar, {}};
        case 9: return FieldSpec {"has_line_numbers", Shape::Scalar, {}};
        case 10: return FieldSpec {"has_inline_frames", Shape::Scalar, {}};
        }
        break;
    case K::Location:
        switch (n) {
        case 1: return FieldSpec {"id", Shape::Scalar, {}};
        case 2: return FieldSpec {"mapping_id", Shape::Scalar, {}};
        case 3: return FieldSpec {"address", Shape::Scalar, {}};
        case 4: return FieldSpec {"line", Shape::Message, K::Line};
        case 5: return FieldSpec {"is_folded", Shape::Scalar, {}};
        }
        break;
    case K::Line:
        switch (n) {
        case 1: return FieldSpec {"function_id", Shape::Scalar, {}};
        case 2: return FieldSpec {"line", Shape::Scalar, {}};
        case 3: return FieldSpec {"column", Shape::Scalar, {}};
        }
        break;
    case K::Function:
        switch (n) {
        case 1: return FieldSpec {"id", Shape::Scalar, {}};
        case 2: return FieldSpec {"name", Shape::Scalar, {}};
        case 3: return FieldSpec {"system_name", Shape::Scalar, {}};
        case 4: return FieldSpec {"filename", Shape::Scalar, {}};
        case 5: return FieldSpec {"start_line", Shape::Scalar, {}};
        }
        break;
    }
    return std::nullopt;
}

const char* wireTypeName(WireType t)
{
    switch (t) {
    case WireType::Varint:
        return "0 (varint)";
    case WireType::Fixed64:
        return "1 (64-bit)";
    case WireType::Bytes:
        return "2 (length-delimited)";
    case WireType::Fixed32:
        return "5 (32-bit)";
    }
    return "?";
}

[[noreturn]] void wrongType(MessageKind kind, const FieldSpec& s, const WireField& f, const char* expected)
{
    throw DecodeError(f.offset, std::string(messageName(kind)) + "." + s.name + " (field " + std::to_string(f.number)
                                    + ") has wire type " + wireTypeName(f.type) + ", expected " + expected);
}

std::optional<FieldSpec> checkedSpec(MessageKind kind, const WireField& f)
{
    const auto s = spec(kind, f.number);
    if (!s)
        return s;
    switch (s->shape) {
    case Shape::Scalar:
        if (f.type != WireType::Varint)
            wrongType(kind, *s, f, "0 (varint)");
        break;
    case Shape::Repeated:
        if (f.type == WireType::Bytes) {
            ByteReader packed(f.bytes, f.payloadOffset);
            while (!packed.atEnd())
                packed.readUvarint();
        } else if (f.type != WireType::Varint) {
            wrongType(kind, *s, f, "0 (varint) or 2 (packed varints)");
        }
        break;
    case Shape::String:
    case Shape::Message:
        if (f.type != WireType::Bytes)
            wrongType(kind, *s, f, "2 (length-delimited)");
        break;
    }
    return s;
}

void validateAt(std::span<const uint8_t> bytes, uint64_t baseOffset, MessageKind kind, int depth)
{
    ByteReader reader(bytes, baseOffset);
    WireField f;
    while (nextField(reader, f)) {
        const auto s = checkedSpec(kind, f);
        // pprof messages nest at most three deep; the bound only guards the recursion.
        if (s && s->shape == Shape::Message && depth < 8)
            validateAt(f.bytes, f.payloadOffset, *s->nested, depth + 1);
    }
}

} // namespace

const char* messageName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Profile:
        return "Profile";
    case MessageKind::ValueType:
        return "ValueType";
    case MessageKind::Sample:
        return "Sample";
    case MessageKind::Label:
        return "Label";
    case MessageKind::Mapping:
        return "Mapping";
    case MessageKind::Location:
        return "Location";
    case MessageKind::Line:
        return "Line";
    case MessageKind::Function:
        return "Function";
    }
    return "?";
}

const char* fieldName(MessageKind kind, uint32_t number)
{
    const auto s = spec(kind, number);
    return s ? s->name : "";
}

void checkField(MessageKind kind, const WireField& field)
{
    checkedSpec(kind, field);
}

void validateMessage(std::span<const uint8_t> bytes, uint64_t baseOffset, MessageKind kind)
{
    validateAt(bytes, baseOffset, kind, 0);
}

} // namespace gs::pprof
