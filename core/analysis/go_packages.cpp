// SPDX-License-Identifier: MIT
#include "core/analysis/go_packages.h"

#include <algorithm>
#include <iterator>

namespace gs {

std::string_view goPackage(std::string_view function)
{
    const size_t bracket = function.find('[');
    const std::string_view name = bracket == std::string_view::npos ? function : function.substr(0, bracket);
    const size_t slash = name.rfind('/');
    const size_t dot = name.find('.', slash == std::string_view::npos ? 0 : slash + 1);
    return dot == std::string_view::npos ? name : name.substr(0, dot);
}

bool isGoRuntimeFunction(std::string_view function)
{
    const std::string_view pkg = goPackage(function);
    // runtime/pprof, runtime/trace and runtime/debug are user-facing APIs, not the scheduler or GC.
    return pkg == "runtime" || pkg.starts_with("runtime/internal/") || pkg.starts_with("internal/runtime/");
}

bool isRuntimeGoroutineStart(std::string_view startFunction)
{
    if (startFunction == "runtime.main")
        return false;
    const std::string_view pkg = goPackage(startFunction);
    return pkg == "runtime" || pkg.starts_with("runtime/") || pkg.starts_with("internal/runtime/");
}

bool isGoStandardLibraryFunction(std::string_view function)
{
    // The first element of every standard package's path (`go list std`, Go 1.26); "vendor" holds
    // the golang.org/x packages the standard library carries.
    static constexpr std::string_view kStandardRoots[] = {
        "archive", "bufio",    "bytes",    "cmp",     "compress", "container", "context", "crypto",  "database",
        "debug",   "embed",    "encoding", "errors",  "expvar",   "flag",      "fmt",     "go",      "hash",
        "html",    "image",    "index",    "internal", "io",      "iter",      "log",     "maps",    "math",
        "mime",    "net",      "os",       "path",    "plugin",   "reflect",   "regexp",  "runtime", "slices",
        "sort",    "strconv",  "strings",  "structs", "sync",     "syscall",   "testing", "text",    "time",
        "unicode", "unique",   "unsafe",   "vendor",  "weak",
    };
    const std::string_view pkg = goPackage(function);
    if (pkg == function)
        return true; // no package: the runtime's "panic" for runtime.gopanic, "_ExternalCode"
    const std::string_view root = pkg.substr(0, pkg.find('/'));
    return std::find(std::begin(kStandardRoots), std::end(kStandardRoots), root) != std::end(kStandardRoots);
}

} // namespace gs
