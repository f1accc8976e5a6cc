// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_page.h"

#include "widgets/common/pane_setup.h"
#include "widgets/dump/crash_banner.h"
#include "widgets/dump/dump_diff_view.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"

#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace gs::ui {

DumpPage::DumpPage(ProfilePage* profilePage, ProfileSession* session, QWidget* parent)
    : QWidget(parent)
    , m_profilePage(profilePage)
    , m_session(session)
    , m_panel(new DumpPanel(session, this))
    , m_diffView(new DumpDiffView(this))
    , m_below(new QStackedWidget(this))
    , m_crash(new CrashBanner(this))
{
    m_below->addWidget(m_panel);
    m_below->addWidget(m_diffView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_crash);
    layout->addWidget(newSplitter(Qt::Vertical, m_profilePage, m_below, 3, 2, this));
    m_below->setVisible(false);
    connect(m_session, &ProfileSession::baseChanged, this, [this] {
        if (m_base && m_session->base() != m_base)
            endComparison();
    });
}

const StorePtr& DumpPage::dump() const
{
    return m_panel->store();
}

void DumpPage::setStore(const StorePtr& store)
{
    m_base.reset();
    m_diffView->clear();
    m_below->setCurrentWidget(m_panel);
    const bool isDump = store && store->dump;
    m_crash->setStore(isDump ? store : nullptr);
    m_panel->setStore(isDump ? store : nullptr);
    m_below->setVisible(isDump);
}

void DumpPage::setBase(StorePtr base)
{
    const StorePtr& current = dump();
    if (!current || !base || !base->dump)
        return;
    // The panel may have handed the session a filtered subset: the comparison is of whole dumps.
    m_base.reset();
    m_session->setStore(current);
    m_base = std::move(base);
    m_session->setBase(m_base);
    m_diffView->compare(m_base, current);
    m_below->setCurrentWidget(m_diffView);
}

void DumpPage::endComparison()
{
    m_base.reset();
    m_diffView->clear();
    m_below->setCurrentWidget(m_panel);
    // Stop Comparing leaves the whole dump in the session; the panel's filters start afresh to
    // match. A new store in the session comes from the main window, which gives it to this page next.
    if (m_session->store() == dump())
        m_panel->setStore(dump());
}

} // namespace gs::ui
