// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace gs {

// Package path of a Go function name: "net/http.(*conn).serve" -> "net/http", "main.main" ->
// "main". Type parameters ("F[...]") are ignored, since they may contain other packages' paths.
// Names without a dot are their own package.
std::string_view goPackage(std::string_view function);

// Frames of the Go runtime proper (runtime, runtime/internal/..., internal/runtime/...): the
// scheduler, the allocator and the GC, not code a program calls for a purpose of its own.
bool isGoRuntimeFunction(std::string_view function);

// Whether a goroutine that started in `startFunction` is one the runtime runs for itself (GC
// workers, the finalizer, timers, the tracer's reader): it started in the runtime or one of its
// runtime/... packages, and not in runtime.main, the program's main goroutine; as
// runtime.isSystemGoroutine decides.
bool isRuntimeGoroutineStart(std::string_view startFunction);

// Functions of Go's standard library (runtime, sync, net/http, ...): the first element of the
// package path is one of the standard library's. Modules named without a dot ("example/app")
// and package main are the program's, as they should be. A name without a package (the runtime's
// "panic") counts as the library's.
bool isGoStandardLibraryFunction(std::string_view function);

} // namespace gs
