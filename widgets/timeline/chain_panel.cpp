// SPDX-License-Identifier: MIT
#include "widgets/timeline/chain_panel.h"

#include "widgets/common/capture_display.h"
#include "widgets/timeline/span_description.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

// As many frames as `goroscope-cli chain` prints per stack: enough to name the channel or lock
// operation and its caller without making the tooltip a second stack panel.
constexpr size_t kHopFrames = 4;

} // namespace

ChainPanel::ChainPanel(QWidget* parent)
    : QWidget(parent)
{
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    // Hops are two or three wrapped lines each; a gap keeps them apart.
    m_list->setSpacing(3);
    // Both a click and Enter follow the chain; the current-row highlight marks the hop shown.
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { activateHop(m_list->row(item)); });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { activateHop(m_list->row(item)); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Blocking chain</b>"), this));
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    clear();
}

void ChainPanel::clear()
{
    m_store.reset();
    m_hops.clear();
    m_list->clear();
    m_hint->setText(tr("Select a waiting span to follow who woke it"));
}

void ChainPanel::setSpan(StorePtr store, SpanRef span)
{
    const auto current = std::ranges::find_if(m_hops, [&](const ChainHop& h) { return h.span == span.span; });
    if (store && store == m_store && current != m_hops.end()) {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(int(current - m_hops.begin()));
        return;
    }
    clear();
    if (!store || !store->trace || span.row >= store->trace->goroutines.size()
        || span.span >= store->trace->spans.size()
        || store->trace->spans.stateOf(span.span) != SpanState::Waiting)
        return;
    m_store = std::move(store);
    m_hops = blockingChain(*m_store->trace, span.row, span.span);
    showChain();
    emit chainShown(span.row, span.span);
}

void ChainPanel::showChain()
{
    m_hint->setText(tr("Hops: %1. Click one to select its span.").arg(m_hops.size()));
    for (const ChainHop& hop : m_hops) {
        auto* item = new QListWidgetItem(hopText(hop), m_list);
        item->setToolTip(hopTooltip(hop));
    }
    const QSignalBlocker block(m_list);
    m_list->setCurrentRow(0);
}

QString ChainPanel::hopText(const ChainHop& hop) const
{
    const TraceData& t = *m_store->trace;
    const Symbols& sym = m_store->symbols;
    const SpanTable& s = t.spans;
    QString text = QStringLiteral("G%1 %2 %3 \u2014 ")
                       .arg(QString::number(t.goroutines[hop.row].id), spanStateLabel(t, sym, hop.span),
                            formatDuration(s.durationOf(hop.span)));
    // The reasons a chain ends, worded as in `goroscope-cli chain`.
    if (hop.wokenBy != kNoGoroutineId)
        text += tr("woken by G%1 at %2").arg(hop.wokenBy).arg(formatDuration(hop.wokenAt - t.startNs));
    else if (s.stateOf(hop.span) == SpanState::Waiting)
        text += tr("no goroutine woke it (a timer, the network poller or the runtime did, or the trace ended)");
    else
        text += tr("it was not waiting: the chain ends here");
    // The innermost frame on a second line says what was waited on without opening the tooltip.
    const auto frames = sym.stacks.frames(s.stackOf(hop.span));
    if (!frames.empty())
        text += QStringLiteral("\n    ") + captureText(sym.functionName(sym.frameFunction(frames.front())));
    return text;
}

QString ChainPanel::hopTooltip(const ChainHop& hop) const
{
    const TraceData& t = *m_store->trace;
    const Symbols& sym = m_store->symbols;
    QString html = tr("<b>%1</b> %2 at:")
                       .arg(captureHtml(goroutineTitle(t, sym, hop.row)), captureHtml(spanStateLabel(t, sym, hop.span)))
        + stackFramesHtml(sym, t.spans.stackOf(hop.span), kHopFrames);
    if (hop.wokenBy != kNoGoroutineId)
        html += tr("<br><b>G%1</b> woke it at:").arg(hop.wokenBy) + stackFramesHtml(sym, hop.wakerStack, kHopFrames);
    return html;
}

QStringList ChainPanel::hopTexts() const
{
    QStringList texts;
    for (int k = 0; k < m_list->count(); ++k)
        texts << m_list->item(k)->text();
    return texts;
}

QString ChainPanel::hint() const
{
    return m_hint->text();
}

void ChainPanel::activateHop(int index)
{
    if (index < 0 || size_t(index) >= m_hops.size())
        return;
    m_list->setCurrentRow(index);
    emit hopActivated(m_hops[size_t(index)].row, m_hops[size_t(index)].span);
}

} // namespace gs::ui
