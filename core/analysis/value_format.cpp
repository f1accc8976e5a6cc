// SPDX-License-Identifier: MIT
#include "core/analysis/value_format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace gs {

namespace {

struct Unit
{
    const char* name;                    // canonical, as printed
    std::array<const char*, 4> aliases;  // lower case, singular
    double factor;                       // in the family's base unit
};

struct UnitFamily
{
    std::array<Unit, 6> units;
    size_t count;
    size_t defaultUnit;
};

// The same unit families pprof knows: memory and time.
const std::array<UnitFamily, 2> kFamilies = {{
    {{{{"B", {"b", "byte"}, 1},
       {"kB", {"kb", "kbyte", "kilobyte"}, double(1 << 10)},
       {"MB", {"mb", "mbyte", "megabyte"}, double(1 << 20)},
       {"GB", {"gb", "gbyte", "gigabyte"}, double(1 << 30)},
       {"TB", {"tb", "tbyte", "terabyte"}, double(uint64_t(1) << 40)},
       {"PB", {"pb", "pbyte", "petabyte"}, double(uint64_t(1) << 50)}}},
     6,
     0},
    {{{{"ns", {"ns", "nanosecond"}, 1},
       {"us", {"μs", "us", "microsecond"}, 1e3},
       {"ms", {"ms", "millisecond"}, 1e6},
       {"s", {"s", "sec", "second"}, 1e9},
       {"hrs", {"hour", "hr"}, 3600e9},
       {"", {}, 0}}},
     5,
     3},
}};

// Lower-cases and drops a plural "s", as pprof's unit sniffing does.
const Unit* findUnit(const UnitFamily& family, std::string_view name)
{
    std::string s(name);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (s.size() > 2 && s.back() == 's')
        s.pop_back();
    for (size_t i = 0; i < family.count; ++i) {
        for (const char* alias : family.units[i].aliases) {
            if (alias && s == alias)
                return &family.units[i];
        }
    }
    return nullptr;
}

} // namespace

ScaledValue scaleValue(int64_t value, std::string_view fromUnit, std::string_view toUnit)
{
    for (const UnitFamily& family : kFamilies) {
        const Unit* from = findUnit(family, fromUnit);
        if (!from)
            continue;
        const double base = double(value) * from->factor;
        if (toUnit == "auto" || toUnit == "minimum") {
            const double magnitude = std::fabs(base);
            const Unit* best = nullptr;
            for (size_t i = 0; i < family.count; ++i) {
                if (magnitude / family.units[i].factor >= 1.0 && (!best || family.units[i].factor >= best->factor))
                    best = &family.units[i];
            }
            if (!best)
                best = &family.units[family.defaultUnit];
            return {base / best->factor, best->name};
        }
        const Unit* to = findUnit(family, toUnit);
        if (!to)
            to = &family.units[family.defaultUnit];
        return {base / to->factor, to->name};
    }
    if (toUnit == "auto" || toUnit == "minimum" || toUnit == "count" || toUnit == "sample" || toUnit == "unit")
        return {double(value), ""};
    return {double(value), std::string(toUnit)};
}

std::string formatValue(int64_t value, std::string_view fromUnit, std::string_view toUnit)
{
    const ScaledValue s = scaleValue(value, fromUnit, toUnit);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", s.value);
    std::string text = buf;
    if (text.size() > 3 && text.compare(text.size() - 3, 3, ".00") == 0)
        text.resize(text.size() - 3);
    if (text == "0" || text == "-0")
        return "0";
    return text + s.unit;
}

std::string tableUnit(int64_t minNonZero, int64_t total, std::string_view fromUnit)
{
    if (minNonZero == 0)
        minNonZero = total;
    const std::string minUnit = scaleValue(minNonZero, fromUnit, "auto").unit;
    const std::string maxUnit = scaleValue(total, fromUnit, "auto").unit;
    if (minUnit != maxUnit && double(minNonZero) * 100 < double(total))
        return scaleValue(100 * minNonZero, fromUnit, "auto").unit;
    return minUnit;
}

std::string formatPercent(int64_t value, int64_t total)
{
    const double ratio = total != 0 ? std::fabs(double(value) / double(total)) * 100 : 0;
    char buf[32];
    if (ratio >= 99.95 && ratio <= 100.05)
        return "  100%";
    if (ratio >= 1.0)
        std::snprintf(buf, sizeof buf, "%5.2f%%", ratio);
    else
        std::snprintf(buf, sizeof buf, "%5.2g%%", ratio);
    return buf;
}

} // namespace gs
