// SPDX-License-Identifier: MIT
// The plots read at any size: tick labels never overlap, short axes get fewer ticks, axis titles
// fit their plots, series are named in a legend, and the trace plots' time axis carries units and
// the timeline's ticks.
#include "widgets/plots/gc_plot.h"
#include "widgets/plots/mmu_plot.h"
#include "widgets/plots/plot_legend.h"
#include "widgets/plots/span_duration_histogram.h"
#include "widgets/plots/trace_plots.h"
#include "widgets/timeline/time_ruler.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/mmu_tab.h"
#include "widgets/trace/trace_session.h"
#include "widgets/trace/trace_views.h"
#include "tests/widgets/widget_fixtures.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <vector>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 20'000;
constexpr double kMinGapPx = 4;

// Lets queued replots (the second one after a resize) run, then draws once more.
void settle(QCustomPlot* plot)
{
    QApplication::processEvents();
    plot->replot();
    QApplication::processEvents();
}

// One tick label's extent along its axis, in pixels.
struct LabelSpan
{
    double from = 0;
    double to = 0;
    QString text;
};

// The extents of the tick labels an axis draws (those inside its range), in pixel order.
std::vector<LabelSpan> labelSpans(const QCPAxis* axis)
{
    const QFontMetrics metrics(axis->tickLabelFont());
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    std::vector<LabelSpan> spans;
    for (qsizetype i = 0; i < ticks.size() && i < labels.size(); ++i) {
        if (!axis->range().contains(ticks[i]))
            continue;
        const double centre = axis->coordToPixel(ticks[i]);
        const double half = axis->orientation() == Qt::Horizontal ? metrics.horizontalAdvance(labels[i]) / 2.0
                                                                  : metrics.height() / 2.0;
        spans.push_back({centre - half, centre + half, labels[i]});
    }
    std::sort(spans.begin(), spans.end(), [](const LabelSpan& a, const LabelSpan& b) { return a.from < b.from; });
    return spans;
}

// Every pair of neighbouring tick labels has a gap; at least two labels, so the axis is readable.
void expectLabelsApart(const QCPAxis* axis, const std::string& what)
{
    const std::vector<LabelSpan> spans = labelSpans(axis);
    EXPECT_GE(spans.size(), 2u) << what << ": too few tick labels to read a value";
    for (size_t i = 1; i < spans.size(); ++i) {
        EXPECT_GE(spans[i].from - spans[i - 1].to, kMinGapPx)
            << what << ": \"" << spans[i - 1].text.toStdString() << "\" and \"" << spans[i].text.toStdString()
            << "\" overlap or touch";
    }
}

std::string sizeText(QSize size)
{
    return std::to_string(size.width()) + "x" + std::to_string(size.height());
}

class PlotReadability : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        trace = test::loadFixture("trace/go126_sched.trace");
        gctrace = test::loadFixture("dumps/gctrace.txt");
    }
    static void TearDownTestSuite()
    {
        trace.reset();
        gctrace.reset();
    }

    static StorePtr trace;
    static StorePtr gctrace;
};

StorePtr PlotReadability::trace;
StorePtr PlotReadability::gctrace;

TEST_F(PlotReadability, TracePlotTickLabelsStayApartAtAnySize)
{
    ASSERT_TRUE(trace);
    TracePlots probe;
    const int least = probe.minimumHeight();
    for (QSize size : {QSize(1400, least), QSize(420, least), QSize(1400, 600)}) {
        TracePlots plots;
        plots.resize(size);
        plots.show();
        plots.setStore(trace);
        settle(plots.plot());
        const std::string at = sizeText(size);
        QCPLayoutGrid* grid = plots.plot()->plotLayout();
        ASSERT_EQ(grid->elementCount(), 3);
        for (int i = 0; i < grid->elementCount(); ++i) {
            auto* rect = qobject_cast<QCPAxisRect*>(grid->elementAt(i));
            ASSERT_TRUE(rect);
            expectLabelsApart(rect->axis(QCPAxis::atLeft),
                              at + " plot " + std::to_string(i) + " values, " + std::to_string(rect->height())
                                  + " px high");
            // A plot is named by its legend: a rotated title would not fit three stacked plots.
            EXPECT_TRUE(rect->axis(QCPAxis::atLeft)->label().isEmpty()) << at;
            EXPECT_TRUE(insetLegend(rect)) << at << " plot " << i << " has no legend";
        }
        auto* bottom = qobject_cast<QCPAxisRect*>(grid->elementAt(2));
        expectLabelsApart(bottom->axis(QCPAxis::atBottom), at + " time");
        test::saveRender(plots, ("trace-plots-" + at).c_str());
    }
}

TEST_F(PlotReadability, TracePlotHeapHasALegend)
{
    ASSERT_TRUE(trace);
    TracePlots plots;
    plots.setStore(trace);
    auto* heap = qobject_cast<QCPAxisRect*>(plots.plot()->plotLayout()->elementAt(0));
    ASSERT_TRUE(heap);
    QCPLegend* legend = insetLegend(heap);
    ASSERT_TRUE(legend);
    QStringList names;
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i));
        ASSERT_TRUE(item);
        names << item->plottable()->name();
    }
    EXPECT_EQ(names, (QStringList{QStringLiteral("heap in use (MiB)"), QStringLiteral("heap goal (MiB)")}));
}

TEST_F(PlotReadability, TracePlotTimeAxisHasUnitsAndTheTimelineTicks)
{
    ASSERT_TRUE(trace);
    TimelinePane pane;
    pane.resize(1200, 800);
    pane.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&pane));
    pane.setStore(trace, prepareTraceViews(trace));
    const TraceData& t = *trace->trace;
    for (TimeNs duration : {t.endNs - t.startNs, (t.endNs - t.startNs) / 7, TimeNs(40'000)}) {
        const TimeNs start = t.startNs + (t.endNs - t.startNs) / 3;
        pane.view()->setTimeRange(start, start + duration);
        settle(pane.plots()->plot());
        auto* bottom = qobject_cast<QCPAxisRect*>(pane.plots()->plot()->plotLayout()->elementAt(2));
        const std::vector<LabelSpan> spans = labelSpans(bottom->axis(QCPAxis::atBottom));
        QStringList shown, ruler;
        for (const LabelSpan& s : spans)
            shown << s.text;
        const TimeWindow window = pane.view()->window();
        for (const RulerTick& tick : rulerTicks(window, t.startNs, kRulerTickSpacingPx)) {
            if (tick.timeNs >= window.startNs && tick.timeNs <= window.endNs)
                ruler << tick.label;
        }
        EXPECT_GE(shown.size(), 2) << duration;
        for (const QString& label : shown) {
            const bool unit = label.endsWith(QStringLiteral(" s")) || label.endsWith(QStringLiteral(" ms"))
                              || label.endsWith(QStringLiteral(" \u00b5s")) || label.endsWith(QStringLiteral(" ns"));
            EXPECT_TRUE(label == QStringLiteral("0") || unit)
                << "no unit: " << label.toStdString();
            EXPECT_TRUE(ruler.contains(label)) << label.toStdString() << " is not on the timeline's ruler ("
                                               << ruler.join(QStringLiteral(", ")).toStdString() << ")";
        }
        EXPECT_GE(shown.size(), ruler.size() - 1) << "the plot leaves out ticks the ruler has";
    }
}

TEST_F(PlotReadability, GcPlotTickLabelsStayApartAndTitlesFit)
{
    ASSERT_TRUE(gctrace);
    GcPlot probe;
    const int least = probe.minimumSizeHint().height();
    for (QSize size : {QSize(1400, least), QSize(420, least), QSize(1400, 700)}) {
        GcPlot plot;
        plot.resize(size);
        plot.show();
        plot.setStore(gctrace);
        settle(plot.plot());
        const std::string at = sizeText(size);
        QCPLayoutGrid* grid = plot.plot()->plotLayout();
        for (int i = 0; i < grid->elementCount(); ++i) {
            auto* rect = qobject_cast<QCPAxisRect*>(grid->elementAt(i));
            ASSERT_TRUE(rect);
            const std::string which = at + " plot " + std::to_string(i);
            expectLabelsApart(rect->axis(QCPAxis::atLeft), which + " values");
            expectLabelsApart(rect->axis(QCPAxis::atBottom), which + " time");
            // The rotated title is centred on its plot: it stays within it, off its neighbours'.
            const QCPAxis* y = rect->axis(QCPAxis::atLeft);
            EXPECT_LE(QFontMetrics(y->labelFont()).horizontalAdvance(y->label()), rect->height())
                << which << ": the title \"" << y->label().toStdString() << "\" is longer than the plot is high";
        }
        test::saveRender(plot, ("gc-plot-" + at).c_str());
    }
}

TEST_F(PlotReadability, HistogramTickLabelsStayApartAtAnySize)
{
    ASSERT_TRUE(trace);
    TraceSession session;
    session.setStore(trace, prepareTraceViews(trace));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isFiltering() && session.result(); }, kWaitMs));
    for (QSize size : {QSize(1200, 400), QSize(360, 200)}) {
        for (SpanState state : {SpanState::Waiting, SpanState::Running, SpanState::Runnable}) {
            SpanDurationHistogram hist(&session);
            hist.resize(size);
            hist.show();
            hist.setState(state);
            ASSERT_TRUE(QTest::qWaitFor([&] { return !hist.isComputing(); }, kWaitMs));
            settle(hist.plot());
            const std::string at = sizeText(size) + " " + spanStateName(state);
            expectLabelsApart(hist.plot()->xAxis, at + " durations");
            expectLabelsApart(hist.plot()->yAxis, at + " counts");
            test::saveRender(hist, ("histogram-" + sizeText(size) + "-" + spanStateName(state)).c_str());
        }
    }
}

TEST_F(PlotReadability, MmuTickLabelsStayApartWithDurationsAndALegend)
{
    ASSERT_TRUE(trace);
    TraceSession session;
    session.setStore(trace, prepareTraceViews(trace));
    // The tab's least height below the timeline (TracePage: 110 px), a usual one, and a narrow one.
    for (QSize size : {QSize(1200, 420), QSize(1200, 110), QSize(480, 300)}) {
        MmuTab tab(&session);
        tab.resize(size);
        tab.show();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !tab.isComputing(); }, kWaitMs));
        const std::vector<MmuPoint>& points = tab.plot()->points();
        ASSERT_FALSE(points.empty());
        tab.chooseWindow(points[points.size() / 2].windowNs);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !tab.isComputing(); }, kWaitMs));
        QCustomPlot* plot = tab.plot()->plot();
        settle(plot);
        const std::string at = sizeText(size);
        if (plot->axisRect()->height() > 40)
            expectLabelsApart(plot->yAxis, at + " MMU");
        expectLabelsApart(plot->xAxis, at + " windows");
        for (const LabelSpan& label : labelSpans(plot->xAxis)) {
            const bool unit = label.text.endsWith(QStringLiteral(" s")) || label.text.endsWith(QStringLiteral(" ms"))
                              || label.text.endsWith(QStringLiteral(" \u00b5s"))
                              || label.text.endsWith(QStringLiteral(" ns"));
            EXPECT_TRUE(unit) << at << ": no unit: " << label.text.toStdString();
        }
        // Named in a legend where it fits; never cut off by the plot's edge.
        QCPLegend* legend = plot->legend;
        EXPECT_EQ(legend->itemCount(), 1);
        if (size.height() >= 400) {
            EXPECT_TRUE(legend->visible()) << at;
        }
        if (legend->visible()) {
            EXPECT_TRUE(plot->axisRect()->rect().contains(legend->outerRect())) << at;
        }
        test::saveRender(tab, ("mmu-" + at).c_str());
    }
}

} // namespace
} // namespace gs::ui
