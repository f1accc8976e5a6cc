// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/trace/contributors_model.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace gs::ui {

// The goroutines that fed the selected flame-graph frame, beside the trace's flame graph: a title
// naming the frame and the count, the ContributorsModel table and a hint. Clicking or activating a
// row asks for that goroutine on the timeline (goroutineActivated). GUI thread only.
class ContributorsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContributorsPanel(QWidget* parent = nullptr);

    // Lists `list` for the frame of function `frame` (see ContributorsModel::setContributors).
    void showContributors(StorePtr trace, ContributorsModel::ListPtr list, std::string unit, const QString& frame,
                          bool linked);
    // No list, and `text` in its place ("Click a frame…", "Finding…").
    void showMessage(const QString& text);

    ContributorsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString title() const;

signals:
    void goroutineActivated(gs::GoroutineRow row);

private:
    ContributorsModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace gs::ui
