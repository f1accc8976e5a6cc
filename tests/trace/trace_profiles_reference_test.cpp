// SPDX-License-Identifier: MIT
// Differential test: the blocking profiles we derive from a trace against the ones
// `go tool trace -pprof=net|sync|syscall|sched` writes for the same file, on every trace fixture.
// Each profile is compared record by record: the stack (as function names, leaf first) with its
// contention count and delay in nanoseconds, exactly.
#include "core/analysis/trace_profiles.h"
#include "core/base/load_context.h"
#include "core/formats/pprof/pprof_decoder.h"
#include "core/io/file_bytes.h"
#include "core/load/load_file.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

namespace gs {
namespace {

using Records = std::map<std::string, std::pair<int64_t, int64_t>>; // stack -> (count, delay ns)

Records recordsOf(const EventStore& store)
{
    Records out;
    const Profile& p = *store.profile;
    for (size_t i = 0; i < p.sampleCount(); ++i) {
        std::string key;
        for (FrameId f : store.symbols.stacks.frames(p.sampleStacks[i])) {
            // An unsymbolized PC: our trace reader leaves its name empty, Go's profile reads back
            // as pprof names it.
            const std::string_view name = store.symbols.functionName(store.symbols.frameFunction(f));
            key += std::string(name.empty() ? "<unknown>" : name) + ";";
        }
        auto& [count, delay] = out[key];
        count += p.value(i, 0);
        delay += p.value(i, 1);
    }
    return out;
}

class TraceProfilesReference : public ::testing::TestWithParam<std::string>
{
};

TEST_P(TraceProfilesReference, BlockingProfilesMatchGoToolTrace)
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    LoadContext ctx;
    auto store = loadFile(GetParam(), ctx);
    ASSERT_TRUE(store.ok()) << store.error().message;
    const test::GoReadableTrace goInput(GetParam());

    for (TraceProfileKind kind : kTraceProfileKinds) {
        if (kind == TraceProfileKind::Cpu)
            continue; // Go's tool derives no CPU profile from a trace
        const std::string name = traceProfileName(kind);
        std::string goErrors;
        const std::string bytes = test::runCommand(test::goCommand() + " tool trace -pprof=" + name + " "
                                                       + test::shellQuote(goInput.path()),
                                                   &goErrors);
        ASSERT_FALSE(bytes.empty()) << name << ": go tool trace wrote nothing: " << goErrors;
        // Go writes its profiles gzip-compressed.
        auto proto = gunzip(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 1u << 30);
        ASSERT_TRUE(proto.ok()) << name << ": " << proto.error().message;
        LoadContext goCtx;
        auto reference = decodePprof(*proto, goCtx);
        ASSERT_TRUE(reference.ok()) << name << ": " << reference.error().message;

        const auto derived = deriveTraceProfile(**store, kind);
        const Records ours = recordsOf(*derived);
        const Records theirs = recordsOf(**reference);
        EXPECT_EQ(ours.size(), theirs.size()) << name;
        for (const auto& [stack, values] : theirs) {
            auto it = ours.find(stack);
            if (it == ours.end()) {
                ADD_FAILURE() << name << ": Go has a record we lack: " << stack;
                continue;
            }
            EXPECT_EQ(it->second, values) << name << ": " << stack;
        }
        for (const auto& [stack, values] : ours)
            EXPECT_TRUE(theirs.count(stack)) << name << ": we have a record Go lacks: " << stack;
    }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TraceProfilesReference,
                         ::testing::ValuesIn(test::referenceTraces()),
                         [](const auto& param) { return test::testNameOf(param.param); });

} // namespace
} // namespace gs
