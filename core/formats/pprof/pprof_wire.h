// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/byte_reader.h"

#include <cstdint>
#include <span>
#include <string>

namespace gs::pprof {

// Protobuf wire types. Groups (3, 4) are never written by pprof producers and are rejected.
enum class WireType : uint8_t
{
    Varint = 0,
    Fixed64 = 1,
    Bytes = 2,
    Fixed32 = 5,
};

// One field of a protobuf message as it sits on the wire. `offset` is the absolute offset of the
// tag, which is what errors about the field report.
struct WireField
{
    uint32_t number = 0;
    WireType type = WireType::Varint;
    uint64_t varint = 0;               // Varint, Fixed64 and Fixed32 payloads
    std::span<const uint8_t> bytes;    // Bytes payload
    uint64_t offset = 0;               // of the tag
    uint64_t payloadOffset = 0;        // of the first payload byte after the length (Bytes only)
};

// Reads the next field of a message; false at the end. Throws DecodeError (with the tag's offset)
// for a bad tag, field number 0, a group or unknown wire type, or a length running past the end.
bool nextField(ByteReader& reader, WireField& field);

// The messages of profile.proto, for schema checks.
enum class MessageKind
{
    Profile,
    ValueType,
    Sample,
    Label,
    Mapping,
    Location,
    Line,
    Function,
};

const char* messageName(MessageKind kind);

// Name of a known field ("location_id"), or "" for a field number the schema does not know.
const char* fieldName(MessageKind kind, uint32_t number);

// Checks one field of a `kind` message: a known field must have its wire type (repeated integers
// may be packed; a packed payload must be whole varints). Throws DecodeError at the field's tag.
// Nested messages are not entered.
void checkField(MessageKind kind, const WireField& field);

// Checks a message and every nested message against pprof's schema: well-formed tags and
// lengths, the wire type each known field must have (repeated integers packed or not), packed
// payloads made of whole varints. Throws DecodeError naming the first malformed field and its
// absolute offset; returns normally for a well-formed message. Unknown field numbers are allowed.
void validateMessage(std::span<const uint8_t> bytes, uint64_t baseOffset, MessageKind kind);

} // namespace gs::pprof
