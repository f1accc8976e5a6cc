// SPDX-License-Identifier: MIT
#include "tests/support/leaky_service.h"

#include "tests/support/go_reference.h"

#include <QProcess>
#include <QTcpServer>

#include <filesystem>
#include <unistd.h>

namespace gs::test {

namespace {

// The program, built once per process into the temp folder (removed at exit); "" with the build's
// output in `log` when it does not build.
std::string serviceBinary(std::string& log)
{
    static std::string built;
    static std::string buildLog;
    static bool tried = false;
    if (!tried) {
        tried = true;
        const auto out
            = std::filesystem::temp_directory_path() / ("goroscope_leaky_service_" + std::to_string(::getpid()));
        const std::string source = std::string(GOROSCOPE_TEST_DATA_DIR) + "/gen/leaky_service";
        buildLog = runCommand("cd " + shellQuote(source) + " && " + shellQuote(goCommand()) + " build -o "
                              + shellQuote(out.string()) + " . 2>&1");
        if (std::filesystem::exists(out)) {
            built = out.string();
            std::atexit([] { std::filesystem::remove(built); });
        }
    }
    log = buildLog;
    return built;
}

} // namespace

LeakyService::LeakyService(const std::string& mode)
{
    const std::string binary = serviceBinary(m_log);
    if (binary.empty())
        return;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QString::fromStdString(binary), {QStringLiteral("-mode"), QString::fromStdString(mode)});
    // It prints "port N" once it listens.
    while (m_process->waitForReadyRead(10000)) {
        m_log += m_process->readLine().toStdString();
        if (m_log.rfind("port ", 0) == 0) {
            m_port = std::stoi(m_log.substr(5));
            return;
        }
    }
}

LeakyService::~LeakyService()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

std::string LeakyService::url(bool tls) const
{
    return std::string(tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port);
}

int closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    const int port = server.serverPort();
    server.close();
    return port;
}

} // namespace gs::test
