// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QString>

namespace gs::ui {

// Text for people: every name in it has been through captureText.

// The frame a person recognises a goroutine by: the innermost one outside the Go runtime (a
// SIGQUIT dump starts most stacks in runtime.gopark), else the innermost; "(no stack)" if empty.
QString blockingFunction(const Symbols& symbols, StackId stack);

// The outermost frame: the function the goroutine was started with (debug=2 stacks are whole).
QString startFunction(const Symbols& symbols, StackId stack);

// "function\n    file:line" per frame, innermost first, as a traceback prints them.
QString stackText(const Symbols& symbols, StackId stack);

// "function\n    file:line" for one frame.
QString frameText(const Symbols& symbols, FrameId frame);

// A goroutine's status with its wait time, as the dump header prints it: "chan receive, 2 minutes".
QString statusText(const Symbols& symbols, StringId state, int32_t waitMinutes);

} // namespace gs::ui
