// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QLabel;
class QLineEdit;

namespace gs::ui {

// Shows why a filter entry was refused next to its field (red text, red field border), or clears
// both for an empty message. The filter bars refuse invalid input this way and add nothing.
void showEntryError(QLabel* label, QLineEdit* field, const QString& message);

} // namespace gs::ui
