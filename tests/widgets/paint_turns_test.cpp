// SPDX-License-Identifier: MIT
// Showing a capture paints in several turns of the event loop, not one: paintInTurns lets the
// widgets it is given paint one after the other, and plots replot once, in a turn of their own,
// however often they are asked, with ticks that fit the size they have in that very replot.
#include "widgets/common/paint_in_turns.h"
#include "widgets/plots/new_plot.h"
#include "widgets/plots/spaced_ticker.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <vector>

namespace gs::ui {
namespace {

constexpr int kWaitMs = 5000;

// Counts its paints, and records, after each update request it handles (the paint of everything
// dirty in the window), how often `watched` had been painted by then.
class Window : public QWidget
{
public:
    int paints = 0;
    const int* watched = nullptr;
    std::vector<int> watchedAtOwnPaints;

protected:
    bool event(QEvent* e) override
    {
        const int before = paints;
        const bool handled = QWidget::event(e);
        if (e->type() == QEvent::UpdateRequest && paints > before && watched)
            watchedAtOwnPaints.push_back(*watched);
        return handled;
    }
    void paintEvent(QPaintEvent*) override { ++paints; }
};

class Child : public QWidget
{
public:
    using QWidget::QWidget;
    int paints = 0;

protected:
    void paintEvent(QPaintEvent*) override { ++paints; }
};

TEST(PaintInTurns, EachWidgetPaintsInATurnOfItsOwn)
{
    Window window;
    auto* child = new Child(&window);
    (new QVBoxLayout(&window))->addWidget(child);
    window.resize(300, 200);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.paints > 0 && child->paints > 0; }, kWaitMs));
    window.paints = child->paints = 0;
    window.watched = &child->paints;

    paintInTurns({&window, child});
    window.update();
    child->update();
    QApplication::processEvents(); // this turn: nothing is painted yet
    EXPECT_EQ(window.paints, 0);
    EXPECT_EQ(child->paints, 0);

    ASSERT_TRUE(QTest::qWaitFor([&] { return child->paints > 0; }, kWaitMs));
    // The window painted first, in an update of its own that left the child out.
    ASSERT_FALSE(window.watchedAtOwnPaints.empty());
    EXPECT_EQ(window.watchedAtOwnPaints.front(), 0);
    EXPECT_TRUE(window.updatesEnabled());
    EXPECT_TRUE(child->updatesEnabled());
}

TEST(PaintInTurns, AWidgetDeletedMeanwhileIsSkipped)
{
    Window window;
    auto* gone = new Child(&window);
    auto* last = new Child(&window);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    paintInTurns({&window, gone, last});
    delete gone;
    EXPECT_TRUE(QTest::qWaitFor([&] { return last->updatesEnabled(); }, kWaitMs));
    EXPECT_TRUE(window.updatesEnabled());
}

// A shown plot `width` pixels wide with a SpacedTicker on its x axis, as the application's plots
// have, that counts its replots.
class PlotHost
{
public:
    explicit PlotHost(int width)
        : plot(newPlot(&host))
    {
        (new QVBoxLayout(&host))->addWidget(plot);
        plot->xAxis->setTicker(QSharedPointer<SpacedTicker>::create(60));
        plot->xAxis->setRange(0, 1000);
        fitTickersToAxes(plot);
        QObject::connect(plot, &QCustomPlot::afterReplot, plot, [this] { ++replots; });
        host.resize(width, 200);
        host.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&host));
        settle();
    }
    // Waits for the next replot, then a little longer for any that would follow it.
    void settle()
    {
        EXPECT_TRUE(QTest::qWaitFor([&] { return replots > 0; }, kWaitMs));
        QTest::qWait(50);
    }

    QWidget host;
    QCustomPlot* plot;
    int replots = 0;
};

TEST(ReplotSoon, ManyRequestsMakeOneReplotInALaterTurn)
{
    PlotHost shown(400);
    shown.replots = 0;
    for (int k = 0; k < 3; ++k)
        replotSoon(shown.plot);
    EXPECT_EQ(shown.replots, 0) << "replotSoon drew at once";
    shown.settle();
    EXPECT_EQ(shown.replots, 1);
}

TEST(ReplotSoon, AResizedPlotGetsTheTicksOfItsNewSizeInOneReplot)
{
    PlotHost shown(200);
    const qsizetype narrowTicks = shown.plot->xAxis->tickVector().size();
    shown.replots = 0;
    shown.host.resize(1200, 200);
    shown.settle();
    EXPECT_EQ(shown.replots, 1) << "the resize took more than one replot";
    const QVector<double> ticks = shown.plot->xAxis->tickVector();
    EXPECT_GT(ticks.size(), narrowTicks) << "six times the width, and no more ticks";
    shown.plot->replot(); // what a second replot would draw: nothing else
    EXPECT_EQ(shown.plot->xAxis->tickVector(), ticks);
}

} // namespace
} // namespace gs::ui
