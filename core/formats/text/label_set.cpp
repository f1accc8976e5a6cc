// SPDX-License-Identifier: MIT
#include "core/formats/text/label_set.h"

#include "core/formats/text/line_cursor.h"

#include <string>

namespace gs::text {

namespace {

// Writes a code point of a \u or \U escape as UTF-8.
void appendUtf8(std::string& out, uint32_t c)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | c >> 6));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | c >> 12));
        out.push_back(char(0x80 | (c >> 6 & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | c >> 18));
        out.push_back(char(0x80 | (c >> 12 & 0x3F)));
        out.push_back(char(0x80 | (c >> 6 & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

// Reads the `digits` hex digits of a \x, \u or \U escape that starts at s[at]; false when they
// are not all there.
bool takeEscapeHex(std::string_view s, size_t at, size_t digits, uint32_t& value)
{
    std::string_view hex = s.substr(at, digits);
    uint64_t v = 0;
    if (hex.size() != digits || !takeHex(hex, v) || !hex.empty() || v > 0x10FFFF)
        return false;
    value = uint32_t(v);
    return true;
}

// Reads one Go-quoted string at the start of `s` into `out`, dropping it from `s`. Undoes the
// escapes of strconv.Quote and of the runtime's printquoted (\" \\ \n \t \r \xNN \uNNNN
// \UNNNNNNNN): \xNN is a byte (the runtime writes invalid UTF-8 so), \u and \U a code point,
// written back as UTF-8 so that a label filter matches the program's text.
bool takeQuoted(std::string_view& s, std::string& out)
{
    if (s.empty() || s[0] != '"')
        return false;
    out.clear();
    for (size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            s.remove_prefix(i + 1);
            return true;
        }
        if (c != '\\' || i + 1 >= s.size()) {
            out.push_back(c);
            continue;
        }
        const char e = s[++i];
        const size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
        uint32_t code = 0;
        if (digits != 0 && takeEscapeHex(s, i + 1, digits, code)) {
            if (e == 'x')
                out.push_back(char(code));
            else
                appendUtf8(out, code);
            i += digits;
            continue;
        }
        switch (e) {
        case 'n':
            out.push_back('\n');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case '"':
        case '\\':
            out.push_back(e);
            break;
        default:
            out.push_back('\\');
            out.push_back(e);
        }
    }
    return false;
}

// The characters Go 1.27's tracebacks print without quotes (runtime.tracebackStringNeedsQuoting).
bool isBareChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '/' || c == '_';
}

// Reads a key or value: quoted, or else the (possibly empty) run of bare characters.
bool takeString(std::string_view& s, std::string& out)
{
    if (!s.empty() && s[0] == '"')
        return takeQuoted(s, out);
    size_t n = 0;
    while (n < s.size() && isBareChar(s[n]))
        ++n;
    out.assign(s.substr(0, n));
    s.remove_prefix(n);
    return true;
}

} // namespace

bool parseLabelSet(std::string_view text, const std::function<void(std::string_view, std::string_view)>& onLabel)
{
    text = trim(text);
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        return false;
    text = trim(text.substr(1, text.size() - 2));
    std::string key, value;
    while (!text.empty()) {
        if (!takeString(text, key))
            return false;
        text = trimLeft(text);
        if (text.empty() || text[0] != ':')
            return false;
        text = trimLeft(text.substr(1));
        if (!takeString(text, value))
            return false;
        onLabel(key, value);
        text = trimLeft(text);
        if (text.empty())
            break;
        if (text[0] != ',')
            return false;
        text = trimLeft(text.substr(1));
    }
    return true;
}

} // namespace gs::text
