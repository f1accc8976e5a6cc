// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"

#include <optional>
#include <string>
#include <string_view>

namespace gs::ui {

// Package path of a Go function name, used to colour frames by package:
// "net/http.(*conn).serve" -> "net/http", "main.main" -> "main". Type parameters ("F[...]") are
// ignored, since they may contain other packages' paths. Names without a dot are their own package.
std::string_view goPackage(std::string_view function);

// The name without its package directory, for labels that must be short:
// "github.com/a/b.(*T).M" -> "b.(*T).M".
std::string_view goShortName(std::string_view function);

// The name without its package, for labels that must be shorter still:
// "net/http.(*Server).Serve" -> "(*Server).Serve", "main.main.func1" -> "main.func1".
std::string_view goNameInPackage(std::string_view function);

// Frames of the Go runtime proper (runtime, runtime/internal/..., internal/runtime/...), drawn in
// their own hue.
bool isRuntimeFunction(std::string_view function);

// Escapes regex syntax so that "^name$" built from it matches the name literally.
std::string escapeRegex(std::string_view text);

// The function with exactly this name, if any. Linear in the number of functions: meant for
// selection changes, not for per-frame work.
std::optional<FunctionId> findFunction(const Symbols& symbols, std::string_view name);

} // namespace gs::ui
