// SPDX-License-Identifier: MIT
#include "tests/bench/synthetic_profile.h"

#include "profile.pb.h"

#include <google/protobuf/arena.h>

#include <string>
#include <unordered_map>

namespace gs::bench {

namespace {

namespace pb = goroscope::pprof;

// xorshift64*: tiny, fast and identical on every platform (std distributions are not).
class Rng
{
public:
    explicit Rng(uint64_t seed)
        : m_state(seed * 0x9e3779b97f4a7c15ull + 1)
    {
    }
    uint64_t next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545f4914f6cdd1dull;
    }
    size_t below(size_t n) { return size_t(next() % n); }
    double unit() { return double(next() >> 11) / double(uint64_t(1) << 53); }

private:
    uint64_t m_state;
};

class StringTable
{
public:
    explicit StringTable(pb::Profile& p)
        : m_profile(p)
    {
        add("");
    }
    int64_t add(const std::string& s)
    {
        auto [it, inserted] = m_index.emplace(s, int64_t(m_profile.string_table_size()));
        if (inserted)
            m_profile.add_string_table(s);
        return it->second;
    }

private:
    pb::Profile& m_profile;
    std::unordered_map<std::string, int64_t> m_index;
};

std::string functionName(size_t i)
{
    static const char* kVerbs[] = {"Handle", "Parse", "Encode", "Decode", "Lookup", "Flush", "Serve", "Scan"};
    const size_t package = i % 240;
    const std::string pkg = package < 40 ? "runtime" + (package ? std::to_string(package) : std::string())
                                         : "github.com/acme/service/internal/pkg" + std::to_string(package);
    switch (i % 3) {
    case 0:
        return pkg + ".(*Type" + std::to_string(i % 97) + ")." + kVerbs[i % 8] + std::to_string(i);
    case 1:
        return pkg + "." + kVerbs[(i / 3) % 8] + std::to_string(i) + ".func" + std::to_string(1 + i % 4);
    default:
        return pkg + "." + kVerbs[(i / 7) % 8] + std::to_string(i);
    }
}

} // namespace

std::vector<uint8_t> makeSyntheticProfile(const SyntheticProfileSpec& spec)
{
    google::protobuf::Arena arena;
    auto* profile = google::protobuf::Arena::CreateMessage<pb::Profile>(&arena);
    StringTable strings(*profile);
    Rng rng(spec.seed);

    auto* st = profile->add_sample_type();
    st->set_type(strings.add("samples"));
    st->set_unit(strings.add("count"));
    st = profile->add_sample_type();
    st->set_type(strings.add("cpu"));
    st->set_unit(strings.add("nanoseconds"));
    profile->mutable_period_type()->set_type(strings.add("cpu"));
    profile->mutable_period_type()->set_unit(strings.add("nanoseconds"));
    profile->set_period(10'000'000);
    profile->set_duration_nanos(int64_t(spec.samples) * 10'000'000 / 8);
    profile->set_time_nanos(1'700'000'000'000'000'000);

    auto* mapping = profile->add_mapping();
    mapping->set_id(1);
    mapping->set_memory_start(0x400000);
    mapping->set_memory_limit(0x400000 + 0x100000 * 64);
    mapping->set_filename(strings.add("/usr/local/bin/service"));
    mapping->set_has_functions(true);
    mapping->set_has_filenames(true);
    mapping->set_has_line_numbers(true);
    mapping->set_has_inline_frames(true);

    for (size_t f = 0; f < spec.functions; ++f) {
        auto* fn = profile->add_function();
        fn->set_id(f + 1);
        const std::string name = functionName(f);
        fn->set_name(strings.add(name));
        fn->set_system_name(fn->name());
        fn->set_filename(strings.add("service/pkg" + std::to_string(f % 240) + "/file" + std::to_string(f % 13) + ".go"));
        fn->set_start_line(int64_t(10 + f % 500));
    }
    // Locations: one per PC; about one in six carries an inlined callee before its own line.
    for (size_t l = 0; l < spec.locations; ++l) {
        auto* loc = profile->add_location();
        loc->set_id(l + 1);
        loc->set_mapping_id(1);
        loc->set_address(0x400000 + l * 16);
        const size_t function = (l * 7919) % spec.functions;
        if (l % 6 == 0) {
            auto* inl = loc->add_line();
            inl->set_function_id((function * 31 + 17) % spec.functions + 1);
            inl->set_line(int64_t(20 + l % 300));
        }
        auto* line = loc->add_line();
        line->set_function_id(function + 1);
        line->set_line(int64_t(30 + l % 700));
    }

    // Stacks grow from shared prefixes: a new stack copies a prefix of an earlier one, then calls
    // down a call graph where each location has only four possible callees.
    std::vector<std::vector<uint64_t>> stacks; // root first
    stacks.reserve(spec.distinctStacks);
    const uint64_t roots[] = {1, 2, 3, 4};
    for (size_t s = 0; s < spec.distinctStacks; ++s) {
        std::vector<uint64_t> path;
        if (!stacks.empty() && rng.below(10) != 0) {
            const auto& base = stacks[rng.below(stacks.size())];
            path.assign(base.begin(), base.begin() + long(1 + rng.below(base.size())));
        } else {
            path.push_back(roots[rng.below(4)]);
        }
        const size_t depth = 6 + rng.below(36);
        while (path.size() < depth) {
            const uint64_t caller = path.back();
            path.push_back((caller * 2654435761u + 97 * rng.below(4)) % spec.locations + 1);
        }
        stacks.push_back(std::move(path));
    }

    const int64_t workers[] = {strings.add("worker"), strings.add("a"), strings.add("b"), strings.add("c"),
                               strings.add("d")};
    profile->mutable_sample()->Reserve(int(spec.samples));
    for (size_t i = 0; i < spec.samples; ++i) {
        // Skewed popularity: a few hot stacks, a long tail.
        const double u = rng.unit();
        const auto& path = stacks[size_t(u * u * u * double(stacks.size()))];
        auto* sample = profile->add_sample();
        for (auto it = path.rbegin(); it != path.rend(); ++it)
            sample->add_location_id(*it);
        const int64_t count = 1 + int64_t(rng.below(4));
        sample->add_value(count);
        sample->add_value(count * 10'000'000);
        auto* label = sample->add_label();
        label->set_key(workers[0]);
        label->set_str(workers[1 + rng.below(4)]);
    }

    std::string bytes;
    profile->SerializeToString(&bytes);
    return std::vector<uint8_t>(bytes.begin(), bytes.end());
}

} // namespace gs::bench
