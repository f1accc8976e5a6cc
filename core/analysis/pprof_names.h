// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/granularity.h"

#include <string>
#include <string_view>
#include <vector>

namespace gs {

// A function name as pprof's graph draws it (its ShortenFunctionName): the package path before the
// last '/' cut ("runtime/pprof.Do" -> "pprof.Do"), a major-version element dropped
// ("example.com/m/v2/pkg.F" -> "pkg.F"), and Java and C++ names cut to class and method, by the
// same patterns pprof matches.
std::string shortenFunctionName(std::string_view name);

// The lines of a graph node's name as pprof draws them: the address (for addresses), the
// shortened function name split at '.' and '::' ("[...]" kept as "[…]"), then the file's base
// name with ":line" (lines, addresses) or alone (files). `printable` is the node's name as a
// report prints it ("00000000004e90c0 main.fib main.go:41"), `file` its file as the node keeps
// it (the function's file in a regrouped store; empty at the functions granularity).
std::vector<std::string> graphNameLines(std::string_view printable, std::string_view file, Granularity granularity);

} // namespace gs
