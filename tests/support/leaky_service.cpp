// SPDX-License-Identifier: MIT
#include "tests/support/leaky_service.h"

#include "tests/support/go_program.h"

#include <QProcess>
#include <QTcpServer>

namespace gs::test {

LeakyService::LeakyService(const std::string& mode)
{
    const std::string binary = builtGoProgram("leaky_service", m_log);
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
