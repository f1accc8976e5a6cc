// SPDX-License-Identifier: MIT
// `capture URL [--cpu 10s] [--heap] ... [--trace 5s] -o DIR [--json]`: fetches captures from a
// running service's net/http/pprof endpoints into DIR, one file per kind, and prints each path.
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/json_writer.h"
#include "app/cli/service_args.h"
#include "capture/blocking.h"

#include <ostream>

namespace gs::cli {

namespace {

constexpr const char* kUsage = "capture URL [--cpu 10s] [--heap] [--allocs] [--block] [--mutex] [--goroutines] "
                               "[--threadcreate] [--dump] [--trace 5s] [-o DIR] [--json] [--connect-timeout 10s] "
                               "[--margin 30s]";

int runCapture(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> valued, switches = {"json"};
    for (const capture::KindInfo& k : capture::allKinds())
        (k.timed ? valued : switches).push_back(k.name);
    auto parsed = parseServiceCommand(argv, valued, switches, kUsage, err);
    if (!parsed)
        return 2;
    std::vector<capture::CaptureRequest> requests;
    for (const capture::KindInfo& k : capture::allKinds()) {
        if (!parsed->args.has(k.name))
            continue;
        const auto seconds = k.timed ? secondsOption(parsed->args, k.name, 0, err) : 0;
        if (!seconds)
            return 2;
        requests.push_back({k.kind, *seconds});
    }
    if (requests.empty()) {
        fail(err, std::string("nothing to capture: choose one or more kinds (usage: ") + kUsage + ")");
        return 2;
    }
    const bool json = parsed->args.has("json");
    const auto results = capture::captureBlocking(parsed->baseUrl, requests, parsed->folder, parsed->timeouts,
                                                  [&](const capture::CaptureResult& r) {
                                                      if (!r.ok())
                                                          fail(err, std::string(capture::kindInfo(r.request.kind).name)
                                                                        + ": " + r.error);
                                                      else if (!json)
                                                          out << r.path << '\n' << std::flush;
                                                  });
    bool allOk = true;
    if (json) {
        JsonWriter j(out);
        j.beginArray();
        for (const capture::CaptureResult& r : results) {
            if (!r.ok())
                continue;
            j.beginObject();
            j.field("kind", capture::kindInfo(r.request.kind).name);
            j.field("path", r.path);
            j.field("bytes", r.bytes);
            j.endObject();
        }
        j.endArray();
        out << '\n';
    }
    for (const capture::CaptureResult& r : results)
        allOk = allOk && r.ok();
    return allOk ? 0 : 1;
}

} // namespace

Command captureCommand()
{
    return {"capture", kUsage,
            "fetch captures from a running Go service that serves net/http/pprof: a CPU profile or an execution "
            "trace of N seconds, the heap, allocs, block, mutex, goroutine and threadcreate profiles, a goroutine "
            "dump; one file per kind in DIR, named by service, kind and time",
            runCapture};
}

} // namespace gs::cli
