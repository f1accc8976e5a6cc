// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace gs {

// Bounds-checked cursor over a byte buffer that knows its absolute offset, so every error it
// raises names the byte where reading went wrong. All reads throw DecodeError past the end.
class ByteReader
{
public:
    explicit ByteReader(std::span<const uint8_t> bytes, uint64_t baseOffset = 0)
        : m_bytes(bytes)
        , m_base(baseOffset)
    {
    }

    size_t remaining() const { return m_bytes.size() - m_pos; }
    bool atEnd() const { return m_pos == m_bytes.size(); }
    // Absolute offset of the next byte to be read.
    uint64_t offset() const { return m_base + m_pos; }
    size_t position() const { return m_pos; }

    uint8_t readByte()
    {
        if (m_pos >= m_bytes.size())
            failAtEnd(offset(), "unexpected end of data");
        return m_bytes[m_pos++];
    }

    uint8_t peekByte() const
    {
        if (m_pos >= m_bytes.size())
            failAtEnd(offset(), "unexpected end of data");
        return m_bytes[m_pos];
    }

    // Unsigned LEB128 ("uvarint"). Accepts padded (non-minimal) encodings, as the Go runtime
    // writes them; rejects encodings longer than 10 bytes or overflowing 64 bits.
    uint64_t readUvarint()
    {
        const uint64_t start = offset();
        uint64_t value = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (m_pos >= m_bytes.size())
                failAtEnd(start, "truncated varint");
            const uint8_t b = m_bytes[m_pos++];
            if (shift == 63 && b > 1)
                throw DecodeError(start, "varint overflows 64 bits");
            value |= uint64_t(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
                return value;
        }
        throw DecodeError(start, "varint longer than 10 bytes");
    }

    std::span<const uint8_t> readBytes(uint64_t n)
    {
        if (n > remaining())
            failAtEnd(offset(), "length " + std::to_string(n) + " runs past the end of the data ("
                 + std::to_string(remaining()) + " bytes left)");
        auto out = m_bytes.subspan(m_pos, size_t(n));
        m_pos += size_t(n);
        return out;
    }

    std::string_view readString(uint64_t n)
    {
        auto b = readBytes(n);
        return {reinterpret_cast<const char*>(b.data()), b.size()};
    }

    void skip(uint64_t n) { readBytes(n); }

    [[noreturn]] void fail(const std::string& message) const { throw DecodeError(offset(), message); }
    // The data ran out before what was being read from `from` did.
    [[noreturn]] void failAtEnd(uint64_t from, const std::string& message) const
    {
        throw DecodeError(from, message, m_base + m_bytes.size());
    }

private:
    std::span<const uint8_t> m_bytes;
    uint64_t m_base;
    size_t m_pos = 0;
};

} // namespace gs
