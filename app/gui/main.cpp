// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("goroscope"));
    QApplication::setApplicationName(QStringLiteral("goroscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Goroscope"));
    QApplication::setApplicationVersion(QStringLiteral(GOROSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("goroscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/goroscope.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Viewer for Go profiles, execution traces and goroutine dumps"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A capture to open (e.g. cpu.pb.gz)"),
                                 QStringLiteral("[file]"));
    QCommandLineOption base(QStringLiteral("base"), QStringLiteral("Compare FILE against this base profile."),
                            QStringLiteral("base"));
    parser.addOption(base);
    parser.process(app);

    gs::app::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        window.openFile(files.first());
        if (parser.isSet(base)) {
            const QString basePath = parser.value(base);
            // The base can only be attached to a loaded profile, so wait for the first load.
            QObject::connect(&window, &gs::app::MainWindow::loadFinished, &window,
                             [&window, basePath, done = false](const QString&) mutable {
                                 if (done)
                                     return;
                                 done = true;
                                 window.openBaseFile(basePath);
                             });
        }
    }
    return app.exec();
}
