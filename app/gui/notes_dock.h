// SPDX-License-Identifier: MIT
#pragma once

#include <QDockWidget>

class QPlainTextEdit;

namespace gs::app {

// The investigation's free-text notes (what was suspected, ruled out, found), in a dock beside
// whatever is open. They belong to the investigation, not to one capture: opening another file
// keeps them; sessions save and restore them, the HTML report prints them. GUI thread only.
class NotesDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit NotesDock(QWidget* parent = nullptr);

    QString text() const;
    // Replaces the notes (opening a session); not an edit of the user's, so edited() stays quiet.
    void setText(const QString& text);
    QPlainTextEdit* editor() const { return m_editor; }

signals:
    // The user changed the notes.
    void edited();

private:
    QPlainTextEdit* m_editor = nullptr;
    bool m_replacing = false;
};

} // namespace gs::app
