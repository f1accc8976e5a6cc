// SPDX-License-Identifier: MIT
#include "core/io/file_bytes.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
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

Result<std::vector<uint8_t>> gunzip(std::span<const uint8_t> bytes, uint64_t maxOutput)
{
    z_stream zs {};
    // 16 + MAX_WBITS: expect a gzip header and trailer.
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return Error {"cannot initialise zlib", std::nullopt};
    std::vector<uint8_t> out;
    out.resize(std::min<uint64_t>(std::max<size_t>(bytes.size() * 4, 4096), maxOutput));
    zs.next_in = const_cast<Bytef*>(bytes.data());
    zs.avail_in = uInt(bytes.size());
    size_t produced = 0;
    for (;;) {
        if (produced == out.size()) {
            if (out.size() >= maxOutput) {
                inflateEnd(&zs);
                return Error {"gzip data expands beyond " + std::to_string(maxOutput >> 20) + " MiB", zs.total_in};
            }
            out.resize(std::min<uint64_t>(out.size() * 2, maxOutput));
        }
        zs.next_out = out.data() + produced;
        zs.avail_out = uInt(std::min<size_t>(out.size() - produced, 1u << 30));
        const uInt before = zs.avail_out;
        const int rc = inflate(&zs, Z_NO_FLUSH);
        produced += before - zs.avail_out;
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0)
                break;
            // Another gzip member follows (concatenated gzip files are valid gzip).
            if (inflateReset(&zs) != Z_OK)
                break;
            continue;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
            inflateEnd(&zs);
            return Error {"gzip data is truncated", uint64_t(bytes.size())};
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            const uint64_t at = zs.total_in;
            std::string why = zs.msg ? zs.msg : "invalid data";
            inflateEnd(&zs);
            return Error {"corrupt gzip data: " + why, at};
        }
    }
    inflateEnd(&zs);
    out.resize(produced);
    out.shrink_to_fit();
    return out;
}

Result<InputBytes> readInput(const std::string& path)
{
    auto raw = readFile(path);
    if (!raw)
        return raw.error();
    if (!isGzip(*raw))
        return InputBytes {std::move(*raw), false};
    auto inflated = gunzip(*raw, kMaxDecompressedBytes);
    if (!inflated)
        return inflated.error();
    return InputBytes {std::move(*inflated), true};
}

} // namespace gs
