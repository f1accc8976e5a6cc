// SPDX-License-Identifier: MIT
#include "widgets/filters/chip_list.h"

#include "widgets/filters/filter_chip.h"

#include <QHBoxLayout>
#include <QLayoutItem>

namespace gs::ui {

ChipList::ChipList(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);
}

int ChipList::chipCount() const
{
    return m_layout->count() - 1; // all but the trailing stretch
}

void ChipList::setChips(const std::vector<std::pair<QString, QString>>& chips)
{
    while (chipCount() > 0) {
        QLayoutItem* item = m_layout->takeAt(0);
        // Deferred: this often runs inside the chip's own click signal.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (size_t i = 0; i < chips.size(); ++i) {
        auto* chip = new FilterChip(chips[i].first, chips[i].second, this);
        connect(chip, &FilterChip::removeClicked, this, [this, i] { emit removeRequested(int(i)); });
        m_layout->insertWidget(int(i), chip);
    }
}

} // namespace gs::ui
