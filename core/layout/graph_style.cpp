// SPDX-License-Identifier: MIT
#include "core/layout/graph_style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gs {

namespace {

int64_t magnitude(int64_t v)
{
    return v < 0 ? -v : v;
}

// |weight| * scale / |total|, at most `cap`; 0 without a total.
int64_t scaledShare(int64_t weight, int64_t total, int64_t scale, int64_t cap)
{
    if (total == 0)
        return 0;
    // Weights of a real profile are far from overflowing when multiplied by 100; divide in
    // floating point anyway so a hostile profile cannot wrap.
    const double share = double(magnitude(weight)) * double(scale) / double(magnitude(total));
    return int64_t(std::min(share, double(cap)));
}

} // namespace

std::string Rgb::hex() const
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r, g, b);
    return buffer;
}

Rgb graphColor(double share, bool background)
{
    // Saturation and value (HSV) of the pale fills and of the strong borders.
    const double saturationFull = background ? 0.1 : 1.0;
    const double value = background ? 0.93 : 0.7;
    // How far scores are pushed away from grey: a small share still gets some colour.
    constexpr double kShift = 0.7;
    double score = std::isfinite(share) ? std::clamp(share, -1.0, 1.0) : 0.0;
    double saturation = saturationFull;
    // Near zero, fade to grey rather than to yellow.
    if (std::abs(score) < 0.2)
        saturation *= std::abs(score) / 0.2;
    score = score < 0 ? -std::pow(-score, 1.0 - kShift) : std::pow(score, 1.0 - kShift);
    double r = value;
    double g = value;
    if (score < 0)
        r = value * (1 + saturation * score);
    else
        g = value * (1 - saturation * score);
    const double b = value * (1 - saturation);
    const auto channel = [](double v) { return uint8_t(std::clamp(v * 255.0, 0.0, 255.0)); };
    return {channel(r), channel(g), channel(b)};
}

int graphFontSize(int64_t flat, int64_t maxFlat)
{
    constexpr int kBase = 8;
    constexpr double kGrowth = 16.0;
    if (maxFlat == 0 || flat == 0 || magnitude(flat) > magnitude(maxFlat))
        return kBase;
    return kBase + int(std::ceil(kGrowth * std::sqrt(double(magnitude(flat)) / double(magnitude(maxFlat)))));
}

int graphEdgeWidth(int64_t weight, int64_t total)
{
    return 1 + int(scaledShare(weight, total, 5, 5));
}

int graphEdgeWeight(int64_t weight, int64_t total)
{
    return 1 + int(scaledShare(weight, total, 100, 100));
}

} // namespace gs
