// SPDX-License-Identifier: MIT
#include "core/formats/bpftrace/bpftrace_decoder.h"

#include "core/formats/text/line_cursor.h"
#include "core/formats/text/stack_samples.h"

namespace gs {

namespace {

// "@name[" -> "name" ("@[" -> "samples").
std::string_view mapName(std::string_view line)
{
    const size_t open = line.find('[');
    const std::string_view name = line.substr(1, open - 1);
    return name.empty() ? std::string_view("samples") : name;
}

// A stack line: "main.work+28", "0x4a2b3c", or (ustack(perf)) "4a2b3c main.work+28 (/bin/x)".
std::string_view frameName(std::string_view line)
{
    std::string_view s = text::trim(line);
    if (const size_t dso = s.rfind(" ("); dso != std::string_view::npos && s.back() == ')')
        s = s.substr(0, dso);
    if (const size_t space = s.find(' '); space != std::string_view::npos)
        s = s.substr(space + 1);
    if (const size_t plus = s.rfind('+'); plus != std::string_view::npos && plus + 1 < s.size()) {
        std::string_view digits = s.substr(plus + 1);
        uint64_t n = 0;
        if (text::takeUnsigned(digits, n) && digits.empty())
            s = s.substr(0, plus);
    }
    return s;
}

// "]: 42" or ", comm]: 42" closes an entry; returns the value and any key text before "]".
bool parseClose(std::string_view line, std::string_view& tail, int64_t& value)
{
    const size_t close = line.rfind("]: ");
    if (close == std::string_view::npos)
        return false;
    std::string_view digits = text::trim(line.substr(close + 3));
    uint64_t n = 0;
    if (!text::takeUnsigned(digits, n) || !digits.empty())
        return false;
    value = int64_t(n);
    tail = line.substr(0, close);
    return true;
}

} // namespace

bool isBpftraceMapLine(std::string_view line)
{
    if (line.size() < 2 || line[0] != '@')
        return false;
    const size_t open = line.find('[');
    return open != std::string_view::npos && (open + 1 == line.size() || line.find("]: ", open) != std::string_view::npos);
}

Result<std::shared_ptr<EventStore>> decodeBpftrace(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::Bpftrace;
    text::StackSampleBuilder builder(*store);
    text::LineCursor lines(bytes);
    std::string_view line;
    uint64_t entries = 0, bad = 0;
    bool inEntry = false;
    size_t type = 0;
    while (lines.next(line)) {
        if ((entries & 4095) == 0)
            context.checkpoint(lines.position(), lines.size());
        std::string_view tail;
        int64_t value = 0;
        if (!inEntry) {
            if (!isBpftraceMapLine(line)) {
                bad += !text::trim(line).empty() && !text::startsWith(line, "Attaching ");
                continue;
            }
            type = builder.sampleType(mapName(line), "count");
            const std::string_view afterOpen = line.substr(line.find('[') + 1);
            if (parseClose(afterOpen, tail, value)) { // single-line key: @[comm]: 3
                builder.pushFrame(text::trim(tail));
                builder.addSample(type, value, false);
                ++entries;
                continue;
            }
            inEntry = true;
            builder.clearFrames();
            continue;
        }
        const std::string_view trimmed = text::trim(line);
        if (parseClose(trimmed, tail, value)) {
            tail = text::trim(tail);
            if (!tail.empty() && tail[0] == ',')
                tail = text::trim(tail.substr(1));
            if (!tail.empty())
                builder.pushFrame(tail);
            builder.addSample(type, value, false);
            ++entries;
            inEntry = false;
        } else if (trimmed == ",") {
            // separates the stacks of a key like @[kstack, ustack]
        } else if (!trimmed.empty()) {
            builder.pushFrame(frameName(trimmed));
        }
    }
    if (inEntry)
        context.warn("the last map entry is cut off (no \"]: value\" line); it was dropped");
    if (entries == 0)
        return Error {"no bpftrace map entries (\"@[...]: N\") found", std::nullopt};
    if (bad)
        context.warn(std::to_string(bad) + " line(s) outside map entries were skipped");
    if (auto problem = builder.finish())
        return Error {*problem, std::nullopt};
    return store;
}

} // namespace gs
