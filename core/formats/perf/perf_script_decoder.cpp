// SPDX-License-Identifier: MIT
#include "core/formats/perf/perf_script_decoder.h"

#include "core/formats/text/line_cursor.h"
#include "core/formats/text/stack_samples.h"

namespace gs {

namespace {

// "\t  2a6a6a main.sortLoop+0x6a (/path/dumpgen)" -> "main.sortLoop".
bool parseFrame(std::string_view line, std::string_view& symbol)
{
    if (line.empty() || (line[0] != ' ' && line[0] != '\t'))
        return false;
    std::string_view rest = text::trimLeft(line);
    uint64_t address = 0;
    if (!text::takeHex(rest, address) || rest.empty() || rest[0] != ' ')
        return false;
    rest = text::trimLeft(rest);
    if (const size_t dso = rest.rfind(" ("); dso != std::string_view::npos && rest.back() == ')')
        rest = rest.substr(0, dso);
    if (const size_t plus = rest.rfind("+0x"); plus != std::string_view::npos)
        rest = rest.substr(0, plus);
    symbol = rest.empty() ? std::string_view("[unknown]") : rest;
    return true;
}

// The sample line "comm pid [cpu] 123.456789:    4000000 cpu-clock:pppH: " -> event and period.
// The event is the token after the timestamp (the first token ending in ':' that is a number),
// optionally preceded by the period.
bool parseHeader(std::string_view line, std::string_view& event, int64_t& period)
{
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#')
        return false;
    bool afterTime = false;
    period = 1;
    std::string_view rest = line;
    while (!rest.empty()) {
        rest = text::trimLeft(rest);
        const size_t end = std::min(rest.find_first_of(" \t"), rest.size());
        std::string_view token = rest.substr(0, end);
        rest = rest.substr(end);
        if (token.empty())
            break;
        if (!afterTime) {
            afterTime = token.back() == ':' && text::isDigit(token[0]) && token.find('.') != std::string_view::npos;
            continue;
        }
        std::string_view digits = token;
        uint64_t n = 0;
        if (text::takeUnsigned(digits, n) && digits.empty()) {
            period = int64_t(n);
            continue;
        }
        if (token.back() != ':')
            return false;
        event = token.substr(0, token.size() - 1);
        return !event.empty();
    }
    return false;
}

} // namespace

bool looksLikePerfScript(std::string_view header, std::string_view frame)
{
    std::string_view event, symbol;
    int64_t period = 0;
    return parseHeader(header, event, period) && parseFrame(frame, symbol);
}

Result<std::shared_ptr<EventStore>> decodePerfScript(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::PerfScript;
    text::StackSampleBuilder builder(*store);
    text::LineCursor lines(bytes);
    std::string_view line;
    uint64_t samples = 0, bad = 0;
    bool inSample = false;
    size_t type = 0;
    int64_t period = 0;
    const auto finish = [&] {
        if (inSample && builder.frameCount() > 0) {
            builder.addSample(type, period, false);
            ++samples;
        }
        builder.clearFrames();
        inSample = false;
    };
    while (lines.next(line)) {
        if ((samples & 4095) == 0)
            context.checkpoint(lines.position(), lines.size());
        std::string_view event, symbol;
        if (text::trim(line).empty()) {
            finish();
        } else if (inSample && parseFrame(line, symbol)) {
            builder.pushFrame(symbol);
        } else if (parseHeader(line, event, period)) {
            finish();
            type = builder.sampleType(event, "count");
            inSample = true;
        } else if (line[0] != '#') {
            ++bad;
        }
    }
    finish();
    if (samples == 0)
        return Error {"no perf samples with call stacks found (record with `perf record -g`)", std::nullopt};
    if (bad)
        context.warn(std::to_string(bad) + " line(s) were not perf script samples or frames and were skipped");
    if (auto problem = builder.finish())
        return Error {*problem, std::nullopt};
    return store;
}

} // namespace gs
