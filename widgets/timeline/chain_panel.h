// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/blocking_chain.h"
#include "core/model/event_store.h"
#include "widgets/timeline/timeline_scene.h"

#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;

namespace gs::ui {

// Side panel for the blocking chain of the selected waiting span (gs::blockingChain): one item per
// hop, "G17 waiting (chan receive) 29.85 ms — woken by G18 at 30.13 ms", with the wait's and the
// waker's top frames as tooltip; the last hop says why the trail ends. Activating a hop asks for
// its span to be selected (hopActivated); selecting a span that is already a hop of the chain shown
// only highlights it, so the user can walk the chain without it changing under them. Holds the
// store it shows. GUI thread only.
class ChainPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChainPanel(QWidget* parent = nullptr);

    void setSpan(StorePtr store, SpanRef span);
    void clear();

    // The hops listed (empty when the selected span is not a wait); for tests and the pane.
    const std::vector<ChainHop>& hops() const { return m_hops; }
    QStringList hopTexts() const;
    // The line above the hops: how many there are, or what to select to see any.
    QString hint() const;
    // Same as a click on item `index`.
    void activateHop(int index);

signals:
    void hopActivated(gs::GoroutineRow row, uint32_t span);
    // A new chain is listed, starting at wait `span` of `row` (a hop of the chain already shown
    // being selected lists nothing new): what the postmortem report records as followed.
    void chainShown(gs::GoroutineRow row, uint32_t span);

private:
    void showChain();
    QString hopText(const ChainHop& hop) const;
    QString hopTooltip(const ChainHop& hop) const;

    StorePtr m_store;
    std::vector<ChainHop> m_hops;
    QLabel* m_hint = nullptr;
    QListWidget* m_list = nullptr;
};

} // namespace gs::ui
