// SPDX-License-Identifier: MIT
// Capture text is data, never markup. The captures of tests/data/hostile hold six hostile strings
// wherever a Go program can choose a string (pprof labels, task, region and log names, the panic
// message) and, in their derived copies, as function names, file names, a wait reason and sample
// types: markup, QString::arg placeholders, bidi controls, control characters, bytes that are not
// UTF-8 and a 10,000-character name. Each capture is opened through the main window, its views
// are driven (rows selected, frames zoomed, filters added, a dump compared, exports written) and
// everything they show is read back as a person would see it (shown_text.h). Every hostile
// string must appear literally: its controls and bad bytes as visible escapes, a long one cut
// with "…", never rendered as markup, substituted by QString::arg or left to reorder the text
// around it; and nothing shown may hold a raw control or bidi character.
#include "app/gui/main_window.h"
#include "app/gui/report_export.h"
#include "app/gui/window_export.h"
#include "tests/support/proto_builder.h"
#include "tests/widgets/shown_text.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/dump/dump_diff_models.h"
#include "widgets/dump/dump_diff_view.h"
#include "widgets/dump/dump_group_model.h"
#include "widgets/dump/dump_page.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/export/export_dialog.h"
#include "widgets/export/exporter.h"
#include "widgets/export/view_sources.h"
#include "widgets/filters/filter_item.h"
#include "widgets/filters/goroutine_filter_bar.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/plots/gc_plot.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_pane.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/timeline/user_annotation_hit.h"
#include "widgets/trace/linked_dump_model.h"
#include "widgets/trace/linked_dump_tab.h"
#include "widgets/trace/latency_tab.h"
#include "widgets/trace/trace_flame_tab.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"
#include "widgets/trace/user_log_table.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QHelpEvent>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

#include <set>

namespace gs::app {
namespace {

using test::ShownText;

constexpr int kTimeoutMs = 20000;

// The hostile strings of tests/data/gen/hostile/payloads.go, each as it must be shown: found by
// its marker (which survives being rendered as HTML), then compared from where the string starts.
struct Hostile
{
    const char* name;
    QString marker;
    QString shownAs;
    QString orShownAs; // how a view that got the text through QString shows it (bad bytes as U+FFFD)
};

const Hostile kHostile[] = {
    {"markup", QStringLiteral("Hm1"), QStringLiteral("<b>Hm1<i>it<img src=\"hostile.png\">&amp;end"), {}},
    {"placeholders", QStringLiteral("Hp1"), QStringLiteral("Hp1%1%2%L1end"), {}},
    {"bidi controls", QStringLiteral("Hb1"), QStringLiteral("Hb1\\u202eevil\\u2066end"), {}},
    {"control characters", QStringLiteral("Hc1"), QStringLiteral("Hc1\\x1b\\x07\\x7f\\u0085end"), {}},
    {"invalid UTF-8", QStringLiteral("Hi1"), QStringLiteral("Hi1\\xff\\xfeend"), QStringLiteral("Hi1\ufffd\ufffdend")},
};
// The 10,000-character one (1,000 in a trace): "Hl1", W after W, "end".
const QString kLongMarker = QStringLiteral("Hl1");
// What a person typing or pasting the long one would enter.
const std::string kLong = "Hl1" + std::string(10000, 'W') + "end";
// More Ws than this in a row means a view showed a long name whole.
constexpr qsizetype kMaxShownRun = 300;

const QChar kEllipsis(0x2026);

QString hostilePath(const char* name)
{
    return test::fixturePath((std::string("hostile/") + name).c_str());
}

// Characters that must never reach the screen raw: they break lines, ring, or reorder the text.
bool isForbidden(char16_t c)
{
    return (c < 0x20 && c != u'\n') || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

// Whether `text` shows `expected` from `start`: whole, or cut with an ellipsis (a view's own cut
// or Qt's eliding).
bool showsLiterally(const QString& text, qsizetype start, const QString& expected)
{
    if (start < 0 || expected.isEmpty())
        return false;
    const QString rest = text.mid(start);
    if (rest.startsWith(expected))
        return true;
    const qsizetype cut = rest.indexOf(kEllipsis);
    return cut > 0 && cut < expected.size() && expected.startsWith(rest.left(cut));
}

std::string where(const ShownText& s)
{
    return s.where.toStdString() + ": \"" + s.text.left(400).toStdString() + "\"";
}

// The markers of the hostile strings seen, and the check of each text shown.
class Reader
{
public:
    void check(const ShownText& s)
    {
        EXPECT_FALSE(s.showsImage && !m_imagesAllowed) << "an <img> was rendered in " << where(s);
        for (const QChar c : s.text) {
            if (isForbidden(c.unicode())) {
                ADD_FAILURE() << "raw U+" << std::hex << int(c.unicode()) << " shown in " << where(s);
                break;
            }
        }
        for (const Hostile& h : kHostile) {
            const qsizetype offset = h.shownAs.indexOf(h.marker);
            for (qsizetype at = s.text.indexOf(h.marker); at >= 0; at = s.text.indexOf(h.marker, at + 1)) {
                seen().insert(h.marker);
                EXPECT_TRUE(showsLiterally(s.text, at - offset, h.shownAs) || showsLiterally(s.text, at, h.orShownAs))
                    << "the " << h.name << " string is not shown literally in " << where(s);
            }
        }
        for (qsizetype at = s.text.indexOf(kLongMarker); at >= 0; at = s.text.indexOf(kLongMarker, at + 1)) {
            seen().insert(kLongMarker);
            qsizetype end = at + kLongMarker.size();
            while (end < s.text.size() && s.text[end] == QLatin1Char('W'))
                ++end;
            EXPECT_LE(end - at, kMaxShownRun) << "a long name is shown whole in " << s.where.toStdString();
            EXPECT_TRUE(end < s.text.size() && s.text[end] == kEllipsis)
                << "a long name is cut without an ellipsis in " << s.where.toStdString();
        }
    }

    void check(const std::vector<ShownText>& texts)
    {
        for (const ShownText& s : texts)
            check(s);
    }

    // Everything `root` and its descendants show.
    void read(QWidget* root)
    {
        std::vector<ShownText> texts;
        test::collectShownText(root, texts);
        check(texts);
    }

    // The tooltips of every frame of the flame graphs shown, and of the timeline when it is shown:
    // each row's label, and points across its time axis.
    void readViewToolTips(MainWindow& window)
    {
        std::vector<ShownText> texts;
        for (ui::FlameGraphView* view : window.findChildren<ui::FlameGraphView*>()) {
            if (!view->hasData() || !view->isVisible())
                continue;
            for (const ui::FlameRect& r : view->currentLayout().rects()) {
                const QRect box = view->frameRect(r.node);
                if (!r.isMerged() && box.isValid())
                    readToolTip(view, box.center(), QStringLiteral("flame graph tooltip"), texts);
            }
        }
        if (ui::TimelineView* view = window.tracePage()->timeline(); view->isVisible()) {
            const QRect area = view->viewport()->rect();
            const ui::TimelineScene scene = view->scene();
            for (size_t i = 0; i < view->layout().rowCount(); ++i) {
                const int y = scene.rowTop(area, i) + ui::TimelineLayout::kStateBarHeight / 2;
                if (y < 0 || y >= area.height())
                    continue;
                readToolTip(view->viewport(), QPoint(view->labelWidth() / 2, y), QStringLiteral("timeline label tooltip"), texts);
                // The state bar (spans, task and log markers) and the first region track below it.
                const int regionY = scene.rowTop(area, i) + ui::AnnotationGeometry::kTracksTop + 4;
                for (int x = view->labelWidth() + 3; x < area.width(); x += 29) {
                    readToolTip(view->viewport(), QPoint(x, y), QStringLiteral("timeline tooltip"), texts);
                    readToolTip(view->viewport(), QPoint(x, regionY), QStringLiteral("timeline region tooltip"), texts);
                }
            }
        }
        check(texts);
    }

    void expectSeen(std::initializer_list<QString> markers) const
    {
        for (const QString& m : markers)
            EXPECT_TRUE(m_seenFromCapture.count(m)) << "no view showed the string marked " << m.toStdString();
    }

    // Whether every hostile string of the capture (typed: that a person entered) was shown.
    void expectSeenAll(bool typed = false) const
    {
        const std::set<QString>& seen = typed ? m_seenTyped : m_seenFromCapture;
        const char* what = typed ? "typed " : "";
        for (const Hostile& h : kHostile)
            EXPECT_TRUE(seen.count(h.marker)) << "no view showed the " << what << h.name << " string";
        EXPECT_TRUE(seen.count(kLongMarker)) << "no view showed the " << what << "long string";
    }

    // The report holds pictures of the views, its own <img> elements.
    bool m_imagesAllowed = false;
    // What is read comes from a person's typing (filter chips), not from the capture.
    bool m_typed = false;

private:
    // The tooltip a widget shows for a help event at `pos`, if it shows one.
    static void readToolTip(QWidget* widget, QPoint pos, const QString& name, std::vector<ShownText>& out)
    {
        QHelpEvent help(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
        QApplication::sendEvent(widget, &help);
        if (QToolTip::isVisible())
            out.push_back(test::shown(name, QToolTip::text(), test::TextFormat::Guessed));
    }

    std::set<QString>& seen() { return m_typed ? m_seenTyped : m_seenFromCapture; }

    std::set<QString> m_seenFromCapture;
    std::set<QString> m_seenTyped;
};

// Every hostile string as a person would paste it into a filter: quoted (\Q...\E), since patterns
// are Go regexps, where "\u202e" is no valid escape.
std::vector<std::string> typedHostileStrings()
{
    std::vector<std::string> typed;
    for (const Hostile& h : kHostile)
        typed.push_back("\\Q" + h.shownAs.toStdString() + "\\E");
    typed.push_back(kLong);
    return typed;
}

class HostileStrings : public ::testing::Test
{
protected:
    void SetUp() override
    {
        window.resize(1400, 1400);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    }

    enum class As
    {
        Main,
        Beside,
        Base,
    };

    void open(const char* name, As as = As::Main)
    {
        QSignalSpy finished(&window, &MainWindow::loadFinished);
        const QString path = hostilePath(name);
        if (as == As::Main)
            window.openFile(path);
        else if (as == As::Beside)
            window.openBesideFile(path);
        else
            window.openBaseFile(path);
        ASSERT_TRUE(finished.wait(kTimeoutMs)) << name << ": " << test::takeErrorDialog(window).toStdString();
        settle();
    }

    // Until no view is still computing (filters, flame graphs, layouts, contributors).
    void settle()
    {
        ui::TracePage* trace = window.tracePage();
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const bool traceIdle = !trace->store()
                    || (!trace->session()->isFiltering() && trace->session()->result() && !trace->timeline()->isBusy()
                        && (!trace->flameTab()->isVisible() || !trace->flameTab()->isBusy()));
                return traceIdle && !window.session()->isComputing();
            },
            kTimeoutMs));
        QCoreApplication::processEvents();
    }

    // Zooms a flame graph to the frame of every function of the program but the scene's own in
    // turn (breadcrumbs; in a trace, the contributors panel), reading `around` each time.
    void zoomToHostileFrames(ui::FlameGraphView& view, QWidget* around)
    {
        if (!view.hasData())
            return;
        const ui::FlameData data = view.data();
        std::set<FunctionId> done;
        for (uint32_t n = 1; n < data.tree->size(); ++n) {
            const FunctionId f = data.tree->node(n).function;
            const std::string_view name = data.symbols->functionName(f);
            if (!name.starts_with("main.") || name.starts_with("main.(*scene)") || !done.insert(f).second)
                continue;
            view.zoomTo(n);
            settle();
            reader.read(around);
        }
        view.resetZoom();
        settle();
    }

    // The profile page: every hostile frame zoomed to, the sandwich view of one, each hostile
    // string as a function filter chip.
    void driveProfilePage(ui::ProfileSession& session, ui::ProfilePage& page)
    {
        reader.readViewToolTips(window);
        zoomToHostileFrames(*page.flameView(), &page);
        if (const auto& result = session.result()) {
            for (FunctionId f = 0; f < result->symbols->functions.size(); ++f) {
                const std::string name(result->symbols->functionName(f));
                if (name.starts_with("main.") && !name.starts_with("main.(*scene)") && name != "main.main") {
                    session.showSandwich(name);
                    settle();
                    reader.read(&page);
                    reader.readViewToolTips(window);
                    break;
                }
            }
        }
        session.setMode(ui::ViewMode::TopDown);
        for (const std::string& typed : typedHostileStrings())
            session.addFilter({ui::FilterKind::Focus, typed});
        settle();
        reader.m_typed = true;
        reader.read(&page);
        reader.m_typed = false;
        reader.expectSeenAll(true);
        session.clearFilters();
        settle();
    }

    void driveTracePage()
    {
        ui::TracePage& page = *window.tracePage();
        ui::TraceSession& session = *page.session();
        const TraceData& trace = *page.store()->trace;
        reader.read(&window);
        reader.readViewToolTips(window);
        // Every goroutine, with the first span in which it waited: details, relations, chain.
        for (GoroutineRow row = 0; row < trace.goroutines.size(); ++row) {
            session.setSelectedGoroutine(row);
            const auto [first, last] = trace.spans.rowRange(row);
            for (uint32_t span = first; span < last; ++span) {
                if (trace.spans.stateOf(span) == SpanState::Waiting) {
                    session.setSelectedSpan(ui::SpanRef {row, span});
                    break;
                }
            }
            settle();
            reader.read(page.pane());
        }
        // The timeline's context menu on every row.
        const ui::TimelineView& view = *page.timeline();
        for (size_t i = 0; i < view.layout().rowCount(); ++i) {
            QMenu menu;
            page.fillTimelineMenu(&menu, QPoint(view.labelWidth() / 2, view.scene().rowTop(view.viewport()->rect(), i) + 2));
            reader.read(&menu);
        }
        // Each hostile string as a goroutine filter chip (one chip per kind, so one at a time).
        reader.m_typed = true;
        for (const std::string& typed : typedHostileStrings()) {
            session.addCondition(ui::ConditionKind::StackRegex, typed);
            settle();
            reader.read(page.filterBar());
        }
        reader.m_typed = false;
        reader.expectSeenAll(true);
        session.clearConditions();
        settle();
        // The flame graph tab and the contributors of each hostile frame.
        page.tabs()->setCurrentWidget(page.flameTab());
        settle();
        reader.read(page.flameTab());
        reader.readViewToolTips(window);
        zoomToHostileFrames(*page.flameTab()->profilePage()->flameView(), page.flameTab());
        // The Regions tab, each type's regions listed in turn, and the Logs tab.
        auto* regions = page.findChild<ui::RegionTab*>();
        page.tabs()->setCurrentWidget(regions);
        settle();
        for (int row = 0; row < regions->typeView()->model()->rowCount(); ++row) {
            regions->typeView()->selectRow(row);
            reader.read(regions);
        }
        auto* logs = page.findChild<ui::UserLogTable*>();
        page.tabs()->setCurrentWidget(logs);
        settle();
        reader.read(logs);
    }

    void driveDumpPage()
    {
        ui::DumpPanel& panel = *window.dumpPage()->panel();
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel.groupModel()->rowCount() > 0; }, kTimeoutMs));
        reader.read(&window);
        for (int row = 0; row < panel.groupModel()->rowCount(); ++row) {
            panel.groupTable()->selectRow(row);
            reader.read(panel.detailsPane());
        }
        panel.creationView()->expandAll();
        reader.read(panel.creationView());
        driveProfilePage(*window.session(), *window.profilePage());
    }

    // A view as SVG with the caption and options File › Export gives it, read back as its text
    // elements show it: the current view, or the flame graph and the whole timeline of a trace.
    void exportSvg()
    {
        ui::ExportRequest request;
        request.format = ui::ExportRequest::Format::Svg;
        if (window.currentPage() != window.tracePage()) {
            exportSvg(window.windowExport()->sourceFor(request.target), request);
            return;
        }
        exportSvg(ui::timelineSource(*window.tracePage()->timeline(), QSize(1600, 2400)), request);
        exportSvg(ui::flameSource(*window.tracePage()->flameTab()->profilePage()->currentFlameView()), request);
    }

    void exportSvg(const ui::ExportSource& source, const ui::ExportRequest& request)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("view.svg"));
        ASSERT_FALSE(ui::exportToFile(source, window.windowExport()->optionsFor(request), path));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        std::vector<ShownText> texts;
        for (const QString& text : test::svgTexts(file.readAll()))
            texts.push_back(test::shown(QStringLiteral("SVG export"), text, test::TextFormat::Plain));
        reader.check(texts);
    }

    // The postmortem report: self-contained HTML, every capture string escaped.
    void exportReport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.html"));
        ASSERT_FALSE(window.reportExport()->writeReport(path));
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        EXPECT_FALSE(html.contains(QStringLiteral("<img src=\"hostile.png\">"))) << "the report holds capture markup";
        reader.m_imagesAllowed = true;
        reader.check(test::shown(QStringLiteral("report"), html, test::TextFormat::Rich));
        reader.m_imagesAllowed = false;
    }

    MainWindow window;
    Reader reader;
};

TEST_F(HostileStrings, ProfileWithHostileFunctionFileAndSampleTypeNames)
{
    open("hostile_names_cpu.pb.gz");
    reader.read(&window);
    driveProfilePage(*window.session(), *window.profilePage());
    exportSvg();
    exportReport();
    reader.expectSeenAll();
}

TEST_F(HostileStrings, ProfileWithHostileLabels)
{
    open("hostile_cpu.pb.gz");
    reader.read(&window);
    driveProfilePage(*window.session(), *window.profilePage());
    exportSvg();
    // No view lists a sample's labels: they come back only as what a person types into a filter,
    // which driveProfilePage checks.
}

TEST_F(HostileStrings, TraceWithHostileTasksRegionsAndLogs)
{
    open("hostile.trace");
    driveTracePage();
    window.tracePage()->tabs()->setCurrentIndex(0);
    exportSvg();
    exportReport();
    reader.expectSeenAll();
}

TEST_F(HostileStrings, TraceWithHostileFunctionNamesAndWaitReason)
{
    open("hostile_names.trace");
    driveTracePage();
    // A profile and a dump of the same program beside it.
    open("hostile_names_cpu.pb.gz", As::Beside);
    reader.read(window.tracePage()->flameTab());
    open("hostile_names_panic.txt", As::Beside);
    ui::LinkedDumpTab& dump = *window.tracePage()->linkedDumpTab();
    for (int row = 0; row < dump.model()->rowCount(); ++row) {
        dump.table()->selectRow(row);
        reader.read(&dump);
    }
    window.tracePage()->tabs()->setCurrentIndex(0);
    exportSvg();
    exportReport();
    reader.expectSeenAll();
}

TEST_F(HostileStrings, DumpWithHostileLabelsAndPanicMessage)
{
    open("hostile_panic.txt");
    driveDumpPage();
    exportSvg();
    exportReport();
    reader.expectSeenAll();
}

TEST_F(HostileStrings, DumpWithHostileFunctionNamesComparedWithItsBase)
{
    open("hostile_names_panic.txt");
    driveDumpPage();
    open("hostile_panic.txt", As::Base);
    ui::DumpDiffView& diff = *window.dumpPage()->diffView();
    ASSERT_TRUE(QTest::qWaitFor([&] { return diff.diff() != nullptr; }, kTimeoutMs));
    reader.read(&window);
    for (int row = 0; row < diff.groupModel()->rowCount(); ++row) {
        diff.groupTable()->selectRow(row);
        reader.read(&diff);
    }
    exportSvg();
    reader.expectSeenAll();
}

// File names are anybody's too: a gctrace log named with markup and placeholders, on the GC page.
TEST_F(HostileStrings, GcPageWithHostileFileName)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kHostile[0].shownAs + QLatin1Char(' ') + kHostile[1].shownAs + QStringLiteral(".txt"));
    ASSERT_TRUE(QFile::copy(test::fixturePath("dumps/gctrace.txt"), path));
    QSignalSpy finished(&window, &MainWindow::loadFinished);
    window.openFile(path);
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << test::takeErrorDialog(window).toStdString();
    ASSERT_EQ(window.currentPage(), window.gcPage());
    reader.read(&window);
    exportSvg();
    exportReport();
    reader.expectSeen({kHostile[0].marker, kHostile[1].marker});
}

// A damaged capture's error quotes its bytes: one line, escaped, cut, in the dialog as on stderr.
TEST_F(HostileStrings, ErrorMessagesQuoteCaptureBytesOnOneLine)
{
    // Go writes time_nanos first, which is what tells the file from text.
    test::ProtoBuilder p;
    p.varint(9, 1).bytes(6, std::string("<b>Hm1</b>\n\x1b[2J\xff") + "\u202e" + std::string(10000, 'W'));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.pb"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(reinterpret_cast<const char*>(p.data().data()), qsizetype(p.data().size()));
    file.close();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorDialog"));
    ASSERT_TRUE(box);
    EXPECT_EQ(box->textFormat(), Qt::PlainText);
    const QString message = test::takeErrorDialog(window);
    EXPECT_TRUE(message.contains(QStringLiteral("found \"<b>Hm1</b>\\n\\x1b[2J\\xff\\u202eWWW"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QLatin1Char('\n'))) << message.toStdString();
    EXPECT_LT(message.size(), path.size() + 200) << message.toStdString();
}

} // namespace
} // namespace gs::app
