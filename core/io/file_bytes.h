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

// Gives the whole memory pages within bytes [0, upTo) back to the system, for an input read into
// memory that will not be read there again (a mapped file's pages are dropped from memory, an
// owned buffer's read as zeros afterwards).
void releasePages(std::span<const uint8_t> bytes, uint64_t upTo);

// Decompresses bytes already in memory if they are gzip, as readInput does for a file.
Result<InputBytes> inputFromBytes(std::vector<uint8_t> raw);

// Reads a file and decompresses it if it is gzip.
Result<InputBytes> readInput(const std::string& path);

// An input for one read-through, without the copy readInput makes (for a 500 MB trace, most of
// a second of page faults and copying): a plain file is mapped read-only, its pages shared with
// the page cache; a gzip file is decompressed as readInput does. If another process truncates
// the file while it is mapped, reading the lost pages kills the process (SIGBUS), so the app
// keeps readInput; command-line tools read once, right away. Move-only.
class MappedInput
{
public:
    MappedInput() = default;
    MappedInput(MappedInput&& other) noexcept;
    MappedInput& operator=(MappedInput&& other) noexcept;
    MappedInput(const MappedInput&) = delete;
    MappedInput& operator=(const MappedInput&) = delete;
    ~MappedInput();

    std::span<const uint8_t> span() const { return m_map ? m_mapped : m_owned.span(); }
    bool compressed() const { return m_owned.compressed; }

private:
    friend Result<MappedInput> mapInput(const std::string& path);
    void unmap();

    void* m_map = nullptr;               // the mapping, when the file is mapped
    std::span<const uint8_t> m_mapped;
    InputBytes m_owned;                  // otherwise: the bytes as readInput returns them
};

// Maps a file (falling back to reading it where mapping is not possible), decompressing gzip.
Result<MappedInput> mapInput(const std::string& path);

} // namespace gs
