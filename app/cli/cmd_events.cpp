// SPDX-License-Identifier: MIT
// `goroscope-cli events FILE`: every event of an execution trace in the order and format of
// `go tool trace -d=parsed FILE` (Go's Event.String() per event, stack frames included, each
// followed by a newline). With --count, every event is still decoded and ordered but only their
// number is printed (for benchmarks).
#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "core/base/load_context.h"
#include "core/formats/gotrace/event_format.h"
#include "core/formats/gotrace/trace_reader.h"
#include "core/io/file_bytes.h"

#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace gs::cli {

int runEvents(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    static const char* const kUsage = "events [--count] FILE";
    auto command = parseFileCommand(argv, {}, {"count"}, kUsage, err);
    if (!command)
        return 2;
    const CliArgs& args = command->args;
    const std::string& path = command->path;
    Result<MappedInput> input = mapInput(path); // read once: no need for a copy
    if (!input) {
        err << "goroscope-cli: " << path << ": " << input.error().describe() << "\n";
        return 1;
    }
    const bool countOnly = args.has("count");
    LoadContext ctx;
    std::string buffer;
    buffer.reserve(1 << 17);
    gotrace::StackTextCache stacks;
    // The count is of the events the reader delivers: exactly the events the printing path writes.
    uint64_t count = 0;
    auto sink = [&](std::span<const gotrace::Event> events) {
        count += events.size();
        if (countOnly)
            return;
        for (const gotrace::Event& ev : events) {
            gotrace::appendEvent(ev, stacks, buffer);
            buffer += '\n';
        }
        if (buffer.size() >= (1 << 16)) {
            out.write(buffer.data(), std::streamsize(buffer.size()));
            buffer.clear();
        }
    };
    Result<gotrace::TraceReadStats> stats = gotrace::readTraceBatches(input->span(), ctx, sink);
    if (countOnly)
        buffer = std::to_string(count) + "\n";
    out.write(buffer.data(), std::streamsize(buffer.size()));
    out.flush();
    for (const std::string& w : ctx.warnings())
        err << "goroscope-cli: warning: " << path << ": " << w << "\n";
    if (!stats) {
        err << "goroscope-cli: " << path << ": " << stats.error().describe(input->compressed() ? " (decompressed)" : "")
            << "\n";
        return 1;
    }
    return 0;
}

} // namespace gs::cli
