// SPDX-License-Identifier: MIT
#include "widgets/timeline/span_details_panel.h"

#include "core/analysis/blocking_chain.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/qt_strings.h"
#include "widgets/timeline/span_description.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace gs::ui {

SpanDetailsPanel::SpanDetailsPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout;
    auto make = [&](const QString& title, const QString& name) {
        auto* label = new QLabel(this);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        form->addRow(title, label);
        return label;
    };
    m_goroutine = make(tr("Goroutine"), QStringLiteral("goroutine"));
    m_state = make(tr("State"), QStringLiteral("state"));
    m_reason = make(tr("Reason"), QStringLiteral("reason"));
    m_start = make(tr("Start"), QStringLiteral("start"));
    m_end = make(tr("End"), QStringLiteral("end"));
    m_duration = make(tr("Duration"), QStringLiteral("duration"));
    m_proc = make(tr("Processor"), QStringLiteral("proc"));
    m_waker = make(tr("Woken by"), QStringLiteral("waker"));
    m_waker->setTextFormat(Qt::RichText); // a link to the waker
    m_waker->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_waker, &QLabel::linkActivated, this,
            [this](const QString& link) { emit wakerActivated(link.mid(1).toLongLong()); });

    m_frames = new QListWidget(this);
    m_frames->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_frames->setToolTip(tr("Double-click a frame (or press Enter) to show its function in the flame graph"));
    connect(m_frames, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString function = item->data(Qt::UserRole).toString();
        if (!function.isEmpty())
            emit frameActivated(function);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Stack at the transition (innermost first)"), this));
    layout->addWidget(m_frames, 1);
    clear();
}

void SpanDetailsPanel::clear()
{
    m_store.reset();
    for (QLabel* l : {m_goroutine, m_state, m_reason, m_start, m_end, m_duration, m_proc, m_waker})
        l->setText(QStringLiteral("-"));
    m_frames->clear();
}

void SpanDetailsPanel::setSpan(StorePtr store, SpanRef span)
{
    clear();
    if (!store || !store->trace || span.row >= store->trace->goroutines.size()
        || span.span >= store->trace->spans.size())
        return;
    m_store = std::move(store);
    const TraceData& t = *m_store->trace;
    const Symbols& sym = m_store->symbols;
    const SpanTable& s = t.spans;
    const uint32_t i = span.span;
    m_goroutine->setText(goroutineTitle(t, sym, span.row));
    m_state->setText(QString::fromLatin1(spanStateName(s.stateOf(i))));
    m_reason->setText(s.reasonOf(i) != 0 ? captureText(sym.strings.get(s.reasonOf(i))) : QStringLiteral("-"));
    m_start->setText(formatDuration(s.startOf(i) - t.startNs));
    m_end->setText(formatDuration(s.endOf(i) - t.startNs));
    m_duration->setText(formatDuration(s.endOf(i) - s.startOf(i)));
    m_proc->setText(s.procOf(i) >= 0 ? QStringLiteral("P%1").arg(s.procOf(i)) : QStringLiteral("-"));
    if (const int64_t waker = wakerOf(t, span.row, i); waker != kNoGoroutineId) {
        const GoroutineRow wakerRow = t.rowOf(waker);
        const QString title = wakerRow != kNoRow ? goroutineTitle(t, sym, wakerRow) : QStringLiteral("G%1").arg(waker);
        m_waker->setText(QStringLiteral("<a href=\"g%1\">%2</a>").arg(QString::number(waker), captureHtml(title)));
    }
    for (FrameId f : sym.stacks.frames(s.stackOf(i))) {
        const Frame& frame = sym.frames[f];
        const Function& fn = sym.functions[frame.function];
        const std::string_view name = sym.strings.get(fn.name);
        QString text = captureText(name);
        if (fn.file != 0)
            text += QStringLiteral("\n    ") + captureText(sym.strings.get(fn.file)) + QLatin1Char(':')
                + QString::number(frame.line);
        auto* item = new QListWidgetItem(text, m_frames);
        item->setData(Qt::UserRole, toQString(name)); // the raw function name alone, for frameActivated
    }
}

QString SpanDetailsPanel::field(const QString& name) const
{
    const auto* label = findChild<QLabel*>(name);
    return label ? label->text() : QString();
}

QStringList SpanDetailsPanel::frames() const
{
    QStringList list;
    for (int k = 0; k < m_frames->count(); ++k)
        list << m_frames->item(k)->text();
    return list;
}

} // namespace gs::ui
