// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

class QAbstractItemModel;
class QWidget;

namespace gs::test {

// One piece of text a window shows, as a person reads it: rich text rendered to its plain text,
// plain text as it is. `where` names the widget, model cell or export it came from.
struct ShownText
{
    QString where;
    QString text;
    // Rich text that made Qt draw an image (an <img> it took for markup).
    bool showsImage = false;
};

// What a label, tooltip or export text `text` shows: rendered when `rich` (or, for Qt's automatic
// format, when Qt::mightBeRichText guesses so, as QLabel and QToolTip do), else as it is.
enum class TextFormat
{
    Plain,
    Rich,
    Guessed, // QLabel's Qt::AutoText and every tooltip
};
ShownText shown(const QString& where, const QString& text, TextFormat format);

// Every text `root` and its descendants show: window titles, labels, buttons, actions (text,
// status tip, and tooltip unless only a menu shows the action), tooltips, combo box items, tab
// titles and tooltips, plain-text panes, and every cell (display and tooltip) and horizontal
// header of every item view's model, trees walked whole.
void collectShownText(QWidget* root, std::vector<ShownText>& out);

// Every cell and horizontal header of `model` (display and tooltip roles), fetching lazily loaded
// rows and walking trees whole.
void collectModelText(const QString& where, QAbstractItemModel* model, std::vector<ShownText>& out);

// The character data of an SVG (or any XML) document: what its <text> elements draw.
QStringList svgTexts(const QByteArray& svg);

} // namespace gs::test
