// SPDX-License-Identifier: MIT
#include "capture/capture_kind.h"

#include <array>
#include <cctype>
#include <charconv>

namespace gs::capture {

namespace {

constexpr std::array<KindInfo, 9> kKinds = {{
    {CaptureKind::Cpu, "cpu", "profile", true, Format::Pprof, ".pb.gz", "CPU profile"},
    {CaptureKind::Heap, "heap", "heap", false, Format::Pprof, ".pb.gz", "heap profile"},
    {CaptureKind::Allocs, "allocs", "allocs", false, Format::Pprof, ".pb.gz", "allocs profile"},
    {CaptureKind::Block, "block", "block", false, Format::Pprof, ".pb.gz", "block profile"},
    {CaptureKind::Mutex, "mutex", "mutex", false, Format::Pprof, ".pb.gz", "mutex profile"},
    {CaptureKind::Goroutine, "goroutines", "goroutine", false, Format::Pprof, ".pb.gz", "goroutine profile"},
    {CaptureKind::ThreadCreate, "threadcreate", "threadcreate", false, Format::Pprof, ".pb.gz",
     "threadcreate profile"},
    {CaptureKind::Dump, "dump", "goroutine", false, Format::GoroutineDump, ".txt", "goroutine dump"},
    {CaptureKind::Trace, "trace", "trace", true, Format::GoTrace, ".trace", "execution trace"},
}};

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

std::span<const KindInfo> allKinds()
{
    return kKinds;
}

const KindInfo& kindInfo(CaptureKind kind)
{
    return kKinds[static_cast<size_t>(kind)];
}

std::optional<CaptureKind> kindByName(std::string_view name)
{
    for (const KindInfo& k : kKinds) {
        if (name == k.name)
            return k.kind;
    }
    return std::nullopt;
}

std::optional<std::string> normaliseBaseUrl(std::string_view typed)
{
    while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.back())))
        typed.remove_suffix(1);
    while (!typed.empty() && std::isspace(static_cast<unsigned char>(typed.front())))
        typed.remove_prefix(1);
    std::string scheme = "http://";
    if (startsWith(typed, "http://")) {
        typed.remove_prefix(7);
    } else if (startsWith(typed, "https://")) {
        scheme = "https://";
        typed.remove_prefix(8);
    } else if (typed.find("://") != std::string_view::npos) {
        return std::nullopt;
    }
    // Host and port end at the first slash; whatever path follows (/debug/pprof/) is ours to add.
    const std::string_view hostPort = typed.substr(0, typed.find('/'));
    if (hostPort.empty() || hostPort.front() == ':')
        return std::nullopt;
    for (char c : hostPort) {
        if (std::isspace(static_cast<unsigned char>(c)) || c == '?' || c == '#' || c == '@')
            return std::nullopt;
    }
    return scheme + std::string(hostPort);
}

std::string capturePath(CaptureKind kind, int seconds)
{
    const KindInfo& k = kindInfo(kind);
    std::string path = std::string("/debug/pprof/") + k.endpoint;
    if (k.timed)
        path += "?seconds=" + std::to_string(seconds);
    else if (kind == CaptureKind::Dump)
        path += "?debug=2";
    return path;
}

std::string captureUrl(const std::string& baseUrl, CaptureKind kind, int seconds)
{
    return baseUrl + capturePath(kind, seconds);
}

std::string captureFileName(const std::string& baseUrl, CaptureKind kind, std::time_t when)
{
    std::string service = baseUrl.substr(baseUrl.find("://") == std::string::npos ? 0 : baseUrl.find("://") + 3);
    for (char& c : service) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-')
            c = '_';
    }
    std::tm local {};
    localtime_r(&when, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const KindInfo& k = kindInfo(kind);
    return service + "-" + k.name + "-" + stamp + k.suffix;
}

std::optional<int> parseSeconds(std::string_view text)
{
    // A sequence of NUMBER[h|m|s]; a bare number is seconds.
    if (text.empty())
        return std::nullopt;
    long long total = 0;
    while (!text.empty()) {
        long long n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc() || n < 0)
            return std::nullopt;
        text.remove_prefix(size_t(end - text.data()));
        long long unit = 1;
        if (!text.empty()) {
            switch (text.front()) {
            case 'h': unit = 3600; break;
            case 'm': unit = 60; break;
            case 's': unit = 1; break;
            default: return std::nullopt;
            }
            text.remove_prefix(1);
        }
        total += n * unit;
        if (total > 7 * 24 * 3600)
            return std::nullopt;
    }
    if (total <= 0)
        return std::nullopt;
    return int(total);
}

} // namespace gs::capture
