// SPDX-License-Identifier: MIT
#include "widgets/annotations/annotation_tools.h"

#include <QAction>
#include <QActionGroup>
#include <QInputDialog>

namespace gs::ui {

namespace {

std::optional<QString> askInDialog(QWidget* parent, const QString& current)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(parent, QObject::tr("Annotation"), QObject::tr("Text:"), current, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

} // namespace

AnnotationTools::AnnotationTools(AnnotationSet* set, QObject* parent)
    : QObject(parent)
    , m_set(set)
    , m_group(new QActionGroup(this))
    , m_prompt(askInDialog)
{
    // Ctrl+Alt: the plain letters are the timeline's (W/S/A/D/F) and the tables' type-ahead.
    const struct
    {
        Tool tool;
        QString text;
        const char* key;
        QString tip;
    } tools[] = {
        {Tool::Note, tr("&Note"), "Ctrl+Alt+N", tr("Click a view to pin a text note to the data under the mouse")},
        {Tool::Arrow, tr("&Arrow"), "Ctrl+Alt+A", tr("Drag on a view to draw an arrow from one data point to another")},
        {Tool::Box, tr("&Box"), "Ctrl+Alt+B", tr("Drag on a view to draw a box around data")},
    };
    m_group->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (const auto& t : tools) {
        QAction* a = m_group->addAction(t.text);
        a->setCheckable(true);
        a->setData(int(t.tool));
        a->setShortcut(QKeySequence(QString::fromLatin1(t.key)));
        a->setToolTip(t.tip + QStringLiteral(" (") + a->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
    }
    connect(m_group, &QActionGroup::triggered, this, [this](QAction* a) {
        setTool(a->isChecked() ? Tool(a->data().toInt()) : Tool::None);
    });
}

void AnnotationTools::setTool(Tool tool)
{
    for (QAction* a : m_group->actions())
        a->setChecked(Tool(a->data().toInt()) == tool);
    if (tool == m_tool)
        return;
    m_tool = tool;
    emit toolChanged(tool);
}

QAction* AnnotationTools::action(Tool tool) const
{
    for (QAction* a : m_group->actions()) {
        if (Tool(a->data().toInt()) == tool)
            return a;
    }
    return nullptr;
}

QList<QAction*> AnnotationTools::actions() const
{
    return m_group->actions();
}

} // namespace gs::ui
