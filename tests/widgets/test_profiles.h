// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gs::test {

// Builds small pprof-like stores by hand through the Symbols/Profile API, for tests that must not
// depend on the decoder. Stacks are given root-first ("main.main", "pkg.f", "pkg.leaf").
class ProfileBuilder
{
public:
    explicit ProfileBuilder(std::vector<ValueType> types = {{"cpu", "nanoseconds"}});

    ProfileBuilder& sample(const std::vector<std::string>& rootFirst, std::vector<int64_t> values,
                           const std::vector<std::pair<std::string, std::string>>& labels = {});
    ProfileBuilder& withWarning(std::string warning);
    StorePtr build(const std::string& path = "hand-made.pb.gz");

private:
    std::shared_ptr<EventStore> m_store;
};

// main.main -> {net/http.(*conn).serve -> encoding/json.Marshal (300), compute.work (500),
// runtime.mallocgc (100)} plus runtime.gcBgMarkWorker (100): 1000 ns in all.
StorePtr smallCpuProfile();

} // namespace gs::test
