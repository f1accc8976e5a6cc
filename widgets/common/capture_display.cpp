// SPDX-License-Identifier: MIT
#include "widgets/common/capture_display.h"

#include "core/base/capture_text.h"

namespace gs::ui {

QString captureText(std::string_view utf8)
{
    const std::string shown = escapeCaptureText(utf8, kShownCaptureChars);
    return QString::fromUtf8(shown.data(), qsizetype(shown.size()));
}

QString captureText(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return captureText(std::string_view(utf8.constData(), size_t(utf8.size())));
}

QString captureHtml(std::string_view utf8)
{
    return captureText(utf8).toHtmlEscaped();
}

QString captureHtml(const QString& text)
{
    return captureText(text).toHtmlEscaped();
}

QString captureMenuText(std::string_view utf8)
{
    return captureText(utf8).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

QString captureMenuText(const QString& text)
{
    return captureText(text).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

QString plainToolTip(const QString& text)
{
    if (text.isEmpty())
        return {};
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    // A leading element makes Qt::mightBeRichText true whatever the text holds; pre-wrap keeps
    // indentation and runs of spaces but still wraps a long line.
    return QStringLiteral("<p style='white-space:pre-wrap'>") + html + QStringLiteral("</p>");
}

} // namespace gs::ui
