// SPDX-License-Identifier: MIT
#include "core/analysis/go_packages.h"

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

bool isGoStandardLibraryFunction(std::string_view function)
{
    const std::string_view pkg = goPackage(function);
    if (pkg == "main" || pkg.empty())
        return false;
    const std::string_view first = pkg.substr(0, pkg.find('/'));
    return first.find('.') == std::string_view::npos;
}

} // namespace gs
