// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace gs::pprof {

// The name pprof shows for a profile.proto Function, from its `name` and `system_name` fields.
//
// pprof rewrites every function name once, right after loading a profile (its symbolizer's
// demangling step, which runs with the default -symbolize mode), so all its reports, filters and
// node merging see the rewritten name. Go's runtime/pprof writes generic functions with their
// full shape types, and pprof's heuristic for "already demangled C++" names catches them:
//   "encoding/json.typeEncoder.OnceValue[go.shape.func(*encoding/json.encodeState, reflect.Value,
//    encoding/json.encOpts)].func3" -> "encoding/json.typeEncoder.OnceValue[go.shape.func].func3"
// The rule, as pprof applies it:
// - a function whose name is set and differs from its system name keeps its name as is;
// - otherwise the system name is taken, and if it looks like demangled C++ (it contains one of
//   `<>[]` or `::`, but neither ".<", a Java "Class.<init>", nor "]).", a Go method of a generic
//   type "pkg.(*T[...]).M"), every outermost "(...)" and then every outermost "<...>" is cut
//   out. Square brackets stay. An unbalanced closing character stops the cutting at that point.
// Mangled C++ and Rust names (pprof demangles "_Z..." / "_R..." before this) are not demangled.
std::string displayFunctionName(std::string_view name, std::string_view systemName);

} // namespace gs::pprof
