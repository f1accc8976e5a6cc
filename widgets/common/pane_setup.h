// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <Qt>

class QPlainTextEdit;
class QSplitter;
class QString;
class QTableView;
class QWidget;

namespace gs::ui {

// The look of the app's list tables: whole-row single selection, alternating rows one text line
// high, no row numbers, long text elided in the middle, the last column taking the rest.
void setUpRowTable(QTableView* table);

// A read-only, unwrapped, fixed-font text pane for stacks as a traceback prints them.
QPlainTextEdit* newStackPane(const QString& placeholder, QWidget* parent);

// A splitter of two panes sharing its space `firstStretch : secondStretch`; neither collapses.
QSplitter* newSplitter(Qt::Orientation orientation, QWidget* first, QWidget* second, int firstStretch,
                       int secondStretch, QWidget* parent);

// The workspace's main splitters: handles wide enough to grab, every pane but the first
// collapsible (dragged shut, it reopens from its edge), and the sizes the user gave them
// remembered under `settingsKey` from one run to the next. The first time, the panes share the
// splitter's length in `proportions`.
void rememberSplitterSizes(QSplitter* splitter, const QString& settingsKey, const QList<int>& proportions);

} // namespace gs::ui
