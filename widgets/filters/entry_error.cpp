// SPDX-License-Identifier: MIT
#include "widgets/filters/entry_error.h"

#include <QLabel>
#include <QLineEdit>

namespace gs::ui {

void showEntryError(QLabel* label, QLineEdit* field, const QString& message)
{
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setTextFormat(Qt::PlainText); // messages quote what was typed, or picked from the capture
    label->setText(message);
    label->setVisible(!message.isEmpty());
    field->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #b3261e; }"));
}

} // namespace gs::ui
