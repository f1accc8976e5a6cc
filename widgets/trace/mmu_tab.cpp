// SPDX-License-Identifier: MIT
#include "widgets/trace/mmu_tab.h"

#include "widgets/common/pane_setup.h"
#include "widgets/common/value_format.h"
#include "widgets/plots/mmu_plot.h"
#include "widgets/trace/mmu_window_model.h"
#include "widgets/trace/trace_session.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <array>
#include <utility>

namespace gs::ui {

namespace {

// What a curve job hands back: the curve, kept for the worst windows, and its plotted points.
struct CurveResult
{
    std::shared_ptr<const MmuCurve> curve;
    std::vector<MmuPoint> points;
};

constexpr size_t kWorstCount = 10; // as go tool trace lists

QCheckBox* option(const QString& text, const QString& tip, bool on, QWidget* parent)
{
    auto* box = new QCheckBox(text, parent);
    box->setToolTip(tip);
    box->setChecked(on);
    return box;
}

} // namespace

MmuTab::MmuTab(TraceSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_plot(new MmuPlot(this))
    , m_windows(new MmuWindowModel(this))
    , m_curveJobs(this)
    , m_windowJobs(this)
{
    m_windowsTitle = new QLabel(this);
    m_windowsTitle->setWordWrap(true);
    m_windowView = new QTableView(this);
    m_windowView->setObjectName(QStringLiteral("mmuWorstWindows"));
    m_windowView->setModel(m_windows);
    m_windowView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_windowView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_windowView->setAlternatingRowColors(true);
    m_windowView->setWordWrap(false);
    m_windowView->verticalHeader()->hide();
    m_windowView->setToolTip(tr("Double-click a window, or press Enter, to show it on the timeline"));

    auto* windows = new QWidget(this);
    auto* windowsLayout = new QVBoxLayout(windows);
    windowsLayout->setContentsMargins(0, 0, 0, 0);
    windowsLayout->addWidget(m_windowsTitle);
    windowsLayout->addWidget(m_windowView, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_plot);
    split->addWidget(windows);
    rememberSplitterSizes(split, QStringLiteral("mmuTab/split"), {70, 30});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createOptions());
    layout->addWidget(split, 1);

    connect(m_plot, &MmuPlot::windowClicked, this, &MmuTab::chooseWindow);
    connect(m_windowView, &QAbstractItemView::activated, this, [this](const QModelIndex& i) { chooseRow(i.row()); });
    connect(m_session, &TraceSession::storeChanged, this, [this] {
        m_chosenWindow.reset();
        m_plot->setCurve({}, QString()); // not the previous trace's while the new one computes
        invalidate();
    });
    for (auto [box, flag] : options())
        connect(box, &QCheckBox::toggled, this, &MmuTab::invalidate);
}

QWidget* MmuTab::createOptions()
{
    // go tool trace's options, with its explanations.
    auto* bar = new QWidget(this);
    m_stw = option(tr("STW"), tr("Stop-the-world pauses of the GC stop every goroutine at once"), true, bar);
    m_background = option(tr("Background workers"),
                          tr("The GC's background mark workers: a quarter of the CPU is theirs while it marks"), true, bar);
    m_assist = option(tr("Mark assists"),
                      tr("Marking done by allocating goroutines, so that they cannot outpace the GC"), true, bar);
    m_sweep = option(tr("Sweeping"), tr("Reclaiming unused memory between GCs (slow to compute on a big trace)"),
                     false, bar);
    m_perProc = option(tr("Per processor"),
                       tr("Off: the share of all processors running the program (go tool trace's \"system\").\n"
                          "On: each processor on its own, where GC work stops its goroutine outright "
                          "(go tool trace's \"per-goroutine\")"),
                       false, bar);
    for (auto [box, name] : {std::pair{m_stw, "mmuStw"}, {m_background, "mmuBackground"}, {m_assist, "mmuAssist"},
                             {m_sweep, "mmuSweep"}, {m_perProc, "mmuPerProc"}})
        box->setObjectName(QString::fromLatin1(name));
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("mmuStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setToolTip(tr("Minimum mutator utilization: for each window size, the lowest mean share of the "
                            "processors running the program rather than the GC in any window of that size.\n"
                            "Click the curve to list the worst windows of a size."));

    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Count as GC:"), bar));
    for (QCheckBox* box : {m_stw, m_background, m_assist, m_sweep})
        row->addWidget(box);
    row->addSpacing(12);
    row->addWidget(m_perProc);
    row->addSpacing(12);
    row->addWidget(m_status, 1);
    return bar;
}

std::array<std::pair<QCheckBox*, unsigned>, 5> MmuTab::options() const
{
    return {{{m_stw, kMmuStw}, {m_background, kMmuBackground}, {m_assist, kMmuAssist}, {m_sweep, kMmuSweep},
             {m_perProc, kMmuPerProc}}};
}

unsigned MmuTab::flags() const
{
    unsigned flags = 0;
    for (auto [box, flag] : options()) {
        if (box->isChecked())
            flags |= flag;
    }
    return flags;
}

void MmuTab::setFlags(unsigned flags)
{
    for (auto [box, flag] : options()) {
        const QSignalBlocker quiet(box); // one recomputation for all of them
        box->setChecked(flags & flag);
    }
    invalidate();
}

QString MmuTab::status() const
{
    return m_status->text();
}

void MmuTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        recompute();
}

void MmuTab::invalidate()
{
    m_stale = true;
    m_curve.reset();
    listWindows();
    if (isVisible())
        recompute();
}

void MmuTab::recompute()
{
    m_stale = false;
    const StorePtr& store = m_session->store();
    if (!store || !store->trace) {
        m_curveJobs.cancel();
        m_computingCurve = false;
        m_plot->setCurve({}, QString());
        m_status->clear();
        m_windowsTitle->clear();
        return;
    }
    m_computingCurve = true;
    m_status->setText(tr("computing\u2026"));
    // The legend names the options the curve was computed with.
    QStringList counted;
    for (QCheckBox* box : {m_stw, m_background, m_assist, m_sweep}) {
        // Lower case within the list, but for acronyms ("STW").
        const QString text = box->text();
        if (box->isChecked())
            counted << (text == text.toUpper() ? text : text.toLower());
    }
    const QString name = tr("MMU (%1) \u00b7 GC: %2")
                             .arg(m_perProc->isChecked() ? tr("per processor") : tr("system"),
                                  counted.isEmpty() ? tr("nothing") : counted.join(QStringLiteral(", ")));
    m_curveJobs.start(
        [store, flags = flags()] {
            CurveResult r;
            r.curve = std::make_shared<const MmuCurve>(mutatorUtilization(*store->trace, flags));
            for (TimeNs w : r.curve->plotWindows())
                r.points.push_back({w, r.curve->mmu(w)});
            return r;
        },
        [this, name](CurveResult r) {
            m_computingCurve = false;
            m_curve = std::move(r.curve);
            if (r.points.empty()) {
                m_status->setText(tr("No mutator utilization: the trace never tells how many processors the "
                                     "program had (GOMAXPROCS)"));
            } else {
                m_status->setText(tr("The lowest share of the CPU left to the program in any window of a size"));
            }
            m_plot->setCurve(std::move(r.points), name);
            listWindows();
        });
}

void MmuTab::chooseWindow(TimeNs windowNs)
{
    m_chosenWindow = windowNs;
    listWindows();
}

void MmuTab::listWindows()
{
    m_windowJobs.cancel();
    m_windows->clear();
    const bool curve = m_curve && m_curve->span() > 0;
    if (!curve || !m_chosenWindow) {
        m_computingWindows = false;
        m_plot->setChosenWindow(std::nullopt);
        m_windowsTitle->setText(curve ? tr("Click the curve to list the worst windows of a size") : QString());
        return;
    }
    const TimeNs window = *m_chosenWindow;
    m_plot->setChosenWindow(window);
    m_computingWindows = true;
    m_windowsTitle->setText(tr("Worst %1 windows: computing\u2026").arg(formatValue(window, "nanoseconds")));
    m_windowJobs.start([curve = m_curve, window] { return curve->worstWindows(window, kWorstCount); },
                       [this, window, startNs = m_session->store()->trace->startNs](std::vector<UtilWindow> worst) {
                           m_computingWindows = false;
                           m_windowsTitle->setText(tr("Worst %1 windows (double-click one to show it on the timeline)")
                                                       .arg(formatValue(window, "nanoseconds")));
                           m_windows->setWindows(std::move(worst), window, startNs);
                           m_windowView->resizeColumnsToContents();
                       });
}

void MmuTab::chooseRow(int row)
{
    if (row < 0 || row >= m_windows->rowCount())
        return;
    const UtilWindow& w = m_windows->windowAt(row);
    emit windowChosen(w.start, w.start + m_windows->windowNs());
}

} // namespace gs::ui
