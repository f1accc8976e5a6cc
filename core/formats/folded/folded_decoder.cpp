// SPDX-License-Identifier: MIT
#include "core/formats/folded/folded_decoder.h"

#include "core/formats/text/line_cursor.h"
#include "core/formats/text/stack_samples.h"

namespace gs {

namespace {

// Splits "a;b;c 123" into the frames and the count.
bool splitFolded(std::string_view line, std::string_view& frames, int64_t& count)
{
    const size_t space = line.rfind(' ');
    if (space == std::string_view::npos || space == 0)
        return false;
    std::string_view digits = line.substr(space + 1);
    uint64_t n = 0;
    if (!text::takeUnsigned(digits, n) || !digits.empty())
        return false;
    frames = text::trim(line.substr(0, space));
    count = int64_t(n);
    return !frames.empty() && frames[0] != '#';
}

} // namespace

bool isFoldedLine(std::string_view line)
{
    std::string_view frames;
    int64_t count = 0;
    return !line.empty() && line[0] != ' ' && line[0] != '\t' && splitFolded(line, frames, count);
}

Result<std::shared_ptr<EventStore>> decodeFolded(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::Folded;
    text::StackSampleBuilder builder(*store);
    const size_t type = builder.sampleType("samples", "count");
    text::LineCursor lines(bytes);
    std::string_view line;
    uint64_t good = 0, bad = 0;
    while (lines.next(line)) {
        if ((good & 4095) == 0)
            context.checkpoint(lines.position(), lines.size());
        std::string_view frames;
        int64_t count = 0;
        if (text::trim(line).empty())
            continue;
        if (!splitFolded(line, frames, count)) {
            ++bad;
            continue;
        }
        for (size_t at = 0; at <= frames.size();) {
            const size_t semi = std::min(frames.find(';', at), frames.size());
            if (semi > at)
                builder.pushFrame(frames.substr(at, semi - at));
            at = semi + 1;
        }
        builder.addSample(type, count, true);
        ++good;
    }
    if (good == 0)
        return Error {"no folded stack lines (\"a;b;c 123\") found", std::nullopt};
    if (bad)
        context.warn(std::to_string(bad) + " line(s) were not folded stacks (\"a;b;c 123\") and were skipped");
    if (auto problem = builder.finish())
        return Error {*problem, std::nullopt};
    return store;
}

} // namespace gs
