// SPDX-License-Identifier: MIT
#include "widgets/common/go_names.h"

#include "core/analysis/go_packages.h"

namespace gs::ui {

namespace {

// Cuts type parameters off: "pkg.F[go.shape.string,example.com/x.T]" -> "pkg.F".
std::string_view withoutTypeParams(std::string_view function)
{
    const size_t bracket = function.find('[');
    return bracket == std::string_view::npos ? function : function.substr(0, bracket);
}

} // namespace

std::string_view goPackage(std::string_view function)
{
    return gs::goPackage(function);
}

std::string_view goShortName(std::string_view function)
{
    const size_t slash = withoutTypeParams(function).rfind('/');
    return slash == std::string_view::npos ? function : function.substr(slash + 1);
}

std::string_view goNameInPackage(std::string_view function)
{
    // The package is a prefix of the name (goPackage ignores only what follows it).
    const size_t end = goPackage(function).size();
    return end < function.size() && function[end] == '.' ? function.substr(end + 1) : function;
}

bool isRuntimeFunction(std::string_view function)
{
    return isGoRuntimeFunction(function);
}

std::string escapeRegex(std::string_view text)
{
    static constexpr std::string_view kSpecial = "^$\\.*+?()[]{}|/";
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        if (kSpecial.find(c) != std::string_view::npos)
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

std::optional<FunctionId> findFunction(const Symbols& symbols, std::string_view name)
{
    for (size_t i = 0; i < symbols.functions.size(); ++i) {
        if (symbols.functionName(FunctionId(i)) == name)
            return FunctionId(i);
    }
    return std::nullopt;
}

} // namespace gs::ui
