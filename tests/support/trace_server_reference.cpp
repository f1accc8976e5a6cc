// SPDX-License-Identifier: MIT
#include "tests/support/trace_server_reference.h"

#include "core/load/load_file.h"

namespace gs::test {

void TraceServerReference::SetUp()
{
    GOROSCOPE_REQUIRE_GO_REFERENCE();
    LoadContext context;
    auto store = loadFile(GetParam(), context);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE((*store)->trace) << GetParam() << " is no trace";
    m_store = *store;
    m_goInput = std::make_unique<GoReadableTrace>(GetParam());
    m_server = std::make_unique<GoTraceServer>(m_goInput->path());
    ASSERT_TRUE(m_server->running()) << "go tool trace did not start:\n" << m_server->startupLog();
}

} // namespace gs::test
