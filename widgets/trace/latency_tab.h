// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/span_table.h"

#include <QSplitter>

class QLabel;
class QPushButton;
class QTableView;

namespace gs::ui {

class DurationHistogramPlot;
class LatencyInstanceModel;
class LatencyTypeModel;
class TaskInstanceModel;
class TaskTypeModel;
class RegionInstanceModel;
class RegionTypeModel;
class TraceSession;

// A tab like `go tool trace`'s "User-defined regions" and "User-defined tasks" pages: per type
// (left) its count and duration percentiles; for the chosen type, the histogram of its durations
// (middle) and its instances (right). Clicking a bar of the histogram, or dragging over several, lists only
// the instances of those durations; choosing an instance emits instanceChosen, which the page
// turns into its goroutine and time range on the timeline. Summarised when first shown, not per
// store. GUI thread only.
class LatencyTab : public QSplitter
{
    Q_OBJECT
public:
    QTableView* typeView() const { return m_typeView; }
    QTableView* instanceView() const { return m_instanceView; }
    DurationHistogramPlot* histogram() const { return m_histogram; }
    // What the histogram and the instance list say of the chosen type.
    QString summary() const;

signals:
    void instanceChosen(gs::GoroutineRow row, gs::TimeNs start, gs::TimeNs end);

protected:
    // `one` and `many` name an instance ("region", "regions").
    LatencyTab(TraceSession* session, LatencyTypeModel* types, LatencyInstanceModel* instances, const QString& one,
               const QString& many, QWidget* parent);
    void showEvent(QShowEvent* event) override;
    LatencyTypeModel* types() const { return m_types; }
    LatencyInstanceModel* instances() const { return m_instances; }

private:
    void summarize();
    void showType(int proxyRow);
    void showBins(size_t first, size_t last);
    void showInstances(std::optional<std::pair<TimeNs, TimeNs>> durations);
    void chooseInstance(int proxyRow);

    TraceSession* m_session;
    LatencyTypeModel* m_types;
    LatencyInstanceModel* m_instances;
    QString m_one;
    QString m_many;
    QTableView* m_typeView;
    QTableView* m_instanceView;
    DurationHistogramPlot* m_histogram;
    QLabel* m_summary;
    QPushButton* m_showAll;
    int m_typeRow = -1; // in m_types
    bool m_stale = true;
};

// The trace page's "Regions" tab.
class RegionTab : public LatencyTab
{
    Q_OBJECT
public:
    explicit RegionTab(TraceSession* session, QWidget* parent = nullptr);
    RegionTypeModel* typeModel() const;
    RegionInstanceModel* instanceModel() const;

private:
    RegionTab(TraceSession* session, RegionTypeModel* types, QWidget* parent);
};

// The trace page's "Tasks" tab.
class TaskTab : public LatencyTab
{
    Q_OBJECT
public:
    explicit TaskTab(TraceSession* session, QWidget* parent = nullptr);
    TaskTypeModel* typeModel() const;
    TaskInstanceModel* instanceModel() const;

private:
    TaskTab(TraceSession* session, TaskTypeModel* types, QWidget* parent);
};

} // namespace gs::ui
