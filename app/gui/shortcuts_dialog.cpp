// SPDX-License-Identifier: MIT
#include "app/gui/shortcuts_dialog.h"

#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/timeline/timeline_view.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gs::app {

namespace {

QString plainText(const QAction* a)
{
    QString text = a->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("\u2026")))
        text.chop(1);
    return text;
}

QString keysOf(const QAction* a)
{
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

// Actions with shortcuts: first those in the menus, under their menu's title; then the ones the
// pages hold without a menu entry, under "Page".
QList<QStringList> actionRows(QWidget* window)
{
    QList<QStringList> rows;
    QSet<const QAction*> seen;
    const auto addMenu = [&](auto&& self, const QMenu* menu, const QString& section) -> void {
        for (const QAction* a : menu->actions()) {
            if (a->menu())
                self(self, a->menu(), section);
            else if (!a->shortcuts().isEmpty() && !seen.contains(a)) {
                seen.insert(a);
                rows.append({section, keysOf(a), plainText(a)});
            }
        }
    };
    if (const auto* bar = window->findChild<QMenuBar*>()) {
        for (const QAction* top : bar->actions()) {
            if (top->menu())
                addMenu(addMenu, top->menu(), plainText(top));
        }
    }
    for (const QAction* a : window->findChildren<QAction*>()) {
        if (!a->shortcuts().isEmpty() && !seen.contains(a)) {
            seen.insert(a);
            rows.append({QObject::tr("Page"), keysOf(a), plainText(a)});
        }
    }
    return rows;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget* window)
    : QDialog(window)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QStringList> rows = actionRows(window);
    for (const ui::KeyHelp& k : ui::TimelineView::keyHelp())
        rows.append({tr("Timeline"), k.keys, k.action});
    for (const ui::KeyHelp& k : ui::FlameGraphView::keyHelp())
        rows.append({tr("Flame graph"), k.keys, k.action});
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Keys"), tr("Action")});
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < 3; ++c)
            m_table->setItem(r, c, new QTableWidgetItem(rows[r][c]));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    resize(640, 560);
}

QList<QStringList> ShortcutsDialog::rows() const
{
    QList<QStringList> out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out.append({m_table->item(r, 0)->text(), m_table->item(r, 1)->text(), m_table->item(r, 2)->text()});
    return out;
}

} // namespace gs::app
