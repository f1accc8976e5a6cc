// SPDX-License-Identifier: MIT
#include "core/findings/dump_frames.h"

#include "core/analysis/dump_groups.h"

#include <algorithm>
#include <iterator>

namespace gs::findings {

bool isStandardLibraryFunction(std::string_view function)
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
    // "net/http.(*conn).serve": the package path ends at the first dot after the last slash.
    const size_t slash = function.rfind('/', function.find('('));
    const size_t dot = function.find('.', slash == std::string_view::npos ? 0 : slash);
    if (dot == std::string_view::npos)
        return true; // no package: the runtime's "panic" for runtime.gopanic
    const std::string_view root = function.substr(0, std::min(dot, function.find('/')));
    return std::find(std::begin(kStandardRoots), std::end(kStandardRoots), root) != std::end(kStandardRoots);
}

bool isRuntimeGoroutine(const Symbols& symbols, StackId stack)
{
    const auto frames = symbols.stacks.frames(stack);
    if (frames.empty())
        return true;
    const std::string_view start = symbols.functionName(symbols.frameFunction(frames.back()));
    return start.starts_with("runtime.") && start != "runtime.main";
}

std::vector<std::string> functionsFromProgram(const Symbols& symbols, StackId stack)
{
    std::vector<std::string> names = stackFunctionNames(symbols, stack);
    const auto program = std::find_if(names.begin(), names.end(),
                                       [](const std::string& f) { return !isStandardLibraryFunction(f); });
    if (program != names.end())
        names.erase(names.begin(), program);
    return names;
}

std::vector<std::string> programFunctions(const Symbols& symbols, StackId stack)
{
    std::vector<std::string> names = stackFunctionNames(symbols, stack);
    std::vector<std::string> own;
    std::copy_if(names.begin(), names.end(), std::back_inserter(own),
                 [](const std::string& f) { return !isStandardLibraryFunction(f); });
    return own.empty() ? names : own;
}

} // namespace gs::findings
