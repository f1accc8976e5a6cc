// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace gs::ui {

class GoroutineSelectionSync;
class GoroutineTableModel;
class TraceSession;

// The goroutine table of the trace page: a GoroutineTableModel that follows the session's store
// and filter result, with its selection tied to the session's selected goroutine both ways
// (selecting a row selects the goroutine everywhere; a goroutine selected elsewhere is selected
// and scrolled to here). Rows have a fixed height, so 100k of them scroll without measuring.
// GUI thread only.
class GoroutineTable : public QTableView
{
    Q_OBJECT
public:
    explicit GoroutineTable(TraceSession* session, QWidget* parent = nullptr);

    GoroutineTableModel* tableModel() const { return m_model; }

private:
    void resetColumnWidths();

    TraceSession* m_session;
    GoroutineTableModel* m_model;
    GoroutineSelectionSync* m_selection;
};

} // namespace gs::ui
