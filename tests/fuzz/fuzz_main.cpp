// SPDX-License-Identifier: MIT
// libFuzzer's entry for every core target: the executable fuzz_NAME is this file compiled with
// GOROSCOPE_FUZZ_TARGET="NAME" (CMakeLists.txt), running that target of fuzz_support.cpp, the
// same code the regression test replays reproducers through.
#include "tests/fuzz/fuzz_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const gs::fuzz::Target* const target = gs::fuzz::findTarget(GOROSCOPE_FUZZ_TARGET);
    target->run(std::span<const uint8_t>(data, size));
    return 0;
}
