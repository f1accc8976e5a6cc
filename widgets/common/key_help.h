// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace gs::ui {

// A key or mouse gesture a view handles itself (not through a QAction), for Help › Keyboard
// Shortcuts: "W / S" and what it does. Each view lists its own next to its key handler.
struct KeyHelp
{
    QString keys;
    QString action;
};

} // namespace gs::ui
