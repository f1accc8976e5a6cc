// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/span_table.h"

#include <QSplitter>

class QTableView;

namespace gs::ui {

class RegionInstanceModel;
class RegionTypeModel;
class TraceSession;

// The trace page's "Regions" tab, as `go tool trace`'s "User-defined regions" page: per region
// type its count and duration percentiles (RegionTypeModel), and beside it the regions of the
// chosen type (RegionInstanceModel). Choosing a region emits regionChosen, which the page turns
// into its goroutine and time range on the timeline. Summarised when first shown, not per store.
// GUI thread only.
class RegionTab : public QSplitter
{
    Q_OBJECT
public:
    explicit RegionTab(TraceSession* session, QWidget* parent = nullptr);

    RegionTypeModel* typeModel() const { return m_types; }
    RegionInstanceModel* instanceModel() const { return m_instances; }
    QTableView* typeView() const { return m_typeView; }
    QTableView* instanceView() const { return m_instanceView; }

signals:
    void regionChosen(gs::GoroutineRow row, gs::TimeNs start, gs::TimeNs end);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void summarize();
    void showType(int proxyRow);
    void chooseInstance(int proxyRow);

    TraceSession* m_session;
    RegionTypeModel* m_types;
    RegionInstanceModel* m_instances;
    QTableView* m_typeView;
    QTableView* m_instanceView;
    bool m_stale = true;
};

} // namespace gs::ui
