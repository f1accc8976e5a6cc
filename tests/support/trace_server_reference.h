// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"
#include "tests/support/go_reference.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace gs::test {

// A reference test on one trace file (the test's parameter): the trace as Goroscope loads it and
// `go tool trace -http` serving it. SetUp skips the test (fails it on CI) without the reference
// toolchain, and fails it when either side cannot read the trace.
class TraceServerReference : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override;

    const EventStore& store() const { return *m_store; }
    const TraceData& trace() const { return *m_store->trace; }
    const GoTraceServer& server() const { return *m_server; }

private:
    StorePtr m_store;
    std::unique_ptr<GoReadableTrace> m_goInput;
    std::unique_ptr<GoTraceServer> m_server;
};

} // namespace gs::test
