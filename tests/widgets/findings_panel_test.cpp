// SPDX-License-Identifier: MIT
// The findings panel: it lists findings as ranked, says so when nothing stood out or the rules
// failed, takes the views to what a finding is about (a goroutine and time range on the trace
// page, with Back; a group in a dump's panel; a function in the profile views), and the findings
// added to the report reach the report and come back with the session.
#include "app/gui/main_window.h"
#include "app/gui/report_export.h"
#include "app/gui/session_controller.h"
#include "app/gui/session_file.h"
#include "core/findings/findings.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/dump/dump_view.h"
#include "widgets/findings/findings_model.h"
#include "widgets/findings/findings_panel.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_navigator.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace gs::app {
namespace {

constexpr int kTimeoutMs = 30000;

Finding leak()
{
    Finding f;
    f.kind = "goroutine-leak";
    f.severity = Severity::High;
    f.weight = 0.8;
    f.title = "48 goroutines leaked in main.handler, blocked on chan receive for 12 minutes";
    f.detail = "They wait on a channel nothing sends on any more.";
    f.with("goroutines", 48, "count").with("wait_ns", 720e9, "nanoseconds");
    f.goroutines = {17, 18, 19};
    f.functions = {"main.handler"};
    return f;
}

Finding contention()
{
    Finding f;
    f.kind = "lock-contention";
    f.severity = Severity::Medium;
    f.weight = 0.3;
    f.title = "30% of the time waiting on sync.(*Mutex).Lock in main.store";
    f.with("share", 0.3, "ratio");
    f.functions = {"main.store"};
    return f;
}

Finding note()
{
    Finding f;
    f.kind = "gc-share";
    f.severity = Severity::Info;
    f.title = "GC ran 14 times";
    f.with("gc_runs", 14, "count");
    return f;
}

// Shows `findings` as the rules' answer for the panel's capture.
void showFindings(ui::FindingsPanel& panel, std::vector<Finding> findings)
{
    panel.showResult(Result<std::vector<Finding>>(std::move(findings)));
}

void clickRow(ui::FindingsPanel& panel, int row)
{
    // The list was hidden until findings came: let its layout settle first.
    QApplication::processEvents();
    QTreeView* list = panel.list();
    ASSERT_TRUE(list->isVisible());
    const QRect rect = list->visualRect(panel.model()->index(row, ui::FindingsModel::TitleColumn));
    ASSERT_TRUE(list->viewport()->rect().contains(rect.center()));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

// A main window with a capture open and its findings computed.
struct OpenWindow
{
    MainWindow window;
    QSignalSpy finished {&window, &MainWindow::loadFinished};
    QSignalSpy failed {&window, &MainWindow::loadFailed};

    ::testing::AssertionResult open(const char* fixture)
    {
        window.resize(1400, 900);
        window.show();
        window.openFile(test::fixturePath(fixture));
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kTimeoutMs) || !failed.isEmpty())
            return ::testing::AssertionFailure() << fixture << " did not load";
        finished.clear();
        if (!QTest::qWaitFor([&] { return !window.findingsPanel()->isComputing(); }, kTimeoutMs))
            return ::testing::AssertionFailure() << "the findings of " << fixture << " never came";
        return ::testing::AssertionSuccess();
    }
    ui::FindingsPanel& panel() { return *window.findingsPanel(); }
};

TEST(FindingsPanel, ListsTheFindingsInTheOrderGivenWithTheirEvidence)
{
    ui::FindingsPanel panel;
    panel.resize(700, 420);
    panel.show();
    showFindings(panel, {leak(), contention(), note()});
    const ui::FindingsModel& model = *panel.model();
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(panel.statusText(), QStringLiteral("3 findings"));
    EXPECT_EQ(model.index(0, ui::FindingsModel::SeverityColumn).data().toString(), QStringLiteral("high"));
    EXPECT_EQ(model.index(1, ui::FindingsModel::SeverityColumn).data().toString(), QStringLiteral("medium"));
    EXPECT_EQ(model.index(2, ui::FindingsModel::SeverityColumn).data().toString(), QStringLiteral("info"));
    EXPECT_EQ(model.index(0, ui::FindingsModel::TitleColumn).data().toString().toStdString(), leak().title);
    EXPECT_EQ(model.index(1, ui::FindingsModel::TitleColumn).data().toString().toStdString(), contention().title);
    // Evidence as a person reads it, the unit in the value.
    const QString evidence = model.index(0, ui::FindingsModel::EvidenceColumn).data().toString();
    EXPECT_TRUE(evidence.startsWith(QStringLiteral("goroutines 48 \u00b7 wait "))) << evidence.toStdString();
    EXPECT_EQ(model.index(1, ui::FindingsModel::EvidenceColumn).data().toString(), QStringLiteral("share 30%"));
    EXPECT_TRUE(model.index(0, 1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("nothing sends on")));
    // Severity marks differ, and follow the palette.
    EXPECT_NE(ui::severityColor(Severity::High, panel.palette()), ui::severityColor(Severity::Medium, panel.palette()));
    // The first finding is selected and written out, its goroutines as links.
    EXPECT_EQ(panel.list()->currentIndex().row(), 0);
    const QString details = panel.detailsLabel()->text();
    EXPECT_TRUE(details.contains(QStringLiteral("<a href=\"g17\">G17</a>"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("main.handler")));
    EXPECT_TRUE(panel.reportButton()->isVisible());
    test::saveRender(panel, "findings_panel");
}

TEST(FindingsPanel, AnEmptyOrFailedResultSaysSo)
{
    ui::FindingsPanel panel;
    panel.show();
    EXPECT_EQ(panel.statusText(), QStringLiteral("No capture open"));
    showFindings(panel, {});
    EXPECT_EQ(panel.statusText(), QStringLiteral("Nothing stood out"));
    EXPECT_TRUE(panel.findChild<QLabel*>(QStringLiteral("findingsStatus"))->isVisible());
    EXPECT_FALSE(panel.list()->isVisible());
    EXPECT_FALSE(panel.reportButton()->isVisible());
    test::saveRender(panel, "findings_panel_empty");

    panel.showResult(Result<std::vector<Finding>>(Error {"the base is a trace", std::nullopt}));
    EXPECT_EQ(panel.statusText(), QStringLiteral("Could not look for problems: the base is a trace"));
    EXPECT_FALSE(panel.list()->isVisible());
}

TEST(FindingsPanel, OpensWithATraceAndListsWhatTheRulesFind)
{
    OpenWindow open;
    ASSERT_TRUE(open.open("linked/linked.trace"));
    EXPECT_TRUE(open.window.findingsDock()->isVisible());
    const auto expected = findFindings(*open.window.tracePage()->store());
    ASSERT_TRUE(expected.ok()) << expected.error().message;
    EXPECT_EQ(open.panel().findings().size(), expected->size());
    EXPECT_FALSE(open.panel().statusText().isEmpty());
    if (expected->empty()) {
        EXPECT_EQ(open.panel().statusText(), QStringLiteral("Nothing stood out"));
    }
    // Window › Findings hides and shows it, and the window still fits the screenshots' size.
    QAction* toggle = open.window.findingsDock()->toggleViewAction();
    EXPECT_EQ(toggle->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    EXPECT_LE(open.window.minimumSizeHint().width(), 1400);
    test::saveRender(open.window, "findings_window_trace");
    toggle->trigger();
    EXPECT_FALSE(open.window.findingsDock()->isVisible());
}

TEST(FindingsPanel, ComparingADumpWithABaseLooksAgainWithTheBase)
{
    OpenWindow open;
    ASSERT_TRUE(open.open("dumps/leak_after.txt"));
    open.window.openBaseFile(test::fixturePath("dumps/leak_before.txt"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !open.finished.isEmpty() || !open.failed.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(open.failed.isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !open.panel().isComputing(); }, kTimeoutMs));
    const StorePtr base = open.window.session()->base();
    ASSERT_TRUE(base);
    const auto expected = findFindings(*open.window.dumpPage()->dump(), base.get());
    ASSERT_TRUE(expected.ok()) << expected.error().message;
    EXPECT_EQ(open.panel().findings().size(), expected->size());
    EXPECT_FALSE(open.panel().statusText().startsWith(QStringLiteral("Could not")));
}

TEST(FindingsPanel, ClickingATraceFindingSelectsItsGoroutineAndRangeAndBackReturns)
{
    OpenWindow open;
    ASSERT_TRUE(open.open("linked/linked.trace"));
    ui::TracePage* page = open.window.tracePage();
    const TraceData& trace = *page->store()->trace;
    ASSERT_GE(trace.goroutines.size(), 2u);
    const GoroutineRow row = GoroutineRow(trace.goroutines.size() - 1);
    Finding f = leak();
    f.goroutines = {trace.goroutines.idOf(row)};
    const TimeNs length = trace.endNs - trace.startNs;
    f.startNs = trace.startNs + length / 10;
    f.endNs = trace.startNs + length / 5;
    showFindings(open.panel(), {f, contention()});
    const GoroutineRow before = page->session()->selectedGoroutine();
    ASSERT_NE(before, row);

    clickRow(open.panel(), 0);
    test::saveRender(open.window, "findings_window_trace_clicked");
    EXPECT_EQ(page->session()->selectedGoroutine(), row);
    EXPECT_EQ(page->timeline()->selectedGoroutine(), row);
    const ui::TimeWindow& window = page->timeline()->window();
    EXPECT_LE(window.startNs, f.startNs);
    EXPECT_GE(window.endNs, f.endNs);
    EXPECT_LT(window.endNs - window.startNs, length / 2);
    ASSERT_TRUE(page->timeline()->selectedRange().has_value());
    EXPECT_EQ(*page->timeline()->selectedRange(), std::make_pair(f.startNs, f.endNs));

    // The visit is in the history: Back returns to what was selected before.
    QTest::qWait(0);
    ASSERT_TRUE(page->navigator()->backAction()->isEnabled());
    page->navigator()->back();
    EXPECT_EQ(page->session()->selectedGoroutine(), before);

    // A goroutine link in the details goes to that goroutine.
    open.panel().list()->setCurrentIndex(open.panel().model()->index(0, 0));
    emit open.panel().detailsLabel()->linkActivated(QStringLiteral("g%1").arg(f.goroutines.front()));
    EXPECT_EQ(page->session()->selectedGoroutine(), row);
}

TEST(FindingsPanel, ClickingADumpFindingSelectsItsGoroutinesGroup)
{
    OpenWindow open;
    ASSERT_TRUE(open.open("dumps/leak_after.txt"));
    ui::DumpPanel* dumpPanel = open.window.dumpPage()->panel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return dumpPanel->view() != nullptr; }, kTimeoutMs));
    const GoroutineDumpData& dump = *open.window.dumpPage()->dump()->dump;
    // A goroutine outside the first group, which the panel selects by itself.
    int expectedRow = -1;
    int64_t id = 0;
    for (uint32_t i = 0; i < dump.goroutines.size() && expectedRow <= 0; ++i) {
        expectedRow = ui::groupRowOf(*dumpPanel->view(), i);
        id = int64_t(dump.goroutines[i].id);
    }
    ASSERT_GT(expectedRow, 0);
    Finding f = leak();
    f.goroutines = {id};
    showFindings(open.panel(), {f});
    clickRow(open.panel(), 0);
    EXPECT_EQ(dumpPanel->groupTable()->currentIndex().row(), expectedRow);
}

TEST(FindingsPanel, ClickingAProfileFindingSelectsItsFunction)
{
    OpenWindow open;
    ASSERT_TRUE(open.open("pprof/heap.pb.gz"));
    const Symbols& symbols = open.window.session()->store()->symbols;
    ASSERT_FALSE(symbols.functions.empty());
    const std::string function(symbols.functionName(FunctionId(symbols.functions.size() - 1)));
    Finding f = contention();
    f.functions = {function};
    showFindings(open.panel(), {f});
    clickRow(open.panel(), 0);
    EXPECT_EQ(open.window.session()->selectedFunction(), function);
}

TEST(FindingsPanel, AddedFindingsReachTheReportAndComeBackWithTheSession)
{
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString sessionPath = QDir(tmp.path()).filePath(QStringLiteral("f.goroscope-session.json"));
    OpenWindow open;
    ASSERT_TRUE(open.open("pprof/heap.pb.gz"));
    showFindings(open.panel(), {leak(), contention()});
    QSignalSpy changed(&open.panel(), &ui::FindingsPanel::reportedChanged);
    open.panel().list()->setCurrentIndex(open.panel().model()->index(1, 0));
    EXPECT_EQ(open.panel().reportButton()->text(), QStringLiteral("Add to Report"));
    open.panel().reportButton()->click();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(open.panel().reportButton()->text(), QStringLiteral("Remove from Report"));
    ASSERT_EQ(open.panel().reported().size(), 1u);
    EXPECT_EQ(open.panel().reported().front().title, contention().title);

    const report::Report r = open.window.reportExport()->buildReport();
    const auto section = std::find_if(r.sections.begin(), r.sections.end(),
                                      [](const report::ReportSection& s) { return s.heading == "Findings"; });
    ASSERT_NE(section, r.sections.end());
    ASSERT_EQ(section->tables.size(), 1u);
    ASSERT_EQ(section->tables.front().rows.size(), 1u);
    EXPECT_EQ(section->tables.front().rows.front(),
              (std::vector<std::string> {"medium", contention().title, "share 30%"}));

    ASSERT_FALSE(open.window.sessions()->save(sessionPath));
    MainWindow fresh;
    QSignalSpy restored(fresh.sessions(), &SessionController::restored);
    fresh.openFile(sessionPath);
    ASSERT_TRUE(restored.wait(kTimeoutMs)) << test::takeErrorDialog(fresh).toStdString();
    EXPECT_EQ(fresh.findingsPanel()->reported(), open.panel().reported());
}

TEST(FindingsPanel, SessionJsonKeepsAddedFindingsAndReadsSessionsWithout)
{
    const QDir dir(QStringLiteral("/sessions"));
    SessionFile s;
    s.mainFile = dir.filePath(QStringLiteral("app.trace"));
    s.findings = {ui::reportedFinding(leak()), ui::reportedFinding(note())};
    QString error;
    const QByteArray json = sessionToJson(s, dir);
    const std::optional<SessionFile> back = sessionFromJson(json, dir, &error);
    ASSERT_TRUE(back) << error.toStdString();
    EXPECT_EQ(back->findings, s.findings);

    // A session written before findings existed has none.
    QJsonObject older = QJsonDocument::fromJson(json).object();
    ASSERT_TRUE(older.contains(QStringLiteral("findings")));
    older.remove(QStringLiteral("findings"));
    const std::optional<SessionFile> plain = sessionFromJson(QJsonDocument(older).toJson(), dir, &error);
    ASSERT_TRUE(plain) << error.toStdString();
    EXPECT_TRUE(plain->findings.empty());

    // A finding with an unknown severity is refused, saying where.
    QByteArray bad = json;
    bad.replace("\"high\"", "\"dire\"");
    EXPECT_FALSE(sessionFromJson(bad, dir, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("findings[0].severity"))) << error.toStdString();
}

} // namespace
} // namespace gs::app
