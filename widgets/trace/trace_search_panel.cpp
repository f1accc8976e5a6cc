// SPDX-License-Identifier: MIT
#include "widgets/trace/trace_search_panel.h"

#include "core/base/load_context.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/match_highlight_delegate.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/value_format.h"
#include "widgets/filters/entry_error.h"
#include "widgets/timeline/span_description.h"
#include "widgets/trace/trace_session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace gs::ui {

namespace {

constexpr int kDebounceMs = 200;

// Item data: where a hit or place leads, and which hit an item shows (for unfolding its places).
constexpr int kGoroutineRole = Qt::UserRole + 1;
constexpr int kStartRole = Qt::UserRole + 2;
constexpr int kEndRole = Qt::UserRole + 3;
constexpr int kKindRole = Qt::UserRole + 4;
constexpr int kHitRole = Qt::UserRole + 5;
constexpr int kUnfoldedRole = Qt::UserRole + 6;

using ResultPtr = std::shared_ptr<const TraceSearchResult>;

QString kindTitle(TraceSearchKind kind)
{
    switch (kind) {
    case TraceSearchKind::Goroutine:
        return TraceSearchPanel::tr("Goroutines");
    case TraceSearchKind::StartFunction:
        return TraceSearchPanel::tr("Start functions");
    case TraceSearchKind::Function:
        return TraceSearchPanel::tr("Functions in stacks");
    case TraceSearchKind::RegionType:
        return TraceSearchPanel::tr("Region types");
    case TraceSearchKind::TaskType:
        return TraceSearchPanel::tr("Task types");
    case TraceSearchKind::Log:
        return TraceSearchPanel::tr("Logs");
    }
    return {};
}

// "Logs (6)", "Functions in stacks (1,000 of 53,211 shown)".
QString groupTitle(const TraceSearchGroup& group)
{
    const QLocale english(QLocale::English);
    const QString total = english.toString(qulonglong(group.total));
    if (group.hits.size() < group.total)
        return TraceSearchPanel::tr("%1 (%2 of %3 shown)").arg(kindTitle(group.kind), english.toString(qulonglong(group.hits.size())), total);
    return TraceSearchPanel::tr("%1 (%2)").arg(kindTitle(group.kind), total);
}

// What the uses of a shared name are: "3 goroutines began here", "12 regions".
QString usesText(TraceSearchKind kind, size_t count)
{
    const auto n = int64_t(count);
    switch (kind) {
    case TraceSearchKind::StartFunction:
        return TraceSearchPanel::tr("%1 began here").arg(formatCount(n, TraceSearchPanel::tr("goroutine"), TraceSearchPanel::tr("goroutines")));
    case TraceSearchKind::Function:
        return TraceSearchPanel::tr("in the stacks of %1").arg(formatCount(n, TraceSearchPanel::tr("goroutine"), TraceSearchPanel::tr("goroutines")));
    case TraceSearchKind::RegionType:
        return formatCount(n, TraceSearchPanel::tr("region"), TraceSearchPanel::tr("regions"));
    case TraceSearchKind::TaskType:
        return formatCount(n, TraceSearchPanel::tr("task"), TraceSearchPanel::tr("tasks"));
    default:
        return {};
    }
}

bool hasPlaces(TraceSearchKind kind)
{
    return kind != TraceSearchKind::Goroutine && kind != TraceSearchKind::Log;
}

// "G12 · at 1.20 ms, for 35.2 µs" (since the trace start), for a place.
QString placeText(const TraceData& trace, const TraceSearchPlace& place)
{
    QString text = place.goroutine == kNoGoroutineId ? QString() : QStringLiteral("G%1").arg(place.goroutine);
    if (!place.hasRange())
        return text;
    if (!text.isEmpty())
        text += QStringLiteral(" \u00b7 ");
    text += TraceSearchPanel::tr("at %1").arg(formatDuration(place.start - trace.startNs));
    if (place.end > place.start)
        text += TraceSearchPanel::tr(", for %1").arg(formatDuration(place.end - place.start));
    return text;
}

void setPlace(QStandardItem* item, const TraceSearchPlace& place)
{
    item->setData(qlonglong(place.goroutine), kGoroutineRole);
    item->setData(qlonglong(place.start), kStartRole);
    item->setData(qlonglong(place.end), kEndRole);
}

// The hit's text for the list, made safe to show piece by piece so that the match's bounds stay
// on the characters it matched.
QStandardItem* hitTextItem(const TraceSearchHit& hit)
{
    const std::string_view text = hit.text;
    const size_t offset = std::min(hit.matchOffset, text.size());
    const size_t length = std::min(hit.matchLength, text.size() - offset);
    const QString before = captureText(text.substr(0, offset));
    const QString match = length > 0 ? captureText(text.substr(offset, length)) : QString();
    const QString after = captureText(text.substr(offset + length));
    auto* item = new QStandardItem(before + match + after);
    item->setData(int(before.size()), MatchHighlightDelegate::kMatchStartRole);
    item->setData(int(match.size()), MatchHighlightDelegate::kMatchLengthRole);
    return item;
}

QList<QStandardItem*> row(QStandardItem* first, const QString& second)
{
    auto* detail = new QStandardItem(second);
    for (QStandardItem* item : {first, detail})
        item->setEditable(false);
    return {first, detail};
}

} // namespace

TraceSearchPanel::TraceSearchPanel(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_field(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_debounce(new QTimer(this))
    , m_jobs(this)
{
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search everything: a Go regexp over goroutine IDs and labels, functions, "
                                   "region and task types, logs (Ctrl+Shift+F)"));
    m_field->setClearButtonEnabled(true);
    m_error->setObjectName(QStringLiteral("searchError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(0, new MatchHighlightDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_model->setHorizontalHeaderLabels({tr("Match"), tr("Where")});

    auto* top = new QHBoxLayout;
    top->addWidget(m_field, 1);
    top->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &TraceSearchPanel::search);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_debounce->start(); });
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        search();
    });
    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_debounce->stop();
        search();
    });
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex& index) {
        if (QStandardItem* item = m_model->itemFromIndex(index.siblingAtColumn(0)))
            fillPlaces(item);
    });
    connect(m_view, &QTreeView::clicked, this, &TraceSearchPanel::choose);
    connect(m_view, &QTreeView::activated, this, &TraceSearchPanel::choose);
}

TraceSearchPanel::~TraceSearchPanel()
{
    m_stop.request_stop();
}

void TraceSearchPanel::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void TraceSearchPanel::setPattern(const QString& pattern)
{
    m_field->setText(pattern);
    m_debounce->stop();
    search();
}

QString TraceSearchPanel::status() const
{
    return m_status->text();
}

QString TraceSearchPanel::error() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void TraceSearchPanel::search()
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    m_jobs.cancel();
    m_searching = false;
    const StorePtr& store = m_session->store();
    const std::string pattern = m_field->text().toStdString();
    if (pattern.empty() || !store || !store->trace) {
        showEntryError(m_error, m_field, {});
        clearResults({});
        return;
    }
    if (const std::optional<std::string> problem = regexProblem(pattern)) {
        showEntryError(m_error, m_field, tr("Not a valid Go regexp: %1").arg(toQString(*problem)));
        clearResults({});
        return;
    }
    showEntryError(m_error, m_field, {});
    m_searching = true;
    m_status->setText(tr("Searching\u2026"));
    // The worker owns a reference to the store and a copy of the pattern.
    m_jobs.start(
        [store, pattern, stop = m_stop.get_token()]() -> ResultPtr {
            LoadContext context(stop, {});
            try {
                auto result = searchTrace(*store, pattern, {}, &context);
                if (result)
                    return std::make_shared<const TraceSearchResult>(std::move(*result));
            } catch (const Cancelled&) {
            }
            return nullptr;
        },
        [this](ResultPtr result) {
            m_searching = false;
            if (result)
                show(std::move(result));
            emit searchFinished();
        });
}

void TraceSearchPanel::clearResults(const QString& status)
{
    m_result.reset();
    m_model->removeRows(0, m_model->rowCount());
    m_status->setText(status);
}

void TraceSearchPanel::show(ResultPtr result)
{
    clearResults({});
    m_result = std::move(result);
    const StorePtr& store = m_session->store();
    if (!store || !store->trace)
        return;
    const TraceData& trace = *store->trace;
    QFont bold = font();
    bold.setBold(true);
    for (const TraceSearchGroup& group : m_result->groups) {
        if (group.total == 0)
            continue;
        auto* heading = new QStandardItem(groupTitle(group));
        heading->setFont(bold);
        const QList<QStandardItem*> headingRow = row(heading, {});
        for (size_t h = 0; h < group.hits.size(); ++h) {
            const TraceSearchHit& hit = group.hits[h];
            QStandardItem* item = hitTextItem(hit);
            setPlace(item, hit.place);
            item->setData(int(group.kind), kKindRole);
            item->setData(qulonglong(h), kHitRole);
            QString detail;
            if (hasPlaces(group.kind)) {
                detail = usesText(group.kind, hit.placeCount);
            } else if (group.kind == TraceSearchKind::Goroutine) {
                const GoroutineRow r = trace.rowOf(hit.place.goroutine);
                const FunctionId f = r == kNoRow ? UINT32_MAX : trace.goroutines.startFunctionOf(r);
                if (f != UINT32_MAX)
                    detail = captureText(store->symbols.functionName(f));
            } else {
                detail = placeText(trace, hit.place);
            }
            QStringList tip = {item->text(), detail};
            if (hit.place.goroutine != kNoGoroutineId)
                tip << tr("Click to show it on the timeline.");
            if (hasPlaces(group.kind) && hit.placeCount > 1)
                tip << tr("Unfold to list where.");
            item->setToolTip(plainToolTip(tip.join(QLatin1Char('\n'))));
            const QList<QStandardItem*> hitRow = row(item, detail);
            // Unfolded on demand: a thousand hits of a hundred places each would be slow to build.
            if (hasPlaces(group.kind) && hit.placeCount > 1)
                item->appendRow(row(new QStandardItem(tr("\u2026")), {}));
            heading->appendRow(hitRow);
        }
        m_model->appendRow(headingRow);
        m_view->setFirstColumnSpanned(m_model->rowCount() - 1, {}, true);
        m_view->expand(heading->index());
    }
    const size_t total = m_result->total();
    m_status->setText(total == 0 ? tr("No match") : formatCount(int64_t(total), tr("hit"), tr("hits")));
    // Room for the bold part of the widest hit.
    m_view->resizeColumnToContents(0);
    m_view->setColumnWidth(0, m_view->columnWidth(0) + fontMetrics().averageCharWidth() * 4);
}

void TraceSearchPanel::fillPlaces(QStandardItem* hitItem)
{
    if (!m_result || !hitItem->data(kHitRole).isValid() || hitItem->data(kUnfoldedRole).toBool())
        return;
    const StorePtr& store = m_session->store();
    if (!store || !store->trace)
        return;
    hitItem->setData(true, kUnfoldedRole);
    const TraceSearchGroup& group = m_result->group(TraceSearchKind(hitItem->data(kKindRole).toInt()));
    const size_t h = hitItem->data(kHitRole).toULongLong();
    if (h >= group.hits.size())
        return;
    const TraceSearchHit& hit = group.hits[h];
    hitItem->removeRows(0, hitItem->rowCount());
    for (const TraceSearchPlace& place : hit.places) {
        auto* item = new QStandardItem(placeText(*store->trace, place));
        setPlace(item, place);
        item->setToolTip(tr("Click to show it on the timeline"));
        hitItem->appendRow(row(item, {}));
    }
    if (hit.placeCount > hit.places.size()) {
        auto* more = new QStandardItem(tr("\u2026 %L1 more").arg(hit.placeCount - hit.places.size()));
        more->setEnabled(false);
        hitItem->appendRow(row(more, {}));
    }
}

void TraceSearchPanel::choose(const QModelIndex& index)
{
    const QModelIndex first = index.siblingAtColumn(0);
    const QVariant goroutine = first.data(kGoroutineRole);
    const StorePtr& store = m_session->store();
    if (!goroutine.isValid() || !store || !store->trace)
        return;
    const int64_t id = goroutine.toLongLong();
    const GoroutineRow r = id == kNoGoroutineId ? kNoRow : store->trace->rowOf(id);
    emit placeChosen(r, first.data(kStartRole).toLongLong(), first.data(kEndRole).toLongLong());
}

} // namespace gs::ui
