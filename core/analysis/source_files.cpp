// SPDX-License-Identifier: MIT
#include "core/analysis/source_files.h"

#include "core/base/go_path.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace gs {

namespace {

// The longest line Go's bufio.Scanner reads with its default buffer (64 KiB with the newline);
// pprof stops reading a file at a longer one.
constexpr size_t kMaxLine = 64 * 1024;

// Go's text for an errno as os.Open reports it ("no such file or directory").
std::string errnoText(int error)
{
    std::string text = std::strerror(error);
    if (!text.empty())
        text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// Opens `path` as pprof's os.Open would (a directory opens too, and then reads as no lines).
bool openFile(const std::string& path, std::ifstream& in, int* error = nullptr)
{
    errno = 0;
    in.open(path, std::ios::binary);
    if (error)
        *error = errno;
    return in.is_open();
}

// The file's lines as bufio.Scanner splits them: on '\n', a '\r' before it dropped, the text
// after the last '\n' a line of its own when not empty.
std::vector<std::string> readLines(std::ifstream& in)
{
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < bytes.size()) {
        size_t end = bytes.find('\n', start);
        const bool last = end == std::string::npos;
        if (last)
            end = bytes.size();
        if (end - start + (last ? 0 : 1) > kMaxLine)
            break;
        size_t textEnd = end;
        if (!last && textEnd > start && bytes[textEnd - 1] == '\r')
            --textEnd;
        lines.emplace_back(bytes, start, textEnd - start);
        start = end + 1;
    }
    return lines;
}

bool isFile(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

} // namespace

std::string trimSourcePath(std::string_view path, std::string_view trimPath, std::string_view searchPath)
{
    if (trimPath.empty()) {
        for (const std::string& dir : gopath::splitList(searchPath)) {
            const std::string want = "/" + gopath::base(dir) + "/";
            const size_t found = path.find(want);
            if (found != std::string_view::npos)
                return std::string(path.substr(found + want.size()));
        }
    }
    std::vector<std::string> prefixes = gopath::splitList(trimPath);
    prefixes.push_back("/proc/self/cwd/./");
    prefixes.push_back("/proc/self/cwd/");
    for (std::string prefix : prefixes) {
        if (!prefix.ends_with('/'))
            prefix += '/';
        if (path.starts_with(prefix))
            return std::string(path.substr(prefix.size()));
    }
    return std::string(path);
}

SourceFiles::SourceFiles(SourceSearch search)
    : m_search(std::move(search))
    , m_searchPath(m_search.searchPath)
{
    if (m_searchPath.empty()) {
        std::error_code ec;
        m_searchPath = std::filesystem::current_path(ec).string();
    }
}

std::optional<std::string> SourceFiles::findFallback(const std::string& trimmed) const
{
    std::vector<std::string> candidates;
    auto under = [&](const std::string& root, std::string_view marker) {
        if (root.empty())
            return;
        if (!trimmed.starts_with('/')) {
            candidates.push_back(gopath::join(root, trimmed));
            return;
        }
        // An absolute name from another machine: the part after its GOROOT/src or module cache.
        for (size_t at = trimmed.find(marker); at != std::string::npos; at = trimmed.find(marker, at + 1))
            candidates.push_back(gopath::join(root, trimmed.substr(at + marker.size())));
    };
    under(m_search.goroot.empty() ? std::string() : gopath::join(m_search.goroot, "src"), "/src/");
    if (trimmed.find('@') != std::string::npos)
        under(m_search.modCache, "/pkg/mod/");
    for (const std::string& candidate : candidates) {
        if (isFile(candidate))
            return candidate;
    }
    return std::nullopt;
}

const SourceFiles::File& SourceFiles::load(const std::string& file)
{
    auto [it, inserted] = m_files.try_emplace(file);
    File& entry = it->second;
    if (!inserted)
        return entry;
    // pprof's openSourceFile: an absolute name must exist as it is; a relative one is tried in
    // every search directory and each of its parents.
    const std::string trimmed = trimSourcePath(file, m_search.trimPath, m_searchPath);
    std::ifstream in;
    if (trimmed.starts_with('/')) {
        int error = 0;
        if (openFile(trimmed, in, &error))
            entry.path = trimmed;
        else
            entry.error = "open " + trimmed + ": " + errnoText(error);
    } else {
        for (std::string dir : gopath::splitList(m_searchPath)) {
            while (entry.path.empty()) {
                const std::string candidate = gopath::join(dir, trimmed);
                if (openFile(candidate, in)) {
                    entry.path = candidate;
                    break;
                }
                const std::string parent = gopath::dir(dir);
                if (parent == dir)
                    break;
                dir = parent;
            }
            if (!entry.path.empty())
                break;
        }
        if (entry.path.empty())
            entry.error = "could not find file " + trimmed + " on path " + m_searchPath;
    }
    if (entry.path.empty()) {
        if (auto found = findFallback(trimmed); found && openFile(*found, in)) {
            entry.path = *found;
            entry.error.clear();
        }
    }
    if (!entry.path.empty())
        entry.lines = readLines(in);
    return entry;
}

std::optional<std::string_view> SourceFiles::line(const std::string& file, int64_t number)
{
    const File& f = load(file);
    if (number < 1 || size_t(number) > f.lines.size())
        return std::nullopt;
    return std::string_view(f.lines[size_t(number - 1)]);
}

const std::string& SourceFiles::error(const std::string& file)
{
    return load(file).error;
}

const std::string& SourceFiles::foundAt(const std::string& file)
{
    return load(file).path;
}

std::vector<std::string> SourceFiles::places() const
{
    std::vector<std::string> out = gopath::splitList(m_searchPath);
    if (!m_search.goroot.empty())
        out.push_back(gopath::join(m_search.goroot, "src"));
    if (!m_search.modCache.empty())
        out.push_back(m_search.modCache);
    return out;
}

} // namespace gs
