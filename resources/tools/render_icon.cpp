// SPDX-License-Identifier: MIT
// Build-time tool: renders the scalable application icon to the PNG sizes of the hicolor theme,
// so the repository holds only the SVG and the package still carries the bitmaps desktops ask for.
//   goroscope-render-icon ICON.svg OUTDIR SIZE...   writes OUTDIR/SIZExSIZE/apps/goroscope.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: goroscope-render-icon ICON.svg OUTDIR SIZE...\n");
        return 2;
    }
    // A build machine has no display; rendering needs no window.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    const QString svgPath = QString::fromLocal8Bit(argv[1]);
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "goroscope-render-icon: %s: not a valid SVG\n", argv[1]);
        return 1;
    }
    const QDir outDir(QString::fromLocal8Bit(argv[2]));
    for (int i = 3; i < argc; ++i) {
        bool ok = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            std::fprintf(stderr, "goroscope-render-icon: %s: not an icon size\n", argv[i]);
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        const QString dir = QStringLiteral("%1x%1/apps").arg(size);
        const QString path = outDir.filePath(dir + QStringLiteral("/goroscope.png"));
        if (!outDir.mkpath(dir) || !image.save(path, "PNG")) {
            std::fprintf(stderr, "goroscope-render-icon: %s: cannot write\n", qPrintable(path));
            return 1;
        }
    }
    return 0;
}
