// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/goroutine_relations.h"
#include "core/model/event_store.h"
#include "widgets/common/job_runner.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <utility>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace gs::ui {

// Side panel for the selected goroutine's relations, the forward direction of the blocking chain:
// who created it ("G1 main.main at 0.12 ms", where from as tooltip), whom it created, and whom it
// woke ("woke G17 main.consumer at 30.13 ms (chan receive, waited 29.85 ms)", its own stack at the
// wake-up as tooltip). With a span of the goroutine selected, the wake-ups during that span get
// their own group first: what it unblocked while running there. Activating a goroutine asks for
// it to be selected (goroutineActivated); activating a wake-up asks for the wait it ended
// (spanActivated), whose blocking chain then leads back here.
//
// The creation index is built on setStore (linear in goroutines); the wake index walks every
// span, so it is built once per store off the GUI thread, at idle priority (JobRunner::Priority::
// Background), and the wake-up groups say so until it arrives. Long lists stop at kMaxListed items. GUI thread only.
class RelationsPanel : public QWidget
{
    Q_OBJECT
public:
    // The groups of the list, in their order.
    enum class Group
    {
        CreatedBy,
        Created,
        WokeDuringSpan, // only while a span is selected
        Woke,           // all wake-ups, or those outside the selected span
    };
    static constexpr int kMaxListed = 500;

    explicit RelationsPanel(QWidget* parent = nullptr);
    ~RelationsPanel() override;

    // `creation` is the store's creation index when already built (built here when null).
    void setStore(StorePtr store, std::shared_ptr<const CreationIndex> creation = nullptr);
    // The goroutine to show (kNoRow: none) and the selected span of it, if any.
    void setSelection(GoroutineRow row, std::optional<uint32_t> span);

    bool wakeIndexReady() const { return m_wakes != nullptr; }
    // The item texts of a group as shown (empty when the group is not), for tests and the pane.
    QStringList texts(Group group) const;
    // Same as a click on item `index` of `group`.
    void activate(Group group, int index);

signals:
    void goroutineActivated(gs::GoroutineRow row);
    void spanActivated(gs::GoroutineRow row, uint32_t span);
    // The wake index of the current store is ready (the wake-up groups are filled now).
    void wakeUpsIndexed();

private:
    void rebuild();
    void addHeading(Group group, const QString& title);
    // An item that leads nowhere: a placeholder or a "N more" line.
    void addNote(const QString& text);
    QListWidgetItem* addLink(const QString& text, const QString& tooltip, GoroutineRow row);
    void addCreator();
    void addChildren();
    // `markSpan`: bold the wake-ups inside the selected span (in the list of them all).
    void addWakeUps(std::span<const uint32_t> wakes, bool markSpan);
    // The items under the heading of `group`, as [first, last) rows of the list.
    std::pair<int, int> groupItems(Group group) const;
    void activateItem(QListWidgetItem* item);

    StorePtr m_store;
    std::shared_ptr<const CreationIndex> m_creation;
    std::shared_ptr<const WakeIndex> m_wakes;
    GoroutineRow m_row = kNoRow;
    std::optional<uint32_t> m_span;
    QLabel* m_title = nullptr;
    QListWidget* m_list = nullptr;
    std::stop_source m_stop;
    JobRunner m_jobs;
};

} // namespace gs::ui
