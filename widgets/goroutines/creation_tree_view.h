// SPDX-License-Identifier: MIT
#pragma once

#include <QTreeView>

namespace gs::ui {

class GoroutineSelectionSync;
class TraceCreationModel;
class TraceSession;

// The trace page's "Creation tree" tab: goroutines under the goroutines that created them
// (TraceCreationModel), following the session's store and dimming what its filter drops. The
// current node is tied to the session's selected goroutine both ways: selecting a node selects
// the goroutine everywhere, and a goroutine selected elsewhere is expanded to and scrolled to
// here. GUI thread only.
class CreationTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit CreationTreeView(TraceSession* session, QWidget* parent = nullptr);

    TraceCreationModel* creationModel() const { return m_model; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void resetLayout();

    TraceSession* m_session;
    TraceCreationModel* m_model;
    GoroutineSelectionSync* m_selection;
    // The tab is seldom shown when a trace opens: its layout, which measures hundreds of rows,
    // waits until it is.
    bool m_layoutPending = false;
};

} // namespace gs::ui
