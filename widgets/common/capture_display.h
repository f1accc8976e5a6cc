// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string_view>

namespace gs::ui {

// The one way capture text (function and file names, labels, wait reasons, log messages, panic
// text: strings written by someone else's program) reaches a label, a tooltip, a list or a table.
// Qt renders a QLabel's text and every tooltip as HTML when it guesses the text is HTML, and
// QString::arg substitutes a "%1" inside an earlier argument, so capture text is either shown as
// plain text (a Qt::PlainText label, a list item, a table cell) or escaped inside markup the app
// writes itself, and only ever passed to QString::arg in one multi-argument call.

// Capture text for a plain-text surface: control, bidirectional-formatting and line-separator
// characters and bytes that are not UTF-8 shown as escapes ("\x1b", "\u202e", "\xff"), so they
// can neither break the line nor reorder the text around them; cut with "…" after
// kShownCaptureChars characters (core/base/capture_text.h).
QString captureText(std::string_view utf8);
QString captureText(const QString& text);

// The same, escaped for the markup of a rich-text label or tooltip the app writes ("<b>%1</b>").
QString captureHtml(std::string_view utf8);
QString captureHtml(const QString& text);

// The same for a menu item, whose "&" would otherwise mark a shortcut key.
QString captureMenuText(std::string_view utf8);
QString captureMenuText(const QString& text);

// A tooltip from plain text (lines of app text and captureText pieces): marked up so that Qt
// never takes it for HTML of its own, with its line breaks and spaces kept. Empty for no text
// (no tooltip).
QString plainToolTip(const QString& text);

} // namespace gs::ui
