// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_result.h"

#include <QDialog>

#include <map>
#include <vector>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gs::ui {

// What File › Capture from Service… was asked to do.
struct CapturePlan
{
    std::string baseUrl; // normalised (capture::normaliseBaseUrl)
    std::vector<capture::CaptureRequest> requests;
    bool watch = false; // watch for leaks instead of the captures
    int everySeconds = 30;
    int count = 10;
    QString folder;
};

// The capture dialog: the service's URL, the kinds to capture (CPU profile and trace with their
// seconds), or Watch for Leaks with its interval and number of dumps, and the folder the files
// are saved in. The URL and folder are remembered (QSettings) for next time.
class CaptureDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CaptureDialog(QWidget* parent = nullptr);

    CapturePlan plan() const;
    void accept() override;

    QLineEdit* urlEdit() const { return m_url; }
    QCheckBox* kindBox(capture::CaptureKind kind) const { return m_kinds.at(kind); }
    QSpinBox* secondsBox(capture::CaptureKind kind) const { return m_seconds.at(kind); }
    QGroupBox* watchBox() const { return m_watch; }
    QSpinBox* everyBox() const { return m_every; }
    QSpinBox* countBox() const { return m_count; }
    QLineEdit* folderEdit() const { return m_folder; }
    QLabel* problemLabel() const { return m_problem; }

private:
    void chooseFolder();

    QLineEdit* m_url = nullptr;
    std::map<capture::CaptureKind, QCheckBox*> m_kinds;
    std::map<capture::CaptureKind, QSpinBox*> m_seconds;
    QGroupBox* m_kindGroup = nullptr;
    QGroupBox* m_watch = nullptr;
    QSpinBox* m_every = nullptr;
    QSpinBox* m_count = nullptr;
    QLineEdit* m_folder = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace gs::ui
