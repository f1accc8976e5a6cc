// SPDX-License-Identifier: MIT
// File › Export Postmortem Report… on real captures: the report holds the figures, the followed
// blocking chain, the notes and pictures that decode; it is scriptless, self-contained and well
// formed; and a capture whose function names carry markup comes out escaped, in the report and in
// an SVG export alike.
#include "app/gui/main_window.h"
#include "app/gui/notes_dock.h"
#include "app/gui/report_export.h"
#include "app/gui/window_export.h"
#include "core/analysis/blocking_chain.h"
#include "core/load/load_file.h"
#include "tests/support/chain_fixture.h"
#include "widgets/annotations/annotation_set.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace gs::app {
namespace {

constexpr int kTimeoutMs = 20000;
const QString kScript = QStringLiteral("<script>alert(1)</script>");
const QString kScriptEscaped = QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;");

QString readText(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return QString::fromUtf8(file.readAll());
}

// Where reports go: GOROSCOPE_RENDER_DIR when set, so a person can open them, else a temporary
// folder removed after the test.
QString outputFile(const QTemporaryDir& temp, const QString& name)
{
    const QString kept = qEnvironmentVariable("GOROSCOPE_RENDER_DIR");
    return QDir(kept.isEmpty() ? temp.path() : kept).filePath(name);
}

// The pictures embedded as PNG data: URLs, decoded.
std::vector<QImage> embeddedImages(const QString& html)
{
    static const QRegularExpression kPng(QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
    std::vector<QImage> images;
    for (auto it = kPng.globalMatch(html); it.hasNext();) {
        QImage image;
        EXPECT_TRUE(image.loadFromData(QByteArray::fromBase64(it.next().captured(1).toLatin1()), "PNG"));
        images.push_back(image);
    }
    return images;
}

// What holds for every report: no script, nothing fetched, and strict XML well-formedness.
void expectSafeAndWellFormed(const QString& html)
{
    EXPECT_FALSE(html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    EXPECT_FALSE(html.contains(QStringLiteral("src=\"http"), Qt::CaseInsensitive));
    EXPECT_FALSE(html.contains(QStringLiteral("href=\"http"), Qt::CaseInsensitive));
    EXPECT_TRUE(html.contains(QStringLiteral("Content-Security-Policy")));
    QXmlStreamReader xml(html);
    int elements = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            ++elements;
            EXPECT_NE(xml.name(), QStringLiteral("script"));
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString() << " at line " << xml.lineNumber();
    EXPECT_GT(elements, 20);
}

class ReportTest : public ::testing::Test
{
protected:
    void show(StorePtr store, const QString& path)
    {
        ASSERT_TRUE(store);
        window.resize(1400, 900);
        window.show();
        window.setStore(std::move(store), path);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return window.currentPage() == window.tracePage() ? !window.tracePage()->session()->isFiltering()
                                                                   : window.session()->result() != nullptr;
            },
            kTimeoutMs));
    }

    QString writeReport(const QString& name)
    {
        const QString path = outputFile(temp, name);
        const std::optional<QString> failure = window.reportExport()->writeReport(path);
        EXPECT_FALSE(failure.has_value()) << failure.value_or(QString()).toStdString();
        return readText(path);
    }

    QTemporaryDir temp;
    MainWindow window;
};

TEST_F(ReportTest, TraceReportHasFiguresTheFollowedChainNotesAndPictures)
{
    const StorePtr store = test::loadChainTrace("go126_chain");
    show(store, QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/chain/go126_chain.trace"));
    EXPECT_TRUE(window.reportExport()->action()->isEnabled());
    EXPECT_EQ(window.reportExport()->action()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));

    // Follow the chain of the first recorded scenario as a click on its wait would.
    const std::vector<int64_t> chain = test::readChainScenarios("go126_chain").front().chain;
    const TraceData& trace = *store->trace;
    const GoroutineRow row = trace.rowOf(chain.front());
    const std::optional<uint32_t> wait = findWait(trace, row);
    ASSERT_TRUE(wait.has_value());
    window.tracePage()->timeline()->selectSpan({row, *wait});
    // Selecting the same wait again, or a hop of it, records nothing new.
    window.tracePage()->timeline()->selectSpan({row, *wait});
    ASSERT_EQ(window.tracePage()->session()->followedChains(), (std::vector<ui::SpanRef> {{row, *wait}}));
    ui::Annotation note;
    note.text = QStringLiteral("Lock held across the send & <b>not</b> released");
    note.anchor.goroutine = row;
    window.annotations()->add(note);
    window.notesDock()->setText(QStringLiteral("Suspect: the <mutex> in handler & friends\nRuled out: GC"));

    const QString html = writeReport(QStringLiteral("trace-report.html"));
    expectSafeAndWellFormed(html);
    EXPECT_TRUE(html.contains(QStringLiteral("<h1>Postmortem: go126_chain.trace</h1>")));
    EXPECT_TRUE(html.contains(QStringLiteral("(go-trace, ")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h2>Top functions</h2>")));
    EXPECT_TRUE(html.contains(QStringLiteral("profile of the trace")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h2>Goroutines by state</h2>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<td>running</td>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<td>waiting</td>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h2>Blocking chains followed</h2>")));
    EXPECT_TRUE(html.contains(QStringLiteral("From G%1&apos;s wait at ").arg(chain.front())));
    for (int64_t id : chain)
        EXPECT_TRUE(html.contains(QStringLiteral("<td>G%1</td>").arg(id))) << id;
    EXPECT_TRUE(html.contains(QStringLiteral("<td>woken by G%1 at ").arg(chain[1])));
    // The investigation's notes keep their lines; they and the annotation are escaped.
    EXPECT_TRUE(html.contains(QStringLiteral("Suspect: the &lt;mutex&gt; in handler &amp; friends\nRuled out: GC")));
    EXPECT_TRUE(html.contains(QStringLiteral("Lock held across the send &amp; &lt;b&gt;not&lt;/b&gt; released")));

    const std::vector<QImage> images = embeddedImages(html);
    ASSERT_FALSE(images.empty());
    EXPECT_GE(images.front().width(), 400);
    EXPECT_GE(images.front().height(), 200);
    // Not blank: a timeline has many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < images.front().height() && colours.size() < 8; y += 7) {
        for (int x = 0; x < images.front().width(); x += 7)
            colours.insert(images.front().pixel(x, y));
    }
    EXPECT_GE(colours.size(), 8);
}

TEST_F(ReportTest, MarkupInFunctionNamesIsEscapedInTheReportAndTheSvg)
{
    // Folded stacks written to a file and opened with the project's loader, as a user would.
    const QString capture = temp.filePath(QStringLiteral("hostile.folded"));
    {
        QFile file(capture);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        const QString folded = QStringLiteral("main.main;") + kScript
                               + QStringLiteral(" 70\nmain.main;main.\"quoted\"&'single' 30\n");
        file.write(folded.toUtf8());
    }
    LoadContext context;
    auto loaded = loadFile(capture.toStdString(), context);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    show(*loaded, capture);
    ui::Annotation note;
    note.text = kScript;
    note.anchor.function = kScript.toStdString();
    window.annotations()->add(note);

    const QString html = writeReport(QStringLiteral("markup-report.html"));
    expectSafeAndWellFormed(html);
    EXPECT_FALSE(html.contains(kScript));
    EXPECT_FALSE(html.contains(QStringLiteral("\"quoted\"")));
    EXPECT_TRUE(html.contains(QStringLiteral("<td>") + kScriptEscaped + QStringLiteral("</td>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<td>main.&quot;quoted&quot;&amp;&apos;single&apos;</td>")));
    EXPECT_TRUE(html.contains(QStringLiteral("\u2022 ") + kScriptEscaped));
    EXPECT_EQ(embeddedImages(html).size(), 1u);

    // The SVG export of the same flame graph escapes the names it draws as text.
    ui::ExportRequest request;
    request.format = ui::ExportRequest::Format::Svg;
    request.path = outputFile(temp, QStringLiteral("markup-flame.svg"));
    ASSERT_TRUE(window.windowExport()->exportTo(request));
    const QString svg = readText(request.path);
    EXPECT_FALSE(svg.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    EXPECT_TRUE(svg.contains(QStringLiteral("&lt;script&gt;")));
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
}

TEST(HeadlessReportTest, WritesTheReportOfAFile)
{
    QTemporaryDir temp;
    const QString out = outputFile(temp, QStringLiteral("headless-report.html"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), temp.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(GOROSCOPE_GUI_BINARY),
                  {QStringLiteral("--report"), out, QStringLiteral("--input"),
                   QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/trace/go126_sched.trace"), QStringLiteral("--note"),
                   QStringLiteral("Seen at 12:00 & <again>")});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QString html = readText(out);
    expectSafeAndWellFormed(html);
    EXPECT_TRUE(html.contains(QStringLiteral("Seen at 12:00 &amp; &lt;again&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h2>Goroutines by state</h2>")));
    EXPECT_FALSE(embeddedImages(html).empty());

    process.start(QStringLiteral(GOROSCOPE_GUI_BINARY), {QStringLiteral("--report"), out});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 1);
    EXPECT_TRUE(QString::fromLocal8Bit(process.readAllStandardError()).contains(QStringLiteral("--input")));
}

TEST(HeadlessReportTest, WritesAPictureOfTheWindowInEitherTheme)
{
    QTemporaryDir temp;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), temp.path());
    process.setProcessEnvironment(env);
    int lightness[2] = {};
    for (int dark = 0; dark < 2; ++dark) {
        const QString out = outputFile(temp, dark ? QStringLiteral("dark.png") : QStringLiteral("light.png"));
        process.start(QStringLiteral(GOROSCOPE_GUI_BINARY),
                      {QStringLiteral("--screenshot"), out, QStringLiteral("--input"),
                       QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/trace/go126_sched.trace"), QStringLiteral("--size"),
                       QStringLiteral("1600x1000"), QStringLiteral("--theme"),
                       dark ? QStringLiteral("dark") : QStringLiteral("light")});
        ASSERT_TRUE(process.waitForFinished(60000));
        ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
        const QImage picture(out);
        ASSERT_EQ(picture.size(), QSize(1600, 1000));
        int64_t sum = 0;
        for (int y = 0; y < picture.height(); y += 4)
            for (int x = 0; x < picture.width(); x += 4)
                sum += QColor(picture.pixel(x, y)).lightness();
        lightness[dark] = int(sum / ((picture.height() / 4) * (picture.width() / 4)));
    }
    EXPECT_GT(lightness[0], 170) << "light window";
    EXPECT_LT(lightness[1], 90) << "dark window";
    process.start(QStringLiteral(GOROSCOPE_GUI_BINARY),
                  {QStringLiteral("--screenshot"), outputFile(temp, QStringLiteral("x.png")), QStringLiteral("--input"),
                   QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/trace/go126_sched.trace"), QStringLiteral("--theme"),
                   QStringLiteral("purple")});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 1);
    EXPECT_TRUE(QString::fromLocal8Bit(process.readAllStandardError()).contains(QStringLiteral("--theme purple")));
}

} // namespace
} // namespace gs::app
