// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

constexpr FrameId kNoFrame = std::numeric_limits<FrameId>::max();

// A key/value pair: a pprof label of a debug=1 record, or of a goroutine header printed with
// GODEBUG=tracebacklabels=1.
struct DumpLabel
{
    StringId key = 0;
    StringId value = 0;
};

// What a traceback prints about one frame beyond the function and line the shared stack holds.
// Arguments are kept as text (pointers differ per goroutine, so they never enter the stack key).
struct DumpFrameDetail
{
    uint64_t argsOffset = 0; // into GoroutineDumpData::argsText
    uint32_t argsLength = 0;
    uint32_t pcOffset = 0; // the "+0x1f" after file:line; 0 when not printed (inlined frames)
};

// One goroutine of a traceback (debug=2, runtime.Stack, panic, fatal error, SIGQUIT).
struct DumpGoroutine
{
    uint64_t id = 0;
    // The bracketed status as printed: a wait reason ("chan receive") or a state ("running",
    // "runnable", "syscall"), without the " (scan)" marker.
    StringId state = 0;
    int32_t waitMinutes = 0; // ", N minutes"; 0 when not printed (waiting less than a minute)
    bool lockedToThread = false;
    bool stackUnavailable = false; // "goroutine running on other thread; stack unavailable"
    // Frames the runtime left out: N from "...N frames elided...", -1 for the older
    // "...additional frames elided..." that gives no count.
    int32_t elidedFrames = 0;
    StackId stack = 0;            // innermost frame first, in the store's Symbols
    FrameId createdBy = kNoFrame; // "created by F" with the file:line under it
    uint64_t creatorId = 0;       // "in goroutine N" (Go 1.21+); 0 when not printed
    uint32_t detailBegin = 0;     // frameDetails[detailBegin .. + stack size)
    uint32_t labelBegin = 0, labelEnd = 0; // labels[labelBegin .. labelEnd)
    uint32_t extraBegin = 0, extraEnd = 0; // extraFields[extraBegin .. extraEnd)
};

// One record of a debug=1 count profile ("20 @ 0x... 0x..." and its "#" frame lines).
struct CountRecord
{
    int64_t count = 0;
    StackId stack = 0;
    uint32_t labelBegin = 0, labelEnd = 0;
};

// A goroutine dump or a debug=1 count profile, as read from text. The stacks live in the store's
// Symbols, so the flame-graph and function filters work on dumps as on profiles.
struct GoroutineDumpData
{
    enum class Kind
    {
        Traceback,    // one block per goroutine
        CountProfile, // "<name> profile: total N", one record per distinct stack
    };
    Kind kind = Kind::Traceback;
    std::string profileName; // count profiles: "goroutine", "threadcreate", ...
    int64_t declaredTotal = 0; // count profiles: the N of "total N"
    // The crash line before the goroutines, when there is one: "panic: boom",
    // "fatal error: all goroutines are asleep - deadlock!", "SIGQUIT: quit".
    std::string headline;
    // Where the dump was found in the input (a dump inside a larger log skips the rest).
    uint64_t firstByte = 0;
    uint64_t endByte = 0;

    std::vector<DumpGoroutine> goroutines;
    std::vector<CountRecord> records;
    std::vector<DumpFrameDetail> frameDetails;
    std::string argsText;
    std::vector<DumpLabel> labels;
    // Header fields Goroscope shows but does not interpret: "gp=0x...", "m=3", "mp=0x...",
    // "synctest bubble 2", and any unknown ", field" a newer runtime adds.
    std::vector<StringId> extraFields;

    // Goroutines in the dump: one per traceback block, or the sum of the record counts.
    int64_t goroutineCount() const;
    // The goroutine that panicked or hit the fatal error: the runtime prints it first. Null when
    // the dump is not of a crash (a debug=2 capture, SIGQUIT output).
    const DumpGoroutine* crashedGoroutine() const;

    std::span<const DumpFrameDetail> details(const DumpGoroutine& g, size_t frameCount) const
    {
        return std::span<const DumpFrameDetail>(frameDetails).subspan(g.detailBegin, frameCount);
    }
    std::string_view args(const DumpFrameDetail& d) const
    {
        return std::string_view(argsText).substr(d.argsOffset, d.argsLength);
    }
    std::span<const DumpLabel> labelsOf(uint32_t begin, uint32_t end) const
    {
        return std::span<const DumpLabel>(labels).subspan(begin, end - begin);
    }
    std::span<const StringId> extrasOf(const DumpGoroutine& g) const
    {
        return std::span<const StringId>(extraFields).subspan(g.extraBegin, g.extraEnd - g.extraBegin);
    }

    size_t memoryBytes() const;
};

} // namespace gs
