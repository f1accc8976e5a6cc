// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <string>
#include <string_view>
#include <unordered_map>

// How findings name what a stack was doing, in the words a Go programmer uses.
namespace gs::findings {

// The function a person recognises a stack by: its innermost frame outside the standard library
// (the program's own code: "main.holdLock" under sync.(*Mutex).Unlock); for a stack all in the
// standard library (a net/http server), its innermost frame outside the runtime's plumbing
// (runtime, internal/..., sync, time, syscall); else its leaf. "" for an empty stack.
std::string_view recognisableFunction(const Symbols& symbols, StackId stack);

// The function to name goroutine `id` by when it was at `stack`: recognisableFunction, or, for
// an empty stack (old traces record none for some wake-ups), the function the goroutine started
// in; "an unknown function" when neither is known.
std::string_view goroutineFunction(const EventStore& store, int64_t id, StackId stack);

// goroutineFunction, remembered per stack in `cache` (stacks repeat; an empty stack is named by
// its goroutine each time).
std::string_view cachedFunction(std::unordered_map<StackId, std::string_view>& cache, const EventStore& store,
                                int64_t id, StackId stack);

// What a wait was on: the sync type its stack waits in ("sync.Mutex", "sync.WaitGroup"), else the
// wait reason ("chan receive", "select").
std::string waitObject(const Symbols& symbols, StackId stack, std::string_view reason);

} // namespace gs::findings
