// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

class QCommandLineParser;

namespace gs::app {

// `goroscope --report OUT.html --input FILE [--note TEXT]`: the postmortem report of a capture as
// the window would first show it, for scripts; `goroscope --screenshot OUT.png --input FILE
// [--size WxH]`: a picture of that window. --input, --note and --size are the --export options.

// Adds --report and --screenshot to the parser (after addHeadlessExportOptions, which adds
// --input, --note and --size).
void addHeadlessReportOptions(QCommandLineParser& parser);
bool isHeadlessReport(const QCommandLineParser& parser);

// Loads the input on the calling thread into a main window laid out offscreen (never shown on a
// screen) and writes its report or its picture. Returns why it failed, one line naming the file or option, or
// nothing. Needs a QApplication; works on the offscreen platform.
std::optional<QString> runHeadlessReport(const QCommandLineParser& parser);

} // namespace gs::app
