// SPDX-License-Identifier: MIT
#include "widgets/filters/goroutine_filter_bar.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/filters/chip_list.h"
#include "widgets/filters/entry_error.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace gs::ui {

namespace {

constexpr ConditionKind kKinds[] = {
    ConditionKind::EverState,   ConditionKind::CurrentState,  ConditionKind::Transition, ConditionKind::Reason,
    ConditionKind::MinDuration, ConditionKind::MaxDuration,   ConditionKind::StackRegex, ConditionKind::StartFunction,
    ConditionKind::Label,       ConditionKind::Task,          ConditionKind::Region,     ConditionKind::Log,
    ConditionKind::TimeRange,
};

QStringList stateNames()
{
    QStringList names;
    for (size_t s = 0; s < kSpanStateCount; ++s)
        names << QString::fromLatin1(spanStateName(SpanState(s)));
    return names;
}

// The transitions people ask about most: blocking, waking, preemption, syscalls.
QStringList commonTransitions()
{
    return {QStringLiteral("running->waiting"),  QStringLiteral("waiting->runnable"),
            QStringLiteral("runnable->running"), QStringLiteral("running->runnable"),
            QStringLiteral("running->syscall"),  QStringLiteral("syscall->syscall-blocked")};
}

} // namespace

GoroutineFilterBar::GoroutineFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_value(new QComboBox(this))
    , m_add(new QToolButton(this))
    , m_error(new QLabel(this))
    , m_chips(new ChipList(this))
    , m_count(new QLabel(this))
    , m_goTo(new QLineEdit(this))
    , m_goToResult(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("conditionKind"));
    for (ConditionKind k : kKinds)
        m_kind->addItem(conditionKindName(k), int(k));
    m_kind->setToolTip(tr("What to filter goroutines by; all conditions must hold, and span conditions "
                          "(state ever entered, transition, reason, durations, stack) must hold for the same span"));
    m_value->setObjectName(QStringLiteral("conditionValue"));
    m_value->setEditable(true);
    m_value->setInsertPolicy(QComboBox::NoInsert);
    m_value->setMinimumWidth(220);
    m_value->setToolTip(tr("Pick or type a value, then press Enter (Ctrl+F focuses this field)"));
    m_value->lineEdit()->setClearButtonEnabled(true);
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add this condition"));
    m_error->setObjectName(QStringLiteral("conditionError"));
    m_count->setObjectName(QStringLiteral("goroutineCount"));
    m_goTo->setObjectName(QStringLiteral("goToGoroutine"));
    m_goTo->setPlaceholderText(tr("Go to goroutine\u2026"));
    m_goTo->setToolTip(tr("A goroutine ID (12 or G12) or part of a start function's name, then Enter; Enter again "
                          "goes to the next match (Ctrl+G)"));
    m_goTo->setClearButtonEnabled(true);
    m_goTo->setMaximumWidth(200);
    m_goToResult->setObjectName(QStringLiteral("goToResult"));
    m_goToResult->setTextFormat(Qt::PlainText);
    m_goToResult->setEnabled(false);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(6);
    layout->addWidget(new QLabel(tr("Goroutines:"), this));
    layout->addWidget(m_kind);
    layout->addWidget(m_value);
    layout->addWidget(m_add);
    layout->addWidget(m_error);
    layout->addWidget(m_chips, 1);
    layout->addWidget(m_count);
    layout->addSpacing(12);
    layout->addWidget(m_goTo);
    layout->addWidget(m_goToResult);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &GoroutineFilterBar::fillChoices);
    connect(m_value->lineEdit(), &QLineEdit::returnPressed, this, &GoroutineFilterBar::submit);
    connect(m_value->lineEdit(), &QLineEdit::textEdited, this,
            [this] { showError({}); });
    connect(m_add, &QToolButton::clicked, this, &GoroutineFilterBar::submit);
    connect(m_chips, &ChipList::removeRequested, this, &GoroutineFilterBar::conditionRemoved);
    connect(m_goTo, &QLineEdit::returnPressed, this, [this] { emit goToRequested(m_goTo->text()); });
    connect(m_goTo, &QLineEdit::textEdited, this, [this] { showGoToResult({}); });
    fillChoices();
    setCount(0, 0, false);
}

ConditionKind GoroutineFilterBar::kind() const
{
    return ConditionKind(m_kind->currentData().toInt());
}

void GoroutineFilterBar::setKind(ConditionKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void GoroutineFilterBar::fillChoices()
{
    const ConditionKind k = kind();
    m_value->clear();
    switch (k) {
    case ConditionKind::EverState:
    case ConditionKind::CurrentState:
        m_value->addItems(stateNames());
        break;
    case ConditionKind::Transition:
        m_value->addItems(commonTransitions());
        break;
    case ConditionKind::Reason:
        // Wait reasons come from the capture: shown escaped, the reason itself kept as the item's data.
        for (const QString& reason : m_reasons)
            m_value->addItem(captureText(reason), reason);
        break;
    case ConditionKind::TimeRange:
        if (!m_rangeText.isEmpty())
            m_value->addItem(m_rangeText);
        break;
    default:
        break;
    }
    // Choices are suggestions: the field starts empty unless there is exactly the one obvious value.
    m_value->setCurrentIndex(k == ConditionKind::TimeRange && !m_rangeText.isEmpty() ? 0 : -1);
    m_value->lineEdit()->setPlaceholderText(conditionPlaceholder(k));
    showError({});
}

void GoroutineFilterBar::focusGoTo()
{
    m_goTo->setFocus(Qt::ShortcutFocusReason);
    m_goTo->selectAll();
}

void GoroutineFilterBar::showGoToResult(const QString& text)
{
    m_goToResult->setText(text);
}

void GoroutineFilterBar::setReasons(const QStringList& reasons)
{
    m_reasons = reasons;
    if (kind() == ConditionKind::Reason)
        fillChoices();
}

void GoroutineFilterBar::setRangeText(const QString& text)
{
    m_rangeText = text;
    if (kind() == ConditionKind::TimeRange)
        fillChoices();
}

void GoroutineFilterBar::setCount(size_t kept, size_t total, bool filtering)
{
    QString text = tr("%1 of %2").arg(QString::number(kept), formatCount(int64_t(total), tr("goroutine"), tr("goroutines")));
    if (filtering)
        text += tr(" \u00b7 filtering\u2026");
    m_count->setText(text);
}

QString GoroutineFilterBar::countText() const
{
    return m_count->text();
}

QString GoroutineFilterBar::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void GoroutineFilterBar::focusEntry()
{
    m_value->setFocus(Qt::ShortcutFocusReason);
    m_value->lineEdit()->selectAll();
}

void GoroutineFilterBar::showError(const QString& message)
{
    showEntryError(m_error, m_value->lineEdit(), message);
}

void GoroutineFilterBar::submit()
{
    QString text = m_value->currentText().trimmed();
    // Nothing typed is nothing to add. Enter also lands here twice: the combo hands the key on to
    // its line edit again, whose second returnPressed then finds the field already cleared.
    if (text.isEmpty())
        return;
    // A suggestion chosen (or typed as shown) stands for the raw value it was made from.
    if (const int i = m_value->findText(text, Qt::MatchExactly); i >= 0 && m_value->itemData(i).isValid())
        text = m_value->itemData(i).toString();
    if (const std::optional<QString> error = validateCondition(kind(), text.toStdString())) {
        showError(*error);
        return;
    }
    showError({});
    m_value->setCurrentIndex(-1);
    m_value->clearEditText();
    emit conditionAdded(kind(), text);
}

void GoroutineFilterBar::setConditions(const std::vector<GoroutineCondition>& conditions)
{
    std::vector<std::pair<QString, QString>> chips;
    for (const GoroutineCondition& c : conditions) {
        QStringList values;
        for (const std::string& v : c.values)
            values << QString::fromStdString(v);
        // Several values of one kind are alternatives.
        chips.emplace_back(conditionKindName(c.kind), values.join(tr(" or ")));
    }
    m_chips->setChips(chips);
}

} // namespace gs::ui
