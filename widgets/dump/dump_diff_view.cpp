// SPDX-License-Identifier: MIT
#include "widgets/dump/dump_diff_view.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/pane_setup.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/dump_diff_models.h"
#include "widgets/dump/dump_names.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace gs::ui {

namespace {

// What a worker hands back: QFuture wants a default-constructible value.
struct DiffOutcome
{
    std::shared_ptr<const DumpDiff> diff;
    QString error;
};

QString grouped(int64_t n)
{
    return QLocale(QLocale::English).toString(qlonglong(n));
}

// "60 → 75 goroutines (+15) since leak_before.txt · 2 groups grew, 1 new · 20 goroutines waiting longer"
QString headerText(const DumpDiff& diff, const QString& baseName)
{
    int grew = 0, fresh = 0;
    size_t waitingLonger = 0;
    for (const DumpDiffGroup& g : diff.groups) {
        grew += g.growth() > 0 && !g.isNew();
        fresh += g.isNew();
        waitingLonger += g.persistent.size();
    }
    QStringList parts;
    parts << QObject::tr("<b>%1 \u2192 %2</b> (%3) since <i>%4</i>")
                 .arg(grouped(diff.totalBefore),
                      formatCount(diff.totalAfter, QObject::tr("goroutine"), QObject::tr("goroutines")),
                      formatDelta(diff.totalAfter - diff.totalBefore, "count"), captureHtml(baseName));
    parts << QObject::tr("%1 grew, %2 new").arg(formatCount(grew, QObject::tr("group"), QObject::tr("groups"))).arg(fresh);
    parts << QObject::tr("%1 waiting longer")
                 .arg(formatCount(int64_t(waitingLonger), QObject::tr("goroutine"), QObject::tr("goroutines")));
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace

DumpDiffView::DumpDiffView(QWidget* parent)
    : QWidget(parent)
    , m_groups(new DumpDiffModel(this))
    , m_persistent(new PersistentGoroutineModel(this))
    , m_jobs(this)
{
    buildUi();
}

const std::shared_ptr<const DumpDiff>& DumpDiffView::diff() const
{
    return m_groups->diff();
}

void DumpDiffView::buildUi()
{
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unchanged = new QCheckBox(tr("Show unchanged groups"), this);
    m_unchanged->setToolTip(tr("Also list the groups with as many goroutines in both dumps and none waiting longer"));
    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 4, 4, 2);
    top->addWidget(new QLabel(tr("<b>Goroutines compared</b>"), this));
    top->addSpacing(12);
    top->addWidget(m_header, 1);
    top->addWidget(m_unchanged);

    m_groupTable = new QTableView(this);
    m_groupTable->setModel(m_groups);
    setUpRowTable(m_groupTable);
    m_groupTable->setTextElideMode(Qt::ElideRight); // the innermost functions matter most
    const QFontMetrics fm = m_groupTable->fontMetrics();
    const int countWidth = fm.horizontalAdvance(QStringLiteral("+100,000")) + 16;
    for (int c : {DumpDiffModel::Growth, DumpDiffModel::Before, DumpDiffModel::After})
        m_groupTable->setColumnWidth(c, countWidth);
    m_groupTable->setColumnWidth(DumpDiffModel::State, fm.horizontalAdvance(QStringLiteral("sync.WaitGroup.Wait")) + 16);

    m_stack = newStackPane(tr("Select a group to see its stack"), this);

    m_persistentCaption = new QLabel(this);
    m_persistentCaption->setWordWrap(true);
    m_persistentTable = new QTableView(this);
    m_persistentTable->setModel(m_persistent);
    setUpRowTable(m_persistentTable);
    auto* persistent = new QWidget(this);
    auto* persistentLayout = new QVBoxLayout(persistent);
    persistentLayout->setContentsMargins(4, 2, 0, 0);
    persistentLayout->addWidget(m_persistentCaption);
    persistentLayout->addWidget(m_persistentTable, 1);

    QSplitter* below = newSplitter(Qt::Horizontal, m_stack, persistent, 3, 2, this);
    QSplitter* split = newSplitter(Qt::Vertical, m_groupTable, below, 1, 1, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_unchanged, &QCheckBox::toggled, this, [this](bool show) {
        m_groups->setShowUnchanged(show);
        m_groupTable->selectRow(0);
    });
    connect(m_groupTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DumpDiffView::showGroup);
    // A model reset clears the current row without a currentRowChanged.
    connect(m_groups, &QAbstractItemModel::modelReset, this, &DumpDiffView::showGroup);
}

void DumpDiffView::compare(StorePtr before, StorePtr after)
{
    m_before = std::move(before);
    m_after = std::move(after);
    showDiff(nullptr);
    m_header->setStyleSheet(QString());
    m_header->setText(tr("comparing\u2026"));
    m_jobs.start(
        [base = m_before, current = m_after] {
            DiffOutcome outcome;
            auto diff = diffDumps(*base, *current);
            if (diff)
                outcome.diff = std::make_shared<const DumpDiff>(std::move(*diff));
            else
                outcome.error = QString::fromStdString(diff.error().message);
            return outcome;
        },
        [this](DiffOutcome outcome) {
            if (!outcome.diff) {
                m_header->setStyleSheet(QStringLiteral("color: #b3261e;"));
                m_header->setText(captureHtml(outcome.error));
            } else {
                m_header->setText(headerText(*outcome.diff, QFileInfo(QString::fromStdString(m_before->sourcePath)).fileName()));
            }
            showDiff(std::move(outcome.diff));
            emit diffChanged();
        });
}

void DumpDiffView::clear()
{
    m_jobs.cancel();
    m_before.reset();
    m_after.reset();
    m_header->clear();
    showDiff(nullptr);
}

void DumpDiffView::showDiff(std::shared_ptr<const DumpDiff> diff)
{
    m_groups->setDiff(std::move(diff));
    if (m_groups->rowCount() > 0)
        m_groupTable->selectRow(0);
}

void DumpDiffView::showGroup()
{
    const int row = m_groupTable->currentIndex().row();
    const DumpDiffGroup* g = m_groups->groupAt(row);
    m_persistent->setGroup(diff(), m_groups->groupIndexAt(row));
    if (!g) {
        m_stack->clear();
        m_persistentCaption->clear();
        return;
    }
    // Line numbers come from the dump the group is in: the current one unless it is gone there.
    const bool inAfter = g->after > 0;
    const Symbols& symbols = (inAfter ? m_after : m_before)->symbols;
    QString title = g->isNew() ? tr("New: %1, not in the base dump").arg(formatCount(g->after, tr("goroutine"), tr("goroutines")))
                               : tr("%1 \u2192 %2 (%3)").arg(grouped(g->before), formatCount(g->after, tr("goroutine"), tr("goroutines")),
                                                              formatDelta(g->growth(), "count"));
    if (!g->state.empty())
        title += QStringLiteral(" \u00b7 ") + captureText(g->state);
    if (!inAfter)
        title += tr(" \u00b7 gone from the current dump; stack as the base dump printed it");
    m_stack->setPlainText(title + QStringLiteral("\n\n") + stackText(symbols, inAfter ? g->afterStack : g->beforeStack));

    const bool counts = m_after->dump->kind == GoroutineDumpData::Kind::CountProfile;
    m_persistentCaption->setText(
        counts ? tr("A debug=1 count profile has no goroutine IDs to follow between dumps.")
               : g->persistent.empty()
               ? tr("No goroutine of this group is in both dumps waiting longer.")
               : tr("%1 in both dumps, waiting longer:")
                     .arg(formatCount(int64_t(g->persistent.size()), tr("goroutine"), tr("goroutines"))));
}

} // namespace gs::ui
