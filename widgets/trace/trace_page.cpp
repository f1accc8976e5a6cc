// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_page.h"

#include "widgets/timeline/span_description.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs::ui {

TracePage::TracePage(QWidget* parent)
    : QWidget(parent)
    , m_pane(new TimelinePane(this))
{
    TimelineView* view = m_pane->view();
    auto* grouped = new QCheckBox(tr("Group by start function"), this);
    grouped->setChecked(view->grouped());
    grouped->setToolTip(tr("One collapsible group per goroutine start function"));
    connect(grouped, &QCheckBox::toggled, view, &TimelineView::setGrouped);

    m_sort = new QComboBox(this);
    m_sort->addItem(tr("Sort by ID"), int(GoroutineSort::Id));
    m_sort->addItem(tr("Sort by start time"), int(GoroutineSort::StartTime));
    m_sort->addItem(tr("Sort by time blocked"), int(GoroutineSort::TotalBlocked));
    m_sort->addItem(tr("Sort by time running"), int(GoroutineSort::TotalRunning));
    m_sort->setCurrentIndex(m_sort->findData(int(view->sort())));
    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this, view] { view->setSort(GoroutineSort(m_sort->currentData().toInt())); });

    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show the whole trace (Home)"));
    connect(fit, &QPushButton::clicked, view, &TimelineView::fitAll);

    m_rangeSummary = new QLabel(this);
    m_rangeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* hint = new QLabel(tr("Ctrl+wheel or W/S zoom \u00b7 drag or A/D pan \u00b7 Shift+drag selects a range \u00b7 F fits it"),
                            this);
    hint->setEnabled(false);

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(grouped);
    toolbar->addWidget(m_sort);
    toolbar->addWidget(fit);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_rangeSummary, 1);
    toolbar->addWidget(hint);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolbar);
    layout->addWidget(m_pane, 1);

    connect(view, &TimelineView::rangeSelected, this, [this, view](TimeNs a, TimeNs b) {
        // The summary is multi-line text; the toolbar shows it on one line.
        m_rangeSummary->setText(a == b ? QString()
                                       : describeRange(view->rangeSummary())
                                             .replace(QLatin1Char('\n'), QStringLiteral(" \u00b7 ")));
    });
}

void TracePage::setStore(StorePtr store)
{
    m_store = std::move(store);
    m_rangeSummary->clear();
    m_pane->setStore(m_store);
}

TimelineView* TracePage::timeline() const
{
    return m_pane->view();
}

} // namespace gs::ui
