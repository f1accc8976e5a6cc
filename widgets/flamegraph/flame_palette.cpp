// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_palette.h"

#include "widgets/common/go_names.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace gs::ui::flame_palette {

namespace {

constexpr size_t kWarmCount = 48;
constexpr size_t kRuntimeCount = 8;

uint64_t fnv1a(std::string_view s)
{
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// Hues from red to yellow, light enough for dark text, stored as 8-bit RGB (what fillRect paints). The strides spread neighbouring palette
// entries apart so two packages that hash to adjacent slots still look different.
const std::array<QColor, kWarmCount>& warmPalette()
{
    static const auto palette = [] {
        std::array<QColor, kWarmCount> p;
        for (size_t i = 0; i < kWarmCount; ++i) {
            const int hue = int((i * 7) % 46);
            const int saturation = 165 + int((i * 37) % 70);
            const int lightness = 150 + int((i * 53) % 44);
            p[i] = QColor(QColor::fromHsl(hue, saturation, lightness).rgb());
        }
        return p;
    }();
    return palette;
}

const std::array<QColor, kRuntimeCount>& runtimePalette()
{
    static const auto palette = [] {
        std::array<QColor, kRuntimeCount> p;
        for (size_t i = 0; i < kRuntimeCount; ++i)
            p[i] = QColor(QColor::fromHsl(195 + int((i * 5) % 24), 95 + int((i * 23) % 50), 168 + int((i * 11) % 30)).rgb());
        return p;
    }();
    return palette;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    auto channel = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()));
}

} // namespace

QColor frameColor(std::string_view function)
{
    const std::string_view pkg = goPackage(function);
    const uint64_t h = fnv1a(pkg);
    if (isRuntimeFunction(function))
        return runtimePalette()[h % kRuntimeCount];
    return warmPalette()[h % kWarmCount];
}

QColor diffColor(int64_t total, int64_t baseTotal)
{
    static const QColor kNeutral(236, 234, 230);
    static const QColor kGrew(214, 48, 39);
    static const QColor kShrank(38, 98, 204);
    double relative = 0;
    if (baseTotal == 0)
        relative = total > 0 ? 1.0 : 0.0;
    else
        relative = double(total - baseTotal) / double(std::llabs(baseTotal));
    // sqrt makes a 10% change visible (a third of full intensity) while 100% saturates.
    const double t = std::sqrt(std::min(1.0, std::fabs(relative)));
    return mix(kNeutral, relative >= 0 ? kGrew : kShrank, t);
}

QColor mergedColor()
{
    return QColor(196, 196, 196);
}

QColor rootColor()
{
    return QColor(214, 208, 198);
}

QColor searchMatchColor()
{
    return QColor(222, 82, 204);
}

QColor textColor()
{
    return QColor(24, 24, 24);
}

QColor textColorOn(const QColor& fill)
{
    // Rec. 601 luma: cheap and good enough to pick between two text colours.
    const int luma = (fill.red() * 299 + fill.green() * 587 + fill.blue() * 114) / 1000;
    return luma < 140 ? QColor(250, 250, 250) : textColor();
}

QColor faded(const QColor& c)
{
    return mix(c, QColor(250, 250, 250), 0.72);
}

} // namespace gs::ui::flame_palette
