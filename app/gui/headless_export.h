// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace gs::app {

// `goroscope --export VIEW --input FILE --output OUT.png|svg|pdf [...]`: for scripts and tests.
struct HeadlessExportArgs
{
    QString view;    // flame, timeline or goroutines
    QString input;   // any capture goroscope opens
    QString output;  // its suffix picks the format
    QString goroutine; // a goroutine ID: selected, revealed and zoomed to (timeline, goroutines), or the
                       // only goroutine a trace's flame graph counts
    QString range;   // "10ms..250ms" since the trace start; either side may be empty
    QString note;    // a text note drawn on the view
    QString caption; // the user's words in the caption band
    QString profile; // a trace's flame graph: cpu, net, sync, syscall or sched
    QSize size {1600, 1000};
    double scale = 1; // PNG: 2 for twice the pixels
    bool withCaption = true;
};

// Adds the --export options to the application's parser.
void addHeadlessExportOptions(QCommandLineParser& parser);
// Whether --export was given.
bool isHeadlessExport(const QCommandLineParser& parser);
// --size (default 1600x1000), or why it is wrong (one line).
std::optional<QSize> headlessSize(const QCommandLineParser& parser, QString* error);
// The parsed options, or why they are wrong (one line).
std::optional<HeadlessExportArgs> headlessExportArgs(const QCommandLineParser& parser, QString* error);

// Loads the input on the calling thread, builds the view offscreen (never shown on a screen),
// renders it with its caption and note and writes the output. Returns why it failed, one line
// naming the file or option, or nothing. Needs a QApplication; works on the offscreen platform.
std::optional<QString> runHeadlessExport(const HeadlessExportArgs& args);

} // namespace gs::app
