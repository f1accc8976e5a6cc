// SPDX-License-Identifier: MIT
// Prints the MIME type Qt's shared-mime-info reader gives each file ("NAME TYPE" a line), as a
// Qt desktop's file manager would: the package test points XDG_DATA_DIRS at the extracted
// package to see that a real capture is typed as Goroscope's.
#include <QCoreApplication>
#include <QFileInfo>
#include <QMimeDatabase>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QMimeDatabase db;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        std::printf("%s %s\n", qPrintable(QFileInfo(path).fileName()), qPrintable(db.mimeTypeForFile(path).name()));
    }
    return 0;
}
