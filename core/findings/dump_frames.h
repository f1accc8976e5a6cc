// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"

#include <string>
#include <string_view>
#include <vector>

// How the dump rules tell the program's own frames and goroutines from Go's.
namespace gs::findings {

// A goroutine the runtime runs for itself (GC workers, the finalizer, timers): its outermost frame,
// the function it was started with, is in package runtime and is not runtime.main, as
// runtime.isSystemGoroutine decides. An empty stack counts as one too.
bool isRuntimeGoroutine(const Symbols& symbols, StackId stack);

// The functions of a stack, innermost first, from the innermost function of the program outward.
// The standard-library frames above it (runtime.gopark, sync.(*Mutex).Lock) only say how it waits,
// which the wait state already names. The whole stack when no frame belongs to the program.
std::vector<std::string> functionsFromProgram(const Symbols& symbols, StackId stack);

// Only the program's functions of a stack, innermost first; the whole stack when none are.
std::vector<std::string> programFunctions(const Symbols& symbols, StackId stack);

} // namespace gs::findings
