// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/mmu.h"
#include "widgets/common/job_runner.h"

#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <utility>

class QCheckBox;
class QLabel;
class QTableView;

namespace gs::ui {

class MmuPlot;
class MmuWindowModel;
class TraceSession;

// The trace page's "MMU" tab, as go tool trace's MMU page: the minimum mutator utilisation curve
// over window sizes (MmuPlot) with go tool trace's options (what counts as GC; system or per
// processor), and beside it the worst windows of the size clicked on the curve
// (MmuWindowModel). Activating a window (double-click, Enter) emits windowChosen, which the page
// turns into a selected time range on the timeline.
//
// The curve costs a search per window size, too slow on a big trace for the GUI thread: it is
// computed off it (JobRunner: the newest store and options win), only once the tab is shown, and
// again when the options change; so are the worst windows. GUI thread only.
class MmuTab : public QWidget
{
    Q_OBJECT
public:
    explicit MmuTab(TraceSession* session, QWidget* parent = nullptr);

    // The options as MmuFlag bits (kMmuDefaultFlags at first); setting them recomputes.
    unsigned flags() const;
    void setFlags(unsigned flags);
    // Lists the worst windows of `windowNs` (off the GUI thread), as a click on the curve does.
    void chooseWindow(TimeNs windowNs);
    std::optional<TimeNs> chosenWindow() const { return m_chosenWindow; }

    // The curve or the worst windows are being computed.
    bool isComputing() const { return m_computingCurve || m_computingWindows; }
    // What the tab says above the plot: "computing…", why there is no curve, or how to use it.
    QString status() const;
    MmuPlot* plot() const { return m_plot; }
    MmuWindowModel* windowModel() const { return m_windows; }
    QTableView* windowView() const { return m_windowView; }

signals:
    void windowChosen(gs::TimeNs start, gs::TimeNs end);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createOptions();
    // Each option's check box with its MmuFlag bit.
    std::array<std::pair<QCheckBox*, unsigned>, 5> options() const;
    void invalidate();
    void recompute();
    void listWindows();
    void chooseRow(int row);

    TraceSession* m_session;
    QCheckBox* m_stw = nullptr;
    QCheckBox* m_background = nullptr;
    QCheckBox* m_assist = nullptr;
    QCheckBox* m_sweep = nullptr;
    QCheckBox* m_perProc = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_windowsTitle = nullptr;
    MmuPlot* m_plot = nullptr;
    MmuWindowModel* m_windows = nullptr;
    QTableView* m_windowView = nullptr;
    std::shared_ptr<const MmuCurve> m_curve; // of the store and options shown
    std::optional<TimeNs> m_chosenWindow;
    bool m_stale = true;
    bool m_computingCurve = false;
    bool m_computingWindows = false;
    JobRunner m_curveJobs;
    JobRunner m_windowJobs;
};

} // namespace gs::ui
