// SPDX-License-Identifier: MIT
#include "app/gui/report_export.h"

#include "app/gui/main_window.h"
#include "app/gui/window_export.h"
#include "core/report/html_report.h"
#include "core/report/report_figures.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/common/capture_display.h"
#include "widgets/export/view_sources.h"
#include "widgets/findings/findings_panel.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>

namespace gs::app {

namespace {

std::string utf8(const QString& text)
{
    return text.toUtf8().toStdString();
}

QString fileNameOf(const std::string& path)
{
    return QFileInfo(QString::fromStdString(path)).fileName();
}

// What the picture shows, in one line: the caption band's words.
QString captionLine(const QString& view, const ui::ExportCaption& caption)
{
    QStringList parts {view};
    if (!caption.scope.isEmpty())
        parts << caption.scope;
    if (!caption.filters.isEmpty())
        parts << QObject::tr("filters: %1").arg(caption.filters.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" \u2014 "));
}

// The picture as the exporter draws it (view, annotations, caption band), as a PNG at 1x: sharp
// enough to read, small enough to mail.
report::ReportImage pictureOf(const QString& view, const ui::ExportSource& source, const ui::ExportOptions& options)
{
    const QImage image = ui::exportImage(source, options);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QSize size = ui::exportSize(source, options);
    return {report::ReportImage::Kind::Png, buffer.data().toStdString(),
            utf8(captionLine(view, options.caption.value_or(ui::ExportCaption {}))), size.width(), size.height()};
}

} // namespace

ReportExport::ReportExport(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    m_action = new QAction(tr("Export Postmortem &Report\u2026"), this);
    m_action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    m_action->setToolTip(tr("Write one self-contained HTML file with the views, the notes, the key figures and the "
                            "blocking chains followed (Ctrl+Shift+R)"));
    connect(m_action, &QAction::triggered, this, &ReportExport::chooseAndWrite);
    setEnabled(false);
}

void ReportExport::setEnabled(bool enabled)
{
    m_action->setEnabled(enabled);
}

QString ReportExport::notesText(const QString& extraNote) const
{
    // The notes dock's text as written, then each annotation's words (they are on the pictures
    // too, but a picture's text cannot be searched or copied), then the command line's note.
    QStringList parts;
    if (const QString notes = m_window->investigationNotes().trimmed(); !notes.isEmpty())
        parts << notes;
    QStringList annotations;
    for (const ui::Annotation& a : m_window->annotations()->annotations()) {
        if (!a.text.isEmpty())
            annotations << QStringLiteral("\u2022 ") + a.text;
    }
    if (!annotations.isEmpty())
        parts << tr("Annotations:\n%1").arg(annotations.join(QLatin1Char('\n')));
    if (!extraNote.isEmpty())
        parts << extraNote;
    return parts.join(QStringLiteral("\n\n"));
}

void ReportExport::addViewImages(report::ReportSection& section) const
{
    // The caption the Export dialog would give the current page, and every annotation.
    ui::ExportRequest request;
    request.caption = true;
    ui::ExportOptions options = m_window->windowExport()->optionsFor(request);
    if (m_window->currentPage() != m_window->tracePage()) {
        const ui::ExportSource view = m_window->windowExport()->sourceFor(request.target);
        section.images.push_back(pictureOf(tr("Current view"), view, options));
        return;
    }
    ui::TracePage* trace = m_window->tracePage();
    section.images.push_back(pictureOf(tr("Timeline"), ui::timelineSource(*trace->timeline()), options));
    // The flame graph only when its tab has computed one: deriving it here could take long.
    const ui::TraceFlameTab* flame = trace->flameTab();
    if (flame->profileSession()->result() && !flame->isBusy()) {
        const std::optional<TraceProfileKind> kind = flame->kind();
        options.caption->scope = kind ? tr("%1 profile of the trace").arg(QString::fromLatin1(traceProfileName(*kind)))
                                      : tr("profile opened beside the trace");
        options.caption->filters.clear();
        const ui::ExportSource view = ui::flameSource(*flame->profilePage()->currentFlameView());
        section.images.push_back(pictureOf(tr("Flame graph"), view, options));
    }
}

report::Report ReportExport::buildReport(const QString& extraNote) const
{
    report::Report r;
    const StorePtr& store = m_window->store();
    const QString file = QFileInfo(m_window->windowFilePath()).fileName();
    r.title = utf8(tr("Postmortem: %1").arg(ui::captureText(file)));
    if (!store)
        return r;
    r.captures.push_back(report::describeCapture(*store, utf8(file)));
    if (const StorePtr& base = m_window->session()->base())
        r.captures.push_back(report::describeCapture(*base, utf8(fileNameOf(base->sourcePath) + tr(" (diff base)"))));
    r.timeRange = report::captureTimeRange(*store);

    if (const QString notes = notesText(extraNote); !notes.isEmpty())
        r.sections.push_back({utf8(tr("Notes")), utf8(notes), {}, {}});
    // The findings the user added, next to the notes: what the investigation concluded.
    if (auto findings = ui::findingsSection(m_window->findingsPanel()->reported()))
        r.sections.push_back(std::move(*findings));
    report::ReportSection views {utf8(tr("Views")), {}, {}, {}};
    addViewImages(views);
    r.sections.push_back(std::move(views));
    if (auto top = report::topFunctionsSection(*store))
        r.sections.push_back(std::move(*top));
    if (auto states = report::goroutineStatesSection(*store))
        r.sections.push_back(std::move(*states));
    std::vector<report::FollowedWait> followed;
    for (const ui::SpanRef& wait : m_window->tracePage()->session()->followedChains())
        followed.push_back({wait.row, wait.span});
    if (auto chains = report::followedChainsSection(*store, followed))
        r.sections.push_back(std::move(*chains));
    return r;
}

std::optional<QString> ReportExport::writeReport(const QString& path, const QString& extraNote) const
{
    const std::string html = report::writeHtmlReport(buildReport(extraNote));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(html.data(), qint64(html.size())) != qint64(html.size())
        || !out.commit())
        return tr("%1: could not write the report (%2)").arg(path, out.errorString());
    return std::nullopt;
}

void ReportExport::chooseAndWrite()
{
    const QFileInfo capture(m_window->windowFilePath());
    const QString suggested
        = QDir(capture.absolutePath()).filePath(capture.completeBaseName() + QStringLiteral("-report.html"));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Postmortem Report"), suggested,
                                                      tr("HTML files (*.html *.htm)"));
    if (path.isEmpty())
        return;
    if (const std::optional<QString> failure = writeReport(path)) {
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Could not write the report"), *failure,
                                    QMessageBox::Ok, m_window);
        box->setTextFormat(Qt::PlainText); // the message names a file
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    m_window->statusBar()->showMessage(tr("Wrote %1").arg(QFileInfo(path).fileName()), 5000);
}

} // namespace gs::app
