// SPDX-License-Identifier: MIT
#include "core/formats/dump/dump_decoder.h"

#include "core/formats/dump/count_profile_parser.h"
#include "core/formats/dump/traceback_parser.h"
#include "core/formats/text/line_cursor.h"

namespace gs {

namespace {

std::string_view firstNonEmptyLine(std::span<const uint8_t> bytes)
{
    text::LineCursor lines(bytes.first(std::min<size_t>(bytes.size(), 4096)));
    std::string_view line;
    while (lines.next(line)) {
        if (!text::trim(line).empty())
            return line;
    }
    return {};
}

} // namespace

bool looksLikeGoroutineDump(std::span<const uint8_t> bytes)
{
    return dump::isCountProfileHeader(firstNonEmptyLine(bytes)) || dump::findTraceback(bytes) != dump::kNotFound;
}

Result<std::shared_ptr<EventStore>> decodeGoroutineDump(std::span<const uint8_t> bytes, LoadContext& context)
{
    auto store = std::make_shared<EventStore>();
    store->format = Format::GoroutineDump;
    dump::DumpBuilder builder(*store);
    try {
        if (dump::isCountProfileHeader(firstNonEmptyLine(bytes))) {
            dump::parseCountProfile(bytes, builder, context);
        } else {
            const uint64_t start = dump::findTraceback(bytes);
            if (start == dump::kNotFound)
                return Error {"no goroutine dump found (no line like \"goroutine 1 [running]:\")", std::nullopt};
            dump::parseTraceback(bytes, start, builder, context);
        }
    } catch (const DecodeError& e) {
        return Error {e.what(), e.offset()};
    }
    if (store->dump->goroutineCount() == 0 && store->dump->records.empty())
        return Error {"the goroutine dump holds no goroutines", store->dump->firstByte};
    dump::buildDumpProfile(*store);
    return store;
}

} // namespace gs
