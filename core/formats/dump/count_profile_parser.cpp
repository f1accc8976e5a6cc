// SPDX-License-Identifier: MIT
#include "core/formats/dump/count_profile_parser.h"

#include "core/formats/text/line_cursor.h"

#include <string>
#include <vector>

namespace gs::dump {

using text::startsWith;

namespace {

constexpr std::string_view kTotal = " profile: total ";

// "#\t0x6acf84\tmain.f+0x24\t/src/x.go:50" (columns padded with runs of tabs) or "#\t0x6acf84"
// for a PC without symbol information.
bool parseFrameLine(std::string_view line, std::string_view& function, std::string_view& file, int64_t& lineNo)
{
    std::string_view rest = text::trimLeft(line.substr(1));
    if (!startsWith(rest, "0x"))
        return false;
    const size_t pcEnd = rest.find_first_of(" \t");
    if (pcEnd == std::string_view::npos) {
        function = rest; // unsymbolized: the PC is the only name there is
        file = {};
        lineNo = 0;
        return true;
    }
    rest = text::trimLeft(rest.substr(pcEnd));
    const size_t nameEnd = rest.find('\t');
    function = rest.substr(0, nameEnd);
    if (const size_t plus = function.rfind("+0x"); plus != std::string_view::npos)
        function = function.substr(0, plus);
    file = {};
    lineNo = 0;
    if (nameEnd == std::string_view::npos)
        return !function.empty();
    std::string_view where = text::trim(rest.substr(nameEnd));
    const size_t colon = where.rfind(':');
    if (colon != std::string_view::npos) {
        std::string_view digits = where.substr(colon + 1);
        uint64_t n = 0;
        if (text::takeUnsigned(digits, n) && digits.empty()) {
            file = where.substr(0, colon);
            lineNo = int64_t(n);
        }
    }
    return !function.empty();
}

} // namespace

bool isCountProfileHeader(std::string_view line)
{
    const size_t at = line.find(kTotal);
    if (at == std::string_view::npos || at == 0 || line.find(' ') < at)
        return false;
    std::string_view digits = line.substr(at + kTotal.size());
    uint64_t n = 0;
    return text::takeUnsigned(digits, n) && digits.empty();
}

void parseCountProfile(std::span<const uint8_t> bytes, DumpBuilder& builder, LoadContext& context)
{
    GoroutineDumpData& dump = builder.dump();
    dump.kind = GoroutineDumpData::Kind::CountProfile;
    text::LineCursor lines(bytes);
    std::string_view line;
    while (lines.next(line) && line.empty()) {
    }
    if (isCountProfileHeader(line)) {
        const size_t at = line.find(kTotal);
        dump.profileName = std::string(line.substr(0, at));
        std::string_view digits = line.substr(at + kTotal.size());
        uint64_t total = 0;
        text::takeUnsigned(digits, total);
        dump.declaredTotal = int64_t(total);
    }
    dump.firstByte = lines.lineOffset();

    std::vector<FrameId> frames;
    CountRecord record;
    bool inRecord = false;
    uint64_t skipped = 0;
    const auto finish = [&] {
        if (!inRecord)
            return;
        record.stack = builder.store().symbols.stacks.intern(frames);
        dump.records.push_back(record);
        inRecord = false;
    };
    while (lines.next(line)) {
        if ((dump.records.size() & 1023) == 0)
            context.checkpoint(lines.position(), lines.size());
        if (line.empty()) {
            finish();
            continue;
        }
        uint64_t count = 0;
        std::string_view rest = line;
        if (text::isDigit(line[0]) && text::takeUnsigned(rest, count) && startsWith(rest, " @")) {
            finish();
            inRecord = true;
            frames.clear();
            record = CountRecord {};
            record.count = int64_t(count);
            record.labelBegin = record.labelEnd = uint32_t(dump.labels.size());
            dump.endByte = lines.position();
            continue;
        }
        if (inRecord && startsWith(line, "# labels: ")) {
            if (!builder.addLabels(line.substr(10), record.labelBegin, record.labelEnd))
                ++skipped;
            dump.endByte = lines.position();
            continue;
        }
        std::string_view function, file;
        int64_t lineNo = 0;
        if (inRecord && line[0] == '#' && parseFrameLine(line, function, file, lineNo)) {
            frames.push_back(builder.frame(function, file, lineNo));
            dump.endByte = lines.position();
            continue;
        }
        ++skipped;
    }
    finish();
    if (skipped)
        context.warn(std::to_string(skipped) + " line(s) of the count profile were not understood and were skipped");
    if (dump.declaredTotal != 0 && dump.goroutineCount() != dump.declaredTotal)
        context.warn("the profile says total " + std::to_string(dump.declaredTotal) + " but its records add up to " +
                     std::to_string(dump.goroutineCount()) + " (truncated?)");
}

} // namespace gs::dump
