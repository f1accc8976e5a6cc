// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

namespace gs::cli {

// A small streaming JSON writer: it tracks nesting and commas so commands only say what to write.
// Strings are escaped per RFC 8259; bytes that are not valid UTF-8 become U+FFFD, so the output is
// always valid JSON whatever a profile's strings contain.
//
//   JsonWriter j(out);
//   j.beginObject(); j.key("format"); j.value("pprof"); j.endObject();
class JsonWriter
{
public:
    // `indent` > 0 pretty-prints with that many spaces per level.
    explicit JsonWriter(std::ostream& out, int indent = 2);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);
    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(int64_t v);
    void value(uint64_t v);
    void value(int v) { value(int64_t(v)); }
    void value(double v);
    void value(bool v);
    void null();

    // `"name": value`, the common case of key() then value().
    template<typename T>
    void field(std::string_view name, const T& v)
    {
        key(name);
        value(v);
    }
    // `"name": [values...]`.
    template<typename Range>
    void arrayField(std::string_view name, const Range& values)
    {
        key(name);
        beginArray();
        for (const auto& v : values)
            value(v);
        endArray();
    }

    // Writes `s` as a quoted, escaped JSON string.
    static void writeString(std::ostream& out, std::string_view s);

private:
    void beforeValue();
    void newline();

    std::ostream& m_out;
    int m_indent;
    // One entry per open container: whether it has had an element yet.
    std::vector<bool> m_hasElements;
    bool m_afterKey = false;
};

} // namespace gs::cli
