// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace gs::ui {

// Draws an item's text with the part a search matched in bold. The model gives the match as
// kMatchStartRole and kMatchLengthRole (in QString characters of the display text); an item
// without them is drawn as usual. Selection, focus and decoration are the style's.
class MatchHighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kMatchStartRole = Qt::UserRole + 100;
    static constexpr int kMatchLengthRole = Qt::UserRole + 101;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace gs::ui
