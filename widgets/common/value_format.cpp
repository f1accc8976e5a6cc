// SPDX-License-Identifier: MIT
#include "widgets/common/value_format.h"

#include "core/analysis/value_format.h"
#include "widgets/common/capture_display.h"

#include <QLocale>

#include <cmath>

namespace gs::ui {

namespace {

// Three significant digits without trailing zeros: 1.2345 -> "1.23", 12.0 -> "12", 123.4 -> "123".
QString significant(double v)
{
    const int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
    QString s = QString::number(v, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

// pprof's unit names as a person expects them: its byte units are binary multiples.
QString displayUnit(const std::string& unit)
{
    if (unit == "kB")
        return QStringLiteral("KiB");
    if (unit.size() == 2 && unit[1] == 'B')
        return QString(QLatin1Char(unit[0])) + QStringLiteral("iB");
    if (unit == "us")
        return QStringLiteral("\u00b5s");
    if (unit == "hrs")
        return QStringLiteral("h");
    return captureText(unit); // a unit the profile names itself
}

QString formatMagnitude(int64_t value, std::string_view unit)
{
    // Zero needs no unit, and "auto" would otherwise pick the family default (seconds) for it.
    if (value == 0)
        return QStringLiteral("0");
    const ScaledValue scaled = scaleValue(value, unit, "auto");
    const double magnitude = std::fabs(scaled.value);
    if (scaled.unit.empty())
        return QLocale(QLocale::English).toString(double(magnitude), 'f', 0);
    return significant(magnitude) + QLatin1Char(' ') + displayUnit(scaled.unit);
}

} // namespace

QString formatValue(int64_t value, std::string_view unit)
{
    const QString s = formatMagnitude(value, unit);
    return value < 0 ? QString(QLatin1Char('-') + s) : s;
}

QString formatDelta(int64_t value, std::string_view unit)
{
    if (value == 0)
        return QStringLiteral("0");
    return (value > 0 ? QLatin1Char('+') : QLatin1Char('-')) + formatMagnitude(value, unit);
}

QString formatCount(int64_t count, const QString& singular, const QString& plural)
{
    return QLocale(QLocale::English).toString(qlonglong(count)) + QLatin1Char(' ') + (count == 1 ? singular : plural);
}

QString formatPercent(double fraction)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("-");
    return QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace gs::ui
