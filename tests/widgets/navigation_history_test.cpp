// SPDX-License-Identifier: MIT
// The back/forward history on its own: browser rules (forward entries dropped by a new visit,
// repeats ignored, bounded size), window changes held until they settle, and the guard that keeps
// the owner's own changes while it applies a location out of the history.
#include "widgets/navigation/bookmarks.h"
#include "widgets/navigation/navigation_history.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

namespace gs::ui {
namespace {

NavLocation at(GoroutineRow goroutine, TimeNs startNs = 0, TimeNs endNs = 1000)
{
    NavLocation l;
    l.goroutine = goroutine;
    l.startNs = startNs;
    l.endNs = endNs;
    return l;
}

// Applies every navigate() as the owner would, remembering what it was asked to show.
struct Owner
{
    explicit Owner(NavigationHistory& history)
    {
        QObject::connect(&history, &NavigationHistory::navigate, &context,
                         [this](const NavLocation& l) { shown.push_back(l); });
    }
    QObject context;
    std::vector<NavLocation> shown;
};

TEST(NavHistory, StartsEmptyAndCannotMove)
{
    NavigationHistory h;
    Owner owner(h);
    EXPECT_FALSE(h.canGoBack());
    EXPECT_FALSE(h.canGoForward());
    EXPECT_EQ(h.currentIndex(), -1);
    h.back();
    h.forward();
    EXPECT_TRUE(owner.shown.empty());
}

TEST(NavHistory, BackAndForwardWalkTheVisitsAndAskTheOwnerToShowThem)
{
    NavigationHistory h;
    Owner owner(h);
    QSignalSpy changed(&h, &NavigationHistory::changed);
    h.visit(at(1));
    h.visit(at(2));
    h.visit(at(3));
    EXPECT_EQ(changed.count(), 3);
    ASSERT_EQ(h.entries().size(), 3u);
    EXPECT_TRUE(h.canGoBack());
    EXPECT_FALSE(h.canGoForward());

    h.back();
    h.back();
    ASSERT_EQ(owner.shown.size(), 2u);
    EXPECT_EQ(owner.shown[0], at(2));
    EXPECT_EQ(owner.shown[1], at(1));
    EXPECT_FALSE(h.canGoBack());
    EXPECT_TRUE(h.canGoForward());
    h.back(); // at the start: nothing happens
    EXPECT_EQ(owner.shown.size(), 2u);

    h.forward();
    EXPECT_EQ(owner.shown.back(), at(2));
    EXPECT_EQ(h.currentIndex(), 1);
    EXPECT_EQ(changed.count(), 6);
}

TEST(NavHistory, AVisitAfterGoingBackDropsTheForwardEntries)
{
    NavigationHistory h;
    Owner owner(h);
    for (GoroutineRow g : {1u, 2u, 3u})
        h.visit(at(g));
    h.back();
    h.back();
    h.visit(at(7));
    ASSERT_EQ(h.entries().size(), 2u);
    EXPECT_EQ(h.entries()[0], at(1));
    EXPECT_EQ(h.entries()[1], at(7));
    EXPECT_FALSE(h.canGoForward());
}

TEST(NavHistory, AVisitEqualToTheCurrentEntryIsIgnored)
{
    NavigationHistory h;
    h.visit(at(1));
    QSignalSpy changed(&h, &NavigationHistory::changed);
    h.visit(at(1));
    EXPECT_EQ(h.entries().size(), 1u);
    EXPECT_EQ(changed.count(), 0);
}

TEST(NavHistory, EveryFieldMakesADifferentLocation)
{
    NavigationHistory h;
    NavLocation l = at(1);
    h.visit(l);
    l.span = SpanRef{1, 10};
    h.visit(l);
    l.function = "main.worker";
    h.visit(l);
    l.tab = 2;
    h.visit(l);
    EXPECT_EQ(h.entries().size(), 4u);
}

TEST(NavHistory, WindowChangesCoalesceIntoOneEntryOnceTheyPause)
{
    NavigationHistory h;
    h.setSettleDelay(20);
    h.visit(at(1, 0, 1000));
    // A wheel zoom: a hundred steps in quick succession.
    for (TimeNs step = 1; step <= 100; ++step)
        h.visit(at(1, step, 1000 - step));
    EXPECT_EQ(h.entries().size(), 1u) << "held until the window stops moving";
    ASSERT_TRUE(h.pending().has_value());
    EXPECT_TRUE(h.canGoBack()) << "Back undoes the zoom even before it settled";

    ASSERT_TRUE(QTest::qWaitFor([&] { return h.entries().size() == 2; }, 2000));
    EXPECT_EQ(h.entries().back(), at(1, 100, 900));
    EXPECT_FALSE(h.pending().has_value());
}

TEST(NavHistory, BackRecordsAHeldWindowChangeFirst)
{
    NavigationHistory h;
    Owner owner(h);
    h.visit(at(1, 0, 1000));
    h.visit(at(2, 0, 1000));
    h.visit(at(2, 100, 200)); // zoomed, not settled yet
    h.back();
    ASSERT_EQ(owner.shown.size(), 1u);
    EXPECT_EQ(owner.shown[0], at(2, 0, 1000)) << "the first Back undoes the zoom";
    h.back();
    EXPECT_EQ(owner.shown.back(), at(1, 0, 1000));
    h.forward();
    h.forward();
    EXPECT_EQ(owner.shown.back(), at(2, 100, 200)) << "Forward redoes it";
}

TEST(NavHistory, ASelectionDuringAWindowChangeTakesItsPlace)
{
    NavigationHistory h;
    h.setSettleDelay(20);
    h.visit(at(1, 0, 1000));
    h.visit(at(1, 100, 200));
    h.visit(at(2, 100, 200)); // clicked before the zoom settled: one entry, with the new window
    EXPECT_FALSE(h.pending().has_value());
    QTest::qWait(60);
    ASSERT_EQ(h.entries().size(), 2u);
    EXPECT_EQ(h.entries()[1], at(2, 100, 200));
}

TEST(NavHistory, AWindowMovedBackWhereItWasRecordsNothing)
{
    NavigationHistory h;
    h.setSettleDelay(20);
    h.visit(at(1, 0, 1000));
    h.visit(at(1, 100, 200));
    h.visit(at(1, 0, 1000));
    EXPECT_FALSE(h.pending().has_value());
    EXPECT_FALSE(h.canGoBack());
    QTest::qWait(60);
    EXPECT_EQ(h.entries().size(), 1u);
}

TEST(NavHistory, VisitsWhileApplyingAreIgnored)
{
    NavigationHistory h;
    h.visit(at(1));
    h.visit(at(2));
    bool applying = false;
    // The owner's selection changes while it applies the location come back as visits.
    QObject::connect(&h, &NavigationHistory::navigate, &h, [&](const NavLocation& l) {
        applying = h.isApplying();
        h.visit(at(l.goroutine + 100));
        h.visit(at(l.goroutine, 5, 50));
    });
    h.back();
    EXPECT_TRUE(applying);
    EXPECT_FALSE(h.isApplying());
    ASSERT_EQ(h.entries().size(), 2u);
    EXPECT_EQ(h.currentIndex(), 0);
    EXPECT_FALSE(h.pending().has_value());
    EXPECT_TRUE(h.canGoForward()) << "the forward entry survived";
}

TEST(NavHistory, ReplaceCurrentStoresWhatTheOwnerCouldShow)
{
    NavigationHistory h;
    h.visit(at(1, 0, 1000));
    h.visit(at(2, 0, 1000));
    QObject::connect(&h, &NavigationHistory::navigate, &h,
                     [&](const NavLocation& l) { h.replaceCurrent(at(l.goroutine, 0, 999)); });
    h.back();
    ASSERT_EQ(h.entries().size(), 2u);
    EXPECT_EQ(h.entries()[0], at(1, 0, 999));
    // What is on screen now is the current entry: visiting it again records nothing.
    h.visit(at(1, 0, 999));
    EXPECT_FALSE(h.pending().has_value());
    EXPECT_TRUE(h.canGoForward());
}

TEST(NavHistory, GoRecordsEvenAWindowOnlyChangeAndShowsIt)
{
    NavigationHistory h;
    Owner owner(h);
    h.visit(at(1, 0, 1000));
    h.go(at(1, 10, 20));
    ASSERT_EQ(h.entries().size(), 2u);
    ASSERT_EQ(owner.shown.size(), 1u);
    EXPECT_EQ(owner.shown[0], at(1, 10, 20));
    h.back();
    EXPECT_EQ(owner.shown.back(), at(1, 0, 1000));
}

TEST(NavHistory, KeepsAtMostItsCapacityDroppingTheOldest)
{
    NavigationHistory h;
    EXPECT_EQ(h.capacity(), NavigationHistory::kDefaultCapacity);
    h.setCapacity(5);
    for (GoroutineRow g = 0; g < 8; ++g)
        h.visit(at(g));
    ASSERT_EQ(h.entries().size(), 5u);
    EXPECT_EQ(h.entries().front(), at(3));
    EXPECT_EQ(h.entries().back(), at(7));
    EXPECT_EQ(h.currentIndex(), 4);
    h.setCapacity(2);
    EXPECT_EQ(h.entries().front(), at(6));
    EXPECT_EQ(h.currentIndex(), 1);
}

TEST(NavHistory, ClearForgetsEverything)
{
    NavigationHistory h;
    h.visit(at(1));
    h.visit(at(2));
    h.visit(at(2, 5, 6));
    h.clear();
    EXPECT_TRUE(h.entries().empty());
    EXPECT_FALSE(h.pending().has_value());
    EXPECT_FALSE(h.canGoBack());
    h.visit(at(3));
    EXPECT_EQ(h.currentIndex(), 0);
}

TEST(NavBookmarks, AddRenameRemove)
{
    Bookmarks b;
    QSignalSpy changed(&b, &Bookmarks::changed);
    EXPECT_EQ(b.add(QStringLiteral("  first "), at(1)), 0);
    EXPECT_EQ(b.add(QStringLiteral("second"), at(2)), 1);
    EXPECT_EQ(b.add(QStringLiteral("   "), at(3)), -1) << "no empty names";
    ASSERT_EQ(b.count(), 2);
    EXPECT_EQ(b.list()[0].name, QStringLiteral("first"));
    EXPECT_EQ(b.list()[1].location, at(2));

    b.rename(1, QStringLiteral("renamed"));
    b.rename(1, QString());
    b.rename(5, QStringLiteral("nowhere"));
    EXPECT_EQ(b.list()[1].name, QStringLiteral("renamed"));

    b.remove(0);
    b.remove(3);
    ASSERT_EQ(b.count(), 1);
    EXPECT_EQ(b.list()[0].name, QStringLiteral("renamed"));
    b.clear();
    EXPECT_EQ(b.count(), 0);
    EXPECT_EQ(changed.count(), 5); // two adds, one rename, one remove, one clear
}

} // namespace
} // namespace gs::ui
