// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/frame_text.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"

#include <QFontMetrics>

namespace gs::ui {

QString fittedFunctionName(std::string_view function, const QFontMetrics& fm, int room)
{
    for (std::string_view form : {function, goShortName(function)}) {
        const QString text = captureText(form);
        if (fm.horizontalAdvance(text) <= room)
            return text;
    }
    const QString method = fm.elidedText(captureText(goNameInPackage(function)), Qt::ElideLeft, room);
    return method.size() <= 1 ? QString() : method;
}

} // namespace gs::ui
