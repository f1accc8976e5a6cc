// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_panel.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/creation_tree_model.h"
#include "widgets/dump/dump_group_details.h"
#include "widgets/dump/dump_group_model.h"
#include "widgets/profile/profile_session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace gs::ui {

namespace {

constexpr int kDebounceMs = 250;
constexpr int kAnyState = -1;

// What a worker hands back: QFuture wants a default-constructible value.
struct ViewOutcome
{
    std::shared_ptr<const DumpView> view;
    QString error;
};

} // namespace

DumpPanel::DumpPanel(ProfileSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_groups(new DumpGroupModel(this))
    , m_creation(new CreationTreeModel(this))
    , m_functionDebounce(new QTimer(this))
    , m_jobs(this)
{
    buildUi();
}

const std::shared_ptr<const DumpView>& DumpPanel::view() const
{
    return m_groups->view();
}

void DumpPanel::buildUi()
{
    m_grouping = new QComboBox(this);
    m_grouping->addItem(tr("identical stack"), int(DumpGrouping::IdenticalStack));
    m_grouping->addItem(tr("similar stack"), int(DumpGrouping::SimilarStack));
    m_grouping->addItem(tr("state"), int(DumpGrouping::State));
    m_grouping->addItem(tr("wait time"), int(DumpGrouping::WaitTime));
    m_grouping->setToolTip(tr("Identical: same functions at the same lines; similar: same functions, any lines"));

    m_state = new QComboBox(this);
    m_state->addItem(tr("any state"), kAnyState);
    for (DumpState s : {DumpState::Running, DumpState::Runnable, DumpState::Waiting, DumpState::Syscall, DumpState::Other})
        m_state->addItem(QString::fromUtf8(dumpStateName(s)), int(s));
    m_reason = new QComboBox(this);
    m_reason->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_function = new QLineEdit(this);
    m_function->setPlaceholderText(tr("function in stack (regex)"));
    m_function->setClearButtonEnabled(true);
    m_function->setMinimumWidth(200);
    m_minWait = new QSpinBox(this);
    m_minWait->setRange(0, 1000000);
    m_minWait->setSuffix(tr(" min"));
    m_minWait->setSpecialValueText(tr("any wait"));
    m_minWait->setToolTip(tr("Minimum wait time (the runtime prints whole minutes)"));
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(4, 4, 4, 2);
    controls->setSpacing(6);
    controls->addWidget(new QLabel(tr("<b>Goroutines</b>  grouped by"), this));
    controls->addWidget(m_grouping);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Filter:"), this));
    controls->addWidget(m_state);
    controls->addWidget(m_reason);
    controls->addWidget(m_function);
    controls->addWidget(m_minWait);
    controls->addStretch(1);
    controls->addWidget(m_status);

    m_table = new QTableView(this);
    m_table->setModel(m_groups);
    setUpRowTable(m_table);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(DumpGroupModel::Count, fm.horizontalAdvance(QStringLiteral("100,000")) + 16);
    m_table->setColumnWidth(DumpGroupModel::State, fm.horizontalAdvance(QStringLiteral("sync.WaitGroup.Wait")) + 16);
    m_table->setColumnWidth(DumpGroupModel::Wait, fm.horizontalAdvance(QStringLiteral("10\u201320 minutes")) + 16);
    m_details = newStackPane(tr("Select a group to see its stack"), this);
    QSplitter* groupSplit = newSplitter(Qt::Horizontal, m_table, m_details, 3, 2, this);

    m_creationView = new QTreeView(this);
    m_creationView->setModel(m_creation);
    m_creationView->setUniformRowHeights(true);
    m_creationView->setAlternatingRowColors(true);
    m_creationView->header()->setStretchLastSection(false);
    m_creationView->header()->setSectionResizeMode(CreationTreeModel::Function, QHeaderView::Stretch);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(groupSplit, tr("Groups"));
    m_tabs->addTab(m_creationView, tr("Creation tree"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(m_tabs, 1);

    m_functionDebounce->setSingleShot(true);
    m_functionDebounce->setInterval(kDebounceMs);
    connect(m_functionDebounce, &QTimer::timeout, this, [this] { recompute(true); });
    connect(m_function, &QLineEdit::textChanged, m_functionDebounce, qOverload<>(&QTimer::start));
    connect(m_function, &QLineEdit::returnPressed, this, [this] {
        m_functionDebounce->stop();
        recompute(true);
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] { recompute(false); });
    for (QComboBox* box : {m_state, m_reason})
        connect(box, &QComboBox::currentIndexChanged, this, [this] { recompute(true); });
    connect(m_minWait, &QSpinBox::valueChanged, this, [this] { recompute(true); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DumpPanel::showDetails);
}

void DumpPanel::setStore(StorePtr store)
{
    m_jobs.cancel();
    m_functionDebounce->stop();
    m_store = store && store->dump ? std::move(store) : nullptr;
    m_sessionFiltered = false;
    m_profilePending = false;
    {
        const QSignalBlocker blockGrouping(m_grouping), blockState(m_state), blockReason(m_reason),
            blockFunction(m_function), blockWait(m_minWait);
        m_grouping->setCurrentIndex(0);
        m_state->setCurrentIndex(0);
        m_function->clear();
        m_minWait->setValue(0);
        fillReasons();
    }
    m_groups->setView(nullptr);
    m_details->clear();
    m_creation->setStore(m_store);
    const bool traceback = m_store && m_store->dump->kind == GoroutineDumpData::Kind::Traceback;
    m_tabs->setTabEnabled(1, traceback);
    // A count profile has no states or wait times to filter on.
    for (QWidget* w : std::initializer_list<QWidget*> {m_state, m_reason, m_minWait})
        w->setEnabled(traceback);
    m_status->clear();
    if (m_store)
        recompute(false);
}

void DumpPanel::fillReasons()
{
    m_reason->clear();
    m_reason->addItem(tr("any status"), QString());
    if (!m_store)
        return;
    // Most frequent first: the leak is usually the status most goroutines share.
    std::map<StringId, int64_t> counts;
    for (const DumpGoroutine& g : m_store->dump->goroutines)
        ++counts[g.state];
    std::vector<std::pair<StringId, int64_t>> byCount(counts.begin(), counts.end());
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [state, count] : byCount) {
        const std::string_view text = m_store->symbols.strings.get(state);
        // The item's data is the status itself, what the filter matches.
        m_reason->addItem(QStringLiteral("%1 (%2)").arg(captureText(text), QString::number(count)), toQString(text));
    }
}

DumpQuery DumpPanel::currentQuery() const
{
    DumpQuery query;
    query.grouping = DumpGrouping(m_grouping->currentData().toInt());
    if (const int state = m_state->currentData().toInt(); state != kAnyState)
        query.filter.state = DumpState(state);
    query.filter.waitReason = m_reason->currentData().toString().toStdString();
    query.filter.functionRegex = m_function->text().toStdString();
    query.filter.minWaitMinutes = m_minWait->value();
    return query;
}

void DumpPanel::recompute(bool filterChanged)
{
    if (!m_store)
        return;
    m_profilePending = m_profilePending || filterChanged;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("computing\u2026"));
    m_jobs.start(
        [store = m_store, query = currentQuery(), withProfile = m_profilePending] {
            ViewOutcome outcome;
            auto view = computeDumpView(store, query, withProfile);
            if (view)
                outcome.view = std::move(*view);
            else
                outcome.error = QString::fromStdString(view.error().message);
            return outcome;
        },
        [this](ViewOutcome outcome) {
            m_function->setStyleSheet(QString());
            m_function->setToolTip(QString());
            if (!outcome.view) {
                m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
                m_status->setText(outcome.error);
                m_function->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #b3261e; }"));
                m_function->setToolTip(plainToolTip(outcome.error));
                return;
            }
            const DumpView& view = *outcome.view;
            // The unfiltered dump is what the session already holds: no reset for nothing.
            if (view.profileStore && (view.profileStore != m_store || m_sessionFiltered)) {
                m_sessionFiltered = view.profileStore != m_store;
                m_session->setStore(view.profileStore);
            }
            if (view.profileStore)
                m_profilePending = false;
            m_status->setText(tr("%1 of %2 \u00b7 %3")
                                  .arg(formatCount(view.goroutines, tr("goroutine"), tr("goroutines")))
                                  .arg(view.totalGoroutines)
                                  .arg(formatCount(int64_t(view.groups.size()), tr("group"), tr("groups"))));
            m_groups->setView(std::move(outcome.view));
            if (m_groups->rowCount() > 0)
                m_table->selectRow(std::max(crashedGroupRow(), 0));
            else
                m_details->clear();
            emit viewChanged();
        });
}

int DumpPanel::crashedGroupRow() const
{
    const DumpGoroutine* crashed = m_store ? m_store->dump->crashedGoroutine() : nullptr;
    if (!crashed || !view())
        return -1;
    return groupRowOf(*view(), uint32_t(crashed - m_store->dump->goroutines.data()));
}

void DumpPanel::showDetails()
{
    const DumpGroup* group = m_groups->groupAt(m_table->currentIndex().row());
    m_details->setPlainText(group ? describeGroup(*view(), *group) : QString());
}

} // namespace gs::ui
