// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace gs::ui {

class LinkedDumpModel;
class TraceSession;

// The "Dump" tab of the trace page: a goroutine dump of the same process (File > Open Beside
// Trace), one row per goroutine, with the selected goroutine's traceback beside the list.
// Goroutine IDs are links into the trace: clicking one (or activating its row) selects the
// trace's goroutine with that ID in the session, so the timeline reveals it; the other way, a
// goroutine selected anywhere on the page selects its dump row. IDs the trace does not have are
// greyed. The tab belongs to the session's trace at setDump(); the trace page deletes it when it
// gets another trace. GUI thread only.
class LinkedDumpTab : public QWidget
{
    Q_OBJECT
public:
    explicit LinkedDumpTab(TraceSession* session, QWidget* parent = nullptr);

    // The dump (a store with store->dump) and the file it came from, linked to the session's trace.
    void setDump(StorePtr dump, const QString& path);
    const StorePtr& dump() const;

    // Selects the trace goroutine of dump row `row`; false (and a note) when the trace has none.
    bool activateRow(int row);

    QLabel* header() const { return m_header; }
    QLabel* note() const { return m_note; }
    QTableView* table() const { return m_table; }
    LinkedDumpModel* model() const { return m_model; }
    QPlainTextEdit* stackPane() const { return m_stack; }

private:
    void showGoroutine();
    void followSelection(GoroutineRow row);

    TraceSession* m_session = nullptr;
    LinkedDumpModel* m_model = nullptr;
    QLabel* m_header = nullptr;
    QLabel* m_note = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_stack = nullptr;
};

} // namespace gs::ui
