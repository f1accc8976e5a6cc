// SPDX-License-Identifier: MIT
#include "tests/widgets/test_profiles.h"

namespace gs::test {

ProfileBuilder::ProfileBuilder(std::vector<ValueType> types)
    : m_store(std::make_shared<EventStore>())
{
    m_store->format = Format::Pprof;
    m_store->profile.emplace();
    m_store->profile->sampleTypes = std::move(types);
    m_store->profile->defaultSampleType = m_store->profile->sampleTypes.size() - 1;
}

ProfileBuilder& ProfileBuilder::sample(const std::vector<std::string>& rootFirst, std::vector<int64_t> values,
                                       const std::vector<std::pair<std::string, std::string>>& labels)
{
    Symbols& symbols = m_store->symbols;
    Profile& profile = *m_store->profile;
    std::vector<FrameId> leafFirst;
    for (auto it = rootFirst.rbegin(); it != rootFirst.rend(); ++it)
        leafFirst.push_back(symbols.internFrame(symbols.internFunction(*it, "src/" + *it + ".go"), 10));
    profile.sampleStacks.push_back(symbols.stacks.intern(leafFirst));
    values.resize(profile.sampleTypes.size(), 0);
    profile.sampleValues.insert(profile.sampleValues.end(), values.begin(), values.end());
    for (const auto& [key, value] : labels)
        profile.labels.push_back(SampleLabel {symbols.strings.intern(key), symbols.strings.intern(value), 0, 0});
    profile.labelOffsets.push_back(uint32_t(profile.labels.size()));
    return *this;
}

ProfileBuilder& ProfileBuilder::withWarning(std::string warning)
{
    m_store->warnings.push_back(std::move(warning));
    return *this;
}

StorePtr ProfileBuilder::build(const std::string& path)
{
    m_store->sourcePath = path;
    return m_store;
}

StorePtr smallCpuProfile()
{
    return ProfileBuilder()
        .sample({"main.main", "net/http.(*conn).serve", "encoding/json.Marshal"}, {300})
        .sample({"main.main", "compute.work"}, {500})
        .sample({"main.main", "runtime.mallocgc"}, {100})
        .sample({"runtime.gcBgMarkWorker"}, {100})
        .build();
}

} // namespace gs::test
