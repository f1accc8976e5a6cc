// SPDX-License-Identifier: MIT
#include "app/gui/window_export.h"

#include "app/gui/main_window.h"
#include "widgets/annotations/annotation_mapper.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/common/theme.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/export/plot_source.h"
#include "widgets/export/view_sources.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/plots/gc_plot.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>

namespace gs::app {

namespace {

const QString kDirectoryKey = QStringLiteral("export/directory");

// Whether keyboard focus is in `widget` (a table the user is working in is the view they mean).
bool hasFocusIn(const QWidget* widget)
{
    const QWidget* focus = QApplication::focusWidget();
    return widget && widget->isVisible() && focus && (focus == widget || widget->isAncestorOf(focus));
}

} // namespace

WindowExport::WindowExport(MainWindow* window)
    : QObject(window)
    , m_window(window)
{
    m_export = new QAction(window->style()->standardIcon(QStyle::SP_DialogSaveButton), tr("E&xport\u2026"), this);
    m_export->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    m_export->setToolTip(tr("Export the current view or the whole window to PNG, SVG or PDF, with a caption and a note (Ctrl+Shift+S)"));
    connect(m_export, &QAction::triggered, this, &WindowExport::openDialog);
    m_copy = new QAction(tr("Copy View to Clipboard"), this);
    m_copy->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    m_copy->setToolTip(tr("Copy the current view as a 2x image with its caption (Ctrl+Shift+C)"));
    connect(m_copy, &QAction::triggered, this, [this] { copyToClipboard({}); });
    m_quickPng = new QAction(tr("Export View as &PNG\u2026"), this);
    m_quickPng->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    connect(m_quickPng, &QAction::triggered, this, &WindowExport::exportQuickPng);
    setEnabled(false);
}

void WindowExport::setEnabled(bool enabled)
{
    for (QAction* a : {m_export, m_copy, m_quickPng})
        a->setEnabled(enabled);
}

ui::ExportSource WindowExport::currentView() const
{
    QWidget* page = m_window->currentPage();
    if (page == m_window->tracePage()) {
        ui::TracePage* trace = m_window->tracePage();
        if (hasFocusIn(trace->goroutineTable()))
            return ui::goroutineTableSource(*trace->goroutineTable());
        return ui::timelineSource(*trace->timeline());
    }
    if (page == m_window->dumpPage()) {
        ui::ProfilePage* profile = m_window->profilePage();
        if (hasFocusIn(m_window->dumpPage()->panel()))
            return ui::widgetSource(*m_window->dumpPage()->panel());
        if (hasFocusIn(profile->topView()))
            return ui::widgetSource(*profile->topView());
        if (profile->showsGraph())
            return ui::callGraphSource(*profile->graphView());
        return ui::flameSource(*profile->currentFlameView());
    }
    if (page == m_window->gcPage())
        return ui::plotSource(*m_window->gcPage()->plot());
    return ui::widgetSource(*page);
}

ui::ExportSource WindowExport::sourceFor(ui::ExportRequest::Target target) const
{
    ui::ExportSource view = currentView();
    if (target == ui::ExportRequest::Target::CurrentView)
        return view;
    ui::ExportSource window = ui::widgetSource(*m_window);
    window.dataArea = m_window->centralWidget()->geometry();
    // A note pins where the current view pins it, moved to where that view sits in the window.
    const QPoint offset = view.origin->mapTo(m_window, QPoint(0, 0));
    window.target = view.target;
    window.resolve = ui::shiftedResolver(view.resolve, offset);
    return window;
}

ui::ExportCaption WindowExport::caption() const
{
    ui::ExportCaption c;
    c.file = QFileInfo(m_window->windowFilePath()).fileName();
    QWidget* page = m_window->currentPage();
    if (page == m_window->tracePage() && m_window->tracePage()->store()) {
        const ui::TracePage* trace = m_window->tracePage();
        const ui::TimeWindow& window = trace->timeline()->window();
        c.scope = ui::traceRangeText(*trace->store()->trace, window.startNs, window.endNs);
        c.filters = ui::goroutineFilterTexts(trace->session()->conditions());
    } else if (page == m_window->dumpPage()) {
        const ui::ProfileSession* session = m_window->session();
        if (const auto& result = session->result())
            c.scope = QString::fromStdString(result->sampleType.type);
        if (const StorePtr& base = session->base())
            c.scope += tr(", compared with %1").arg(QFileInfo(QString::fromStdString(base->sourcePath)).fileName());
        c.filters = ui::profileFilterTexts(session->filters());
    }
    return c;
}

ui::Annotation WindowExport::pin() const
{
    // Each view resolves the pin it understands and ignores the other.
    ui::Annotation note;
    note.anchor.goroutine = m_window->tracePage()->session()->selectedGoroutine();
    note.anchor.function = m_window->session()->selectedFunction();
    return note;
}

ui::ExportOptions WindowExport::optionsFor(const ui::ExportRequest& request) const
{
    ui::ExportOptions options;
    options.pixelRatio = request.pixelRatio();
    // The investigation's annotations; the source draws those of its view.
    options.notes = m_window->annotations()->annotations();
    if (request.caption) {
        options.caption = caption();
        options.caption->text = request.captionText;
    }
    if (!request.note.isEmpty()) {
        ui::Annotation note = pin();
        note.text = request.note;
        options.notes.push_back(note);
    }
    return options;
}

bool WindowExport::exportTo(const ui::ExportRequest& request)
{
    const ui::LightPaletteScope light(request.light);
    const std::optional<QString> failure = ui::exportToFile(sourceFor(request.target), optionsFor(request), request.path);
    if (failure) {
        auto* box = new QMessageBox(QMessageBox::Critical, tr("Could not export"), *failure, QMessageBox::Ok, m_window);
        box->setTextFormat(Qt::PlainText); // the message names a file
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("exportErrorDialog"));
        box->open();
        return false;
    }
    QSettings().setValue(kDirectoryKey, QFileInfo(request.path).absolutePath());
    m_window->statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(request.path).fileName()), 5000);
    return true;
}

void WindowExport::copyToClipboard(const ui::ExportRequest& request)
{
    ui::ExportRequest copy = request;
    copy.format = ui::ExportRequest::Format::Png2x;
    const ui::LightPaletteScope light(copy.light);
    QApplication::clipboard()->setImage(ui::exportImage(sourceFor(copy.target), optionsFor(copy)));
    m_window->statusBar()->showMessage(tr("Copied the picture to the clipboard"), 5000);
}

ui::ExportDialog* WindowExport::openDialog()
{
    auto* dialog = new ui::ExportDialog(suggestedPath(QStringLiteral("png")), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { exportTo(dialog->request()); });
    connect(dialog, &ui::ExportDialog::copyRequested, this, [this, dialog] { copyToClipboard(dialog->request()); });
    dialog->open();
    return dialog;
}

void WindowExport::exportQuickPng()
{
    ui::ExportRequest request;
    request.path = QFileDialog::getSaveFileName(m_window, tr("Export View as PNG"), suggestedPath(QStringLiteral("png")),
                                                tr("PNG images (*.png)"));
    if (!request.path.isEmpty())
        exportTo(request);
}

QString WindowExport::suggestedPath(const QString& suffix) const
{
    // Next to the last export, else next to the capture: "cpu-export.png".
    const QFileInfo capture(m_window->windowFilePath());
    const QString directory = QSettings().value(kDirectoryKey, capture.absolutePath()).toString();
    return QDir(directory).filePath(capture.completeBaseName() + QStringLiteral("-export.") + suffix);
}

} // namespace gs::app
