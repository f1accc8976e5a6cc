// SPDX-License-Identifier: MIT
#include "widgets/timeline/relations_panel.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/timeline/span_description.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

// Item data: the goroutine row an item leads to, and the span to select there (absent: the
// goroutine only). Group headings carry their Group.
constexpr int kRowRole = Qt::UserRole;
constexpr int kSpanRole = Qt::UserRole + 1;
constexpr int kGroupRole = Qt::UserRole + 2;

// Enough frames to show the `go` statement or the wake-up (unlock, send, Done) and its caller.
constexpr size_t kTooltipFrames = 6;

// The wait that the woken Runnable span `woken` ended: the Waiting span right before it.
std::optional<uint32_t> endedWait(const SpanTable& spans, GoroutineRow row, uint32_t woken)
{
    if (woken == spans.rowRange(row).first || spans.stateOf(woken - 1) != SpanState::Waiting
        || spans.endOf(woken - 1) != spans.startOf(woken))
        return std::nullopt;
    return woken - 1;
}

// Where the `go` statement is: the innermost function of the creator's stack at GoCreate, else
// the creator's start function; empty when the trace has neither.
QString goStatementFunction(const Symbols& symbols, const Goroutine& g, const Goroutine& creator)
{
    const auto frames = symbols.stacks.frames(g.creationStack);
    if (!frames.empty())
        return captureText(symbols.functionName(symbols.frameFunction(frames.front())));
    return creator.hasStartFunction() ? captureText(symbols.functionName(creator.startFunction)) : QString();
}

} // namespace

RelationsPanel::RelationsPanel(QWidget* parent)
    : QWidget(parent)
    , m_creation(std::make_shared<const CreationIndex>())
    , m_jobs(this)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    // A list with group headings rather than a tree: the side column is narrow and list items
    // wrap (tree items do not re-wrap when the column resizes), as the chain panel's hops do.
    // Measuring every wrapped row is affordable because the lists stop at kMaxListed.
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setSpacing(1);
    // Both a click and Enter follow an item, as in the blocking-chain panel.
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) { activateItem(item); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { activateItem(item); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    rebuild();
}

RelationsPanel::~RelationsPanel()
{
    // The index job may outlive us; let it give up early.
    m_stop.request_stop();
}

void RelationsPanel::setStore(StorePtr store, std::shared_ptr<const CreationIndex> creation)
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    m_jobs.cancel();
    m_store = store && store->trace ? std::move(store) : nullptr;
    if (m_store && !creation)
        creation = std::make_shared<const CreationIndex>(buildCreationIndex(*m_store->trace));
    m_creation = creation ? std::move(creation) : std::make_shared<const CreationIndex>();
    m_wakes.reset();
    m_row = kNoRow;
    m_span.reset();
    if (m_store) {
        m_jobs.start(
            [store = m_store, stop = m_stop.get_token()] {
                return std::make_shared<const WakeIndex>(buildWakeIndex(*store->trace, stop));
            },
            [this](std::shared_ptr<const WakeIndex> wakes) {
                m_wakes = std::move(wakes);
                rebuild();
                emit wakeUpsIndexed();
            },
            JobRunner::Priority::Background);
    }
    rebuild();
}

void RelationsPanel::setSelection(GoroutineRow row, std::optional<uint32_t> span)
{
    if (!m_store || row >= m_store->trace->goroutines.size())
        row = kNoRow;
    if (row == kNoRow || (span && m_store->trace->spans.rowOfSpan(*span) != row))
        span.reset();
    if (row == m_row && span == m_span)
        return;
    m_row = row;
    m_span = span;
    rebuild();
}

void RelationsPanel::rebuild()
{
    m_list->clear();
    if (m_row == kNoRow) {
        m_title->setText(tr("Select a goroutine to see who created it, whom it created and whom it woke"));
        return;
    }
    const TraceData& t = *m_store->trace;
    m_title->setText(QStringLiteral("<b>%1</b>").arg(captureHtml(goroutineTitle(t, m_store->symbols, m_row))));
    addHeading(Group::CreatedBy, tr("Created by"));
    addCreator();
    addHeading(Group::Created, tr("Created (%1)").arg(m_creation->childrenOf(m_row).size()));
    addChildren();

    if (!m_wakes) {
        addHeading(Group::Woke, tr("Woke"));
        addNote(tr("finding wake-ups\u2026"));
        return;
    }
    const std::span<const uint32_t> all = m_wakes->wakeUpsBy(m_row);
    if (m_span) {
        // The wake-ups at a time inside the span: a range of the time-ordered list.
        const auto startOf = [&](uint32_t s) { return t.spans.startOf(s); };
        const auto first = std::ranges::lower_bound(all, t.spans.startOf(*m_span), {}, startOf);
        const auto last = std::ranges::lower_bound(first, all.end(), t.spans.endOf(*m_span), {}, startOf);
        const std::span<const uint32_t> during(first, last);
        addHeading(Group::WokeDuringSpan, tr("Woke during the selected span (%1)").arg(during.size()));
        addWakeUps(during, false);
        addHeading(Group::Woke, tr("Woke in all (%1)").arg(all.size()));
        addWakeUps(all, true);
    } else {
        addHeading(Group::Woke, tr("Woke (%1)").arg(all.size()));
        addWakeUps(all, false);
    }
}

void RelationsPanel::addHeading(Group group, const QString& title)
{
    auto* item = new QListWidgetItem(title, m_list);
    item->setData(kGroupRole, int(group));
    item->setFlags(Qt::ItemIsEnabled);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    item->setBackground(palette().alternateBase());
}

void RelationsPanel::addNote(const QString& text)
{
    auto* item = new QListWidgetItem(text, m_list);
    item->setFlags(Qt::NoItemFlags);
}

QListWidgetItem* RelationsPanel::addLink(const QString& text, const QString& tooltip, GoroutineRow row)
{
    auto* item = new QListWidgetItem(text, m_list);
    item->setToolTip(tooltip);
    item->setData(kRowRole, row);
    return item;
}

void RelationsPanel::addCreator()
{
    const TraceData& t = *m_store->trace;
    const Symbols& sym = m_store->symbols;
    const Goroutine& g = t.goroutines[m_row];
    const GoroutineRow creator = m_creation->creator[m_row];
    if (creator == kNoRow) {
        addNote(tr("unknown: created before the trace began, or by the runtime"));
        return;
    }
    const QString where = goStatementFunction(sym, g, t.goroutines[creator]);
    const QString id = QStringLiteral("G%1").arg(t.goroutines[creator].id);
    QListWidgetItem* item = addLink(
        tr("%1 at %2").arg(where.isEmpty() ? id : id + QStringLiteral(" (") + where + QLatin1Char(')'),
                           formatDuration(g.createdNs - t.startNs)),
        tr("<b>%1</b> created it at:").arg(captureHtml(goroutineTitle(t, sym, creator)))
            + stackFramesHtml(sym, g.creationStack, kTooltipFrames),
        creator);
    // The creator's span at the `go` statement: the moment, not just the goroutine.
    const uint32_t span = t.spans.firstEndingAfter(creator, g.createdNs - 1);
    if (span < t.spans.rowRange(creator).second && t.spans.startOf(span) <= g.createdNs)
        item->setData(kSpanRole, span);
}

void RelationsPanel::addChildren()
{
    const TraceData& t = *m_store->trace;
    const Symbols& sym = m_store->symbols;
    const auto children = m_creation->childrenOf(m_row);
    for (GoroutineRow child : children.first(std::min<size_t>(children.size(), kMaxListed))) {
        const Goroutine& c = t.goroutines[child];
        const QString life = c.endNs >= 0 ? tr("lived %1").arg(formatDuration(c.endNs - c.createdNs))
                                          : tr("alive at the end");
        QString text = tr("%1 at %2 (%3)").arg(goroutineTitle(t, sym, child), formatDuration(c.createdNs - t.startNs), life);
        // Its own children, counted: a goroutine that fans out is worth following.
        if (const size_t below = m_creation->subtree[child] - 1; below > 0)
            text += tr(", %1").arg(formatCount(int64_t(below), tr("descendant"), tr("descendants")));
        addLink(text, captureHtml(text) + tr("<br>created at:") + stackFramesHtml(sym, c.creationStack, kTooltipFrames),
                child);
    }
    if (children.size() > size_t(kMaxListed))
        addNote(tr("\u2026 %1 more (see the Creation tree tab)").arg(children.size() - kMaxListed));
}

void RelationsPanel::addWakeUps(std::span<const uint32_t> wakes, bool markSpan)
{
    const TraceData& t = *m_store->trace;
    const Symbols& sym = m_store->symbols;
    const SpanTable& s = t.spans;
    const auto inSpan = [&](uint32_t woken) {
        return markSpan && m_span && s.startOf(woken) >= s.startOf(*m_span) && s.startOf(woken) < s.endOf(*m_span);
    };
    for (uint32_t woken : wakes.first(std::min<size_t>(wakes.size(), kMaxListed))) {
        const GoroutineRow row = s.rowOfSpan(woken);
        QString text = tr("woke %1 at %2").arg(goroutineTitle(t, sym, row), formatDuration(s.startOf(woken) - t.startNs));
        const auto wait = endedWait(s, row, woken);
        if (wait) {
            const QString reason = s.reasonOf(*wait) != 0 ? captureText(sym.strings.get(s.reasonOf(*wait))) : tr("waiting");
            text += tr(" (%1, waited %2)").arg(reason, formatDuration(s.durationOf(*wait)));
        }
        // The Runnable span's stack is the waker's at the wake-up: the send, unlock or Done.
        QListWidgetItem* item = addLink(
            text, captureHtml(text) + tr("<br>with this stack:") + stackFramesHtml(sym, s.stackOf(woken), kTooltipFrames),
            row);
        // The wait it ended, so the chain panel shows the way back here.
        item->setData(kSpanRole, wait.value_or(woken));
        if (inSpan(woken)) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    if (wakes.empty())
        addNote(tr("nobody"));
    else if (wakes.size() > size_t(kMaxListed))
        addNote(tr("\u2026 %1 more").arg(wakes.size() - kMaxListed));
}

std::pair<int, int> RelationsPanel::groupItems(Group group) const
{
    int k = 0;
    while (k < m_list->count() && m_list->item(k)->data(kGroupRole) != QVariant(int(group)))
        ++k;
    if (k == m_list->count())
        return {k, k};
    int end = k + 1;
    while (end < m_list->count() && !m_list->item(end)->data(kGroupRole).isValid())
        ++end;
    return {k + 1, end};
}

QStringList RelationsPanel::texts(Group group) const
{
    QStringList out;
    const auto [first, last] = groupItems(group);
    for (int k = first; k < last; ++k)
        out << m_list->item(k)->text();
    return out;
}

void RelationsPanel::activate(Group group, int index)
{
    const auto [first, last] = groupItems(group);
    if (index >= 0 && index < last - first)
        activateItem(m_list->item(first + index));
}

void RelationsPanel::activateItem(QListWidgetItem* item)
{
    // Null when the view reports an item the activation itself already replaced.
    if (!item || !item->data(kRowRole).isValid())
        return;
    const auto row = GoroutineRow(item->data(kRowRole).toUInt());
    const QVariant span = item->data(kSpanRole);
    // The selection this asks for rebuilds the list (deleting `item`): read everything first.
    if (span.isValid())
        emit spanActivated(row, span.toUInt());
    else
        emit goroutineActivated(row);
}

} // namespace gs::ui
