// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/granularity.h"
#include "core/model/event_store.h"

#include <set>
#include <string>
#include <string_view>

namespace gs {

// The functions of a pprof profile's store (by name) that a report node at `granularity`, named
// as regroupProfile names it, covers: the function itself for functions (with or without
// inlines); the function of a line or an address node ("main.fib main.go:41",
// "00000000004e90c0 main.fib main.go:41"); every function of the file of a file node
// ("main.go"). What a source listing, which always shows whole functions, lists for a node.
// Empty for a store without pprof detail or a node that names no function.
std::set<std::string> functionsOfNode(const EventStore& store, NodeGranularity granularity, std::string_view node);

} // namespace gs
