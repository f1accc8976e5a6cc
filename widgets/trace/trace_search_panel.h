// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/trace_search.h"
#include "widgets/common/job_runner.h"

#include <QWidget>

#include <memory>
#include <stop_token>

class QLabel;
class QLineEdit;
class QModelIndex;
class QStandardItem;
class QStandardItemModel;
class QTimer;
class QTreeView;

namespace gs::ui {

class TraceSession;

// The trace page's "Search" tab: one Go regexp over everything of the trace a person may name
// (searchTrace: goroutine IDs and labels, start functions, functions in stacks, region and task
// types, logs). Hits are listed by kind, with the count of each kind in its heading ("1,000 of
// 53,211 shown" when capped) and the matched text in bold; a start function, function or type
// unfolds to its goroutines, regions or tasks. Choosing a hit or one of those tells where it is
// on the timeline (placeChosen). The search runs off the GUI thread, 200 ms after the last key
// (at once on Enter), the newest pattern winning; an invalid pattern is said in red under the
// field instead. GUI thread only.
class TraceSearchPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TraceSearchPanel(TraceSession* session, QWidget* parent = nullptr);
    ~TraceSearchPanel() override;

    // Focuses the field with its text selected, for typing a new pattern.
    void focusField();
    // Puts `pattern` in the field and searches it now.
    void setPattern(const QString& pattern);

    QLineEdit* field() const { return m_field; }
    QTreeView* results() const { return m_view; }
    QStandardItemModel* model() const { return m_model; }
    // "23 hits", "Searching…": what the status line says; the error shown, if any.
    QString status() const;
    QString error() const;
    bool isSearching() const { return m_searching; }
    // The hits shown (null: no search).
    const std::shared_ptr<const TraceSearchResult>& result() const { return m_result; }

signals:
    // A hit was chosen: the goroutine's row (kNoRow: none), and the time range to show
    // (start and end -1: none; start == end: an instant).
    void placeChosen(gs::GoroutineRow row, gs::TimeNs start, gs::TimeNs end);
    // A search ended and its hits are shown.
    void searchFinished();

private:
    void search();
    void show(std::shared_ptr<const TraceSearchResult> result);
    void clearResults(const QString& status);
    void fillPlaces(QStandardItem* hitItem);
    void choose(const QModelIndex& index);

    TraceSession* m_session;
    QLineEdit* m_field;
    QLabel* m_error;
    QLabel* m_status;
    QTreeView* m_view;
    QStandardItemModel* m_model;
    QTimer* m_debounce;
    JobRunner m_jobs;
    std::stop_source m_stop;
    bool m_searching = false;
    std::shared_ptr<const TraceSearchResult> m_result;
};

} // namespace gs::ui
