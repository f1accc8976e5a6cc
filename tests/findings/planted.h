// SPDX-License-Identifier: MIT
#pragma once

#include "core/findings/findings.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gs::test {

// One run of a planting program (tests/data/gen/findings/<program>): built with the reference
// toolchain, run as `PROGRAM -scenario SCENARIO -o DIR` into a fresh temp folder (removed on
// destruction). The program writes its captures into DIR and prints on stdout what it planted,
// one "key value" per line (the goroutine IDs and functions a finding must name).
class PlantedRun
{
public:
    PlantedRun(const std::string& program, const std::string& scenario, const std::vector<std::string>& extraArgs = {});
    ~PlantedRun();
    PlantedRun(const PlantedRun&) = delete;
    PlantedRun& operator=(const PlantedRun&) = delete;

    // Whether the program built and ran; `log()` says why not.
    bool ok() const { return m_ok; }
    const std::string& log() const { return m_log; }
    // The capture the program wrote under DIR.
    std::string file(const std::string& name) const { return (m_dir / name).string(); }
    // Every value the program printed for `key`, in order.
    std::vector<std::string> planted(const std::string& key) const;

private:
    std::filesystem::path m_dir;
    bool m_ok = false;
    std::string m_out;
    std::string m_log;
};

// The findings of a capture file (and a base), ranked; fails the test and returns nothing when a
// file does not load or the base is refused.
std::vector<Finding> findingsOfFile(const std::string& path, const std::string& basePath = {});

// "kind: title" of each finding, one per line, for failure messages.
std::string describeFindings(const std::vector<Finding>& found);

} // namespace gs::test
