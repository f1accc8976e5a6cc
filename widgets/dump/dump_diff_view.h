// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dump_diff.h"
#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace gs::ui {

class DumpDiffModel;
class PersistentGoroutineModel;

// The leak finder: two dumps of the same process taken at different times, compared by group
// (same functions, same status; diffDumps). A header with the totals ("1,204 \u2192 5,310
// goroutines"), the groups by growth with a "new" badge for groups the base lacks, and under them
// the selected group's stack and its persistent goroutines (in both dumps, waiting longer).
// The comparison runs off the GUI thread; a newer compare() drops an older one's result.
// GUI thread only.
class DumpDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DumpDiffView(QWidget* parent = nullptr);

    // Compares `after` (the open dump) with `before` (the base); both must be dump stores.
    void compare(StorePtr before, StorePtr after);
    void clear();
    // The latest finished comparison, or null.
    const std::shared_ptr<const DumpDiff>& diff() const;

    QLabel* header() const { return m_header; }
    QCheckBox* unchangedBox() const { return m_unchanged; }
    QTableView* groupTable() const { return m_groupTable; }
    DumpDiffModel* groupModel() const { return m_groups; }
    QPlainTextEdit* stackPane() const { return m_stack; }
    QLabel* persistentCaption() const { return m_persistentCaption; }
    QTableView* persistentTable() const { return m_persistentTable; }
    PersistentGoroutineModel* persistentModel() const { return m_persistent; }

signals:
    // A comparison finished (or failed: diff() is then null and the header says why).
    void diffChanged();

private:
    void buildUi();
    void showDiff(std::shared_ptr<const DumpDiff> diff);
    void showGroup();

    StorePtr m_before;
    StorePtr m_after;
    DumpDiffModel* m_groups = nullptr;
    PersistentGoroutineModel* m_persistent = nullptr;
    QLabel* m_header = nullptr;
    QCheckBox* m_unchanged = nullptr;
    QTableView* m_groupTable = nullptr;
    QPlainTextEdit* m_stack = nullptr;
    QLabel* m_persistentCaption = nullptr;
    QTableView* m_persistentTable = nullptr;
    JobRunner m_jobs;
};

} // namespace gs::ui
