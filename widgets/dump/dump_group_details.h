// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/dump/dump_view.h"

#include <QString>

namespace gs::ui {

// The details pane text of one group: how many goroutines, their status, the ids of the first
// members, the first member's stack and its "created by" line, as a traceback prints them.
QString describeGroup(const DumpView& view, const DumpGroup& group);

// One goroutine as a traceback prints it: "goroutine N [status] {labels}:", its stack, elided
// frames and its "created by" line.
QString goroutineText(const Symbols& symbols, const GoroutineDumpData& dump, const DumpGoroutine& g);

} // namespace gs::ui
