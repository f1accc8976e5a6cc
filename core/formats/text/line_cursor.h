// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

namespace gs::text {

// Walks text line by line without copying: each line is a view into the input, without its
// '\n' and a trailing '\r'. The text parsers all read through this, so a line is found with one
// memchr and nothing is allocated per line.
class LineCursor
{
public:
    explicit LineCursor(std::span<const uint8_t> bytes)
        : m_begin(reinterpret_cast<const char*>(bytes.data()))
        , m_pos(m_begin)
        , m_end(m_begin + bytes.size())
    {
    }

    // The next line, or false at the end of the input.
    bool next(std::string_view& line)
    {
        if (m_pos >= m_end)
            return false;
        m_lineStart = m_pos;
        const char* nl = static_cast<const char*>(std::memchr(m_pos, '\n', size_t(m_end - m_pos)));
        const char* stop = nl ? nl : m_end;
        m_pos = nl ? nl + 1 : m_end;
        if (stop > m_lineStart && stop[-1] == '\r')
            --stop;
        line = std::string_view(m_lineStart, size_t(stop - m_lineStart));
        return true;
    }

    // Byte offset of the line last returned by next().
    uint64_t lineOffset() const { return uint64_t(m_lineStart - m_begin); }
    // Byte offset where the next line starts.
    uint64_t position() const { return uint64_t(m_pos - m_begin); }
    uint64_t size() const { return uint64_t(m_end - m_begin); }
    // Moves to a byte offset, which must be the start of a line.
    void seek(uint64_t offset) { m_pos = m_begin + offset; }

private:
    const char* m_begin;
    const char* m_pos;
    const char* m_end;
    const char* m_lineStart = nullptr;
};

// Small helpers over string_view shared by the text parsers.
inline bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

inline bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && std::memcmp(s.data() + s.size() - suffix.size(), suffix.data(), suffix.size()) == 0;
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Parses a run of decimal digits at the start of `s` and drops them from `s`. False when `s` does
// not start with a digit or the number does not fit in 63 bits.
bool takeUnsigned(std::string_view& s, uint64_t& value);

// Parses hex digits (without "0x") at the start of `s` and drops them.
bool takeHex(std::string_view& s, uint64_t& value);

// Drops leading spaces and tabs.
std::string_view trimLeft(std::string_view s);
std::string_view trim(std::string_view s);

// Whether the bytes look like text: no NUL and few other control bytes in `head`.
bool looksLikeText(std::string_view head);

} // namespace gs::text
