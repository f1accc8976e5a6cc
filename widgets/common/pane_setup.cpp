// SPDX-License-Identifier: MIT
#include "widgets/common/pane_setup.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QTableView>

namespace gs::ui {

void setUpRowTable(QTableView* table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideMiddle);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
}

QPlainTextEdit* newStackPane(const QString& placeholder, QWidget* parent)
{
    auto* pane = new QPlainTextEdit(parent);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setPlaceholderText(placeholder);
    return pane;
}

QSplitter* newSplitter(Qt::Orientation orientation, QWidget* first, QWidget* second, int firstStretch,
                       int secondStretch, QWidget* parent)
{
    auto* split = new QSplitter(orientation, parent);
    split->addWidget(first);
    split->addWidget(second);
    split->setStretchFactor(0, firstStretch);
    split->setStretchFactor(1, secondStretch);
    split->setChildrenCollapsible(false);
    return split;
}

void rememberSplitterSizes(QSplitter* splitter, const QString& settingsKey, const QList<int>& proportions)
{
    splitter->setHandleWidth(7);
    for (int i = 0; i < splitter->count(); ++i)
        splitter->setCollapsible(i, i != 0);
    // setSizes shares out the splitter's real length in the ratio of the given ones.
    if (!splitter->restoreState(QSettings().value(settingsKey).toByteArray()))
        splitter->setSizes(proportions);
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter,
                     [splitter, settingsKey] { QSettings().setValue(settingsKey, splitter->saveState()); });
}

} // namespace gs::ui
