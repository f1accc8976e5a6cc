// SPDX-License-Identifier: MIT
#include "app/gui/report_headless.h"

#include "app/gui/headless_export.h"
#include "app/gui/main_window.h"
#include "app/gui/report_export.h"
#include "core/load/load_file.h"
#include "widgets/common/theme.h"
#include "widgets/findings/findings_panel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

namespace gs::app {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("gs::app::HeadlessReport", text);
}

const QString kReport = QStringLiteral("report");
const QString kScreenshot = QStringLiteral("screenshot");
const QString kTheme = QStringLiteral("theme");

// The window a person would see with --input open, at `size`, laid out but never on a screen.
// How long a headless picture or report waits for the findings of a big capture.
constexpr qint64 kFindingsWaitMs = 120'000;

std::optional<QString> openInput(MainWindow& window, const QCommandLineParser& parser, const QString& option, QSize size)
{
    const QString input = parser.value(QStringLiteral("input"));
    if (input.isEmpty())
        return tr("--%1 needs --input FILE").arg(option);
    LoadContext context;
    Result<StorePtr> loaded = loadFile(QFile::encodeName(input).toStdString(), context);
    if (!loaded)
        return QString::fromStdString(loaded.error().message);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(size);
    window.show();
    window.setStore(std::move(*loaded), input);
    QCoreApplication::processEvents();
    // The findings are part of the picture and of the report: let the rules finish.
    QElapsedTimer waited;
    waited.start();
    while (window.findingsPanel()->isComputing() && waited.elapsed() < kFindingsWaitMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QCoreApplication::processEvents();
    return std::nullopt;
}

} // namespace

void addHeadlessReportOptions(QCommandLineParser& parser)
{
    parser.addOption({kReport,
                      tr("Write the postmortem report (HTML) of --input to OUT, then exit; --note adds a note."),
                      QStringLiteral("out")});
    parser.addOption({kScreenshot,
                      tr("Write a picture (PNG) of the whole window with --input open, at --size, then exit."),
                      QStringLiteral("out")});
    parser.addOption({kTheme, tr("The window's theme for --screenshot and --report: light or dark (default: the platform's)."),
                      QStringLiteral("name")});
}

bool isHeadlessReport(const QCommandLineParser& parser)
{
    return parser.isSet(kReport) || parser.isSet(kScreenshot);
}

std::optional<QString> runHeadlessReport(const QCommandLineParser& parser)
{
    const QString theme = parser.value(kTheme);
    if (!theme.isEmpty() && theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return tr("--theme %1: expected light or dark").arg(theme);
    if (!theme.isEmpty())
        ui::applyTheme(theme == QLatin1String("dark") ? ui::Theme::Dark : ui::Theme::Light);
    MainWindow window;
    if (parser.isSet(kScreenshot)) {
        QString error;
        const std::optional<QSize> size = headlessSize(parser, &error);
        if (!size)
            return error;
        if (auto problem = openInput(window, parser, kScreenshot, *size))
            return problem;
        const QString out = parser.value(kScreenshot);
        if (!window.grab().save(out, "PNG"))
            return tr("%1: cannot write the picture").arg(out);
        return std::nullopt;
    }
    // At a common desktop size.
    if (auto problem = openInput(window, parser, kReport, QSize(1600, 1000)))
        return problem;
    return window.reportExport()->writeReport(parser.value(kReport), parser.value(QStringLiteral("note")));
}

} // namespace gs::app
