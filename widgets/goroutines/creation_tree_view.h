// SPDX-License-Identifier: MIT
#pragma once

#include <QTreeView>

namespace gs::ui {

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

private:
    void showSessionSelection();
    void resetLayout();

    TraceSession* m_session;
    TraceCreationModel* m_model;
    bool m_syncing = false; // set while the view follows the session, so it does not echo back
};

} // namespace gs::ui
