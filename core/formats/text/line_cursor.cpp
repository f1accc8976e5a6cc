// SPDX-License-Identifier: MIT
#include "core/formats/text/line_cursor.h"

namespace gs::text {

bool takeUnsigned(std::string_view& s, uint64_t& value)
{
    size_t i = 0;
    uint64_t v = 0;
    while (i < s.size() && isDigit(s[i])) {
        if (v > (uint64_t(INT64_MAX) - 9) / 10)
            return false;
        v = v * 10 + uint64_t(s[i] - '0');
        ++i;
    }
    if (i == 0)
        return false;
    value = v;
    s.remove_prefix(i);
    return true;
}

bool takeHex(std::string_view& s, uint64_t& value)
{
    size_t i = 0;
    uint64_t v = 0;
    for (; i < s.size() && i < 16; ++i) {
        const char c = s[i];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            break;
        v = v << 4 | uint64_t(d);
    }
    if (i == 0)
        return false;
    value = v;
    s.remove_prefix(i);
    return true;
}

std::string_view trimLeft(std::string_view s)
{
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return s.substr(i);
}

std::string_view trim(std::string_view s)
{
    s = trimLeft(s);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

bool looksLikeText(std::string_view head)
{
    size_t control = 0;
    for (char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            return false;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
            ++control;
    }
    // A stray escape sequence or two (colour codes in a log) is still text.
    return control * 100 <= head.size();
}

} // namespace gs::text
