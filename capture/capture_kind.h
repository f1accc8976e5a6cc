// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <ctime>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace gs::capture {

// What net/http/pprof serves, one kind per endpoint and form.
enum class CaptureKind
{
    Cpu,          // profile?seconds=N
    Heap,
    Allocs,
    Block,
    Mutex,
    Goroutine,    // the goroutine profile (pprof)
    ThreadCreate,
    Dump,         // goroutine?debug=2: every goroutine's stack as text
    Trace,        // trace?seconds=N
};

struct KindInfo
{
    CaptureKind kind;
    const char* name;     // in file names, the CLI's JSON and its options ("cpu", "dump")
    const char* endpoint; // after /debug/pprof/
    bool timed;           // takes seconds=N: the service answers after N seconds
    Format format;        // what the body must be
    const char* suffix;   // of the saved file
    const char* label;    // for people ("CPU profile")
};

std::span<const KindInfo> allKinds();
const KindInfo& kindInfo(CaptureKind kind);
std::optional<CaptureKind> kindByName(std::string_view name);

// A service's base URL as the user typed it ("host:6060", "http://host:6060/",
// "http://host:6060/debug/pprof/") reduced to scheme, host and port, with http:// when no scheme
// was given. Nothing when it is not an http(s) URL with a host.
std::optional<std::string> normaliseBaseUrl(std::string_view typed);

// The URL of one capture: BASE/debug/pprof/ENDPOINT, with ?seconds=N for the timed kinds and
// ?debug=2 for the dump.
std::string captureUrl(const std::string& baseUrl, CaptureKind kind, int seconds);

// The path part of captureUrl, for messages ("/debug/pprof/heap").
std::string capturePath(CaptureKind kind, int seconds);

// A file name that says where and when a capture came from:
// "127.0.0.1_6060-heap-20261207-070512.pb.gz" (host and port of the base URL, local time).
std::string captureFileName(const std::string& baseUrl, CaptureKind kind, std::time_t when);

// "10s", "2m", "1m30s", or a plain number of seconds. Nothing when it is none of these or not
// positive.
std::optional<int> parseSeconds(std::string_view text);

} // namespace gs::capture
