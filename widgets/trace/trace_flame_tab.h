// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/trace_profiles.h"
#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace gs::ui {

class ContributorsPanel;
class ProfilePage;
class ProfileSession;
class TraceSession;

// The trace page's "Flame graph" tab: the profile workspace (ProfilePage over a ProfileSession of
// its own) on a profile made from the trace — its CPU samples or a blocking profile as `go tool
// trace -pprof` derives it (deriveTraceProfile) — or on a pprof profile opened beside the trace;
// and the ContributorsPanel beside it.
//
// Which goroutines feed the profile: those the TraceSession's goroutine filter keeps, or with
// "Selected goroutine only" the selected one (a per-goroutine flame graph); a label says which.
// The frame the flame graph is zoomed to (a click zooms to it) is the selected frame: its
// contributors (frameContributors for its path, or goroutinesRunning for a linked pprof profile)
// go to the session, which the timeline highlights, and to the panel; activating one emits
// contributorActivated. Derivation and contributor searches run off the GUI thread (JobRunner:
// the last request wins) and only while the tab is shown, so a huge trace costs nothing until
// asked. GUI thread only.
class TraceFlameTab : public QWidget
{
    Q_OBJECT
public:
    explicit TraceFlameTab(TraceSession* session, QWidget* parent = nullptr);

    // Adds (or replaces) a pprof profile opened beside the trace as a source named `name`, and
    // shows it. A new trace drops it.
    void setLinkedProfile(StorePtr profile, const QString& name);
    bool hasLinkedProfile() const { return m_linked != nullptr; }
    // The profile opened beside the trace, or null.
    const StorePtr& linkedProfile() const { return m_linked; }
    // Shows a derived profile of `kind`.
    void showKind(TraceProfileKind kind);
    void showLinkedProfile();

    // Selects `function` (full name) and zooms to its heaviest frame, once the profile is ready.
    void focusFunction(const std::string& function);
    // Zooms to the frame at `path` (root-first function names), as clicking it does.
    void selectFrame(const std::vector<std::string>& path);

    // True while a profile or a frame's contributors are being computed.
    bool isBusy() const;
    // The kind shown, when a derived profile is.
    std::optional<TraceProfileKind> kind() const;
    // Which goroutines the profile covers, as the tab says it; the message shown instead of an
    // empty profile (empty when there is a profile).
    QString scopeText() const;
    QString emptyText() const;

    QComboBox* sourceBox() const { return m_source; }
    QCheckBox* selectedOnlyBox() const { return m_selectedOnly; }
    ProfileSession* profileSession() const { return m_profile; }
    ProfilePage* profilePage() const { return m_page; }
    ContributorsPanel* contributorsPanel() const { return m_panel; }

signals:
    // A contributor was clicked in the panel: show that goroutine on the timeline.
    void contributorActivated(gs::GoroutineRow row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createToolbar();
    void refresh();
    // False while a new profile is on its way (the next ProfileSession result brings it).
    bool profileReady() const;
    void setProfile(StorePtr profile, bool empty);
    void applyPendingFrame();
    void onFrameChanged();
    void clearContributors(const QString& message);
    void updateScope();
    void setDeriving(bool deriving);
    std::shared_ptr<const std::vector<uint8_t>> currentKeep() const;
    QString emptyMessage(TraceProfileKind kind, bool restricted) const;

    TraceSession* m_session = nullptr;
    ProfileSession* m_profile = nullptr;
    ProfilePage* m_page = nullptr;
    ContributorsPanel* m_panel = nullptr;
    QComboBox* m_source = nullptr;
    QCheckBox* m_selectedOnly = nullptr;
    QLabel* m_scope = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;

    StorePtr m_linked;
    // What the shown derived profile was made of; frame contributors use the same.
    TraceProfileKind m_shownKind = TraceProfileKind::Cpu;
    std::shared_ptr<const std::vector<uint8_t>> m_shownKeep;
    bool m_dirty = true;
    bool m_deriving = false;
    bool m_findingContributors = false;
    // A frame to zoom to when the next profile result arrives: by path, or a function's heaviest.
    std::vector<std::string> m_pendingPath;
    std::string m_pendingFunction;
    JobRunner m_deriveJobs;
    JobRunner m_contributorJobs;
};

} // namespace gs::ui
