// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace gs {

// The bytes of an input, after transparent gzip decompression. `compressed` says whether the
// file on disk was gzip, so errors can tell the user that offsets are in the decompressed stream.
struct InputBytes
{
    std::vector<uint8_t> data;
    bool compressed = false;

    std::span<const uint8_t> span() const { return data; }
};

// Reads a whole file. Errors name the file's problem in one line (missing, unreadable, a folder).
Result<std::vector<uint8_t>> readFile(const std::string& path);

bool isGzip(std::span<const uint8_t> bytes);

// Inflates a gzip stream (several members are concatenated, as gunzip does). The output grows
// with the data actually decompressed and stops with an error past `maxOutput` bytes, so a
// gzip bomb cannot exhaust memory.
Result<std::vector<uint8_t>> gunzip(std::span<const uint8_t> bytes, uint64_t maxOutput);

// Reads a file and decompresses it if it is gzip.
Result<InputBytes> readInput(const std::string& path);

} // namespace gs
