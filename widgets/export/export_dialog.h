// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace gs::ui {

// What the Export dialog asks for; the window turns it into a source and ExportOptions.
struct ExportRequest
{
    enum class Target
    {
        CurrentView,
        WholeWindow,
    };
    enum class Format
    {
        Png1x,
        Png2x, // twice the pixels, for high-DPI screens and slides
        Svg,
        Pdf,
    };
    Target target = Target::CurrentView;
    Format format = Format::Png1x;
    bool caption = true;
    bool light = false;  // light colours even when the window is dark (a picture for a white page)
    QString captionText; // the user's words in the caption band
    QString note;        // a text note drawn on the view
    QString path;

    // 2 for Png2x, else 1 (the vector formats have no pixels).
    double pixelRatio() const { return format == Format::Png2x ? 2 : 1; }
};

// File > Export…: the view (current view or whole window), the format (PNG 1x or 2x, SVG, PDF),
// the caption (on by default) and its text, a note, and the output path with Browse. The format
// and the path's suffix follow each other. Export accepts the dialog; Copy to Clipboard emits
// copyRequested and leaves it open. It only collects the request: the window does the work.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `suggestedPath`: the path shown first; its suffix picks the format.
    explicit ExportDialog(const QString& suggestedPath, QWidget* parent = nullptr);

    ExportRequest request() const;

    QComboBox* targetBox() const { return m_target; }
    QComboBox* formatBox() const { return m_format; }
    QCheckBox* captionBox() const { return m_caption; }
    QCheckBox* lightBox() const { return m_light; }
    QLineEdit* captionField() const { return m_captionText; }
    QLineEdit* noteField() const { return m_note; }
    QLineEdit* pathField() const { return m_path; }
    QPushButton* copyButton() const { return m_copy; }

signals:
    void copyRequested();

private:
    void browse();
    void formatChosen();
    void pathEdited();
    void updateButtons();

    QComboBox* m_target = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_caption = nullptr;
    QCheckBox* m_light = nullptr;
    QLineEdit* m_captionText = nullptr;
    QLineEdit* m_note = nullptr;
    QLineEdit* m_path = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace gs::ui
