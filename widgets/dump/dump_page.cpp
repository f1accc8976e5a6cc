// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_page.h"

#include "widgets/dump/dump_panel.h"
#include "widgets/profile/profile_page.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace gs::ui {

DumpPage::DumpPage(ProfilePage* profilePage, ProfileSession* session, QWidget* parent)
    : QWidget(parent)
    , m_profilePage(profilePage)
    , m_panel(new DumpPanel(session, this))
{
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_profilePage);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    m_panel->setVisible(false);
}

void DumpPage::setStore(const StorePtr& store)
{
    const bool isDump = store && store->dump;
    m_panel->setStore(isDump ? store : nullptr);
    m_panel->setVisible(isDump);
}

} // namespace gs::ui
