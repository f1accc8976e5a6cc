// SPDX-License-Identifier: MIT
#include "app/gui/notes_dock.h"

#include <QPlainTextEdit>

namespace gs::app {

NotesDock::NotesDock(QWidget* parent)
    : QDockWidget(tr("Notes"), parent)
    , m_editor(new QPlainTextEdit(this))
{
    // saveState()/restoreState() find docks by object name.
    setObjectName(QStringLiteral("notesDock"));
    m_editor->setObjectName(QStringLiteral("notesEditor"));
    m_editor->setPlaceholderText(tr("Notes on this investigation: what you suspect, ruled out, found.\n"
                                    "Saved with the session and printed in the report."));
    setWidget(m_editor);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_replacing)
            emit edited();
    });
}

QString NotesDock::text() const
{
    return m_editor->toPlainText();
}

void NotesDock::setText(const QString& text)
{
    m_replacing = true;
    m_editor->setPlainText(text);
    m_replacing = false;
}

} // namespace gs::app
