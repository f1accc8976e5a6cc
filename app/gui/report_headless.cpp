// SPDX-License-Identifier: MIT
#include "app/gui/report_headless.h"

#include "app/gui/main_window.h"
#include "app/gui/report_export.h"
#include "core/load/load_file.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace gs::app {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("gs::app::HeadlessReport", text);
}

const QString kReport = QStringLiteral("report");

} // namespace

void addHeadlessReportOptions(QCommandLineParser& parser)
{
    parser.addOption({kReport,
                      tr("Write the postmortem report (HTML) of --input to OUT, then exit; --note adds a note."),
                      QStringLiteral("out")});
}

bool isHeadlessReport(const QCommandLineParser& parser)
{
    return parser.isSet(kReport);
}

std::optional<QString> runHeadlessReport(const QCommandLineParser& parser)
{
    const QString input = parser.value(QStringLiteral("input"));
    if (input.isEmpty())
        return tr("--report needs --input FILE");
    LoadContext context;
    Result<StorePtr> loaded = loadFile(QFile::encodeName(input).toStdString(), context);
    if (!loaded)
        return QString::fromStdString(loaded.error().message);
    // The window a person would see, at a common desktop size, laid out but never on a screen.
    MainWindow window;
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(1600, 1000);
    window.show();
    window.setStore(std::move(*loaded), input);
    QCoreApplication::processEvents();
    return window.reportExport()->writeReport(parser.value(kReport), parser.value(QStringLiteral("note")));
}

} // namespace gs::app
