// SPDX-License-Identifier: MIT
#include "widgets/export/exporter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace gs::ui {

namespace {

// The resolution QImage assumes: with it fonts sized in points come out the same size in every
// format, and a PDF page is the picture's size on a screen.
constexpr int kDpi = 96;
constexpr double kDotsPerMeterAt96Dpi = 96 / 0.0254;

QString tr(const char* text)
{
    return QCoreApplication::translate("gs::ui::Export", text);
}

QString pdfTitleOf(const ExportOptions& options)
{
    return options.caption && !options.caption->file.isEmpty() ? options.caption->file : tr("Goroscope export");
}

QByteArray pngBytes(const ExportSource& source, const ExportOptions& options)
{
    QImage image = exportImage(source, options);
    // So viewers that read the PNG's resolution show a 2x picture at its logical size.
    const int dotsPerMeter = int(std::lround(kDotsPerMeterAt96Dpi * options.pixelRatio));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

QByteArray svgBytes(const ExportSource& source, const ExportOptions& options)
{
    const QSize size = exportSize(source, options);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setResolution(kDpi);
    // Fixed words only: Qt 6.4 writes the title and description unescaped (text items are escaped).
    svg.setTitle(tr("Goroscope export"));
    svg.setDescription(tr("Exported by Goroscope"));
    QPainter painter(&svg);
    paintExport(painter, source, options);
    painter.end();
    return buffer.data();
}

QByteArray pdfBytes(const ExportSource& source, const ExportOptions& options)
{
    const QSize size = exportSize(source, options);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(kDpi);
        pdf.setCreator(QStringLiteral("Goroscope"));
        pdf.setTitle(pdfTitleOf(options));
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / kDpi, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&pdf);
        paintExport(painter, source, options);
    } // the writer finishes the file when it goes away
    return buffer.data();
}

} // namespace

std::optional<ExportFormat> exportFormatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

QSize exportSize(const ExportSource& source, const ExportOptions& options)
{
    const int band = options.caption ? captionHeight(*options.caption, source.size.width()) : 0;
    return source.size + QSize(0, band);
}

void paintExport(QPainter& painter, const ExportSource& source, const ExportOptions& options)
{
    painter.save();
    source.paint(painter);
    painter.restore();
    paintAnnotations(painter, source.dataArea, options.notes, source.target, source.resolve);
    if (options.caption) {
        const QRect band(0, source.size.height(), source.size.width(),
                         captionHeight(*options.caption, source.size.width()));
        paintCaption(painter, band, *options.caption);
    }
}

QImage exportImage(const ExportSource& source, const ExportOptions& options)
{
    const QSize size = exportSize(source, options);
    QImage image(QSize(int(std::lround(size.width() * options.pixelRatio)), int(std::lround(size.height() * options.pixelRatio))),
                 QImage::Format_RGB32);
    image.setDevicePixelRatio(options.pixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintExport(painter, source, options);
    return image;
}

std::optional<QString> exportToFile(const ExportSource& source, const ExportOptions& options, const QString& path)
{
    const std::optional<ExportFormat> format = exportFormatFor(path);
    if (!format)
        return tr("%1: unknown format (the name must end in .png, .svg or .pdf)").arg(path);
    const QByteArray bytes = *format == ExportFormat::Png   ? pngBytes(source, options)
                             : *format == ExportFormat::Svg ? svgBytes(source, options)
                                                            : pdfBytes(source, options);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("%1: could not write the file (%2)").arg(path, file.errorString());
    return std::nullopt;
}

} // namespace gs::ui
