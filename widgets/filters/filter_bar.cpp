// SPDX-License-Identifier: MIT
#include "widgets/filters/filter_bar.h"

#include "widgets/filters/chip_list.h"
#include "widgets/filters/entry_error.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
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
    , m_chips(new ChipList(this))
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
    showEntryError(m_error, m_pattern, {});

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(6);
    layout->addWidget(new QLabel(tr("Filter:"), this));
    layout->addWidget(m_kind);
    layout->addWidget(m_pattern);
    layout->addWidget(m_error);
    layout->addWidget(m_chips, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pattern->setPlaceholderText(placeholderFor(FilterKind(m_kind->itemData(index).toInt())));
    });
    connect(m_pattern, &QLineEdit::returnPressed, this, &FilterBar::submit);
    connect(m_pattern, &QLineEdit::textEdited, this, [this] { showEntryError(m_error, m_pattern, {}); });
    connect(m_chips, &ChipList::removeRequested, this, &FilterBar::filterRemoved);
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
        showEntryError(m_error, m_pattern, *error);
        return;
    }
    showEntryError(m_error, m_pattern, {});
    m_pattern->clear();
    emit filterAdded(item);
}

void FilterBar::setFilters(const std::vector<FilterItem>& items)
{
    std::vector<std::pair<QString, QString>> chips;
    for (const FilterItem& item : items)
        chips.emplace_back(filterKindName(item.kind), QString::fromStdString(item.pattern));
    m_chips->setChips(chips);
}

} // namespace gs::ui
