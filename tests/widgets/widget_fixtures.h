// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "core/model/event_store.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <string>

namespace gs::test {

// A fixture under tests/data, by its path there ("dumps/leak_after.txt").
inline QString fixturePath(const char* relative)
{
    return QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/") + QString::fromUtf8(relative);
}

// Closes the (non-blocking) error dialog a window opened, and returns its text (empty: none).
inline QString takeErrorDialog(QWidget& window)
{
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorDialog"));
    if (!box)
        return {};
    const QString text = box->text();
    box->close();
    return text;
}

// Answers the next "unsaved annotations and notes" question with `button` as soon as it is asked
// (it is modal); its text, through `asked`, once it has been.
inline void answerUnsavedWorkPrompt(QMessageBox::StandardButton button, QString* asked = nullptr)
{
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("unsavedWorkDialog"))
            return;
        if (asked)
            *asked = box->text();
        poll->stop(); // deleted only once its event loop turns again: not a second answer meanwhile
        poll->deleteLater();
        box->button(button)->click();
    });
    poll->start(10);
}

// Loads a fixture on the calling thread; null (and a test failure) when it does not load.
inline StorePtr loadFixture(const char* relative)
{
    LoadContext context;
    auto loaded = loadFile(fixturePath(relative).toStdString(), context);
    EXPECT_TRUE(loaded.ok()) << relative << ": " << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? *loaded : nullptr;
}

// Keeps the picture for a person to open, when GOROSCOPE_RENDER_DIR names a folder.
inline void saveRender(QWidget& widget, const char* name)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_RENDER_DIR");
    if (!dir.isEmpty())
        widget.grab().save(QDir(dir).filePath(QString::fromUtf8(name) + QStringLiteral(".png")));
}

// The tooltip shown now (Qt's own label, a window of its own), or null.
inline QLabel* shownToolTip()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->inherits("QTipLabel") && w->isVisible())
            return qobject_cast<QLabel*>(w);
    }
    return nullptr;
}

// saveRender with the tooltip shown now painted where it appears over the widget (a grab of the
// widget alone leaves it out: it is a window of its own).
inline void saveRenderWithToolTip(QWidget& widget, const char* name)
{
    const QString dir = qEnvironmentVariable("GOROSCOPE_RENDER_DIR");
    QLabel* tip = shownToolTip();
    if (dir.isEmpty() || !tip)
        return;
    QPixmap picture = widget.grab();
    QPainter painter(&picture);
    painter.drawPixmap(widget.mapFromGlobal(tip->mapToGlobal(QPoint(0, 0))), tip->grab());
    painter.end();
    picture.save(QDir(dir).filePath(QString::fromUtf8(name) + QStringLiteral(".png")));
}

} // namespace gs::test
