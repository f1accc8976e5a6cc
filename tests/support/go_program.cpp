// SPDX-License-Identifier: MIT
#include "tests/support/go_program.h"

#include "tests/support/go_reference.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <unistd.h>

namespace gs::test {

namespace {

struct Build
{
    std::string binary; // "" when the build failed
    std::string log;
};

std::mutex g_buildsMutex;
std::map<std::string, Build>& builds()
{
    static std::map<std::string, Build> all;
    return all;
}

void removeBuilds()
{
    for (const auto& [folder, build] : builds())
        if (!build.binary.empty())
            std::filesystem::remove(build.binary);
}

} // namespace

std::string builtGoProgram(const std::string& folder, std::string& log)
{
    const std::lock_guard lock(g_buildsMutex);
    auto [it, added] = builds().try_emplace(folder);
    Build& build = it->second;
    if (added) {
        if (builds().size() == 1)
            std::atexit(removeBuilds);
        std::string name = folder;
        for (char& c : name)
            if (c == '/')
                c = '_';
        const auto out = std::filesystem::temp_directory_path()
                         / ("goroscope_" + name + "_" + std::to_string(::getpid()));
        const std::string source = std::string(GOROSCOPE_TEST_DATA_DIR) + "/gen/" + folder;
        build.log = runCommand("cd " + shellQuote(source) + " && " + shellQuote(goCommand()) + " build -o "
                               + shellQuote(out.string()) + " . 2>&1");
        if (std::filesystem::exists(out))
            build.binary = out.string();
    }
    log = build.log;
    return build.binary;
}

} // namespace gs::test
