// SPDX-License-Identifier: MIT
#include "widgets/profile/value_options_button.h"

#include "core/analysis/value_format.h"
#include "widgets/profile/profile_session.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMenu>

namespace gs::ui {

namespace {

// The units pprof's -unit accepts for a sample type's unit: its family's, or none for counts.
std::vector<std::string> unitsFor(const std::string& unit)
{
    if (scaleValue(1, unit, "ms").unit == "ms")
        return {"ns", "us", "ms", "s"};
    if (scaleValue(1, unit, "MB").unit == "MB")
        return {"B", "kB", "MB", "GB"};
    return {};
}

} // namespace

ValueOptionsButton::ValueOptionsButton(ProfileSession* session, QWidget* parent)
    : QToolButton(parent)
    , m_session(session)
{
    setText(tr("Values"));
    setToolTip(tr("How values are shown: mean per event, unit, divided by a number (pprof's -mean, -unit, -divide_by)"));
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    auto* menu = new QMenu(this);
    m_mean = menu->addAction(tr("Mean per Event"));
    m_mean->setCheckable(true);
    m_mean->setToolTip(tr("Each function's value divided by its count of events, as pprof's -mean (block, mutex)"));
    connect(m_mean, &QAction::toggled, this, [this](bool on) { m_session->setMean(on); });
    m_units = menu->addMenu(tr("Unit"));
    connect(m_units, &QMenu::aboutToShow, this, &ValueOptionsButton::fillUnits);
    m_divide = menu->addAction(tr("Divide By…"), this, &ValueOptionsButton::chooseDivisor);
    setMenu(menu);
    connect(m_session, &ProfileSession::storeChanged, this, &ValueOptionsButton::sync);
    connect(m_session, &ProfileSession::queryChanged, this, &ValueOptionsButton::sync);
    sync();
}

void ValueOptionsButton::sync()
{
    const StorePtr& store = m_session->store();
    const bool profile = store && store->profile && !store->profile->sampleTypes.empty();
    setEnabled(profile);
    // A mean needs a count to divide by: pprof's first sample type, beside the one shown.
    m_mean->setEnabled(profile && store->profile->sampleTypes.size() > 1);
    const QSignalBlocker block(m_mean);
    m_mean->setChecked(m_session->mean());
    m_units->setEnabled(profile && !unitsFor(store->profile->sampleTypes[m_session->sampleType()].unit).empty());
    m_divide->setText(m_session->divideBy() == 1 ? tr("Divide By…")
                                                  : tr("Divide By %1…").arg(QString::number(m_session->divideBy())));
}

void ValueOptionsButton::fillUnits()
{
    m_units->clear();
    const StorePtr& store = m_session->store();
    if (!store || !store->profile)
        return;
    auto* group = new QActionGroup(m_units);
    std::vector<std::string> choices = {"auto"};
    for (std::string& u : unitsFor(store->profile->sampleTypes[m_session->sampleType()].unit))
        choices.push_back(std::move(u));
    for (const std::string& unit : choices) {
        QAction* a = m_units->addAction(unit == "auto" ? tr("Automatic") : QString::fromStdString(unit));
        a->setCheckable(true);
        a->setChecked(unit == m_session->outputUnit());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, unit] { m_session->setOutputUnit(unit); });
    }
}

void ValueOptionsButton::chooseDivisor()
{
    bool ok = false;
    const double divisor = QInputDialog::getDouble(this, tr("Divide Values By"), tr("Divide every value by:"),
                                                   m_session->divideBy(), 1e-9, 1e18, 6, &ok);
    if (ok && divisor != 0)
        m_session->setDivideBy(divisor);
}

} // namespace gs::ui
