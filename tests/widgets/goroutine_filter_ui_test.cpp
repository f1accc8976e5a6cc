// SPDX-License-Identifier: MIT
// The trace filter's chips (validation, folding into a GoroutineFilter), its bar, and the
// log-scale binning of the span-duration histogram.
#include "widgets/filters/filter_chip.h"
#include "widgets/filters/goroutine_condition.h"
#include "widgets/filters/goroutine_filter_bar.h"
#include "widgets/plots/duration_histogram.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace gs::ui {
namespace {

TEST(GoroutineConditionTest, InvalidValuesAreRejectedWithAReason)
{
    const std::pair<ConditionKind, const char*> bad[] = {
        {ConditionKind::EverState, "sleeping"},
        {ConditionKind::CurrentState, ""},
        {ConditionKind::Transition, "running"},
        {ConditionKind::Transition, "running->napping"},
        {ConditionKind::MinDuration, "10 parsecs"},
        {ConditionKind::MaxDuration, "-5ms"},
        {ConditionKind::StackRegex, "net/http.(*conn"},
        {ConditionKind::StartFunction, "[a-"},
        {ConditionKind::Label, "(("},
        {ConditionKind::TimeRange, "5ms"},
        {ConditionKind::TimeRange, "20ms..5ms"},
        {ConditionKind::TimeRange, ".."},
        {ConditionKind::TimeRange, "1ms..soon"},
    };
    for (const auto& [kind, text] : bad) {
        const auto error = validateCondition(kind, text);
        ASSERT_TRUE(error.has_value()) << conditionKindName(kind).toStdString() << ": '" << text << "'";
        EXPECT_FALSE(error->isEmpty());
    }
    const std::pair<ConditionKind, const char*> good[] = {
        {ConditionKind::EverState, "waiting"},
        {ConditionKind::CurrentState, "syscall-blocked"},
        {ConditionKind::Transition, "running->waiting"},
        {ConditionKind::Reason, "chan receive"},
        {ConditionKind::MinDuration, "1.5ms"},
        {ConditionKind::MaxDuration, "2s"},
        {ConditionKind::StackRegex, "net/http\\.\\(\\*conn\\)"},
        {ConditionKind::StartFunction, "^main\\."},
        {ConditionKind::Label, "GC"},
        {ConditionKind::TimeRange, "1ms..20ms"},
        {ConditionKind::TimeRange, "..20ms"},
        {ConditionKind::TimeRange, "3us.."},
    };
    for (const auto& [kind, text] : good)
        EXPECT_FALSE(validateCondition(kind, text).has_value())
            << conditionKindName(kind).toStdString() << ": '" << text << "': "
            << validateCondition(kind, text).value_or(QString()).toStdString();
}

TEST(GoroutineConditionTest, ChipsFoldIntoOneFilter)
{
    std::vector<GoroutineCondition> chips;
    addCondition(chips, ConditionKind::EverState, "waiting");
    addCondition(chips, ConditionKind::EverState, "syscall");
    addCondition(chips, ConditionKind::EverState, "waiting"); // duplicate: ignored
    addCondition(chips, ConditionKind::MinDuration, "1ms");
    addCondition(chips, ConditionKind::MinDuration, "2ms"); // single-valued: replaced in place
    addCondition(chips, ConditionKind::Reason, "chan receive");
    addCondition(chips, ConditionKind::TimeRange, "1ms..3ms");
    addCondition(chips, ConditionKind::Transition, "running->waiting");
    addCondition(chips, ConditionKind::StackRegex, "main\\.");
    ASSERT_EQ(chips.size(), 6u);
    EXPECT_EQ(chips[0].values, (std::vector<std::string>{"waiting", "syscall"}));
    EXPECT_EQ(chips[1].values, (std::vector<std::string>{"2ms"}));

    const TimeNs start = 1'000'000'000'000;
    const GoroutineFilter f = toGoroutineFilter(chips, start);
    EXPECT_EQ(f.spanStates, (std::vector<SpanState>{SpanState::Waiting, SpanState::Syscall}));
    EXPECT_EQ(f.minDurationNs, 2'000'000);
    EXPECT_FALSE(f.maxDurationNs);
    EXPECT_EQ(f.reasons, (std::vector<std::string>{"chan receive"}));
    EXPECT_EQ(f.fromNs, start + 1'000'000);
    EXPECT_EQ(f.toNs, start + 3'000'000);
    EXPECT_EQ(f.transition, (StateTransition{SpanState::Running, SpanState::Waiting}));
    EXPECT_EQ(f.stackRegex, "main\\.");
    EXPECT_TRUE(f.currentStates.empty());
    EXPECT_TRUE(toGoroutineFilter({}, start).empty());
}

TEST(GoroutineConditionTest, TimeRangeTextIsExactAndReadable)
{
    const TimeNs start = 7'000'000'123;
    EXPECT_EQ(timeRangeText(start + 1'500'000, start + 20'000'125, start), "1.5ms..20.000125ms");
    EXPECT_EQ(timeRangeText(start, start + 999, start), "0ns..999ns");
    std::mt19937_64 rng(4);
    for (int k = 0; k < 200; ++k) {
        const TimeNs a = start + TimeNs(rng() % 50'000'000'000), b = a + TimeNs(rng() % 5'000'000'000);
        std::vector<GoroutineCondition> chips;
        const std::string text = timeRangeText(a, b, start);
        ASSERT_FALSE(validateCondition(ConditionKind::TimeRange, text)) << text;
        addCondition(chips, ConditionKind::TimeRange, text);
        const GoroutineFilter f = toGoroutineFilter(chips, start);
        EXPECT_EQ(f.fromNs, a) << text;
        EXPECT_EQ(f.toNs, b) << text;
    }
}

// ---- The bar --------------------------------------------------------------------------------

void typeAndEnter(GoroutineFilterBar& bar, const QString& text)
{
    auto* value = bar.findChild<QComboBox*>(QStringLiteral("conditionValue"));
    value->lineEdit()->clear();
    QTest::keyClicks(value->lineEdit(), text);
    QTest::keyClick(value->lineEdit(), Qt::Key_Return);
}

TEST(GoroutineFilterBarTest, InvalidInputShowsWhyAndAddsNothing)
{
    GoroutineFilterBar bar;
    QSignalSpy added(&bar, &GoroutineFilterBar::conditionAdded);
    bar.setKind(ConditionKind::MinDuration);
    typeAndEnter(bar, QStringLiteral("10 parsecs"));
    EXPECT_EQ(added.count(), 0);
    EXPECT_FALSE(bar.errorText().isEmpty());
    // The text stays, so it can be corrected.
    EXPECT_EQ(bar.findChild<QComboBox*>(QStringLiteral("conditionValue"))->currentText(), QStringLiteral("10 parsecs"));

    bar.setKind(ConditionKind::StackRegex);
    typeAndEnter(bar, QStringLiteral("main.(run"));
    EXPECT_EQ(added.count(), 0);
    EXPECT_TRUE(bar.errorText().contains(QStringLiteral("main.(run")));

    bar.setKind(ConditionKind::MinDuration);
    typeAndEnter(bar, QStringLiteral("10ms"));
    ASSERT_EQ(added.count(), 1);
    EXPECT_EQ(added[0][0].value<ConditionKind>(), ConditionKind::MinDuration);
    EXPECT_EQ(added[0][1].toString(), QStringLiteral("10ms"));
    EXPECT_TRUE(bar.errorText().isEmpty()) << bar.errorText().toStdString();
    EXPECT_TRUE(bar.findChild<QComboBox*>(QStringLiteral("conditionValue"))->currentText().isEmpty());
}

TEST(GoroutineFilterBarTest, OffersChoicesPerKindAndShowsChipsAndCount)
{
    GoroutineFilterBar bar;
    auto* value = bar.findChild<QComboBox*>(QStringLiteral("conditionValue"));
    bar.setReasons({QStringLiteral("chan receive"), QStringLiteral("sync")});
    bar.setKind(ConditionKind::Reason);
    ASSERT_EQ(value->count(), 2);
    EXPECT_EQ(value->itemText(1), QStringLiteral("sync"));
    bar.setKind(ConditionKind::EverState);
    EXPECT_EQ(value->count(), int(kSpanStateCount));
    bar.setRangeText(QStringLiteral("1ms..2ms"));
    bar.setKind(ConditionKind::TimeRange);
    EXPECT_EQ(value->currentText(), QStringLiteral("1ms..2ms")) << "the selected range is the obvious value";

    QSignalSpy removed(&bar, &GoroutineFilterBar::conditionRemoved);
    bar.setConditions({{ConditionKind::EverState, {"waiting", "syscall"}}, {ConditionKind::MinDuration, {"1ms"}}});
    const auto chips = bar.findChildren<FilterChip*>();
    ASSERT_EQ(chips.size(), 2);
    chips[1]->findChild<QToolButton*>()->click();
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(removed[0][0].toInt(), 1);

    bar.setCount(3, 1234, false);
    EXPECT_EQ(bar.countText(), QStringLiteral("3 of 1,234 goroutines"));
}

// A wait reason from the capture is suggested escaped, and choosing it adds the reason itself.
TEST(GoroutineFilterBarTest, SuggestedReasonsAreShownEscapedAndChosenRaw)
{
    GoroutineFilterBar bar;
    auto* value = bar.findChild<QComboBox*>(QStringLiteral("conditionValue"));
    const QString raw = QStringLiteral("chan\nreceive") + QChar(0x202e) + QStringLiteral("<b>x</b>");
    bar.setReasons({raw});
    bar.setKind(ConditionKind::Reason);
    ASSERT_EQ(value->count(), 1);
    EXPECT_EQ(value->itemText(0), QStringLiteral("chan\\nreceive\\u202e<b>x</b>"));

    QSignalSpy added(&bar, &GoroutineFilterBar::conditionAdded);
    value->setCurrentIndex(0);
    QTest::keyClick(value->lineEdit(), Qt::Key_Return);
    ASSERT_EQ(added.count(), 1);
    EXPECT_EQ(added[0][1].toString(), raw);
}

// ---- Histogram bins -------------------------------------------------------------------------

TEST(DurationHistogramTest, EveryDurationFallsInItsBinAndCountsAddUp)
{
    std::mt19937_64 rng(11);
    std::vector<TimeNs> durations = {0, 1, 2, 9, 10, 11, 99, 100, 1000, 999'999, 1'000'000};
    for (int k = 0; k < 5000; ++k)
        durations.push_back(TimeNs(std::pow(10.0, double(rng() % 10'000) / 1000.0)));
    for (TimeNs d : durations) {
        const int bin = DurationHistogram::binOf(d);
        EXPECT_LE(DurationHistogram::edge(bin), std::max<TimeNs>(d, 1)) << d;
        EXPECT_GT(DurationHistogram::edge(bin + 1), d) << d;
    }
    // Powers of ten start a bin exactly: no floating-point slop at the decades.
    for (int decade = 0; decade < 12; ++decade)
        EXPECT_EQ(DurationHistogram::binOf(TimeNs(std::llround(std::pow(10.0, decade)))),
                  decade * DurationHistogram::kBinsPerDecade);

    const DurationHistogram h = buildDurationHistogram(durations);
    EXPECT_EQ(h.total, durations.size());
    EXPECT_EQ(std::accumulate(h.counts.begin(), h.counts.end(), uint64_t(0)), durations.size());
    EXPECT_EQ(h.minNs, 0);
    EXPECT_EQ(h.maxNs, *std::max_element(durations.begin(), durations.end()));
    EXPECT_LE(h.medianNs, h.p90Ns);
    EXPECT_LE(h.p90Ns, h.p99Ns);
    EXPECT_LE(h.p99Ns, h.maxNs);

    const DurationHistogram small = buildDurationHistogram({5, 5, 5, 7000});
    EXPECT_EQ(small.medianNs, 5);
    EXPECT_EQ(small.p99Ns, 7000);
    EXPECT_EQ(small.counts.front(), 3u);
    EXPECT_EQ(small.counts.back(), 1u);
    EXPECT_EQ(buildDurationHistogram({}).total, 0u);
}

} // namespace
} // namespace gs::ui
