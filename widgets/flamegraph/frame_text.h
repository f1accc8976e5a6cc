// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string_view>

class QFontMetrics;

namespace gs::ui {

// The text a frame `room` pixels wide shows for a Go function. The end of a Go name says what
// runs (the method), its start only where the code lives, so the name gives up its start first:
// the whole name ("net/http.(*Server).Serve"), else without the package directory
// ("http.(*Server).Serve"), else without the package ("(*Server).Serve"), else without a generic
// instantiation's type arguments ("pdqsortOrdered[…]"), else that elided on the left
// ("…ver).Serve"). Empty when no more than an ellipsis fits, which would say nothing.
// The frame's tooltip has the full name.
QString fittedFunctionName(std::string_view function, const QFontMetrics& fm, int room);

} // namespace gs::ui
