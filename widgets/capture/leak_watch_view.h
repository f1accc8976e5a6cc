// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/dump_watch.h"
#include "core/model/event_store.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace gs::capture {
class LeakWatch;
}

namespace gs::ui {

class DumpDiffView;

// Watch for Leaks: the goroutine dumps of a running service as they come (LeakWatch), each group
// of goroutines (same functions, same state) with its count in every dump, growing groups first
// (watchDumps), the counts over the dumps as a plot (the growing groups and the selected one),
// and the leak finder's diff of any two dumps one click away.
class LeakWatchView : public QWidget
{
    Q_OBJECT
public:
    explicit LeakWatchView(QWidget* parent = nullptr);
    ~LeakWatchView() override;

    // Starts watching `baseUrl`: `count` dumps `everySeconds` apart, saved in `folder`.
    void watch(const std::string& baseUrl, int everySeconds, int count, const QString& folder);
    void stop();
    // Adds a dump already on disk as the next snapshot (what each dump of the watch does);
    // false, with the message in the status line, when it does not load as a dump.
    bool addSnapshot(const QString& path);
    // Shows the leak finder's diff of snapshots `before` and `after` (0-based).
    void showDiff(int before, int after);

    const std::vector<WatchedGroup>& groups() const { return m_groups; }
    const std::vector<StorePtr>& snapshots() const { return m_snapshots; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* stopButton() const { return m_stop; }
    QTableWidget* groupTable() const { return m_table; }
    QCustomPlot* plot() const { return m_plot; }
    QComboBox* beforeBox() const { return m_before; }
    QComboBox* afterBox() const { return m_after; }
    QPushButton* diffButton() const { return m_diffButton; }
    DumpDiffView* diffView() const { return m_diff; }

signals:
    // The watch ended (all dumps taken, stopped, or a dump failed: the status line says which).
    void finished();
    void snapshotAdded(int count);

private:
    void regroup();
    void fillTable();
    void fillPlot();
    void setStatus(const QString& text);

    capture::LeakWatch* m_watch = nullptr;
    std::vector<StorePtr> m_snapshots;
    std::vector<QString> m_paths;
    std::vector<WatchedGroup> m_groups;
    QLabel* m_status = nullptr;
    QPushButton* m_stop = nullptr;
    QTableWidget* m_table = nullptr;
    QCustomPlot* m_plot = nullptr;
    QComboBox* m_before = nullptr;
    QComboBox* m_after = nullptr;
    QPushButton* m_diffButton = nullptr;
    DumpDiffView* m_diff = nullptr;
    int m_plannedCount = 0;
};

} // namespace gs::ui
