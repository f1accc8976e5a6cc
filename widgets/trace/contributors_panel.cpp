// SPDX-License-Identifier: MIT
#include "widgets/trace/contributors_panel.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/value_format.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace gs::ui {

ContributorsPanel::ContributorsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new ContributorsModel(this))
    , m_title(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setModel(m_model);
    setUpRowTable(m_table);
    // Numbers get the room they need, the start function the rest.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ContributorsModel::Function, QHeaderView::Stretch);
    setMinimumWidth(320);
    m_table->setToolTip(tr("Click a goroutine to show its matching stretches on the timeline"));
    // Clicking is the obvious gesture; Enter (activated) serves the keyboard.
    connect(m_table, &QTableView::clicked, this,
            [this](const QModelIndex& index) { emit goroutineActivated(m_model->goroutineAt(index.row())); });
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { emit goroutineActivated(m_model->goroutineAt(index.row())); });

    auto* hint = new QLabel(tr("Click a goroutine: the timeline selects it and zooms to its highlighted stretches."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    showMessage(tr("Click a frame to list the goroutines that contributed to it."));
}

void ContributorsPanel::showContributors(StorePtr trace, ContributorsModel::ListPtr list, std::string unit,
                                         const QString& frame, bool linked)
{
    const int64_t n = list ? int64_t(list->size()) : 0;
    const std::string full = frame.toStdString();
    const QString name = captureHtml(goShortName(full));
    const QString count = formatCount(n, tr("goroutine"), tr("goroutines"));
    m_title->setText(linked ? tr("<b>%1</b> whose stacks contain <b>%2</b>").arg(count, name)
                            : tr("<b>%1</b> contributed to <b>%2</b>").arg(count, name));
    m_title->setToolTip(plainToolTip(captureText(full)));
    m_model->setContributors(std::move(trace), std::move(list), std::move(unit), linked);
}

void ContributorsPanel::showMessage(const QString& text)
{
    m_model->clear();
    m_title->setText(captureHtml(text));
    m_title->setToolTip({});
}

QString ContributorsPanel::title() const
{
    return m_title->text();
}

} // namespace gs::ui
