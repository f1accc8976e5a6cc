// SPDX-License-Identifier: MIT
// libFuzzer target: session files (.goroscope-session.json), read and validated as File › Open
// Session does, short of opening the captures they name.
#include "app/gui/session_file.h"

#include <QByteArray>
#include <QDir>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString error;
    // Stored paths resolve against the session's folder; any absolute folder will do.
    gs::app::sessionFromJson(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)),
                             QDir(QStringLiteral("/sessions")), &error);
    return 0;
}
