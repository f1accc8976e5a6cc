// SPDX-License-Identifier: MIT
#include "core/formats/dump/traceback_parser.h"

#include "core/base/capture_text.h"
#include "core/formats/dump/goroutine_header.h"
#include "core/formats/text/line_cursor.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace gs::dump {

using text::startsWith;

namespace {

constexpr uint64_t kHeadlineWindow = 16 * 1024;

// "\tpath/file.go:123 +0x1f fp=0x... sp=0x... pc=0x..." -> file, line, pc offset.
bool parseFileLine(std::string_view line, std::string_view& file, int64_t& lineNo, uint32_t& pcOffset)
{
    if (line.empty() || line[0] != '\t')
        return false;
    line.remove_prefix(1);
    pcOffset = 0;
    if (const size_t fp = line.find(" fp="); fp != std::string_view::npos)
        line = line.substr(0, fp);
    if (const size_t off = line.rfind(" +0x"); off != std::string_view::npos) {
        std::string_view hex = line.substr(off + 4);
        uint64_t v = 0;
        if (text::takeHex(hex, v) && hex.empty()) {
            pcOffset = uint32_t(std::min<uint64_t>(v, UINT32_MAX));
            line = line.substr(0, off);
        }
    }
    const size_t colon = line.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    std::string_view digits = line.substr(colon + 1);
    uint64_t n = 0;
    if (!text::takeUnsigned(digits, n) || !digits.empty())
        return false;
    file = line.substr(0, colon);
    lineNo = int64_t(n);
    return true;
}

// "pkg.(*T).Method(0x1, {0x2, 0x3}, ...)" -> name and the text between the outer parentheses.
// Arguments never contain '(' so the last one opens them; names may contain parentheses.
bool parseCallLine(std::string_view line, std::string_view& function, std::string_view& args)
{
    if (line.size() < 3 || line.back() != ')' || line[0] == '\t' || line[0] == ' ')
        return false;
    const size_t open = line.rfind('(');
    if (open == 0 || open == std::string_view::npos)
        return false;
    function = line.substr(0, open);
    args = line.substr(open + 1, line.size() - open - 2);
    return true;
}

bool isHeadline(std::string_view line)
{
    return startsWith(line, "panic: ") || startsWith(line, "fatal error: ") || startsWith(line, "SIG") ||
           startsWith(line, "unexpected fault address");
}

// The state machine over the lines of a traceback. One goroutine block at a time: its frames
// go into a reused buffer and become a stack when the block ends.
class TracebackParser
{
public:
    TracebackParser(std::span<const uint8_t> bytes, DumpBuilder& builder, LoadContext& context)
        : m_lines(bytes)
        , m_builder(builder)
        , m_dump(builder.dump())
        , m_context(context)
        , m_endsWithNewline(!bytes.empty() && bytes.back() == '\n')
    {
    }

    void run(uint64_t start)
    {
        m_dump.firstByte = start;
        findHeadline(start);
        m_lines.seek(start);
        std::string_view line;
        while (m_lines.next(line)) {
            if ((m_dump.goroutines.size() & 1023) == 0)
                m_context.checkpoint(m_lines.position(), m_lines.size());
            // A last line without its newline inside a block: the dump was cut there.
            if (m_inBlock && m_lines.position() == m_lines.size() && !m_endsWithNewline)
                m_truncatedEnd = true;
            if (!step(line))
                break;
            if (m_inBlock)
                m_dump.endByte = m_lines.position();
        }
        if (m_inBlock)
            finishBlock(true);
        report();
    }

private:
    // Handles one line; false ends the dump (a second dump starts).
    bool step(std::string_view line)
    {
        GoroutineHeader header;
        if (!line.empty() && line[0] == 'g' && parseGoroutineHeader(line, header)) {
            if (m_inBlock)
                finishBlock(false);
            // Goroutine 0 is a thread's system stack: crash output can show one per thread.
            if (header.id != 0 && !m_seenIds.insert(header.id).second) {
                m_context.warn("the input holds more than one goroutine dump; only the first is shown (it ends at byte " +
                               std::to_string(m_dump.endByte) + ")");
                return false;
            }
            startBlock(header);
            return true;
        }
        if (looksLikeGoroutineHeader(line)) {
            skipUnknownHeader(line);
            return true;
        }
        // Outside a block: the crash line, "runtime stack:" frames, registers, "exit status 2" or
        // the log around a runtime.Stack dump. Crash output has more blocks after such lines.
        if (!m_inBlock)
            return true;
        if (line.empty()) {
            finishBlock(false);
            return true;
        }
        if (m_skippingAncestors)
            return true;
        if (line[0] == '\t') {
            blockTabLine(line);
            return true;
        }
        if (m_pendingCall) {
            // A call line must be followed by its file line; anything else means the text was cut.
            ++m_damagedFrames;
            m_pendingCall = false;
        }
        if (startsWith(line, "created by ")) {
            readCreatedBy(line.substr(11));
            return true;
        }
        if (startsWith(line, "...")) {
            readElided(line);
            return true;
        }
        if (startsWith(line, "[originating from goroutine ")) {
            m_skippingAncestors = true; // GODEBUG=tracebackancestors: not the goroutine's own stack
            return true;
        }
        if (parseCallLine(line, m_callFunction, m_callArgs)) {
            m_pendingCall = true;
            return true;
        }
        // Neither a frame nor a blank line: the log around a runtime.Stack dump resumes here.
        finishBlock(false);
        return true;
    }

    void startBlock(const GoroutineHeader& h)
    {
        m_inBlock = true;
        m_pendingCall = false;
        m_pendingCreatedBy = false;
        m_skippingAncestors = false;
        m_frames.clear();
        DumpGoroutine& g = m_current;
        g = DumpGoroutine {};
        g.id = h.id;
        g.state = m_builder.string(h.state);
        g.waitMinutes = h.waitMinutes;
        g.lockedToThread = h.lockedToThread;
        g.detailBegin = uint32_t(m_dump.frameDetails.size());
        g.extraBegin = uint32_t(m_dump.extraFields.size());
        if (!h.threadInfo.empty())
            m_dump.extraFields.push_back(m_builder.string(h.threadInfo));
        for (size_t i = 0; i < h.extraCount; ++i)
            m_dump.extraFields.push_back(m_builder.string(h.extras[i]));
        g.extraEnd = uint32_t(m_dump.extraFields.size());
        if (!h.labels.empty() && !m_builder.addLabels(h.labels, g.labelBegin, g.labelEnd))
            ++m_badLabels;
        if (h.labels.empty())
            g.labelBegin = g.labelEnd = uint32_t(m_dump.labels.size());
    }

    // A header of a form not known here: its goroutine is left out, and report() says so.
    void skipUnknownHeader(std::string_view line)
    {
        if (m_inBlock)
            finishBlock(false);
        if (m_unknownHeaders++ == 0) {
            m_firstUnknownHeader = quoteCaptureText(line);
            m_firstUnknownHeaderAt = m_lines.lineOffset();
        }
    }

    void blockTabLine(std::string_view line)
    {
        std::string_view file;
        int64_t lineNo = 0;
        uint32_t pcOffset = 0;
        if (m_pendingCall && parseFileLine(line, file, lineNo, pcOffset)) {
            m_frames.push_back(m_builder.frame(m_callFunction, file, lineNo));
            DumpFrameDetail d;
            d.argsOffset = m_dump.argsText.size();
            d.argsLength = uint32_t(m_callArgs.size());
            d.pcOffset = pcOffset;
            m_dump.argsText.append(m_callArgs);
            m_dump.frameDetails.push_back(d);
            m_pendingCall = false;
            return;
        }
        if (m_pendingCreatedBy && parseFileLine(line, file, lineNo, pcOffset)) {
            m_current.createdBy = m_builder.frame(m_createdByFunction, file, lineNo);
            m_pendingCreatedBy = false;
            return;
        }
        if (line.find("stack unavailable") != std::string_view::npos) {
            m_current.stackUnavailable = true;
            return;
        }
        ++m_damagedFrames;
        m_pendingCall = m_pendingCreatedBy = false;
    }

    // "main.startWorkers in goroutine 1" (Go 1.21+) or "main.startWorkers".
    void readCreatedBy(std::string_view rest)
    {
        const size_t in = rest.rfind(" in goroutine ");
        if (in != std::string_view::npos) {
            std::string_view digits = rest.substr(in + 14);
            uint64_t id = 0;
            if (text::takeUnsigned(digits, id) && digits.empty()) {
                m_current.creatorId = id;
                rest = rest.substr(0, in);
            }
        }
        m_createdByFunction = rest;
        m_pendingCreatedBy = true;
    }

    // "...26 frames elided..." or "...additional frames elided...".
    void readElided(std::string_view line)
    {
        std::string_view rest = line.substr(3);
        uint64_t n = 0;
        if (text::takeUnsigned(rest, n) && startsWith(rest, " frames elided"))
            m_current.elidedFrames = int32_t(std::min<uint64_t>(n, INT32_MAX));
        else if (startsWith(rest, "additional frames elided"))
            m_current.elidedFrames = -1;
    }

    void finishBlock(bool atEnd)
    {
        m_inBlock = false;
        if (atEnd && (m_pendingCall || (m_frames.empty() && !m_current.stackUnavailable)))
            m_truncatedEnd = true;
        if (m_pendingCall) {
            ++m_damagedFrames;
            m_pendingCall = false;
        }
        if (m_frames.empty() && !m_current.stackUnavailable)
            ++m_emptyStacks;
        m_current.stack = m_builder.store().symbols.stacks.intern(m_frames);
        m_dump.frameDetails.resize(m_current.detailBegin + m_frames.size());
        m_dump.goroutines.push_back(m_current);
    }

    void findHeadline(uint64_t start)
    {
        const uint64_t from = start > kHeadlineWindow ? start - kHeadlineWindow : 0;
        m_lines.seek(from);
        std::string_view line;
        bool skippedPartial = from != 0;
        while (m_lines.position() < start && m_lines.next(line)) {
            if (skippedPartial) {
                skippedPartial = false; // the window may start mid-line
                continue;
            }
            if (isHeadline(line))
                m_dump.headline = std::string(line);
        }
    }

    void report()
    {
        if (m_truncatedEnd)
            m_context.warn("the dump ends in the middle of goroutine " + std::to_string(m_current.id) +
                           " (truncated?); its stack is incomplete");
        if (m_damagedFrames)
            m_context.warn(std::to_string(m_damagedFrames) +
                           " frame line(s) were malformed or cut off and were skipped");
        if (m_emptyStacks && !m_truncatedEnd)
            m_context.warn(std::to_string(m_emptyStacks) + " goroutine(s) have no frames");
        if (m_badLabels)
            m_context.warn(std::to_string(m_badLabels) + " goroutine header(s) had malformed labels");
        if (m_unknownHeaders)
            m_context.warn(std::to_string(m_unknownHeaders) +
                           " line(s) looking like a goroutine header were not understood; their goroutines are left "
                           "out (the first, at byte " + std::to_string(m_firstUnknownHeaderAt) + ": " +
                           m_firstUnknownHeader + ")");
    }

    text::LineCursor m_lines;
    DumpBuilder& m_builder;
    GoroutineDumpData& m_dump;
    LoadContext& m_context;

    DumpGoroutine m_current;
    std::vector<FrameId> m_frames;
    std::unordered_set<uint64_t> m_seenIds;
    std::string_view m_callFunction, m_callArgs, m_createdByFunction;
    bool m_inBlock = false;
    bool m_pendingCall = false;
    bool m_pendingCreatedBy = false;
    bool m_skippingAncestors = false;
    bool m_endsWithNewline;
    bool m_truncatedEnd = false;
    uint64_t m_damagedFrames = 0;
    uint64_t m_emptyStacks = 0;
    uint64_t m_badLabels = 0;
    uint64_t m_unknownHeaders = 0;
    uint64_t m_firstUnknownHeaderAt = 0;
    std::string m_firstUnknownHeader; // quoted for the warning
};

} // namespace

uint64_t findTraceback(std::span<const uint8_t> bytes)
{
    const std::string_view all(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    GoroutineHeader header;
    // A header-shaped line ("goroutine N ...:") before the first one understood starts the dump
    // too, so that the parser reports it instead of the dump silently starting after it.
    uint64_t firstHeaderShaped = kNotFound;
    for (size_t at = all.find("goroutine "); at != std::string_view::npos; at = all.find("goroutine ", at + 1)) {
        if (at != 0 && all[at - 1] != '\n')
            continue;
        const size_t end = all.find('\n', at);
        std::string_view line = all.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (parseGoroutineHeader(line, header))
            return std::min<uint64_t>(at, firstHeaderShaped);
        if (firstHeaderShaped == kNotFound && looksLikeGoroutineHeader(line) && text::endsWith(line, ":"))
            firstHeaderShaped = at;
    }
    return kNotFound;
}

void parseTraceback(std::span<const uint8_t> bytes, uint64_t start, DumpBuilder& builder, LoadContext& context)
{
    builder.dump().kind = GoroutineDumpData::Kind::Traceback;
    TracebackParser(bytes, builder, context).run(start);
}

} // namespace gs::dump
