// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/source/source_settings.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace gs::ui {

// Edits where a profile's sources are looked for: folders, in the order searched (pprof's
// -source_path; a relative name is also tried in each folder's parents), and prefixes to cut
// from the profile's file names first (pprof's -trim_path, ':'-separated).
class SourceFoldersDialog : public QDialog
{
    Q_OBJECT
public:
    SourceFoldersDialog(const SourceFolders& folders, QWidget* parent = nullptr);

    SourceFolders folders() const;
    QListWidget* folderList() const { return m_list; }
    QLineEdit* trimField() const { return m_trim; }

private:
    void addFolder();

    QListWidget* m_list = nullptr;
    QLineEdit* m_trim = nullptr;
};

} // namespace gs::ui
