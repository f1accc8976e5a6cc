// SPDX-License-Identifier: MIT
#include "widgets/source/source_folders_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gs::ui {

SourceFoldersDialog::SourceFoldersDialog(const SourceFolders& folders, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_trim(new QLineEdit(folders.trimPath, this))
{
    setWindowTitle(tr("Source Folders"));
    auto* intro = new QLabel(tr("Folders to look for this profile's source files in, in this order. A file the "
                                "profile names relatively (\u201cpkg/file.go\u201d) is also looked for in each "
                                "folder's parents; GOROOT and the module cache are searched last."),
                             this);
    intro->setWordWrap(true);
    m_list->addItems(folders.folders);
    auto* add = new QPushButton(tr("Add Folder\u2026"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, &SourceFoldersDialog::addFolder);
    connect(remove, &QPushButton::clicked, this, [this] { delete m_list->currentItem(); });
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addLayout(buttons);

    m_trim->setPlaceholderText(tr("e.g. /srv/builder/src (several separated by \u201c:\u201d)"));
    m_trim->setToolTip(tr("Cut from the file names in the profile before they are looked up, as pprof's -trim_path. "
                          "Empty: a name containing a folder's own name is cut after it."));
    auto* form = new QFormLayout;
    form->addRow(tr("Trim prefix:"), m_trim);

    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(listRow, 1);
    layout->addLayout(form);
    layout->addWidget(box);
    resize(560, 360);
}

void SourceFoldersDialog::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Source Folder"));
    if (!folder.isEmpty() && m_list->findItems(folder, Qt::MatchExactly).isEmpty())
        m_list->addItem(folder);
}

SourceFolders SourceFoldersDialog::folders() const
{
    SourceFolders out;
    for (int i = 0; i < m_list->count(); ++i)
        out.folders << m_list->item(i)->text();
    out.trimPath = m_trim->text().trimmed();
    return out;
}

} // namespace gs::ui
