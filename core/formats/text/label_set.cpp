// SPDX-License-Identifier: MIT
#include "core/formats/text/label_set.h"

#include "core/formats/text/line_cursor.h"

#include <string>

namespace gs::text {

namespace {

// Reads one Go-quoted string at the start of `s` into `out`, dropping it from `s`. Handles the
// escapes strconv.Quote writes for printable text (\" \\ \n \t \r \xNN); \u escapes are kept
// as written, since labels are shown, not compared with the program's bytes.
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
        case 'x': {
            std::string_view hex = s.substr(i + 1, 2);
            uint64_t v = 0;
            if (hex.size() == 2 && takeHex(hex, v) && hex.empty()) {
                out.push_back(char(v));
                i += 2;
            } else {
                out.push_back('x');
            }
            break;
        }
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

} // namespace

bool parseLabelSet(std::string_view text, const std::function<void(std::string_view, std::string_view)>& onLabel)
{
    text = trim(text);
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        return false;
    text = trim(text.substr(1, text.size() - 2));
    std::string key, value;
    while (!text.empty()) {
        if (!takeQuoted(text, key))
            return false;
        text = trimLeft(text);
        if (text.empty() || text[0] != ':')
            return false;
        text = trimLeft(text.substr(1));
        if (!takeQuoted(text, value))
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
