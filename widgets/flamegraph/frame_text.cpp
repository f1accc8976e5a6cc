// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/frame_text.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"

#include <QFontMetrics>

namespace gs::ui {

namespace {

// "pdqsortOrdered[go.shape.int]" -> "pdqsortOrdered[…]": an instantiation's type arguments say
// less than the function's name, and would be all that an elision on the left keeps.
QString withoutTypeArguments(const QString& name)
{
    QString out;
    int depth = 0;
    for (QChar c : name) {
        if (c == QLatin1Char('[')) {
            if (depth++ == 0)
                out += QStringLiteral("[\u2026");
        } else if (c == QLatin1Char(']') && depth > 0) {
            if (--depth == 0)
                out += c;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

} // namespace

QString fittedFunctionName(std::string_view function, const QFontMetrics& fm, int room)
{
    const QString inPackage = captureText(goNameInPackage(function));
    const QString bare = withoutTypeArguments(inPackage);
    for (const QString& text : {captureText(function), captureText(goShortName(function)), inPackage, bare}) {
        if (fm.horizontalAdvance(text) <= room)
            return text;
    }
    const QString method = fm.elidedText(bare, Qt::ElideLeft, room);
    return method.size() <= 1 ? QString() : method;
}

} // namespace gs::ui
