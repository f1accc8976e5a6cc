// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/symbols.h"
#include "widgets/profile/profile_compute.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace gs::ui {

// pprof's peek for the selected function: who calls it and what it calls, each call with its
// weight and its share of the function's cumulative weight ("(inline)" where the call was inlined
// in every stack). Activating a caller or callee selects it.
class PeekPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PeekPanel(QWidget* parent = nullptr);

    // Shows `function` (an id of the result's symbols) of `result`; nothing to peek at without both.
    void peekAt(std::shared_ptr<const ProfileResult> result, std::optional<FunctionId> function);
    QTreeWidget* tree() const { return m_tree; }

signals:
    void functionActivated(FunctionId function);

private:
    void rebuild();
    QTreeWidgetItem* addRow(QTreeWidgetItem* parent, int64_t weight, int64_t of, FunctionId function, bool inlined);

    std::shared_ptr<const ProfileResult> m_result;
    std::optional<FunctionId> m_function;
    QLabel* m_hint = nullptr;
    QTreeWidget* m_tree = nullptr;
};

} // namespace gs::ui
