// SPDX-License-Identifier: MIT
#include "widgets/common/match_highlight_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace gs::ui {

void MatchHighlightDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant start = index.data(kMatchStartRole);
    const QVariant length = index.data(kMatchLengthRole);
    if (!start.isValid() || !length.isValid() || length.toInt() <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // Background, selection, focus and icon as the style draws them; the text is ours.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);

    QTextLayout layout(text, opt.font);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    layout.setFormats({{int(start.toInt()), int(length.toInt()), bold}});
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    textOption.setTextDirection(opt.direction);
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6);
    layout.endLayout();

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : opt.state & QStyle::State_Active   ? QPalette::Normal
                                                                            : QPalette::Inactive;
    painter->save();
    painter->setClipRect(rect);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const qreal y = rect.top() + (rect.height() - (line.isValid() ? line.height() : 0)) / 2;
    layout.draw(painter, QPointF(rect.left(), y));
    painter->restore();
}

} // namespace gs::ui
