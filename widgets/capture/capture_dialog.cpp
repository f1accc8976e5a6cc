// SPDX-License-Identifier: MIT
#include "widgets/capture/capture_dialog.h"

#include "capture/capture_kind.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace gs::ui {

namespace {

constexpr auto kUrlKey = "capture/url";
constexpr auto kFolderKey = "capture/folder";

QSpinBox* secondsSpin(int value, int maximum, const QString& suffix)
{
    auto* spin = new QSpinBox;
    spin->setRange(1, maximum);
    spin->setValue(value);
    spin->setSuffix(suffix);
    return spin;
}

} // namespace

CaptureDialog::CaptureDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Capture from Service"));
    QSettings settings;
    m_url = new QLineEdit(settings.value(QLatin1String(kUrlKey), QStringLiteral("http://localhost:6060")).toString());
    m_url->setPlaceholderText(tr("http://host:6060 (a service that imports net/http/pprof)"));

    m_kindGroup = new QGroupBox(tr("Capture"));
    auto* grid = new QGridLayout(m_kindGroup);
    int row = 0;
    for (const capture::KindInfo& k : capture::allKinds()) {
        QString label = QString::fromUtf8(k.label);
        label[0] = label[0].toUpper();
        auto* box = new QCheckBox(label);
        box->setObjectName(QStringLiteral("capture_") + QString::fromUtf8(k.name));
        m_kinds[k.kind] = box;
        grid->addWidget(box, row, 0);
        if (k.timed) {
            auto* spin = secondsSpin(k.kind == capture::CaptureKind::Cpu ? 10 : 5, 3600, tr(" s"));
            spin->setEnabled(false);
            connect(box, &QCheckBox::toggled, spin, &QWidget::setEnabled);
            m_seconds[k.kind] = spin;
            grid->addWidget(spin, row, 1);
        }
        ++row;
    }
    m_kinds[capture::CaptureKind::Cpu]->setChecked(true);

    m_watch = new QGroupBox(tr("Watch for leaks instead: a goroutine dump at an interval"));
    m_watch->setCheckable(true);
    m_watch->setChecked(false);
    auto* watchForm = new QFormLayout(m_watch);
    m_every = secondsSpin(30, 24 * 3600, tr(" s"));
    m_count = new QSpinBox;
    m_count->setRange(2, 10000);
    m_count->setValue(10);
    m_count->setSuffix(tr(" dumps"));
    watchForm->addRow(tr("Every"), m_every);
    watchForm->addRow(tr("Take"), m_count);
    connect(m_watch, &QGroupBox::toggled, m_kindGroup, [this](bool on) { m_kindGroup->setEnabled(!on); });

    const QString defaultFolder
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(QStringLiteral("Goroscope captures"));
    m_folder = new QLineEdit(settings.value(QLatin1String(kFolderKey), defaultFolder).toString());
    auto* browse = new QPushButton(tr("Choose…"));
    connect(browse, &QPushButton::clicked, this, &CaptureDialog::chooseFolder);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("captureProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c03020"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Capture"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CaptureDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("Service URL"), m_url);
    form->addRow(tr("Save in"), folderRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_kindGroup);
    layout->addWidget(m_watch);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

void CaptureDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save Captures In"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

CapturePlan CaptureDialog::plan() const
{
    CapturePlan plan;
    plan.baseUrl = capture::normaliseBaseUrl(m_url->text().toStdString()).value_or(std::string());
    plan.watch = m_watch->isChecked();
    plan.everySeconds = m_every->value();
    plan.count = m_count->value();
    plan.folder = m_folder->text().trimmed();
    for (const capture::KindInfo& k : capture::allKinds()) {
        if (m_kinds.at(k.kind)->isChecked())
            plan.requests.push_back({k.kind, k.timed ? m_seconds.at(k.kind)->value() : 0});
    }
    return plan;
}

void CaptureDialog::accept()
{
    const CapturePlan p = plan();
    QString problem;
    if (p.baseUrl.empty())
        problem = tr("Not a service URL: expected http://HOST:PORT or https://HOST:PORT.");
    else if (p.folder.isEmpty())
        problem = tr("Choose a folder to save the captures in.");
    else if (!p.watch && p.requests.empty())
        problem = tr("Choose what to capture, or Watch for Leaks.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    QSettings settings;
    settings.setValue(QLatin1String(kUrlKey), m_url->text().trimmed());
    settings.setValue(QLatin1String(kFolderKey), p.folder);
    QDialog::accept();
}

} // namespace gs::ui
