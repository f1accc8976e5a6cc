// SPDX-License-Identifier: MIT
#include "capture/body_check.h"

#include "core/base/capture_text.h"
#include "core/io/file_bytes.h"
#include "core/load/sniff.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <vector>

namespace gs::capture {

namespace {

// The sniffer looks at the first bytes only; a trace's header and a dump's first goroutine fit.
constexpr size_t kHeadBytes = 64 * 1024;
// A pprof body is gzip; decompressed it is rarely more than some megabytes.
constexpr uint64_t kMaxInflated = uint64_t(1) << 30;

std::vector<uint8_t> readHead(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> head(kHeadBytes);
    in.read(reinterpret_cast<char*>(head.data()), std::streamsize(head.size()));
    head.resize(size_t(in.gcount()));
    return head;
}

bool looksLikeHtml(std::string_view text)
{
    const size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || text[start] != '<')
        return false;
    std::string lower(text.substr(start, 256));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos
           || lower.find("<head") != std::string::npos || lower.find("<body") != std::string::npos;
}

std::string describe(std::span<const uint8_t> bytes, Format format)
{
    if (bytes.empty())
        return "nothing (an empty body)";
    if (format != Format::Unknown)
        return std::string("a capture of another kind (") + formatName(format) + ")";
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (looksLikeHtml(text))
        return "an HTML page";
    const std::string_view firstLine = text.substr(0, text.find('\n'));
    return "something else, starting " + quoteCaptureText(firstLine);
}

} // namespace

std::string bodyMismatch(const std::string& path, CaptureKind kind)
{
    const Format expected = kindInfo(kind).format;
    std::vector<uint8_t> head = readHead(path);
    if (isGzip(head)) {
        auto whole = readFile(path);
        if (!whole)
            return whole.error().message;
        auto inflated = gunzip(*whole, kMaxInflated);
        if (!inflated)
            return "a gzip stream that does not decompress (" + inflated.error().message + ")";
        head = std::move(*inflated);
    }
    const Format found = sniffFormat(head);
    return found == expected ? std::string() : describe(head, found);
}

} // namespace gs::capture
