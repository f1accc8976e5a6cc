// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace gs::fuzz {

// One fuzz target of the core: what it runs on an input. `name` is the executable's suffix
// (fuzz_NAME), the folder of its reproducers (tests/fuzz/regressions/NAME) and its entry in
// run_fuzzers.sh. `run` returns the error the input was refused with, empty if it loaded: either
// is a valid outcome; only a crash, a leak or a sanitizer report is a finding.
struct Target
{
    std::string_view name;
    std::string (*run)(std::span<const uint8_t> input);
};

// Every core target: `load` (the app's way into any file: gzip, sniffing, whichever decoder the
// sniffing picks) and one per decoder, each also using the store it built as the app would.
std::span<const Target> targets();

// The target called `name`, or nullptr.
const Target* findTarget(std::string_view name);

} // namespace gs::fuzz
