// SPDX-License-Identifier: MIT
#include "widgets/capture/leak_watch_view.h"

#include "capture/leak_watch.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "widgets/dump/dump_diff_view.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/plot_palette.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace gs::ui {

namespace {

// Lines in the plot: more would be a tangle; the table lists every group.
constexpr int kPlottedGroups = 6;
constexpr int kShownFrames = 3;

QString stackText(const WatchedGroup& g, int frames)
{
    QStringList names;
    for (size_t i = 0; i < g.functions.size() && int(i) < frames; ++i)
        names << QString::fromStdString(g.functions[i]);
    if (int(g.functions.size()) > frames)
        names << QStringLiteral("…");
    return names.isEmpty() ? QObject::tr("(no frames)") : names.join(QStringLiteral(" < "));
}

QColor lineColour(int i)
{
    static const QColor kColours[] = {QColor(0xd0, 0x40, 0x30), QColor(0x2f, 0x6f, 0xc0), QColor(0x30, 0xa0, 0x50),
                                      QColor(0xc0, 0x80, 0x10), QColor(0x80, 0x50, 0xb0), QColor(0x20, 0x98, 0xa0)};
    return kColours[i % int(std::size(kColours))];
}

} // namespace

LeakWatchView::LeakWatchView(QWidget* parent)
    : QWidget(parent)
{
    m_status = new QLabel(tr("No dumps yet."));
    m_status->setObjectName(QStringLiteral("watchStatus"));
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setEnabled(false);
    connect(m_stop, &QPushButton::clicked, this, &LeakWatchView::stop);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_stop);

    m_table = new QTableWidget(0, 4);
    m_table->setHorizontalHeaderLabels({tr("Growth"), tr("Counts"), tr("State"), tr("Stack (innermost first)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &LeakWatchView::fillPlot);

    m_plot = newPlot(this);
    m_plot->setObjectName(QStringLiteral("leakWatchPlot"));
    m_plot->xAxis->setLabel(tr("dump"));
    m_plot->yAxis->setLabel(tr("goroutines"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setMinimumHeight(180);
    followPalette(m_plot);

    m_before = new QComboBox;
    m_after = new QComboBox;
    m_diffButton = new QPushButton(tr("Show Diff"));
    m_diffButton->setEnabled(false);
    connect(m_diffButton, &QPushButton::clicked, this, [this] { showDiff(m_before->currentIndex(), m_after->currentIndex()); });
    auto* compare = new QHBoxLayout;
    compare->addWidget(new QLabel(tr("Compare dump")));
    compare->addWidget(m_before);
    compare->addWidget(new QLabel(tr("with")));
    compare->addWidget(m_after);
    compare->addWidget(m_diffButton);
    compare->addStretch(1);
    m_diff = new DumpDiffView;

    auto* upper = new QSplitter(Qt::Horizontal);
    upper->addWidget(m_table);
    upper->addWidget(m_plot);
    // Half and half: the table's wide stack column would otherwise squeeze the plot to a strip.
    upper->setSizes({1, 1});
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    auto* lowerPane = new QWidget;
    auto* lower = new QVBoxLayout(lowerPane);
    lower->setContentsMargins(0, 0, 0, 0);
    lower->addLayout(compare);
    lower->addWidget(m_diff, 1);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(upper);
    split->addWidget(lowerPane);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
}

LeakWatchView::~LeakWatchView() = default;

void LeakWatchView::watch(const std::string& baseUrl, int everySeconds, int count, const QString& folder)
{
    delete m_watch;
    m_plannedCount = count;
    m_watch = new capture::LeakWatch(baseUrl, everySeconds, count, folder.toStdString(), {}, this);
    connect(m_watch, &capture::LeakWatch::snapshotTaken, this,
            [this](const capture::CaptureResult& r) { addSnapshot(QString::fromStdString(r.path)); });
    connect(m_watch, &capture::LeakWatch::waiting, this, [this](int seconds) {
        setStatus(tr("%1 of %2 dumps taken; the next in %3 s.").arg(m_snapshots.size()).arg(m_plannedCount).arg(seconds));
    });
    connect(m_watch, &capture::LeakWatch::finished, this, [this] {
        m_stop->setEnabled(false);
        if (!m_watch->error().empty())
            setStatus(tr("The watch stopped: %1").arg(QString::fromStdString(m_watch->error())));
        else
            setStatus(tr("%1 dumps taken, kept in %2.").arg(m_snapshots.size()).arg(
                QFileInfo(m_paths.empty() ? QString() : m_paths.back()).absolutePath()));
        emit finished();
    });
    m_stop->setEnabled(true);
    setStatus(tr("Taking the first dump from %1…").arg(QString::fromStdString(baseUrl)));
    m_watch->start();
}

void LeakWatchView::stop()
{
    if (m_watch)
        m_watch->stop();
}

void LeakWatchView::setStatus(const QString& text)
{
    m_status->setText(text);
}

bool LeakWatchView::addSnapshot(const QString& path)
{
    LoadContext context;
    auto loaded = loadFile(path.toStdString(), context);
    if (!loaded || !(*loaded)->dump) {
        setStatus(loaded ? tr("%1 is not a goroutine dump.").arg(path) : QString::fromStdString(loaded.error().message));
        return false;
    }
    m_snapshots.push_back(*loaded);
    m_paths.push_back(path);
    const QString name = tr("%1 (%2)").arg(m_snapshots.size()).arg(QFileInfo(path).fileName());
    m_before->addItem(name);
    m_after->addItem(name);
    m_before->setCurrentIndex(0);
    m_after->setCurrentIndex(m_after->count() - 1);
    m_diffButton->setEnabled(m_snapshots.size() >= 2);
    regroup();
    emit snapshotAdded(int(m_snapshots.size()));
    return true;
}

void LeakWatchView::regroup()
{
    auto groups = watchDumps(m_snapshots);
    m_groups = groups ? std::move(*groups) : std::vector<WatchedGroup> {};
    fillTable();
    fillPlot();
}

void LeakWatchView::fillTable()
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_groups.size()));
    for (int row = 0; row < int(m_groups.size()); ++row) {
        const WatchedGroup& g = m_groups[size_t(row)];
        QStringList counts;
        for (int64_t c : g.counts)
            counts << QString::number(c);
        const QString growth = g.growth() > 0 ? QStringLiteral("+%1").arg(g.growth()) : QString::number(g.growth());
        const QString cells[] = {growth, counts.join(QStringLiteral(" → ")), QString::fromStdString(g.state),
                                 stackText(g, kShownFrames)};
        for (int column = 0; column < 4; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 3)
                item->setToolTip(stackText(g, int(g.functions.size())).replace(QStringLiteral(" < "), QStringLiteral("\n")));
            m_table->setItem(row, column, item);
        }
    }
    // Growth, counts and state fit their contents; the stack takes what is left and elides.
    for (int column = 0; column < 3; ++column)
        m_table->resizeColumnToContents(column);
}

void LeakWatchView::fillPlot()
{
    m_plot->clearGraphs();
    // The growing groups (first in the table), and the selected one whatever it is.
    std::vector<int> rows;
    for (int i = 0; i < int(m_groups.size()) && int(rows.size()) < kPlottedGroups; ++i) {
        if (m_groups[size_t(i)].growth() > 0)
            rows.push_back(i);
    }
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    const int chosen = selected.isEmpty() ? -1 : selected.front()->row();
    if (chosen >= 0 && std::find(rows.begin(), rows.end(), chosen) == rows.end())
        rows.push_back(chosen);
    double highest = 1;
    for (size_t n = 0; n < rows.size(); ++n) {
        const WatchedGroup& g = m_groups[size_t(rows[n])];
        QCPGraph* graph = m_plot->addGraph();
        QVector<double> keys, values;
        for (size_t s = 0; s < g.counts.size(); ++s) {
            keys << double(s + 1);
            values << double(g.counts[s]);
            highest = std::max(highest, double(g.counts[s]));
        }
        graph->setData(keys, values, true);
        graph->setPen(QPen(lineColour(int(n)), rows[n] == chosen ? 3.5 : 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        graph->setName(QString::fromStdString(g.functions.empty() ? std::string("(no frames)") : g.functions.front()));
    }
    m_plot->legend->setVisible(!rows.empty());
    m_plot->xAxis->setRange(0.8, std::max<double>(2, double(m_snapshots.size())) + 0.2);
    m_plot->yAxis->setRange(0, highest * 1.1);
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->replot();
}

void LeakWatchView::showDiff(int before, int after)
{
    if (before < 0 || after < 0 || before >= int(m_snapshots.size()) || after >= int(m_snapshots.size()))
        return;
    m_before->setCurrentIndex(before);
    m_after->setCurrentIndex(after);
    m_diff->compare(m_snapshots[size_t(before)], m_snapshots[size_t(after)]);
}

} // namespace gs::ui
