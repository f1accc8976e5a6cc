// SPDX-License-Identifier: MIT
#include "widgets/source/source_panel.h"

#include "core/analysis/node_functions.h"
#include "core/analysis/profile_merge.h"
#include "core/analysis/stack_selection.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/filters/filter_item.h"
#include "widgets/profile/profile_session.h"
#include "widgets/source/source_folders_dialog.h"
#include "widgets/source/source_lines_model.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

SourcePanel::SourcePanel(ProfileSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SourceLinesModel(this))
    , m_jobs(this)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText); // function and file names are capture text
    m_files = new QComboBox(this);
    m_files->setToolTip(tr("The selection's code is in several functions or files"));
    m_files->setVisible(false);
    m_foldersAction = new QAction(tr("Source Folders\u2026"), this);
    m_foldersAction->setToolTip(tr("Where this profile's source files are looked for, and a prefix to cut from their names"));
    auto* folders = new QToolButton(this);
    folders->setDefaultAction(m_foldersAction);
    folders->setAutoRaise(true);

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(false);
    m_view->setRootIsDecorated(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(false);
    const QFontMetrics fm = m_view->fontMetrics();
    m_view->setColumnWidth(SourceLinesModel::Line, fm.horizontalAdvance(QStringLiteral("00000")) + 36);
    m_view->setColumnWidth(SourceLinesModel::Flat, fm.horizontalAdvance(QStringLiteral("888.88 ms")) + 12);
    m_view->setColumnWidth(SourceLinesModel::Cum, fm.horizontalAdvance(QStringLiteral("888.88 ms")) + 12);
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_message->setMargin(12);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(6, 2, 2, 2);
    top->addWidget(m_title, 1);
    top->addWidget(m_files);
    top->addWidget(folders);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    connect(m_foldersAction, &QAction::triggered, this, &SourcePanel::editFolders);
    connect(m_files, &QComboBox::activated, this, &SourcePanel::showRoutine);
    connect(m_session, &ProfileSession::storeChanged, this, &SourcePanel::onStoreChanged);
    connect(m_session, &ProfileSession::resultChanged, this, &SourcePanel::refresh);
    connect(m_session, &ProfileSession::selectionChanged, this, &SourcePanel::refresh);
    onStoreChanged();
}

QString SourcePanel::message() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

QString SourcePanel::title() const
{
    return m_title->text();
}

void SourcePanel::onStoreChanged()
{
    const StorePtr& store = m_session->store();
    m_folders = store ? loadSourceFolders(store->sourcePath) : SourceFolders {};
    m_listing.reset();
    refresh();
}

void SourcePanel::setSourceFolders(const SourceFolders& folders)
{
    m_folders = folders;
    if (const StorePtr& store = m_session->store())
        saveSourceFolders(store->sourcePath, folders);
    refresh();
}

void SourcePanel::editFolders()
{
    SourceFoldersDialog dialog(m_folders, this);
    if (dialog.exec() == QDialog::Accepted)
        setSourceFolders(dialog.folders());
}

void SourcePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void SourcePanel::refresh()
{
    // Hidden, it only remembers to list again when shown: a listing reads files.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    m_jobs.cancel();
    m_computing = false;
    const StorePtr store = m_session->store();
    if (!store || !store->profile || !store->profile->pprof) {
        showMessage(tr("Source lines need a pprof profile: this capture records no files and lines."));
        emit listingShown();
        return;
    }
    const std::string function = m_session->selectedFunction();
    if (function.empty()) {
        showMessage(tr("Select a function in the flame graph or the table to see its source, with flat and cum "
                       "per line."));
        emit listingShown();
        return;
    }
    SourceFolders folders = m_folders;
    // With no folder given, the profile's own: pprof would take the current directory, which
    // means nothing to a desktop program.
    if (folders.folders.isEmpty())
        folders.folders << QFileInfo(QString::fromStdString(store->sourcePath)).absolutePath();
    const std::string sampleType = store->profile->sampleTypes[m_session->sampleType()].type;
    StackFilter filter = toStackFilter(m_session->filters());
    m_unit = store->profile->sampleTypes[m_session->sampleType()].unit;
    // The flame graph and the table show the profile minus a subtracted base: so do the lines.
    const StorePtr base = m_session->baseMode() == BaseMode::Subtract ? m_session->base() : nullptr;
    const NodeGranularity granularity = m_session->granularity();
    m_computing = true;
    m_jobs.start(
        [store, base, sampleType, filter = std::move(filter), function, granularity, folders]() -> Outcome {
            Outcome out;
            StorePtr source = store;
            if (base) {
                auto difference = mergeWithBase(store, base, BaseMode::Subtract);
                if (!difference) {
                    out.error = QString::fromStdString(difference.error().message);
                    return out;
                }
                source = std::move(*difference);
            }
            const int type = source->profile->findSampleType(sampleType);
            if (type < 0) {
                out.error = QObject::tr("The base has no %1 samples.").arg(QString::fromStdString(sampleType));
                return out;
            }
            std::vector<uint8_t> kept;
            auto selected = selectProfileStacks(*source, size_t(type), filter, nullptr, &kept);
            if (!selected) {
                out.error = QString::fromStdString(selected.error().message);
                return out;
            }
            SourceListingQuery query;
            query.sampleType = size_t(type);
            query.samples = &kept;
            query.hiddenFunctions = selected->hiddenFunctions.empty() ? nullptr : &selected->hiddenFunctions;
            SourceFiles files(sourceSearch(folders, goLocations()));
            // At a granularity other than functions the selection is a file, line or address:
            // the listing shows the functions it covers.
            const std::set<std::string> functions = functionsOfNode(*source, granularity, function);
            out.listing = std::make_shared<const SourceListing>(listSource(
                *source, [&](std::string_view name) { return functions.contains(std::string(name)); }, query, files));
            out.places = files.places();
            return out;
        },
        [this](const Outcome& outcome) {
            m_computing = false;
            apply(outcome);
        });
}

void SourcePanel::apply(const Outcome& outcome)
{
    m_listing = outcome.listing;
    m_places = outcome.places;
    m_files->clear();
    if (!outcome.error.isEmpty()) {
        showMessage(captureText(outcome.error));
    } else if (!m_listing || m_listing->routines.empty()) {
        showMessage(tr("%1 has no samples of this type with the current filters.")
                        .arg(captureText(m_session->selectedFunction())));
    } else {
        // A file or line selection can cover several functions: name them, not only their files.
        const auto& routines = m_listing->routines;
        const bool oneFunction = std::all_of(routines.begin(), routines.end(),
                                             [&](const SourceRoutine& r) { return r.function == routines.front().function; });
        for (const SourceRoutine& r : routines) {
            const QString file = r.file.empty() ? tr("(no file)") : captureText(r.file);
            m_files->addItem(oneFunction ? file : tr("%1 (%2)").arg(captureText(r.function), file));
        }
        m_files->setVisible(m_files->count() > 1);
        showRoutine(0);
    }
    emit listingShown();
}

void SourcePanel::showRoutine(int index)
{
    if (!m_listing || index < 0 || size_t(index) >= m_listing->routines.size())
        return;
    const SourceRoutine& r = m_listing->routines[size_t(index)];
    const double share = m_listing->total != 0 ? double(r.cum) / double(m_listing->total) : 0.0;
    m_title->setText(tr("%1 in %2 \u2014 flat %3, cum %4 (%5 of the total)")
                         .arg(captureText(r.function), r.file.empty() ? tr("(no file)") : captureText(r.file),
                              formatValue(r.flat, m_unit), formatValue(r.cum, m_unit), formatPercent(share)));
    if (r.file.empty()) {
        m_model->setRoutine(nullptr, m_unit);
        m_stack->setCurrentWidget(m_message);
        m_message->setText(tr("The profile records no source file for %1.").arg(captureText(r.function)));
        return;
    }
    if (!r.error.empty()) {
        m_model->setRoutine(nullptr, m_unit);
        QStringList places;
        for (const std::string& place : m_places)
            places << QStringLiteral("    ") + captureText(place);
        m_stack->setCurrentWidget(m_message);
        m_message->setText(tr("Source file not found: %1\n\nLooked for it in these folders (and, for a relative name, "
                              "their parents), then in GOROOT and the module cache:\n%2\n\nAdd the folder that holds "
                              "it with \u201cSource Folders\u2026\u201d, with a prefix to cut if the profile was "
                              "recorded on another machine.")
                               .arg(captureText(r.file), places.join(QLatin1Char('\n'))));
        return;
    }
    m_model->setRoutine(std::shared_ptr<const SourceRoutine>(m_listing, &r), m_unit);
    m_stack->setCurrentWidget(m_view);
    // Open on the heaviest line.
    int hottest = -1;
    int64_t hottestCum = 0;
    for (size_t i = 0; i < r.lines.size(); ++i) {
        if (std::llabs(r.lines[i].cum) > hottestCum) {
            hottestCum = std::llabs(r.lines[i].cum);
            hottest = int(i);
        }
    }
    if (hottest >= 0)
        m_view->scrollTo(m_model->index(hottest, 0), QAbstractItemView::PositionAtCenter);
}

void SourcePanel::showMessage(const QString& text)
{
    m_title->clear();
    m_files->clear();
    m_files->setVisible(false);
    m_model->setRoutine(nullptr, m_unit);
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

} // namespace gs::ui
