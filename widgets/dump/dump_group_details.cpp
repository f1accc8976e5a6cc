// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_group_details.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/dump_names.h"

#include <QObject>
#include <QStringList>

namespace gs::ui {

namespace {

// Enough ids to find a goroutine in the file; a leak of thousands would only bury the stack.
constexpr size_t kMaxIds = 20;

} // namespace

QString describeGroup(const DumpView& view, const DumpGroup& group)
{
    const Symbols& symbols = view.store->symbols;
    const GoroutineDumpData& dump = *view.store->dump;
    QStringList lines;
    lines << formatCount(group.count, QObject::tr("goroutine"), QObject::tr("goroutines"));
    if (group.entries.empty())
        return lines.join(QLatin1Char('\n'));
    const DumpEntry& first = view.entries[group.entries.front()];
    if (dump.kind == GoroutineDumpData::Kind::CountProfile) {
        lines << QString() << stackText(symbols, first.stack);
        return lines.join(QLatin1Char('\n'));
    }
    QStringList ids;
    for (size_t i = 0; i < group.entries.size() && i < kMaxIds; ++i)
        ids << QString::number(dump.goroutines[view.entries[group.entries[i]].index].id);
    if (group.entries.size() > kMaxIds)
        ids << QStringLiteral("\u2026");
    lines << QObject::tr("ids: %1").arg(ids.join(QStringLiteral(", "))) << QString()
          << goroutineText(symbols, dump, dump.goroutines[first.index]);
    return lines.join(QLatin1Char('\n'));
}

QString goroutineText(const Symbols& symbols, const GoroutineDumpData& dump, const DumpGoroutine& g)
{
    QStringList lines;
    // Labels after the bracket, as Go 1.27 prints them, whichever form the dump had.
    QStringList labels;
    for (const DumpLabel& l : dump.labelsOf(g.labelBegin, g.labelEnd))
        labels << captureText(symbols.strings.get(l.key)) + QStringLiteral(": ") + captureText(symbols.strings.get(l.value));
    const QString labelText = labels.isEmpty() ? QString() : QStringLiteral(" {") + labels.join(QStringLiteral(", ")) + QLatin1Char('}');
    lines << QStringLiteral("goroutine ") + QString::number(g.id) + QStringLiteral(" [")
                 + statusText(symbols, g.state, g.waitMinutes) + QLatin1Char(']') + labelText + QLatin1Char(':');
    if (g.stackUnavailable)
        lines << QObject::tr("(stack unavailable: running on another thread)");
    lines << stackText(symbols, g.stack);
    if (g.elidedFrames != 0)
        lines << (g.elidedFrames > 0 ? QObject::tr("...%1 frames elided...").arg(g.elidedFrames)
                                     : QObject::tr("...additional frames elided..."));
    if (g.createdBy != kNoFrame) {
        QString created = QObject::tr("created by ") + frameText(symbols, g.createdBy);
        if (g.creatorId != 0)
            created.insert(created.indexOf(QLatin1Char('\n')), QObject::tr(" in goroutine %1").arg(g.creatorId));
        lines << created;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace gs::ui
