// SPDX-License-Identifier: MIT
#include "core/io/file_bytes.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <zlib.h>

namespace gs {

namespace {
// Decompressed inputs larger than this are refused: far beyond any capture we can display.
constexpr uint64_t kMaxDecompressedBytes = uint64_t(16) << 30;
} // namespace

Result<std::vector<uint8_t>> readFile(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return Error {std::string("cannot open: ") + std::strerror(errno), std::nullopt};
    if (S_ISDIR(st.st_mode))
        return Error {"is a directory, not a capture file", std::nullopt};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error {std::string("cannot open: ") + std::strerror(errno), std::nullopt};
    std::vector<uint8_t> data(size_t(st.st_size));
    in.read(reinterpret_cast<char*>(data.data()), std::streamsize(data.size()));
    if (in.gcount() != std::streamsize(data.size()))
        return Error {"read error: file changed size while reading", std::nullopt};
    return data;
}

bool isGzip(std::span<const uint8_t> bytes)
{
    return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

namespace {

// First output buffer size. The gzip trailer's ISIZE (uncompressed size mod 2^32 of the last
// member) is exact for the usual single-member file, so the buffer is allocated once, at the size
// it ends with, instead of growing by doubling (a copy and a 1.5x peak each time). It is only a
// hint from the input: capped at 16x the compressed size, so a lying trailer cannot make a small
// file allocate much; larger outputs grow as before.
uint64_t initialOutputSize(std::span<const uint8_t> bytes, uint64_t maxOutput)
{
    uint64_t guess = std::max<uint64_t>(uint64_t(bytes.size()) * 4, 4096);
    if (bytes.size() >= 18) {
        const uint8_t* t = bytes.data() + bytes.size() - 4;
        const uint64_t isize = uint64_t(t[0]) | uint64_t(t[1]) << 8 | uint64_t(t[2]) << 16 | uint64_t(t[3]) << 24;
        if (isize > 0)
            // +1: room to spare, so inflate can report the end without the buffer growing first.
            guess = std::min<uint64_t>(isize + 1, uint64_t(bytes.size()) * 16 + 4096);
    }
    return std::min(guess, maxOutput);
}

} // namespace

Result<std::vector<uint8_t>> gunzip(std::span<const uint8_t> bytes, uint64_t maxOutput)
{
    z_stream zs {};
    // 16 + MAX_WBITS: expect a gzip header and trailer.
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return Error {"cannot initialise zlib", std::nullopt};
    std::vector<uint8_t> out;
    out.resize(initialOutputSize(bytes, maxOutput));
    // zlib counts in 32-bit uInt: the input is fed in chunks, so inputs over 4 GiB are read whole.
    size_t fed = 0;
    auto feed = [&] {
        if (zs.avail_in == 0 && fed < bytes.size()) {
            zs.next_in = const_cast<Bytef*>(bytes.data() + fed);
            zs.avail_in = uInt(std::min<size_t>(bytes.size() - fed, 1u << 30));
            fed += zs.avail_in;
        }
    };
    auto consumed = [&] { return uint64_t(fed - zs.avail_in); };
    size_t produced = 0;
    for (;;) {
        if (produced == out.size()) {
            if (out.size() >= maxOutput) {
                inflateEnd(&zs);
                return Error {"gzip data expands beyond " + std::to_string(maxOutput >> 20) + " MiB", consumed()};
            }
            out.resize(std::min<uint64_t>(out.size() * 2, maxOutput));
        }
        feed();
        zs.next_out = out.data() + produced;
        zs.avail_out = uInt(std::min<size_t>(out.size() - produced, 1u << 30));
        const uInt before = zs.avail_out;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        produced += before - zs.avail_out;
        const bool inputDone = zs.avail_in == 0 && fed == bytes.size();
        if (rc == Z_STREAM_END) {
            if (inputDone)
                break;
            // Another gzip member follows (concatenated gzip files are valid gzip).
            if (inflateReset(&zs) != Z_OK)
                break;
            continue;
        }
        if (rc == Z_BUF_ERROR && inputDone) {
            inflateEnd(&zs);
            return Error {"gzip data is truncated", uint64_t(bytes.size())};
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            const uint64_t at = consumed();
            std::string why = zs.msg ? zs.msg : "invalid data";
            inflateEnd(&zs);
            return Error {"corrupt gzip data: " + why, at};
        }
    }
    inflateEnd(&zs);
    out.resize(produced);
    // Give back slack only when it is large: shrinking copies the whole buffer.
    if (out.capacity() - produced > produced / 4)
        out.shrink_to_fit();
    return out;
}

Result<InputBytes> inputFromBytes(std::vector<uint8_t> raw)
{
    if (!isGzip(raw))
        return InputBytes {std::move(raw), false};
    auto inflated = gunzip(raw, kMaxDecompressedBytes);
    if (!inflated)
        return inflated.error();
    return InputBytes {std::move(*inflated), true};
}

Result<InputBytes> readInput(const std::string& path)
{
    auto raw = readFile(path);
    if (!raw)
        return raw.error();
    return inputFromBytes(std::move(*raw));
}

MappedInput::MappedInput(MappedInput&& other) noexcept
    : m_map(std::exchange(other.m_map, nullptr))
    , m_mapped(std::exchange(other.m_mapped, {}))
    , m_owned(std::move(other.m_owned))
{
}

MappedInput& MappedInput::operator=(MappedInput&& other) noexcept
{
    if (this != &other) {
        unmap();
        m_map = std::exchange(other.m_map, nullptr);
        m_mapped = std::exchange(other.m_mapped, {});
        m_owned = std::move(other.m_owned);
    }
    return *this;
}

MappedInput::~MappedInput()
{
    unmap();
}

void MappedInput::unmap()
{
    if (m_map)
        ::munmap(m_map, m_mapped.size());
    m_map = nullptr;
    m_mapped = {};
}

Result<MappedInput> mapInput(const std::string& path)
{
    MappedInput result;
    struct stat st {};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        // Not MAP_POPULATE: wiring every page up front is serial work before decoding can
        // start; faulted in as read (the kernel maps cached neighbours in the same fault), the
        // pages cost the decoder's reading thread, which has time to spare.
        void* map = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            result.m_map = map;
            result.m_mapped = std::span<const uint8_t>(static_cast<const uint8_t*>(map), size_t(st.st_size));
        }
    }
    if (fd >= 0)
        ::close(fd);
    if (result.m_map && !isGzip(result.m_mapped))
        return result;
    if (result.m_map) {
        auto inflated = gunzip(result.m_mapped, kMaxDecompressedBytes);
        result.unmap();
        if (!inflated)
            return inflated.error();
        result.m_owned = InputBytes{std::move(*inflated), true};
        return result;
    }
    // Empty, not a regular file or not mappable: readInput says what is wrong or returns the bytes.
    auto input = readInput(path);
    if (!input)
        return input.error();
    result.m_owned = std::move(*input);
    return result;
}

void releasePages(std::span<const uint8_t> bytes, uint64_t upTo)
{
    const auto page = uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<uintptr_t>(bytes.data()) + page - 1) / page * page;
    const auto end = (reinterpret_cast<uintptr_t>(bytes.data()) + std::min<uint64_t>(upTo, bytes.size())) / page * page;
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED); // a hint: failure only costs memory
}

} // namespace gs
