// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/event_format.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <ctime>

namespace gs::gotrace {

namespace {

void appendInt(int64_t v, std::string& out)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, size_t(r.ptr - buf));
}

void appendUint(uint64_t v, std::string& out)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, size_t(r.ptr - buf));
}

void appendValue(uint64_t v, std::string& out)
{
    out += "Value{Uint64(";
    appendUint(v, out);
    out += ")}";
}

// Decodes one UTF-8 sequence; returns its length, or 0 if invalid (then Go prints \xNN).
size_t decodeUtf8(std::string_view s, size_t i, uint32_t& rune)
{
    const auto b = uint8_t(s[i]);
    size_t n = 0;
    uint32_t min = 0;
    if (b < 0x80) {
        rune = b;
        return 1;
    } else if ((b & 0xe0) == 0xc0) {
        n = 2;
        rune = b & 0x1f;
        min = 0x80;
    } else if ((b & 0xf0) == 0xe0) {
        n = 3;
        rune = b & 0x0f;
        min = 0x800;
    } else if ((b & 0xf8) == 0xf0) {
        n = 4;
        rune = b & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (size_t k = 1; k < n; ++k) {
        const auto c = uint8_t(s[i + k]);
        if ((c & 0xc0) != 0x80)
            return 0;
        rune = rune << 6 | (c & 0x3f);
    }
    if (rune < min || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff))
        return 0;
    return n;
}

// Approximates unicode.IsPrint for non-ASCII runes: everything but C1 controls, the no-break
// and other special spaces, format characters and private/non-characters.
bool isPrintableRune(uint32_t r)
{
    if (r < 0xa0)
        return false;
    if (r == 0xad || (r >= 0x2000 && r <= 0x200f) || (r >= 0x2028 && r <= 0x202f) || (r >= 0x205f && r <= 0x206f)
        || r == 0x3000 || r == 0xfeff || (r >= 0xfff9 && r <= 0xfffb) || (r >= 0xe000 && r <= 0xf8ff) || r >= 0xf0000
        || (r & 0xfffe) == 0xfffe)
        return false;
    return true;
}

void appendWall(uint64_t sec, uint64_t nsec, std::string& out)
{
    int64_t s = int64_t(sec) + int64_t(nsec / 1000000000u);
    const uint64_t ns = nsec % 1000000000u;
    const std::time_t t = std::time_t(s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    out += buf;
    if (ns != 0) {
        std::snprintf(buf, sizeof buf, ".%09llu", static_cast<unsigned long long>(ns));
        std::string frac(buf);
        while (frac.back() == '0')
            frac.pop_back();
        out += frac;
    }
    out += 'Z';
}

void appendResource(int kind, int64_t id, std::string& out)
{
    if (kind == 0) {
        out += "None";
        return;
    }
    out += kind == 1 ? "Goroutine(" : "Proc(";
    appendInt(id, out);
    out += ')';
}

// Go prints a stack block whenever the event's Stack value is not NoStack. Most accessors map
// ID 0 to NoStack, but a GoCreate's new-goroutine stack and a CPU sample's stack are built
// from the ID unchecked, so there ID 0 still prints the header with no frames under it.
void appendStackBlock(const GenerationTables& tables, const char* header, uint64_t stack, StackTextCache& stacks,
                      std::string& out)
{
    out += '\n';
    out += header;
    out += '\n';
    if (stack != 0)
        out += stacks.frames(tables, stack);
}

} // namespace

void appendGoQuoted(std::string_view s, std::string& out)
{
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < s.size();) {
        uint32_t r = 0;
        const size_t n = decodeUtf8(s, i, r);
        if (n == 0) {
            const auto b = uint8_t(s[i]);
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 15];
            ++i;
            continue;
        }
        if (r < 0x80) {
            const char c = char(r);
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\a': out += "\\a"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\v': out += "\\v"; break;
            default:
                if (r < 0x20 || r == 0x7f) {
                    out += "\\x";
                    out += kHex[r >> 4];
                    out += kHex[r & 15];
                } else {
                    out += c;
                }
            }
        } else if (isPrintableRune(r)) {
            out.append(s.substr(i, n));
        } else {
            const bool wide = r > 0xffff;
            out += wide ? "\\U" : "\\u";
            for (int shift = wide ? 28 : 12; shift >= 0; shift -= 4)
                out += kHex[(r >> shift) & 15];
        }
        i += n;
    }
    out += '"';
}

void appendEventLine(const Event& ev, std::string& out)
{
    out += "M=";
    appendInt(ev.m, out);
    out += " P=";
    appendInt(ev.p, out);
    out += " G=";
    appendInt(ev.g, out);
    const EventKind kind = ev.kind();
    out += ' ';
    out += kindName(kind);
    out += " Time=";
    appendInt(ev.time, out);
    switch (kind) {
    case EventKind::Metric:
        out += " Name=";
        appendGoQuoted(ev.metricName(), out);
        out += " Value=";
        appendValue(ev.metricValue(), out);
        break;
    case EventKind::Label:
        out += " Label=";
        appendGoQuoted(ev.label(), out);
        out += " Resource=";
        appendResource(1, ev.g, out);
        break;
    case EventKind::RangeBegin:
    case EventKind::RangeActive:
    case EventKind::RangeEnd:
        out += " Name=";
        if (ev.type == EvSTWBegin || ev.type == EvSTWEnd)
            appendGoQuoted("stop-the-world (" + std::string(ev.stwKind()) + ")", out);
        else
            appendGoQuoted(ev.rangeName(), out);
        out += " Scope=";
        appendResource(ev.rangeScopeKind(), ev.rangeScopeId(), out);
        if (kind == EventKind::RangeEnd) {
            out += " Attributes=[";
            if (ev.type == EvGCSweepEnd) {
                out += "\"bytes swept\"=";
                appendValue(ev.args[0], out);
                out += " \"bytes reclaimed\"=";
                appendValue(ev.args[1], out);
            }
            out += ']';
        }
        break;
    case EventKind::TaskBegin:
    case EventKind::TaskEnd:
        out += " ID=";
        appendUint(ev.taskId(), out);
        out += " Parent=";
        appendUint(ev.taskParent(), out);
        out += " Type=";
        appendGoQuoted(ev.taskType(), out);
        break;
    case EventKind::RegionBegin:
    case EventKind::RegionEnd:
        out += " Task=";
        appendUint(ev.regionTask(), out);
        out += " Type=";
        appendGoQuoted(ev.regionType(), out);
        break;
    case EventKind::Log:
        out += " Task=";
        appendUint(ev.logTask(), out);
        out += " Category=";
        appendGoQuoted(ev.logCategory(), out);
        out += " Message=";
        appendGoQuoted(ev.logMessage(), out);
        break;
    case EventKind::StateTransition: {
        const StateTransition s = ev.stateTransition();
        if (s.isGoroutine) {
            out += " GoID=";
            appendInt(s.id, out);
            out += ' ';
            out += goStateName(GoState(s.from));
            out += "->";
            out += goStateName(GoState(s.to));
        } else {
            out += " ProcID=";
            appendInt(s.id, out);
            out += ' ';
            out += procStateName(ProcState(s.from));
            out += "->";
            out += procStateName(ProcState(s.to));
        }
        out += " Reason=";
        appendGoQuoted(s.reason, out);
        break;
    }
    case EventKind::Experimental: {
        const WireSpec& spec = wireSpec(ev.type);
        out += " Name=";
        out += spec.name;
        out += " Args=[";
        for (int i = 0; i < spec.argCount; ++i) {
            if (i != 0)
                out += ", ";
            out += spec.argNames[i];
            out += '=';
            const std::string_view name = spec.argNames[i];
            if (name.size() >= 6 && name.substr(name.size() - 6) == "string")
                out += ev.string(ev.args[i]);
            else
                appendValue(ev.args[i], out);
        }
        out += ']';
        break;
    }
    case EventKind::Sync:
        out += " N=";
        appendUint(ev.syncNumber(), out);
        if (ev.tables && ev.tables->hasClockSnapshot) {
            out += " Trace=";
            appendInt(ev.tables->snapshotTimeNs, out);
            out += " Mono=";
            appendUint(ev.tables->snapshotMono, out);
            out += " Wall=";
            appendWall(ev.tables->snapshotSec, ev.tables->snapshotNsec, out);
        }
        break;
    default: break;
    }
}

void appendEvent(const Event& ev, StackTextCache& stacks, std::string& out)
{
    appendEventLine(ev, out);
    if (!ev.tables)
        return; // the final Sync event: no stacks
    if (ev.kind() == EventKind::StateTransition) {
        const uint64_t stack = ev.stateTransition().stack;
        if (stack != 0 || ev.type == EvGoCreate || ev.type == EvGoCreateBlocked)
            appendStackBlock(*ev.tables, "TransitionStack=", stack, stacks, out);
    }
    if (const uint64_t stack = ev.stack(); stack != 0 || ev.type == EvCPUSample)
        appendStackBlock(*ev.tables, "Stack=", stack, stacks, out);
}

} // namespace gs::gotrace
