// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

// Slash-separated paths handled as Go's path/filepath does them on Unix, for reproducing what
// pprof does with the file names in a profile (cleaning, trimming, looking sources up).
namespace gs::gopath {

// filepath.Clean: the shortest path naming the same file by lexical processing ("a/./b/../c" ->
// "a/c", "" -> ".", "/.." -> "/").
std::string clean(std::string_view path);

// filepath.Dir: everything before the last slash, cleaned ("a/b" -> "a", "a" -> ".", "/" -> "/").
std::string dir(std::string_view path);

// filepath.Base: the last element, trailing slashes dropped ("a/b/" -> "b", "" -> ".", "/" -> "/").
std::string base(std::string_view path);

// filepath.Join of two parts: cleaned, an empty part left out ("", "x" -> "x").
std::string join(std::string_view a, std::string_view b);

// filepath.SplitList: a ':'-separated list of paths; "" is no path at all, empty parts stay.
std::vector<std::string> splitList(std::string_view list);

} // namespace gs::gopath
