// SPDX-License-Identifier: MIT
#include "app/gui/headless_export.h"
#include "app/gui/main_window.h"
#include "app/gui/report_headless.h"
#include "widgets/common/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <cstring>

namespace {

// Whether the command line asks for a headless export or report, or only for the version or the
// help. Checked before QApplication exists: such a run needs no display, so unless a platform was
// chosen it gets the offscreen one and works in scripts, CI, over ssh and in a package's checks.
bool needsNoDisplay(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* option :
             {"--export", "--report", "--screenshot", "--version", "-v", "--help", "-h", "--help-all"}) {
            const size_t n = std::strlen(option);
            if (std::strncmp(argv[i], option, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
                return true;
        }
    }
    return false;
}

QtMessageHandler g_qtHandler = nullptr;

// The offscreen platform says it cannot propagate size hints each time a window is laid out; in
// a script's stderr that notice would read as a problem. Every other message goes through.
void dropOffscreenNotice(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (!message.contains(QLatin1String("propagateSizeHints")))
        g_qtHandler(type, context, message);
}

// Runs `goroscope --export ...` or `goroscope --report ...`: 0 on success, else one line on
// stderr and 1.
int runHeadless(const QCommandLineParser& parser)
{
    g_qtHandler = qInstallMessageHandler(dropOffscreenNotice);
    QString error;
    std::optional<QString> failure;
    if (gs::app::isHeadlessReport(parser)) {
        failure = gs::app::runHeadlessReport(parser);
    } else {
        const std::optional<gs::app::HeadlessExportArgs> args = gs::app::headlessExportArgs(parser, &error);
        failure = args ? gs::app::runHeadlessExport(*args) : std::optional<QString>(error);
    }
    if (!failure)
        return 0;
    std::fprintf(stderr, "goroscope: %s\n", qPrintable(*failure));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    if (needsNoDisplay(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A capture to open (e.g. cpu.pb.gz); several pprof profiles are merged, "
                                                "and profiles after a trace open beside it"),
                                 QStringLiteral("[file...]"));
    QCommandLineOption base(QStringLiteral("base"), QStringLiteral("Compare FILE against this base profile."),
                            QStringLiteral("base"));
    parser.addOption(base);
    gs::app::addHeadlessExportOptions(parser);
    gs::app::addHeadlessReportOptions(parser);
    parser.process(app);
    if (gs::app::isHeadlessExport(parser) || gs::app::isHeadlessReport(parser))
        return runHeadless(parser);

    gs::ui::applyTheme(gs::ui::savedTheme());
    gs::ui::applyFontPointSize(gs::ui::savedFontPointSize());
    gs::app::MainWindow window;
    window.show();
    window.openFiles(parser.positionalArguments(), parser.value(base));
    return app.exec();
}
