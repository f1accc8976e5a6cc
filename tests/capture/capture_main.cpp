// SPDX-License-Identifier: MIT
// The capture tests run Qt Network's event loop: one QCoreApplication for the whole process.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace {

// Whether a thread of this process still carries Qt's name for a network access manager's HTTP
// thread ("QNetworkAccessManager thread", cut to the kernel's 15 characters).
bool networkThreadAlive()
{
    std::error_code error;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", error)) {
        std::ifstream comm(task.path() / "comm");
        std::string name;
        if (std::getline(comm, name) && name.starts_with("QNetworkAccessM"))
            return true;
    }
    return false;
}

// QThread::wait returns before the thread's thread-local destructors have run, OpenSSL's among
// them. If the process exits then, OpenSSL's exit-time cleanup and the ending HTTP thread free the
// same state (AddressSanitizer reports a double free). Wait, at most a few seconds, until the
// kernel no longer lists the thread.
void waitForNetworkThreadsToEnd()
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (networkThreadAlive() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

} // namespace

int main(int argc, char** argv)
{
    int result = 0;
    {
        QCoreApplication app(argc, argv);
        ::testing::InitGoogleTest(&argc, argv);
        result = RUN_ALL_TESTS();
    }
    waitForNetworkThreadsToEnd();
    return result;
}
