// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace gs::ui {

class Bookmarks;

// Go > Manage Bookmarks: the bookmarks as a list whose names are edited in place (double-click
// or F2) and a button to remove the selected one and one to go to it (goToRequested). Follows
// Bookmarks::changed, so it stays right when a bookmark is added while it is open. GUI thread only.
class BookmarksDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BookmarksDialog(Bookmarks* bookmarks, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }

signals:
    void goToRequested(int index);

private:
    void sync();
    void updateButtons();
    void renamed(QListWidgetItem* item);

    Bookmarks* m_bookmarks;
    QListWidget* m_list;
    QPushButton* m_goTo;
    QPushButton* m_remove;
};

} // namespace gs::ui
