// SPDX-License-Identifier: MIT
#include "app/cli/json_writer.h"

#include "core/base/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace gs::cli {

JsonWriter::JsonWriter(std::ostream& out, int indent)
    : m_out(out)
    , m_indent(indent)
{
}

void JsonWriter::writeString(std::ostream& out, std::string_view s)
{
    out << '"';
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        switch (c) {
        case '"':
            out << "\\\"";
            ++i;
            continue;
        case '\\':
            out << "\\\\";
            ++i;
            continue;
        case '\n':
            out << "\\n";
            ++i;
            continue;
        case '\r':
            out << "\\r";
            ++i;
            continue;
        case '\t':
            out << "\\t";
            ++i;
            continue;
        case '\b':
            out << "\\b";
            ++i;
            continue;
        case '\f':
            out << "\\f";
            ++i;
            continue;
        default:
            break;
        }
        if (uint8_t(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(uint8_t(c)));
            out << buf;
            ++i;
            continue;
        }
        const size_t n = utf8SequenceLength(s, i);
        if (n == 0) {
            out << kReplacementCharacter;
            ++i;
            continue;
        }
        out.write(s.data() + i, std::streamsize(n));
        i += n;
    }
    out << '"';
}

void JsonWriter::newline()
{
    if (m_indent <= 0)
        return;
    m_out << '\n';
    for (size_t i = 0; i < m_hasElements.size() * size_t(m_indent); ++i)
        m_out << ' ';
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasElements.empty())
        return;
    if (m_hasElements.back())
        m_out << ',';
    m_hasElements.back() = true;
    newline();
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_out << '{';
    m_hasElements.push_back(false);
}

void JsonWriter::endObject()
{
    const bool had = m_hasElements.back();
    m_hasElements.pop_back();
    if (had)
        newline();
    m_out << '}';
    if (m_hasElements.empty())
        m_out << '\n';
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_out << '[';
    m_hasElements.push_back(false);
}

void JsonWriter::endArray()
{
    const bool had = m_hasElements.back();
    m_hasElements.pop_back();
    if (had)
        newline();
    m_out << ']';
    if (m_hasElements.empty())
        m_out << '\n';
}

void JsonWriter::key(std::string_view name)
{
    beforeValue();
    writeString(m_out, name);
    m_out << (m_indent > 0 ? ": " : ":");
    m_afterKey = true;
}

void JsonWriter::value(std::string_view s)
{
    beforeValue();
    writeString(m_out, s);
}

void JsonWriter::value(int64_t v)
{
    beforeValue();
    m_out << v;
}

void JsonWriter::value(uint64_t v)
{
    beforeValue();
    m_out << v;
}

void JsonWriter::value(double v)
{
    beforeValue();
    // JSON has no NaN or infinity.
    if (!std::isfinite(v)) {
        m_out << "null";
        return;
    }
    // Shortest text that reads back as the same double: 12.5, not 12.500000000000002.
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    m_out.write(buf, ec == std::errc() ? end - buf : 0);
}

void JsonWriter::value(bool v)
{
    beforeValue();
    m_out << (v ? "true" : "false");
}

void JsonWriter::null()
{
    beforeValue();
    m_out << "null";
}

} // namespace gs::cli
