// SPDX-License-Identifier: MIT
#include "tests/findings/planted.h"

#include "core/load/load_file.h"
#include "tests/support/go_program.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <sstream>
#include <unistd.h>

namespace gs::test {

PlantedRun::PlantedRun(const std::string& program, const std::string& scenario,
                       const std::vector<std::string>& extraArgs)
{
    static int runs = 0;
    m_dir = std::filesystem::temp_directory_path()
            / ("goroscope_planted_" + std::to_string(::getpid()) + "_" + std::to_string(runs++));
    std::filesystem::create_directories(m_dir);
    const std::string binary = builtGoProgram("findings/" + program, m_log);
    if (binary.empty())
        return;
    std::string command = shellQuote(binary) + " -scenario " + shellQuote(scenario) + " -o " + shellQuote(m_dir.string());
    for (const std::string& arg : extraArgs)
        command += " " + shellQuote(arg);
    m_out = runCommand(command + "; echo \"exit $?\"", &m_log);
    // The last line is the exit status the shell appended.
    const size_t last = m_out.rfind("exit ");
    m_ok = last != std::string::npos && m_out.compare(last, 7, "exit 0\n") == 0;
    m_log += m_out;
}

PlantedRun::~PlantedRun()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
}

std::vector<std::string> PlantedRun::planted(const std::string& key) const
{
    std::vector<std::string> values;
    std::istringstream lines(m_out);
    for (std::string line; std::getline(lines, line);)
        if (line.size() > key.size() && line.compare(0, key.size(), key) == 0 && line[key.size()] == ' ')
            values.push_back(line.substr(key.size() + 1));
    return values;
}

namespace {

StorePtr loadForTest(const std::string& path)
{
    LoadContext context;
    auto loaded = loadFile(path, context);
    if (!loaded.ok()) {
        ADD_FAILURE() << path << ": " << loaded.error().describe();
        return nullptr;
    }
    return *loaded;
}

} // namespace

std::vector<Finding> findingsOfFile(const std::string& path, const std::string& basePath)
{
    const StorePtr store = loadForTest(path);
    const StorePtr base = basePath.empty() ? nullptr : loadForTest(basePath);
    if (!store || (!basePath.empty() && !base))
        return {};
    auto found = findFindings(*store, base.get());
    if (!found.ok()) {
        ADD_FAILURE() << path << ": " << found.error().message;
        return {};
    }
    return *found;
}

std::string describeFindings(const std::vector<Finding>& found)
{
    std::string s;
    for (const Finding& f : found)
        s += std::string(severityName(f.severity)) + " " + f.kind + ": " + f.title + "\n";
    return s.empty() ? "(no findings)\n" : s;
}

} // namespace gs::test
