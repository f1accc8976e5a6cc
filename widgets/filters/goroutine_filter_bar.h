// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/filters/goroutine_condition.h"

#include <QStringList>
#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace gs::ui {

class ChipList;

// The trace page's goroutine filter: an entry (condition kind, then a value field that offers the
// states, common transitions, the trace's wait reasons or the selected time range as choices and
// accepts typed text) followed by the active conditions as removable chips and the "N of M
// goroutines" count. Enter or Add validates the value (validateCondition); invalid input shows
// why and adds nothing. At its end, a "go to goroutine" field (an ID or part of a start function's
// name; Enter again goes to the next match). It only emits; the session owns the conditions.
// GUI thread only.
class GoroutineFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit GoroutineFilterBar(QWidget* parent = nullptr);

    void setConditions(const std::vector<GoroutineCondition>& conditions);
    // The wait reasons offered for the reason kind.
    void setReasons(const QStringList& reasons);
    // The timeline's selected range as a time-range value ("" when none), offered for that kind.
    void setRangeText(const QString& text);
    void setCount(size_t kept, size_t total, bool filtering);
    // Puts the keyboard focus into the value field.
    void focusEntry();
    // Shows why the filter could not be applied (empty clears it).
    void showError(const QString& message);
    // Puts the keyboard focus into the go-to field, its text selected.
    void focusGoTo();
    // What the last go-to found ("G12 · 3 matches"), shown beside the field.
    void showGoToResult(const QString& text);
    QLineEdit* goToField() const { return m_goTo; }

    ConditionKind kind() const;
    void setKind(ConditionKind kind);
    QString countText() const;
    QString errorText() const;

signals:
    void conditionAdded(gs::ui::ConditionKind kind, const QString& text);
    void conditionRemoved(int index);
    void goToRequested(const QString& query);

private:
    void submit();
    void fillChoices();

    QComboBox* m_kind = nullptr;
    QComboBox* m_value = nullptr;
    QToolButton* m_add = nullptr;
    QLabel* m_error = nullptr;
    ChipList* m_chips = nullptr;
    QLabel* m_count = nullptr;
    QLineEdit* m_goTo = nullptr;
    QLabel* m_goToResult = nullptr;
    QStringList m_reasons;
    QString m_rangeText;
};

} // namespace gs::ui
