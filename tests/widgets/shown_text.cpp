// SPDX-License-Identifier: MIT
#include "tests/widgets/shown_text.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSet>
#include <QTabBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QWidget>
#include <QXmlStreamReader>

namespace gs::test {

namespace {

// Rows a lazily filled model is asked for at most: the fixtures' views are far smaller.
constexpr int kMaxRows = 20000;

QString widgetName(const QWidget* w)
{
    const QString name = w->objectName();
    return QString::fromLatin1(w->metaObject()->className()) + (name.isEmpty() ? QString() : QLatin1Char('#') + name);
}

// A button's or an action's text as drawn: "&&" is an ampersand, a lone "&" marks the shortcut key.
QString withoutMnemonic(const QString& text)
{
    QString shown;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&') && i + 1 < text.size())
            ++i;
        shown += text[i];
    }
    return shown;
}

// Whether an action's tooltip can be seen: in a toolbar or on a button, not in a menu, which
// shows none unless told to.
bool showsToolTip(const QAction* action)
{
    for (const QObject* o : action->associatedObjects()) {
        const auto* menu = qobject_cast<const QMenu*>(o);
        if (!menu || menu->toolTipsVisible())
            return true;
    }
    return false;
}

bool drawsImage(const QTextDocument& doc)
{
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                return true;
        }
    }
    return false;
}

void collectIndex(const QString& where, const QModelIndex& index, std::vector<ShownText>& out)
{
    const QVariant display = index.data(Qt::DisplayRole);
    if (display.typeId() == QMetaType::QString)
        out.push_back(shown(where, display.toString(), TextFormat::Plain));
    const QVariant tip = index.data(Qt::ToolTipRole);
    if (tip.typeId() == QMetaType::QString)
        out.push_back(shown(where + QStringLiteral(" tooltip"), tip.toString(), TextFormat::Guessed));
}

void collectRows(const QString& where, QAbstractItemModel* model, const QModelIndex& parent, std::vector<ShownText>& out)
{
    while (model->canFetchMore(parent) && model->rowCount(parent) < kMaxRows)
        model->fetchMore(parent);
    const int rows = model->rowCount(parent);
    const int columns = model->columnCount(parent);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const QModelIndex index = model->index(r, c, parent);
            collectIndex(QStringLiteral("%1 row %2 column %3").arg(where, QString::number(r), QString::number(c)), index,
                         out);
        }
        const QModelIndex first = model->index(r, 0, parent);
        if (model->hasChildren(first))
            collectRows(where, model, first, out);
    }
}

} // namespace

ShownText shown(const QString& where, const QString& text, TextFormat format)
{
    const bool rich = format == TextFormat::Rich || (format == TextFormat::Guessed && Qt::mightBeRichText(text));
    if (!rich)
        return {where, text, false};
    QTextDocument doc;
    doc.setHtml(text);
    QString plain = doc.toPlainText();
    // Line breaks come back as separators; the checks look at characters, not layout.
    plain.replace(QChar::LineSeparator, QLatin1Char('\n')).replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return {where + QStringLiteral(" (rich)"), plain, drawsImage(doc)};
}

void collectModelText(const QString& where, QAbstractItemModel* model, std::vector<ShownText>& out)
{
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString header = QStringLiteral("%1 header %2").arg(where, QString::number(c));
        const QVariant title = model->headerData(c, Qt::Horizontal, Qt::DisplayRole);
        if (title.typeId() == QMetaType::QString)
            out.push_back(shown(header, title.toString(), TextFormat::Plain));
        const QVariant tip = model->headerData(c, Qt::Horizontal, Qt::ToolTipRole);
        if (tip.typeId() == QMetaType::QString)
            out.push_back(shown(header + QStringLiteral(" tooltip"), tip.toString(), TextFormat::Guessed));
    }
    collectRows(where, model, {}, out);
}

void collectShownText(QWidget* root, std::vector<ShownText>& out)
{
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    QSet<QAbstractItemModel*> models;
    for (QWidget* w : widgets) {
        const QString name = widgetName(w);
        if (w->isWindow())
            out.push_back(shown(name + QStringLiteral(" title"), w->windowTitle(), TextFormat::Plain));
        out.push_back(shown(name + QStringLiteral(" tooltip"), w->toolTip(), TextFormat::Guessed));
        if (auto* label = qobject_cast<QLabel*>(w)) {
            const Qt::TextFormat f = label->textFormat();
            out.push_back(shown(name, label->text(),
                                f == Qt::PlainText ? TextFormat::Plain
                                    : f == Qt::AutoText ? TextFormat::Guessed
                                                        : TextFormat::Rich));
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            out.push_back(shown(name, withoutMnemonic(button->text()), TextFormat::Plain));
        } else if (auto* pane = qobject_cast<QPlainTextEdit*>(w)) {
            out.push_back(shown(name, pane->toPlainText(), TextFormat::Plain));
        } else if (auto* box = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < box->count(); ++i) {
                out.push_back(shown(name, box->itemText(i), TextFormat::Plain));
                out.push_back(shown(name + QStringLiteral(" item tooltip"), box->itemData(i, Qt::ToolTipRole).toString(),
                                    TextFormat::Guessed));
            }
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                out.push_back(shown(name, tabs->tabText(i), TextFormat::Plain));
                out.push_back(shown(name + QStringLiteral(" tab tooltip"), tabs->tabToolTip(i), TextFormat::Guessed));
            }
        } else if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
            if (!models.contains(view->model())) {
                models.insert(view->model());
                collectModelText(name, view->model(), out);
            }
        }
    }
    for (QAction* a : root->findChildren<QAction*>()) {
        const QString name = QStringLiteral("action ") + a->text();
        out.push_back(shown(name, withoutMnemonic(a->text()), TextFormat::Plain));
        if (showsToolTip(a))
            out.push_back(shown(name + QStringLiteral(" tooltip"), a->toolTip(), TextFormat::Guessed));
        out.push_back(shown(name + QStringLiteral(" status tip"), a->statusTip(), TextFormat::Plain));
    }
}

QStringList svgTexts(const QByteArray& svg)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::Characters && !xml.isWhitespace())
            texts << xml.text().toString();
    }
    return texts;
}

} // namespace gs::test
