// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/source_listing.h"
#include "widgets/common/job_runner.h"
#include "widgets/source/source_settings.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace gs::ui {

class ProfileSession;
class SourceLinesModel;

// The Source tab of a profile: the selected function's source with flat and cum per line, as
// pprof's list and weblist show it (core's listSource, the same numbers as `goroscope-cli
// list`), with the session's sample type and filters. Calls the compiler inlined at a line
// unfold under it. Files are looked up in the folders added with "Source Folders…" (remembered
// per profile; without any, the profile's own folder), then GOROOT and the module cache; a file
// not found is a message naming it and every place searched. The listing is computed off the
// GUI thread when the panel is shown and something it depends on changed; a newer computation
// drops an older one's result.
class SourcePanel : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePanel(ProfileSession* session, QWidget* parent = nullptr);

    SourceLinesModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // The functions and files of the listing, one per routine (shown when there are several).
    QComboBox* routineChoice() const { return m_files; }
    QAction* foldersAction() const { return m_foldersAction; }
    // The text shown instead of (or, for a file not found, with) the source: empty when the
    // source is shown.
    QString message() const;
    // The title above the lines: function, file, flat and cum.
    QString title() const;
    bool isComputing() const { return m_computing; }

    const SourceFolders& sourceFolders() const { return m_folders; }
    // Sets and remembers (per profile) where sources are looked for, and lists again.
    void setSourceFolders(const SourceFolders& folders);

signals:
    // A listing (or a message) was shown.
    void listingShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Outcome
    {
        std::shared_ptr<const SourceListing> listing;
        std::vector<std::string> places;
        QString error;
    };

    void onStoreChanged();
    void refresh();
    void apply(const Outcome& outcome);
    void showRoutine(int index);
    void showMessage(const QString& text);
    void editFolders();
    SourceSearch currentSearch() const;

    ProfileSession* m_session = nullptr;
    SourceLinesModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QComboBox* m_files = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QAction* m_foldersAction = nullptr;

    SourceFolders m_folders;
    std::shared_ptr<const SourceListing> m_listing;
    std::vector<std::string> m_places;
    std::string m_unit;
    bool m_dirty = true;
    bool m_computing = false;
    JobRunner m_jobs;
};

} // namespace gs::ui
