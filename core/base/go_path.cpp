// SPDX-License-Identifier: MIT
#include "core/base/go_path.h"

namespace gs::gopath {

std::string clean(std::string_view path)
{
    if (path.empty())
        return ".";
    const bool rooted = path.front() == '/';
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos)
            end = path.size();
        const std::string_view part = path.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty() && parts.back() != "..")
                parts.pop_back();
            else if (!rooted)
                parts.push_back(part);
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out = rooted ? "/" : "";
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += '/';
        out += parts[i];
    }
    return out.empty() ? "." : out;
}

std::string dir(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return clean(slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1));
}

std::string base(std::string_view path)
{
    if (path.empty())
        return ".";
    while (path.size() > 1 && path.back() == '/')
        path.remove_suffix(1);
    if (path == "/")
        return "/";
    const size_t slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string join(std::string_view a, std::string_view b)
{
    if (a.empty() && b.empty())
        return {};
    if (a.empty())
        return clean(b);
    if (b.empty())
        return clean(a);
    return clean(std::string(a) + "/" + std::string(b));
}

std::vector<std::string> splitList(std::string_view list)
{
    std::vector<std::string> out;
    if (list.empty())
        return out;
    size_t start = 0;
    while (true) {
        const size_t colon = list.find(':', start);
        out.emplace_back(list.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
        if (colon == std::string_view::npos)
            return out;
        start = colon + 1;
    }
}

} // namespace gs::gopath
