// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gs::test {

// Writes protobuf wire format by hand, so tests can build valid and deliberately broken pprof
// messages byte by byte and know the offset of every field.
class ProtoBuilder
{
public:
    ProtoBuilder& varint(uint32_t field, uint64_t value)
    {
        tag(field, 0);
        raw(value);
        return *this;
    }
    ProtoBuilder& bytes(uint32_t field, std::string_view payload)
    {
        tag(field, 2);
        raw(payload.size());
        m_bytes.insert(m_bytes.end(), payload.begin(), payload.end());
        return *this;
    }
    ProtoBuilder& message(uint32_t field, const ProtoBuilder& nested)
    {
        tag(field, 2);
        raw(nested.m_bytes.size());
        m_bytes.insert(m_bytes.end(), nested.m_bytes.begin(), nested.m_bytes.end());
        return *this;
    }
    ProtoBuilder& packed(uint32_t field, const std::vector<uint64_t>& values)
    {
        ProtoBuilder payload;
        for (uint64_t v : values)
            payload.raw(v);
        tag(field, 2);
        raw(payload.m_bytes.size());
        m_bytes.insert(m_bytes.end(), payload.m_bytes.begin(), payload.m_bytes.end());
        return *this;
    }
    // A tag with any wire type, for malformed input.
    ProtoBuilder& tag(uint32_t field, uint32_t wireType)
    {
        raw((uint64_t(field) << 3) | wireType);
        return *this;
    }
    // A bare varint.
    ProtoBuilder& raw(uint64_t v)
    {
        do {
            uint8_t b = v & 0x7f;
            v >>= 7;
            if (v)
                b |= 0x80;
            m_bytes.push_back(b);
        } while (v);
        return *this;
    }
    ProtoBuilder& byte(uint8_t b)
    {
        m_bytes.push_back(b);
        return *this;
    }

    size_t size() const { return m_bytes.size(); }
    const std::vector<uint8_t>& data() const { return m_bytes; }

private:
    std::vector<uint8_t> m_bytes;
};

} // namespace gs::test
