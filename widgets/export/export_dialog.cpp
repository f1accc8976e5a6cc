// SPDX-License-Identifier: MIT
#include "widgets/export/export_dialog.h"

#include "widgets/common/theme.h"
#include "widgets/export/exporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace gs::ui {

namespace {

using Format = ExportRequest::Format;

QString suffixOf(Format format)
{
    switch (format) {
    case Format::Png1x:
    case Format::Png2x:
        return QStringLiteral("png");
    case Format::Svg:
        return QStringLiteral("svg");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

// The format `path` names; a PNG keeps the scale `current` has when it is a PNG too.
std::optional<Format> formatOfPath(const QString& path, Format current)
{
    const std::optional<ExportFormat> format = exportFormatFor(path);
    if (!format)
        return std::nullopt;
    switch (*format) {
    case ExportFormat::Png:
        return current == Format::Png2x ? Format::Png2x : Format::Png1x;
    case ExportFormat::Svg:
        return Format::Svg;
    case ExportFormat::Pdf:
        return Format::Pdf;
    }
    return std::nullopt;
}

// `path` with its suffix replaced (or added).
QString withSuffix(const QString& path, const QString& suffix)
{
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return (dot > slash + 1 ? path.left(dot) : path) + QLatin1Char('.') + suffix;
}

} // namespace

ExportDialog::ExportDialog(const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , m_target(new QComboBox(this))
    , m_format(new QComboBox(this))
    , m_caption(new QCheckBox(tr("Add a caption: file, time range and filters in effect"), this))
    , m_light(new QCheckBox(tr("Light export: dark text on white, whatever the window's theme"), this))
    , m_captionText(new QLineEdit(this))
    , m_note(new QLineEdit(this))
    , m_path(new QLineEdit(suggestedPath, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export"));
    m_target->addItem(tr("Current view"), int(ExportRequest::Target::CurrentView));
    m_target->addItem(tr("Whole window"), int(ExportRequest::Target::WholeWindow));
    m_format->addItem(tr("PNG image"), int(Format::Png1x));
    m_format->addItem(tr("PNG image, 2x (high DPI)"), int(Format::Png2x));
    m_format->addItem(tr("SVG (vector)"), int(Format::Svg));
    m_format->addItem(tr("PDF (vector)"), int(Format::Pdf));
    m_caption->setChecked(true);
    m_light->setChecked(true);
    m_captionText->setPlaceholderText(tr("Your words in the caption (optional)"));
    m_note->setPlaceholderText(tr("A note drawn on the view (optional)"));
    m_note->setToolTip(tr("Pinned to the selected goroutine or function when there is one"));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    m_copy = m_buttons->addButton(tr("Copy to Clipboard"), QDialogButtonBox::ActionRole);
    m_copy->setToolTip(tr("Copy the picture as a 2x image (the path is not used)"));
    m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole)->setDefault(true);

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("View:"), m_target);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Colours:"), m_light);
    form->addRow(tr("Caption:"), m_caption);
    form->addRow(QString(), m_captionText);
    form->addRow(tr("Note:"), m_note);
    form->addRow(tr("Save to:"), pathRow);
    form->addRow(m_buttons);
    // Offered, and chosen first, when the window is dark: most pictures go onto white pages.
    form->setRowVisible(m_light, isDark(palette()));
    setMinimumWidth(520);

    if (const std::optional<Format> f = formatOfPath(suggestedPath, Format::Png1x))
        m_format->setCurrentIndex(m_format->findData(int(*f)));
    connect(m_caption, &QCheckBox::toggled, m_captionText, &QWidget::setEnabled);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChosen);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    connect(m_path, &QLineEdit::editingFinished, this, &ExportDialog::pathEdited);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_copy, &QPushButton::clicked, this, &ExportDialog::copyRequested);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.target = ExportRequest::Target(m_target->currentData().toInt());
    r.format = Format(m_format->currentData().toInt());
    r.caption = m_caption->isChecked();
    r.light = !m_light->isHidden() && m_light->isChecked();
    r.captionText = m_captionText->text().trimmed();
    r.note = m_note->text().trimmed();
    r.path = m_path->text().trimmed();
    return r;
}

void ExportDialog::browse()
{
    const Format format = request().format;
    const QString filter = format == Format::Svg   ? tr("SVG images (*.svg)")
                           : format == Format::Pdf ? tr("PDF documents (*.pdf)")
                                                   : tr("PNG images (*.png)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export To"), m_path->text(), filter);
    if (path.isEmpty())
        return;
    m_path->setText(path);
    pathEdited();
}

void ExportDialog::formatChosen()
{
    const QString path = m_path->text().trimmed();
    if (!path.isEmpty())
        m_path->setText(withSuffix(path, suffixOf(request().format)));
}

void ExportDialog::pathEdited()
{
    const std::optional<Format> f = formatOfPath(m_path->text().trimmed(), request().format);
    if (f && *f != request().format) {
        const QSignalBlocker block(m_format); // the path already has the right suffix
        m_format->setCurrentIndex(m_format->findData(int(*f)));
    }
}

void ExportDialog::updateButtons()
{
    // Export needs a path whose suffix names a format; copying needs none.
    for (QAbstractButton* b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(exportFormatFor(m_path->text().trimmed()).has_value());
    }
}

} // namespace gs::ui
