// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

namespace gs::ui {

// A small rounded "kind: pattern  x" label for one active filter; the x asks for its removal.
class FilterChip : public QFrame
{
    Q_OBJECT
public:
    FilterChip(const QString& kind, const QString& pattern, QWidget* parent = nullptr);

signals:
    void removeClicked();
};

} // namespace gs::ui
