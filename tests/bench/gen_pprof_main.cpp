// SPDX-License-Identifier: MIT
// goroscope_gen_pprof OUT.pb.gz [SAMPLES]: writes the synthetic benchmark profile, gzip-compressed
// as Go writes profiles, for compare_pprof.sh.
#include "tests/bench/synthetic_profile.h"

#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: goroscope_gen_pprof OUT.pb.gz [SAMPLES]\n");
        return 2;
    }
    gs::bench::SyntheticProfileSpec spec;
    if (argc == 3)
        spec.samples = size_t(std::strtoull(argv[2], nullptr, 10));
    const std::vector<uint8_t> bytes = gs::bench::makeSyntheticProfile(spec);
    gzFile out = gzopen(argv[1], "wb1"); // BestSpeed, like runtime/pprof
    if (!out) {
        std::fprintf(stderr, "goroscope_gen_pprof: cannot create %s\n", argv[1]);
        return 1;
    }
    const int written = gzwrite(out, bytes.data(), unsigned(bytes.size()));
    if (gzclose(out) != Z_OK || written != int(bytes.size())) {
        std::fprintf(stderr, "goroscope_gen_pprof: write error on %s\n", argv[1]);
        return 1;
    }
    std::printf("%s: %zu samples, %zu bytes uncompressed\n", argv[1], spec.samples, bytes.size());
    return 0;
}
