// SPDX-License-Identifier: MIT
#include "widgets/navigation/bookmarks_dialog.h"

#include "widgets/navigation/bookmarks.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace gs::ui {

BookmarksDialog::BookmarksDialog(Bookmarks* bookmarks, QWidget* parent)
    : QDialog(parent)
    , m_bookmarks(bookmarks)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Bookmarks"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_goTo = buttons->addButton(tr("&Go To"), QDialogButtonBox::ActionRole);
    m_remove = buttons->addButton(tr("&Remove"), QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_goTo, &QPushButton::clicked, this, [this] { emit goToRequested(m_list->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { m_bookmarks->remove(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemChanged, this, &BookmarksDialog::renamed);
    connect(m_list, &QListWidget::currentRowChanged, this, &BookmarksDialog::updateButtons);
    connect(m_bookmarks, &Bookmarks::changed, this, &BookmarksDialog::sync);
    sync();
}

void BookmarksDialog::sync()
{
    // Items are updated in place rather than rebuilt: a rename arrives from inside the edited
    // item's itemChanged, which must not delete it. Filling the list is not the user renaming.
    {
        const QSignalBlocker blocker(m_list);
        const std::vector<Bookmark>& bookmarks = m_bookmarks->list();
        while (m_list->count() > int(bookmarks.size()))
            delete m_list->takeItem(m_list->count() - 1);
        while (m_list->count() < int(bookmarks.size())) {
            auto* item = new QListWidgetItem(m_list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setText(bookmarks[size_t(i)].name);
        if (m_list->currentRow() < 0 && m_list->count() > 0)
            m_list->setCurrentRow(0);
    }
    updateButtons();
}

void BookmarksDialog::updateButtons()
{
    const bool selected = m_list->currentRow() >= 0;
    m_goTo->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void BookmarksDialog::renamed(QListWidgetItem* item)
{
    m_bookmarks->rename(m_list->row(item), item->text());
    sync(); // an empty name was refused: the item shows the name the bookmark kept
}

} // namespace gs::ui
