// SPDX-License-Identifier: MIT
#include "widgets/export/export_caption.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>

namespace gs::ui {

namespace {

constexpr int kPadding = 8;
constexpr int kLineGap = 2;
constexpr int kFontPx = 12; // pixel sizes: the same on images, SVG and PDF (all at 96 dpi)
const int kFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

QString tr(const char* text)
{
    return QCoreApplication::translate("gs::ui::Export", text);
}

QFont captionFont(bool bold)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(kFontPx);
    font.setBold(bold);
    return font;
}

// The band's lines, the first one bold. File name, scope and filters may hold capture text (a
// sample type's name, a function in a filter).
QStringList captionLines(const ExportCaption& caption)
{
    QStringList lines;
    QStringList head;
    for (const QString& part : {caption.file, caption.scope}) {
        if (!part.isEmpty())
            head << captureText(part);
    }
    lines << head.join(QStringLiteral("  \u00b7  "));
    QStringList filters;
    for (const QString& filter : caption.filters)
        filters << captureText(filter);
    lines << (filters.isEmpty() ? QString() : tr("Filters: %1").arg(filters.join(QStringLiteral("  \u00b7  "))));
    lines << caption.text;
    return lines;
}

// Calls visit(line, font, height) for every non-empty line wrapped at `width`.
template<typename Visit>
void forEachLine(const ExportCaption& caption, int width, Visit visit)
{
    const QStringList lines = captionLines(caption);
    const int textWidth = std::max(1, width - 2 * kPadding);
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QFont font = captionFont(i == 0);
        const int height = QFontMetrics(font).boundingRect(QRect(0, 0, textWidth, 100000), kFlags, lines[i]).height();
        visit(lines[i], font, height);
    }
}

} // namespace

int captionHeight(const ExportCaption& caption, int width)
{
    int height = 2 * kPadding - kLineGap;
    forEachLine(caption, width, [&](const QString&, const QFont&, int h) { height += h + kLineGap; });
    return height;
}

void paintCaption(QPainter& painter, const QRect& band, const ExportCaption& caption)
{
    painter.save();
    painter.fillRect(band, QColor(245, 245, 245));
    painter.fillRect(QRect(band.left(), band.top(), band.width(), 1), QColor(190, 190, 190));
    painter.setPen(QColor(17, 17, 17));
    int y = band.top() + kPadding;
    forEachLine(caption, band.width(), [&](const QString& line, const QFont& font, int h) {
        painter.setFont(font);
        painter.drawText(QRect(band.left() + kPadding, y, band.width() - 2 * kPadding, h), kFlags, line);
        y += h + kLineGap;
    });
    painter.restore();
}

QString traceRangeText(const TraceData& trace, TimeNs fromNs, TimeNs toNs)
{
    const auto since = [&](TimeNs t) { return formatValue(t - trace.startNs, "nanoseconds"); };
    return tr("%1 \u2013 %2 of %3").arg(since(fromNs), since(toNs), since(trace.endNs));
}

QStringList goroutineFilterTexts(const std::vector<GoroutineCondition>& conditions)
{
    QStringList texts;
    for (const GoroutineCondition& c : conditions) {
        QStringList values;
        for (const std::string& v : c.values)
            values << QString::fromStdString(v);
        texts << conditionKindName(c.kind) + QLatin1Char(' ') + values.join(tr(" or "));
    }
    return texts;
}

QStringList profileFilterTexts(const std::vector<FilterItem>& items)
{
    QStringList texts;
    for (const FilterItem& item : items)
        texts << filterKindName(item.kind) + QLatin1Char(' ') + QString::fromStdString(item.pattern);
    return texts;
}

} // namespace gs::ui
