// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_names.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/value_format.h"

#include <QObject>

namespace gs::ui {

namespace {

QString functionOf(const Symbols& symbols, FrameId frame)
{
    return captureText(symbols.functionName(symbols.frameFunction(frame)));
}

} // namespace

QString blockingFunction(const Symbols& symbols, StackId stack)
{
    const std::span<const FrameId> frames = symbols.stacks.frames(stack);
    if (frames.empty())
        return QObject::tr("(no stack)");
    for (FrameId f : frames) {
        if (!isRuntimeFunction(symbols.functionName(symbols.frameFunction(f))))
            return functionOf(symbols, f);
    }
    return functionOf(symbols, frames.front());
}

QString startFunction(const Symbols& symbols, StackId stack)
{
    const std::span<const FrameId> frames = symbols.stacks.frames(stack);
    return frames.empty() ? QObject::tr("(no stack)") : functionOf(symbols, frames.back());
}

QString frameText(const Symbols& symbols, FrameId frame)
{
    const Frame& f = symbols.frames[frame];
    const QString file = captureText(symbols.strings.get(symbols.functions[f.function].file));
    return functionOf(symbols, frame) + QStringLiteral("\n    ") + file + QLatin1Char(':') + QString::number(f.line);
}

QString stackText(const Symbols& symbols, StackId stack)
{
    QStringList lines;
    for (FrameId f : symbols.stacks.frames(stack))
        lines << frameText(symbols, f);
    return lines.join(QLatin1Char('\n'));
}

QString statusText(const Symbols& symbols, StringId state, int32_t waitMinutes)
{
    QString text = captureText(symbols.strings.get(state));
    if (waitMinutes > 0)
        text += QStringLiteral(", ") + formatCount(waitMinutes, QObject::tr("minute"), QObject::tr("minutes"));
    return text;
}

} // namespace gs::ui
