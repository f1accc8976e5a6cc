// SPDX-License-Identifier: MIT
// The profile page's granularity (pprof's -functions/-files/-lines/-addresses/-noinlines) and its
// Peek tab (pprof's -peek for the selected function).
#include "tests/widgets/test_profiles.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/top/peek_panel.h"
#include "widgets/top/top_table_model.h"

#include <gtest/gtest.h>

#include <QMenu>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <algorithm>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 10000;

bool waitForResult(ProfileSession& session)
{
    return QTest::qWaitFor([&] { return !session.isComputing() && session.result(); }, kTimeoutMs);
}

std::vector<std::string> topNames(const ProfileSession& session)
{
    std::vector<std::string> names;
    for (const TopRow& row : session.result()->top)
        names.emplace_back(session.result()->symbols->functionName(row.function));
    return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(ProfileGranularity, TheControlsRegroupEveryView)
{
    ProfileSession session;
    ProfilePage page(&session);
    page.resize(1300, 700);
    page.show();
    session.setStore(test::loadFixture("pprof/cpu.pb.gz"));
    ASSERT_TRUE(waitForResult(session));
    const int64_t total = session.result()->total;
    const std::vector<std::string> functions = topNames(session);
    // main.mix is inlined into main.hashLoop, and that into main.spin, in this program.
    ASSERT_TRUE(contains(functions, "main.mix"));
    ASSERT_TRUE(contains(functions, "main.hashLoop"));
    ASSERT_TRUE(contains(functions, "main.spin"));

    auto* granularity = page.findChild<QToolButton*>(QStringLiteral("granularity"));
    ASSERT_NE(granularity, nullptr);
    ASSERT_NE(granularity->menu(), nullptr);
    EXPECT_TRUE(granularity->isEnabled());
    EXPECT_EQ(granularity->text(), QStringLiteral("Functions"));
    auto action = [&](const QString& text) {
        for (QAction* a : granularity->menu()->actions()) {
            if (a->text() == text)
                return a;
        }
        ADD_FAILURE() << "no menu entry " << text.toStdString();
        return granularity->menu()->actions().front();
    };
    QAction* noInlines = action(QStringLiteral("No inlines"));

    auto choose = [&](const QString& text) {
        action(text)->trigger();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing(); }, kTimeoutMs));
        EXPECT_EQ(granularity->text(), text);
    };

    choose(QStringLiteral("Lines"));
    const std::vector<std::string> lines = topNames(session);
    EXPECT_EQ(session.result()->total, total);
    EXPECT_GT(lines.size(), functions.size());
    // "main.fib main.go:41", "runtime.memclrNoHeapPointers runtime/memclr_amd64.s:127"
    const auto endsWithLine = [](const std::string& name) {
        const size_t colon = name.rfind(':');
        return colon != std::string::npos && colon + 1 < name.size()
               && name.find_first_not_of("0123456789", colon + 1) == std::string::npos;
    };
    for (const std::string& name : lines)
        EXPECT_TRUE(endsWithLine(name)) << name;
    // The flame graph shows the same nodes as the table.
    const FlameTree& tree = *session.result()->tree;
    ASSERT_GT(tree.size(), 1u);
    EXPECT_TRUE(endsWithLine(std::string(session.result()->symbols->functionName(tree.children(0)[0].function))));

    choose(QStringLiteral("Files"));
    for (const std::string& name : topNames(session))
        EXPECT_TRUE(name.find(' ') == std::string::npos && (name.ends_with(".go") || name.ends_with(".s"))) << name;

    choose(QStringLiteral("Addresses"));
    for (const std::string& name : topNames(session))
        EXPECT_EQ(name.find_first_not_of("0123456789abcdef"), 16u) << name;

    choose(QStringLiteral("Functions"));
    EXPECT_EQ(topNames(session), functions);
    noInlines->trigger();
    EXPECT_EQ(granularity->text(), QStringLiteral("Functions, no inlines"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing(); }, kTimeoutMs));
    const std::vector<std::string> folded = topNames(session);
    EXPECT_FALSE(contains(folded, "main.mix"));
    EXPECT_FALSE(contains(folded, "main.hashLoop"));
    EXPECT_TRUE(contains(folded, "main.spin"));
    EXPECT_EQ(session.result()->total, total);
    test::saveRender(page, "profile-granularity");

    // A new profile starts at the default granularity.
    session.setStore(test::loadFixture("pprof/cpu.pb.gz"));
    ASSERT_TRUE(waitForResult(session));
    EXPECT_TRUE(session.granularity().isDefault());
    EXPECT_FALSE(noInlines->isChecked());
    EXPECT_EQ(granularity->text(), QStringLiteral("Functions"));
}

TEST(ProfileGranularity, NeedsAPprofProfile)
{
    ProfileSession session;
    ProfilePage page(&session);
    session.setStore(test::smallCpuProfile()); // built by hand: no addresses or lines
    ASSERT_TRUE(waitForResult(session));
    EXPECT_FALSE(page.findChild<QToolButton*>(QStringLiteral("granularity"))->isEnabled());
}

TEST(ProfilePeek, ShowsTheCallersAndCalleesOfTheSelectedFunction)
{
    ProfileSession session;
    ProfilePage page(&session);
    page.resize(1300, 700);
    page.show();
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(waitForResult(session));
    QTabWidget* tabs = page.sideTabs();
    auto* peek = page.findChild<PeekPanel*>();
    ASSERT_NE(tabs, nullptr);
    ASSERT_NE(peek, nullptr);
    tabs->setCurrentWidget(peek);
    QTreeWidget* tree = peek->tree();

    // main.main: no callers; calls compute.work (500 of its 900 ns), the server (300) and the
    // allocator (100).
    session.setSelectedFunction("main.main");
    ASSERT_EQ(tree->topLevelItemCount(), 3);
    EXPECT_EQ(tree->topLevelItem(0)->childCount(), 0);
    EXPECT_EQ(tree->topLevelItem(1)->text(2), QStringLiteral("main.main"));
    EXPECT_EQ(tree->topLevelItem(1)->text(0), QStringLiteral("900 ns"));
    QTreeWidgetItem* callees = tree->topLevelItem(2);
    ASSERT_EQ(callees->childCount(), 3);
    EXPECT_EQ(callees->child(0)->text(2), QStringLiteral("compute.work"));
    EXPECT_EQ(callees->child(0)->text(0), QStringLiteral("500 ns"));
    EXPECT_EQ(callees->child(0)->text(1), QStringLiteral("55.6%"));
    EXPECT_EQ(callees->child(1)->text(2), QStringLiteral("net/http.(*conn).serve"));
    EXPECT_EQ(callees->child(2)->text(2), QStringLiteral("runtime.mallocgc"));
    test::saveRender(page, "profile-peek");

    // Activating a callee selects it everywhere and peeks at it in turn.
    emit tree->itemActivated(callees->child(1), 0);
    EXPECT_EQ(session.selectedFunction(), "net/http.(*conn).serve");
    ASSERT_EQ(tree->topLevelItemCount(), 3);
    ASSERT_EQ(tree->topLevelItem(0)->childCount(), 1);
    EXPECT_EQ(tree->topLevelItem(0)->child(0)->text(2), QStringLiteral("main.main"));
    EXPECT_EQ(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("100.0%"));
    ASSERT_EQ(tree->topLevelItem(2)->childCount(), 1);
    EXPECT_EQ(tree->topLevelItem(2)->child(0)->text(2), QStringLiteral("encoding/json.Marshal"));
}

} // namespace
} // namespace gs::ui
