// SPDX-License-Identifier: MIT
// Shared main for the Qt test suites: a headless, reproducible QApplication (offscreen platform,
// scale 1, Fusion style, DejaVu Sans at a fixed pixel size, settings in a folder of each process's
// own) and Qt warnings turned into test failures, so a model or view that complains fails its test.
#include "tests/support/application_pools.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFont>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>

namespace {

// Noise from the offscreen platform plugin that says nothing about our code.
bool isPlatformNoise(const QMessageLogContext& context, const QString& message)
{
    const QString category = QString::fromUtf8(context.category ? context.category : "");
    // "This plugin does not support propagateSizeHints()", "... raise()" (showing a tooltip).
    return category.startsWith(QStringLiteral("qt.qpa")) || message.startsWith(QStringLiteral("This plugin does not support"))
        || message.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR"));
}

void failOnWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtDebugMsg || type == QtInfoMsg || isPlatformNoise(context, message)) {
        fprintf(stderr, "%s\n", qPrintable(message));
        return;
    }
    ADD_FAILURE() << "Qt " << (type == QtWarningMsg ? "warning" : "error") << ": " << qPrintable(message)
                  << (context.file ? " (" : "") << (context.file ? context.file : "") << (context.file ? ")" : "");
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_SCALE_FACTOR", "1");
    qputenv("QT_ENABLE_HIGHDPI_SCALING", "0");
    QStandardPaths::setTestModeEnabled(true);
    ::testing::InitGoogleTest(&argc, argv);

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("goroscope-tests"));
    QApplication::setApplicationName(QStringLiteral("goroscope-tests"));
    // Settings in a folder of this process's own: test processes run in parallel, and the splitter
    // sizes or theme one of them saves must not reach another.
    const QTemporaryDir settings;
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, settings.path());
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12);
    QApplication::setFont(font);
    qInstallMessageHandler(failOnWarnings);
    const int result = RUN_ALL_TESTS();
    // Join the pools' threads now rather than in a static destructor at exit: LeakSanitizer checks
    // at exit by stopping every thread, and a thread still tearing itself down then can crash it.
    // The application's own pools (idle-priority work, settings writes) finish while the settings
    // folder still exists.
    gs::test::waitForApplicationPools();
    return result;
}
