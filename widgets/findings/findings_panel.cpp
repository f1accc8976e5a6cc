// SPDX-License-Identifier: MIT
#include "widgets/findings/findings_panel.h"

#include "core/findings/findings.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"
#include "widgets/findings/findings_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace gs::ui {

namespace {

// Links listed under a finding; the rest are counted ("and 40 more"), the first ones being the
// most relevant.
constexpr size_t kListedLinks = 12;

} // namespace

FindingsPanel::FindingsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new FindingsModel(this))
    , m_status(new QLabel(this))
    , m_list(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_report(new QPushButton(tr("Add to Report"), this))
    , m_jobs(this)
{
    setObjectName(QStringLiteral("findingsPanel"));
    m_status->setObjectName(QStringLiteral("findingsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("findingsList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    // The title takes what the severity and the figures leave.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(FindingsModel::TitleColumn, QHeaderView::Stretch);
    // The title says what is wrong: it gets as much room as the figures, which elide first.
    m_list->header()->setSectionResizeMode(FindingsModel::EvidenceColumn, QHeaderView::Stretch);
    m_details->setObjectName(QStringLiteral("findingDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_report->setObjectName(QStringLiteral("addFindingToReport"));
    m_report->setToolTip(tr("Put the selected finding, with its figures, into the postmortem report and the session"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_report);
    // The list and, beside it, the selected finding written out: the panel is wide and short,
    // under the page, which needs every pixel of its width.
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_list);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_details);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({3000, 2000}); // in that proportion from the start, not only on resizes
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    // A click, or Enter on the current row: not every move of the current row, so walking the
    // list with the arrow keys reads the details without moving the views.
    const auto activate = [this](const QModelIndex& index) {
        if (const Finding* f = m_model->findingAt(index.row()))
            emit findingActivated(*f);
    };
    connect(m_list, &QTreeView::clicked, this, activate);
    connect(m_list, &QTreeView::activated, this, activate);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        updateReportButton();
    });
    connect(m_list, &QTreeView::customContextMenuRequested, this, &FindingsPanel::showContextMenu);
    connect(m_report, &QPushButton::clicked, this, [this] { toggleReported(m_list->currentIndex().row()); });
    connect(m_details, &QLabel::linkActivated, this, &FindingsPanel::onLink);
    showStatus(tr("No capture open"));
}

FindingsPanel::~FindingsPanel()
{
    m_stop.request_stop(); // the rules of a capture no longer shown need not finish
}

void FindingsPanel::setCapture(StorePtr store, StorePtr base)
{
    if (store == m_store && base == m_base)
        return;
    if (store != m_store && !m_reported.empty()) {
        m_reported.clear();
        emit reportedChanged();
    }
    m_store = std::move(store);
    m_base = std::move(base);
    m_stop.request_stop();
    m_stop = std::stop_source();
    m_jobs.cancel();
    m_model->setFindings({});
    showDetails();
    updateReportButton();
    if (!m_store) {
        m_computing = false;
        showStatus(tr("No capture open"));
        return;
    }
    m_computing = true;
    showStatus(tr("Looking for problems\u2026"));
    m_jobs.start(
        [store = m_store, base = m_base, stop = m_stop.get_token()] {
            return findFindings(*store, base.get(), FindingThresholds {}, stop);
        },
        [this](const Result<std::vector<Finding>>& result) { showResult(result); },
        // The page the capture opens on comes first: the rules run on what cores it leaves.
        JobRunner::Priority::Background);
}

void FindingsPanel::showResult(const Result<std::vector<Finding>>& result)
{
    m_computing = false;
    if (!result.ok()) {
        m_model->setFindings({});
        showStatus(tr("Could not look for problems: %1").arg(captureText(result.error().describe())));
    } else {
        m_model->setFindings(*result);
        showStatus(result->empty() ? tr("Nothing stood out")
                                   : formatCount(int64_t(result->size()), tr("finding"), tr("findings")));
    }
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, 0));
    showDetails();
    updateReportButton();
}

const std::vector<Finding>& FindingsPanel::findings() const
{
    return m_model->findings();
}

QString FindingsPanel::statusText() const
{
    return m_status->text();
}

void FindingsPanel::showStatus(const QString& text)
{
    m_status->setText(text);
    // An empty or failed result is the whole answer: the list would only be a blank box.
    m_list->parentWidget()->setVisible(m_model->rowCount() > 0);
}

void FindingsPanel::showDetails()
{
    const Finding* f = m_model->findingAt(m_list->currentIndex().row());
    m_details->setText(f ? detailsHtml(*f) : QString());
}

QString FindingsPanel::detailsHtml(const Finding& f) const
{
    QString html = QStringLiteral("<b>%1</b>").arg(captureHtml(f.title));
    if (!f.detail.empty())
        html += QStringLiteral("<p>%1</p>").arg(captureHtml(f.detail));
    QStringList figures;
    for (const Evidence& e : f.evidence)
        figures << QStringLiteral("%1: <b>%2</b>").arg(captureHtml(evidenceLabel(e)), captureHtml(formatEvidence(e)));
    if (!figures.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(figures.join(QStringLiteral("<br>")));
    const auto links = [](size_t count, auto&& link) {
        QStringList items;
        for (size_t i = 0; i < std::min(count, kListedLinks); ++i)
            items << link(i);
        if (count > kListedLinks)
            items << tr("and %L1 more").arg(count - kListedLinks);
        return items.join(QStringLiteral(", "));
    };
    if (!f.goroutines.empty())
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(tr("Goroutines:"), links(f.goroutines.size(), [&](size_t i) {
                             return QStringLiteral("<a href=\"g%1\">G%1</a>").arg(f.goroutines[i]);
                         }));
    if (!f.functions.empty())
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(tr("Functions:"), links(f.functions.size(), [&](size_t i) {
                             return QStringLiteral("<a href=\"f%1\">%2</a>").arg(QString::number(i), captureHtml(f.functions[i]));
                         }));
    if (f.startNs >= 0 && f.endNs >= f.startNs) {
        // Relative to the trace start, as the timeline's ruler counts.
        const TimeNs origin = m_store && m_store->trace ? m_store->trace->startNs : 0;
        html += QStringLiteral("<p>%1 %2 \u2013 %3</p>")
                    .arg(tr("Time:"), formatValue(f.startNs - origin, "nanoseconds"), formatValue(f.endNs - origin, "nanoseconds"));
    }
    return html;
}

void FindingsPanel::onLink(const QString& link)
{
    const Finding* f = m_model->findingAt(m_list->currentIndex().row());
    if (!f || link.size() < 2)
        return;
    bool ok = false;
    const qlonglong value = link.mid(1).toLongLong(&ok);
    if (!ok)
        return;
    if (link.startsWith(QLatin1Char('g')))
        emit goroutineActivated(value);
    else if (link.startsWith(QLatin1Char('f')) && value >= 0 && size_t(value) < f->functions.size())
        emit functionActivated(QString::fromStdString(f->functions[size_t(value)]));
}

bool FindingsPanel::isReported(const Finding& finding) const
{
    return std::find(m_reported.begin(), m_reported.end(), reportedFinding(finding)) != m_reported.end();
}

void FindingsPanel::setReported(std::vector<ReportedFinding> reported)
{
    m_reported = std::move(reported);
    updateReportButton();
}

void FindingsPanel::toggleReported(int row)
{
    const Finding* f = m_model->findingAt(row);
    if (!f)
        return;
    const ReportedFinding entry = reportedFinding(*f);
    if (const auto it = std::find(m_reported.begin(), m_reported.end(), entry); it != m_reported.end())
        m_reported.erase(it);
    else
        m_reported.push_back(entry);
    updateReportButton();
    emit reportedChanged();
}

void FindingsPanel::updateReportButton()
{
    const Finding* f = m_model->findingAt(m_list->currentIndex().row());
    m_report->setVisible(f != nullptr);
    m_report->setText(f && isReported(*f) ? tr("Remove from Report") : tr("Add to Report"));
}

void FindingsPanel::showContextMenu(const QPoint& pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    const Finding* f = m_model->findingAt(index.row());
    if (!f)
        return;
    QMenu menu(this);
    menu.addAction(tr("Show"), this, [this, finding = *f] { emit findingActivated(finding); });
    menu.addAction(isReported(*f) ? tr("Remove from Report") : tr("Add to Report"), this,
                   [this, row = index.row()] { toggleReported(row); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace gs::ui
