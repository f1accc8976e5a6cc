// SPDX-License-Identifier: MIT
#include "widgets/common/theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace gs::ui {

namespace {

const QString kThemeKey = QStringLiteral("appearance/theme");
const QString kFontKey = QStringLiteral("appearance/fontPointSize");

// What the platform gave before any theme was applied, to go back to for Theme::System.
struct PlatformLook
{
    QString style;
    QPalette palette;
    int fontPointSize = 0;
};

const PlatformLook& platformLook()
{
    static const PlatformLook look{QApplication::style()->name(), QApplication::palette(),
                                   QApplication::font().pointSize()};
    return look;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe7, 0xea);
    const QColor disabled(0x80, 0x84, 0x8c);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x37));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe8));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

LightPaletteScope::LightPaletteScope(bool wanted)
{
    if (!wanted || !isDark(QApplication::palette()))
        return;
    m_saved = QApplication::palette();
    QApplication::setPalette(QApplication::style()->standardPalette());
}

LightPaletteScope::~LightPaletteScope()
{
    if (m_saved)
        QApplication::setPalette(*m_saved);
}

void applyTheme(Theme theme)
{
    const PlatformLook& platform = platformLook();
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(platform.style);
        QApplication::setPalette(platform.palette);
        return;
    case Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        return;
    }
}

Theme savedTheme()
{
    const int value = QSettings().value(kThemeKey, int(Theme::System)).toInt();
    return value == int(Theme::Light) || value == int(Theme::Dark) ? Theme(value) : Theme::System;
}

void saveTheme(Theme theme)
{
    QSettings().setValue(kThemeKey, int(theme));
}

int savedFontPointSize()
{
    return QSettings().value(kFontKey, 0).toInt();
}

void saveFontPointSize(int points)
{
    QSettings().setValue(kFontKey, points);
}

int platformFontPointSize()
{
    return platformLook().fontPointSize;
}

void applyFontPointSize(int points)
{
    QFont font = QApplication::font();
    font.setPointSize(points > 0 ? points : platformLook().fontPointSize);
    QApplication::setFont(font);
}

} // namespace gs::ui
