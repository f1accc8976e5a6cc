// SPDX-License-Identifier: MIT
#include "widgets/filters/filter_bar.h"

#include "widgets/filters/filter_chip.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayoutItem>
#include <QLineEdit>

namespace gs::ui {

namespace {

QString placeholderFor(FilterKind kind)
{
    switch (kind) {
    case FilterKind::Focus:
        return FilterBar::tr("regex: keep stacks through it");
    case FilterKind::Ignore:
        return FilterBar::tr("regex: drop stacks through it");
    case FilterKind::Hide:
        return FilterBar::tr("regex: remove matching frames");
    case FilterKind::TagFocus:
        return FilterBar::tr("key=value-regex: keep samples");
    case FilterKind::TagIgnore:
        return FilterBar::tr("key=value-regex: drop samples");
    }
    return {};
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_pattern(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    for (FilterKind k : {FilterKind::Focus, FilterKind::Ignore, FilterKind::Hide, FilterKind::TagFocus,
                         FilterKind::TagIgnore})
        m_kind->addItem(filterKindName(k), int(k));
    m_kind->setToolTip(tr("Filter kind (as pprof's -focus, -ignore, -hide, -tagfocus, -tagignore)"));
    m_pattern->setClearButtonEnabled(true);
    m_pattern->setMinimumWidth(200);
    m_pattern->setMaximumWidth(320);
    m_pattern->setToolTip(tr("Press Enter to add the filter (Ctrl+L focuses this field)"));
    m_pattern->setPlaceholderText(placeholderFor(FilterKind::Focus));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setVisible(false);

    auto* chipArea = new QWidget(this);
    m_chips = new QHBoxLayout(chipArea);
    m_chips->setContentsMargins(0, 0, 0, 0);
    m_chips->setSpacing(4);
    m_chips->addStretch(1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(6);
    layout->addWidget(new QLabel(tr("Filter:"), this));
    layout->addWidget(m_kind);
    layout->addWidget(m_pattern);
    layout->addWidget(m_error);
    layout->addWidget(chipArea, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pattern->setPlaceholderText(placeholderFor(FilterKind(m_kind->itemData(index).toInt())));
    });
    connect(m_pattern, &QLineEdit::returnPressed, this, &FilterBar::submit);
    connect(m_pattern, &QLineEdit::textEdited, this, [this] { showError({}); });
}

void FilterBar::focusEntry()
{
    m_pattern->setFocus(Qt::ShortcutFocusReason);
    m_pattern->selectAll();
}

void FilterBar::submit()
{
    const FilterItem item {FilterKind(m_kind->currentData().toInt()), m_pattern->text().trimmed().toStdString()};
    if (item.pattern.empty())
        return;
    if (const std::optional<QString> error = validateFilter(item)) {
        showError(*error);
        return;
    }
    showError({});
    m_pattern->clear();
    emit filterAdded(item);
}

void FilterBar::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_pattern->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #b3261e; }"));
}

void FilterBar::setFilters(const std::vector<FilterItem>& items)
{
    // Everything but the trailing stretch is a chip from the previous list.
    while (m_chips->count() > 1) {
        QLayoutItem* item = m_chips->takeAt(0);
        // Deferred: this often runs inside the chip's own click signal.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (size_t i = 0; i < items.size(); ++i) {
        auto* chip = new FilterChip(filterKindName(items[i].kind), QString::fromStdString(items[i].pattern),
                                    m_chips->parentWidget());
        connect(chip, &FilterChip::removeClicked, this, [this, i] { emit filterRemoved(int(i)); });
        m_chips->insertWidget(int(i), chip);
    }
}

} // namespace gs::ui
