// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/findings/finding.h"
#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"
#include "widgets/findings/reported_finding.h"

#include <QWidget>

#include <stop_token>
#include <vector>

class QLabel;
class QPushButton;
class QTreeView;

namespace gs::ui {

class FindingsModel;

// The "Findings" panel: what stands out in the open capture (findFindings), most severe first.
// Each row shows the severity, the title and the evidence; the selected finding's detail, figures,
// goroutines, functions and time range are written out beside the list, the goroutines and
// functions as links. Clicking a finding asks to be taken to what it is about (findingActivated);
// the links ask for one goroutine or function. "Add to Report" keeps the finding, with its evidence, for the
// postmortem report and the session.
//
// The rules run on the thread pool when a capture (or a base) is set; a newer capture asks the
// running one to stop and drops its result. Until the result arrives the panel says it is looking;
// an empty result reads "Nothing stood out", a failed one its reason. GUI thread only.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget* parent = nullptr);
    ~FindingsPanel() override;

    // Looks for findings in `store` (compared with `base`, when set) in the background; nothing
    // happens when both are the ones set already. A new capture forgets the findings added to the
    // report; a new base keeps them. Null clears the panel.
    void setCapture(StorePtr store, StorePtr base = nullptr);
    const StorePtr& store() const { return m_store; }
    // Shows what the rules returned for the capture set (what the background job does).
    void showResult(const Result<std::vector<Finding>>& result);
    bool isComputing() const { return m_computing; }

    const std::vector<Finding>& findings() const;
    // The line above the list: looking, the count, "Nothing stood out", or why it failed.
    QString statusText() const;
    QTreeView* list() const { return m_list; }
    FindingsModel* model() const { return m_model; }
    QPushButton* reportButton() const { return m_report; }
    QLabel* detailsLabel() const { return m_details; }

    // The findings added to the report, in the order added.
    const std::vector<ReportedFinding>& reported() const { return m_reported; }
    // Replaces them (a session restored); not a change of the user's, so reportedChanged stays quiet.
    void setReported(std::vector<ReportedFinding> reported);
    // Adds the finding of `row` to the report, or takes it out when it is in already.
    void toggleReported(int row);
    bool isReported(const Finding& finding) const;

signals:
    void findingActivated(const gs::Finding& finding);
    void goroutineActivated(int64_t goroutineId);
    void functionActivated(const QString& function);
    // The user added a finding to the report or took one out.
    void reportedChanged();

private:
    void showStatus(const QString& text);
    void showDetails();
    void updateReportButton();
    void showContextMenu(const QPoint& pos);
    void onLink(const QString& link);
    QString detailsHtml(const Finding& f) const;

    FindingsModel* m_model = nullptr;
    QLabel* m_status = nullptr;
    QTreeView* m_list = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_report = nullptr;
    StorePtr m_store;
    StorePtr m_base;
    std::vector<ReportedFinding> m_reported;
    std::stop_source m_stop;
    JobRunner m_jobs;
    bool m_computing = false;
};

} // namespace gs::ui
