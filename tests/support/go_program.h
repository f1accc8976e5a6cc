// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace gs::test {

// The Go program in tests/data/gen/<folder>, built with the reference toolchain (goCommand())
// once per test process into the temp folder and removed at exit. Returns the binary's path, or
// "" with the build's output in `log` when it does not build. Tests call
// GOROSCOPE_REQUIRE_GO_REFERENCE() first.
std::string builtGoProgram(const std::string& folder, std::string& log);

} // namespace gs::test
