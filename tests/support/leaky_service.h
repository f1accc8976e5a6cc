// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

class QProcess;

namespace gs::test {

// The capture tests' service (tests/data/gen/leaky_service), built with the machine's Go once per
// test process and run on loopback in one of its modes: "pprof" (net/http/pprof, leaking a
// goroutine in main.leakyHandler every tick), "nopprof", "html", "cut", "slow", "tls". Stopped on
// destruction. Tests call GOROSCOPE_REQUIRE_GO_REFERENCE() first.
class LeakyService
{
public:
    explicit LeakyService(const std::string& mode = "pprof");
    ~LeakyService();
    LeakyService(const LeakyService&) = delete;
    LeakyService& operator=(const LeakyService&) = delete;

    bool running() const { return m_port != 0; }
    // Why it is not running: the build's or the program's output.
    const std::string& log() const { return m_log; }
    int port() const { return m_port; }
    // "http://127.0.0.1:PORT" (https:// for the TLS mode when `tls`).
    std::string url(bool tls = false) const;

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    std::string m_log;
};

// A loopback port nothing listens on (bound, then closed again).
int closedPort();

} // namespace gs::test
