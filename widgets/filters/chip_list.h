// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

class QHBoxLayout;

namespace gs::ui {

// The active filters of a filter bar as a row of removable FilterChips, rebuilt whole from a list
// of (kind, text) pairs; a chip's x asks for the removal of its index. Shared by the profile and
// trace filter bars.
class ChipList : public QWidget
{
    Q_OBJECT
public:
    explicit ChipList(QWidget* parent = nullptr);

    void setChips(const std::vector<std::pair<QString, QString>>& chips);
    int chipCount() const;

signals:
    void removeRequested(int index);

private:
    QHBoxLayout* m_layout = nullptr;
};

} // namespace gs::ui
