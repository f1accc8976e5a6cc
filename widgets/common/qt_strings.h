// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string_view>

namespace gs::ui {

// Core strings (symbols, paths) are UTF-8 std::string_views; this is the one place they cross
// into Qt.
inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace gs::ui
