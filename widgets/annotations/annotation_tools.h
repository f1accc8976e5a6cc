// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QActionGroup;
class QWidget;

namespace gs::ui {

class AnnotationSet;

// The annotation mode every view's AnnotationOverlay shares: the set they edit and the tool in
// hand. Its actions (Annotate › Note, Arrow, Box: Ctrl+Alt+N, A, B) are checkable and exclusive;
// triggering the checked one again puts the tool down, as does Esc in an annotated view. GUI thread only.
class AnnotationTools : public QObject
{
    Q_OBJECT
public:
    enum class Tool
    {
        None, // the views behave as without annotations; a click on one still selects it
        Note,
        Arrow,
        Box,
    };
    // Asks for an annotation's text (`current` when editing); nothing when cancelled.
    using TextPrompt = std::function<std::optional<QString>(QWidget* parent, const QString& current)>;

    AnnotationTools(AnnotationSet* set, QObject* parent = nullptr);

    AnnotationSet* set() const { return m_set; }
    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    QAction* action(Tool tool) const;
    QList<QAction*> actions() const;

    // The default prompt is a small modal dialog; tests put in one that answers at once.
    void setTextPrompt(TextPrompt prompt) { m_prompt = std::move(prompt); }
    std::optional<QString> askText(QWidget* parent, const QString& current) const { return m_prompt(parent, current); }

signals:
    void toolChanged(gs::ui::AnnotationTools::Tool tool);

private:
    AnnotationSet* m_set;
    Tool m_tool = Tool::None;
    QActionGroup* m_group;
    TextPrompt m_prompt;
};

} // namespace gs::ui
