// SPDX-License-Identifier: MIT
#include "core/findings/dump_frames.h"

#include "core/analysis/dump_groups.h"
#include "core/analysis/go_packages.h"

#include <algorithm>
#include <iterator>

namespace gs::findings {

bool isRuntimeGoroutine(const Symbols& symbols, StackId stack)
{
    const auto frames = symbols.stacks.frames(stack);
    if (frames.empty())
        return true;
    return isRuntimeGoroutineStart(symbols.functionName(symbols.frameFunction(frames.back())));
}

std::vector<std::string> functionsFromProgram(const Symbols& symbols, StackId stack)
{
    std::vector<std::string> names = stackFunctionNames(symbols, stack);
    const auto program = std::find_if(names.begin(), names.end(),
                                       [](const std::string& f) { return !isGoStandardLibraryFunction(f); });
    if (program != names.end())
        names.erase(names.begin(), program);
    return names;
}

std::vector<std::string> programFunctions(const Symbols& symbols, StackId stack)
{
    std::vector<std::string> names = stackFunctionNames(symbols, stack);
    std::vector<std::string> own;
    std::copy_if(names.begin(), names.end(), std::back_inserter(own),
                 [](const std::string& f) { return !isGoStandardLibraryFunction(f); });
    return own.empty() ? names : own;
}

} // namespace gs::findings
