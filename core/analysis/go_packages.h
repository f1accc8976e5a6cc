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

// Functions of Go's standard library, told by Go's own rule for import paths: the first path
// element of a standard package has no dot ("encoding/json", "internal/poll"), a module's has one
// ("github.com/x/y"). Package main is the program's own. A module path without a dot (allowed
// but discouraged) reads as standard here.
bool isGoStandardLibraryFunction(std::string_view function);

} // namespace gs
