// SPDX-License-Identifier: MIT
// Replays the session fuzzer's seeds and reproducers (tests/fuzz/seeds/session,
// tests/fuzz/regressions/session) through sessionFromJson, as fuzz_session runs them: each is
// read or refused with one line, never a crash or a sanitizer report.
#include "app/gui/session_file.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include <filesystem>

namespace gs::app {
namespace {

namespace fs = std::filesystem;

TEST(SessionFuzzRegressions, EveryInputReadsOrFailsWithOneLine)
{
    int replayed = 0;
    for (const char* folder : {"seeds/session", "regressions/session"}) {
        const fs::path dir = fs::path(GOROSCOPE_FUZZ_DIR) / folder;
        if (!fs::is_directory(dir))
            continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            QFile file(QString::fromStdString(entry.path().string()));
            ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << entry.path();
            QString error;
            const auto session = sessionFromJson(file.readAll(), QDir(QStringLiteral("/sessions")), &error);
            EXPECT_TRUE(session || (!error.isEmpty() && !error.contains(QLatin1Char('\n'))))
                << entry.path() << ": " << error.toStdString();
            ++replayed;
        }
    }
    // The seed at least: a valid session that must keep reading as one.
    EXPECT_GE(replayed, 1);
}

TEST(SessionFuzzRegressions, TheSeedIsAValidSession)
{
    QFile file(QStringLiteral(GOROSCOPE_FUZZ_DIR "/seeds/session/full.goroscope-session.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QString error;
    EXPECT_TRUE(sessionFromJson(file.readAll(), QDir(QStringLiteral("/sessions")), &error)) << error.toStdString();
}

} // namespace
} // namespace gs::app
