// SPDX-License-Identifier: MIT
#include "app/gui/headless_export.h"
#include "app/gui/main_window.h"
#include "app/gui/window_export.h"
#include "core/base/load_context.h"
#include "core/load/load_file.h"
#include "tests/widgets/test_profiles.h"
#include "widgets/export/export_dialog.h"
#include "widgets/export/exporter.h"
#include "widgets/export/view_sources.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/profile/profile_compute.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_page.h"
#include "widgets/trace/trace_session.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLineEdit>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <tuple>

namespace gs::app {
namespace {

constexpr int kTimeoutMs = 20000;
const QSize kSize(800, 500);
// Markup in the note proves the SVG escapes what people type, not only what files hold.
const QString kNote = QStringLiteral("Stalls here & <there>");

QString fixture(const char* relative)
{
    return QStringLiteral(GOROSCOPE_TEST_DATA_DIR "/") + QString::fromUtf8(relative);
}

StorePtr load(const QString& path)
{
    LoadContext context;
    auto loaded = loadFile(path.toStdString(), context);
    EXPECT_TRUE(loaded.ok()) << (loaded ? std::string() : loaded.error().message);
    return loaded ? *loaded : nullptr;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

// Where pictures go: GOROSCOPE_RENDER_DIR when set, so a person can open them, else a temporary
// folder removed after the test.
class OutputDir
{
public:
    QString file(const QString& name) const
    {
        const QString kept = qEnvironmentVariable("GOROSCOPE_RENDER_DIR");
        return QDir(kept.isEmpty() ? m_temp.path() : kept).filePath(name);
    }

private:
    QTemporaryDir m_temp;
};

// Distinct colours of an image, counted up to `enough`: a blank or one-colour picture has 1 or 2.
int distinctColours(const QImage& image, int enough = 16)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> seen;
    for (int y = 0; y < rgb.height() && seen.size() < enough; y += 2) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width() && seen.size() < enough; ++x)
            seen.insert(line[x]);
    }
    return int(seen.size());
}

// The characters of every <text> element of an SVG (entities decoded), or a parse failure.
::testing::AssertionResult svgText(const QByteArray& svg, QString* text)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            *text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char('\n');
    }
    if (xml.hasError())
        return ::testing::AssertionFailure() << "SVG does not parse: " << xml.errorString().toStdString() << " at line "
                                             << xml.lineNumber();
    return ::testing::AssertionSuccess();
}

// "%PDF" first and at least one page object ("/Type /Page", not the "/Type /Pages" tree).
bool isPdfWithPage(const QByteArray& pdf)
{
    if (!pdf.startsWith("%PDF"))
        return false;
    for (qsizetype at = pdf.indexOf("/Type /Page"); at >= 0; at = pdf.indexOf("/Type /Page", at + 1)) {
        if (pdf.mid(at + 11, 1) != "s")
            return true;
    }
    return false;
}

HeadlessExportArgs exportArgs(const char* view, const char* input, const QString& output)
{
    HeadlessExportArgs args;
    args.view = QString::fromLatin1(view);
    args.input = fixture(input);
    args.output = output;
    args.size = kSize;
    return args;
}

// --- every view in every format, through the headless export -------------------------------

struct ViewCase
{
    const char* name;
    const char* view;
    const char* input;
};
const ViewCase kViews[] = {
    {"FlameOfProfile", "flame", "pprof/cpu.pb.gz"},
    {"FlameOfTrace", "flame", "trace/go126_cpuprof.trace"},
    {"FlameOfDump", "flame", "dumps/leak_after.txt"},
    {"Timeline", "timeline", "trace/go126_sched.trace"},
    {"GoroutinesOfTrace", "goroutines", "trace/go126_sched.trace"},
    {"GoroutinesOfDump", "goroutines", "dumps/leak_after.txt"},
};

struct FormatCase
{
    const char* name;
    const char* suffix;
    double scale;
};
const FormatCase kFormats[] = {{"Png", "png", 1}, {"Png2x", "png", 2}, {"Svg", "svg", 1}, {"Pdf", "pdf", 1}};

class ExportEveryView : public ::testing::TestWithParam<std::tuple<ViewCase, FormatCase>>
{
};

TEST_P(ExportEveryView, WritesAPictureWithItsNote)
{
    const auto& [view, format] = GetParam();
    OutputDir dir;
    HeadlessExportArgs args =
        exportArgs(view.view, view.input, dir.file(QStringLiteral("%1-%2.%3").arg(QString::fromLatin1(view.name), QString::fromLatin1(format.name), QString::fromLatin1(format.suffix))));
    args.scale = format.scale;
    args.note = kNote;
    args.caption = QStringLiteral("exported by the widget tests");
    const std::optional<QString> failure = runHeadlessExport(args);
    ASSERT_FALSE(failure) << failure->toStdString();
    const QByteArray bytes = readAll(args.output);
    const QString suffix = QString::fromLatin1(format.suffix);
    if (suffix == QLatin1String("png")) {
        QImage image;
        ASSERT_TRUE(image.loadFromData(bytes, "PNG"));
        // The goroutines panel of a dump keeps its minimum width; the other views are as asked.
        if (QLatin1String(view.name) == QLatin1String("GoroutinesOfDump"))
            EXPECT_GE(image.width(), int(kSize.width() * format.scale));
        else
            EXPECT_EQ(image.width(), int(kSize.width() * format.scale));
        // The caption band is under the view; a flame graph may grow to show all its rows.
        EXPECT_GT(image.height(), int(kSize.height() * format.scale));
        EXPECT_GE(distinctColours(image), 8) << "the picture looks blank";
    } else if (suffix == QLatin1String("svg")) {
        QString text;
        ASSERT_TRUE(svgText(bytes, &text));
        EXPECT_TRUE(text.contains(kNote)) << "the note is not text in the SVG";
        EXPECT_TRUE(text.contains(QStringLiteral("exported by the widget tests"))) << "no caption text";
        EXPECT_FALSE(bytes.contains("<there>"));
    } else {
        EXPECT_TRUE(isPdfWithPage(bytes)) << bytes.left(200).toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Export, ExportEveryView, ::testing::Combine(::testing::ValuesIn(kViews), ::testing::ValuesIn(kFormats)),
                         [](const ::testing::TestParamInfo<ExportEveryView::ParamType>& param) {
                             return std::string(std::get<0>(param.param).name) + std::get<1>(param.param).name;
                         });

// --- sizes, vectors, pins and errors ------------------------------------------------------------

TEST(ExportHeadless, ViewSizeWithoutCaptionAndTwiceAt2x)
{
    OutputDir dir;
    HeadlessExportArgs args = exportArgs("timeline", "trace/go126_sched.trace", dir.file(QStringLiteral("plain.png")));
    args.withCaption = false;
    ASSERT_FALSE(runHeadlessExport(args));
    const QImage plain(args.output);
    EXPECT_EQ(plain.size(), kSize);

    args.withCaption = true;
    args.output = dir.file(QStringLiteral("captioned.png"));
    ASSERT_FALSE(runHeadlessExport(args));
    const QImage captioned(args.output);
    EXPECT_EQ(captioned.width(), kSize.width());
    EXPECT_GT(captioned.height(), kSize.height());

    args.scale = 2;
    args.output = dir.file(QStringLiteral("captioned-2x.png"));
    ASSERT_FALSE(runHeadlessExport(args));
    EXPECT_EQ(QImage(args.output).size(), captioned.size() * 2);
}

TEST(ExportHeadless, VectorFormatsKeepNamesAsText)
{
    // Not a picture of text: the function and goroutine names are <text> in the SVG.
    OutputDir dir;
    HeadlessExportArgs flame = exportArgs("flame", "pprof/cpu.pb.gz", dir.file(QStringLiteral("names-flame.svg")));
    ASSERT_FALSE(runHeadlessExport(flame));
    QString text;
    ASSERT_TRUE(svgText(readAll(flame.output), &text));
    EXPECT_TRUE(text.contains(QStringLiteral("main.fib"))) << text.left(400).toStdString();
    EXPECT_FALSE(readAll(flame.output).contains("<image")) << "the flame graph was embedded as a bitmap";

    HeadlessExportArgs timeline = exportArgs("timeline", "trace/go126_sched.trace", dir.file(QStringLiteral("names-timeline.svg")));
    ASSERT_FALSE(runHeadlessExport(timeline));
    text.clear();
    ASSERT_TRUE(svgText(readAll(timeline.output), &text));
    EXPECT_TRUE(text.contains(QStringLiteral("G1"))) << text.left(400).toStdString();
    EXPECT_FALSE(readAll(timeline.output).contains("<image")) << "the timeline was embedded as a bitmap";
}

TEST(ExportHeadless, GoroutineIsSelectedZoomedToAndPinned)
{
    const StorePtr store = load(fixture("trace/go126_sched.trace"));
    ASSERT_TRUE(store && store->trace);
    // A goroutine from the middle of the trace: not the first row, so revealing it matters.
    const Goroutine& g = store->trace->goroutines[store->trace->goroutines.size() / 2];
    OutputDir dir;
    HeadlessExportArgs args = exportArgs("timeline", "trace/go126_sched.trace", dir.file(QStringLiteral("goroutine.svg")));
    args.goroutine = QString::number(g.id);
    args.note = kNote;
    ASSERT_FALSE(runHeadlessExport(args));
    const QByteArray svg = readAll(args.output);
    QString text;
    ASSERT_TRUE(svgText(svg, &text));
    EXPECT_TRUE(text.contains(QStringLiteral("Goroutine %1 selected").arg(g.id))) << "the caption names the goroutine";
    EXPECT_TRUE(text.contains(kNote));

    args.output = dir.file(QStringLiteral("goroutine.png"));
    ASSERT_FALSE(runHeadlessExport(args));
    EXPECT_GE(distinctColours(QImage(args.output)), 8);

    args.view = QStringLiteral("goroutines");
    args.output = dir.file(QStringLiteral("goroutine-table.png"));
    ASSERT_FALSE(runHeadlessExport(args));
    EXPECT_GE(distinctColours(QImage(args.output)), 8);
}

TEST(ExportHeadless, RangeShowsThatStretchOfTheTrace)
{
    OutputDir dir;
    HeadlessExportArgs args = exportArgs("timeline", "trace/go126_sched.trace", dir.file(QStringLiteral("range.svg")));
    args.range = QStringLiteral("1ms..2ms");
    ASSERT_FALSE(runHeadlessExport(args));
    QString text;
    ASSERT_TRUE(svgText(readAll(args.output), &text));
    EXPECT_TRUE(text.contains(QStringLiteral("1 ms \u2013 2 ms of"))) << text.right(300).toStdString();

    args.view = QStringLiteral("goroutines");
    args.output = dir.file(QStringLiteral("range-goroutines.svg"));
    ASSERT_FALSE(runHeadlessExport(args));
    text.clear();
    ASSERT_TRUE(svgText(readAll(args.output), &text));
    EXPECT_TRUE(text.contains(QStringLiteral("1ms..2ms"))) << "the range filter is in the caption";
}

TEST(ExportHeadless, BadInputsSayWhyInOneLine)
{
    OutputDir dir;
    const QString out = dir.file(QStringLiteral("never.png"));
    const auto failure = [&](HeadlessExportArgs args) { return runHeadlessExport(args).value_or(QString()); };

    HeadlessExportArgs args = exportArgs("timeline", "trace/go126_sched.trace", out);
    args.view = QStringLiteral("histogram");
    EXPECT_TRUE(failure(args).contains(QStringLiteral("unknown view")));
    args = exportArgs("timeline", "trace/go126_sched.trace", dir.file(QStringLiteral("never.gif")));
    EXPECT_TRUE(failure(args).contains(QStringLiteral(".png, .svg or .pdf")));
    args = exportArgs("timeline", "trace/no-such.trace", out);
    EXPECT_TRUE(failure(args).contains(QStringLiteral("no-such.trace")));
    args = exportArgs("timeline", "pprof/cpu.pb.gz", out);
    EXPECT_TRUE(failure(args).contains(QStringLiteral("needs an execution trace")));
    args = exportArgs("timeline", "trace/go126_sched.trace", out);
    args.goroutine = QStringLiteral("999999999");
    EXPECT_TRUE(failure(args).contains(QStringLiteral("no such goroutine")));
    args = exportArgs("timeline", "trace/go126_sched.trace", out);
    args.range = QStringLiteral("soon..later");
    EXPECT_TRUE(failure(args).startsWith(QStringLiteral("--range soon..later")));
    args = exportArgs("flame", "trace/go126_sched.trace", out);
    args.profile = QStringLiteral("heap");
    EXPECT_TRUE(failure(args).contains(QStringLiteral("expected cpu, net, sync, syscall or sched")));
    args = exportArgs("timeline", "trace/go126_sched.trace", dir.file(QStringLiteral("no-such-folder/x.png")));
    EXPECT_TRUE(failure(args).contains(QStringLiteral("could not write")));
    EXPECT_FALSE(QFile::exists(out));
}

// --- markup in names ----------------------------------------------------------------------------

TEST(ExportMarkup, SvgEscapesFunctionNamesAndUserText)
{
    const std::string script = "<script>alert(1)</script>";
    const std::string quoted = "pkg.(*T).Say\"hi\"&'bye'";
    const StorePtr store = test::ProfileBuilder().sample({"main.main", script, quoted}, {1000}).build("markup.pb.gz");
    auto result = ui::computeProfile(store, nullptr, {});
    ASSERT_TRUE(result.ok());
    ui::FlameGraphView view;
    view.resize(900, 200);
    view.setData({(*result)->symbols, (*result)->tree, (*result)->sampleType.unit});
    ui::ExportOptions options;
    options.caption = ui::ExportCaption{QStringLiteral("a&b<c>.pb.gz"), QStringLiteral("cpu"),
                                        {QStringLiteral("Focus <script>")}, QStringLiteral("\"quoted\" & <b>bold</b>")};
    ui::Annotation note;
    note.text = QString::fromStdString(script);
    note.anchor.function = quoted;
    options.notes.push_back(note);

    OutputDir dir;
    const QString path = dir.file(QStringLiteral("markup.svg"));
    ASSERT_FALSE(ui::exportToFile(ui::flameSource(view), options, path));
    const QByteArray svg = readAll(path);
    EXPECT_FALSE(svg.contains("<script")) << "raw markup reached the SVG";
    EXPECT_FALSE(svg.contains("<b>"));
    EXPECT_TRUE(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_TRUE(svg.contains("&amp;"));
    QString text;
    ASSERT_TRUE(svgText(svg, &text));
    // Decoded, the names read exactly as the profile spells them: frames, note and caption.
    EXPECT_GE(text.count(QString::fromStdString(script)), 2) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(quoted))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("a&b<c>.pb.gz")));
    EXPECT_TRUE(text.contains(QStringLiteral("\"quoted\" & <b>bold</b>")));
}

// --- the window: dialog, actions, clipboard -----------------------------------------------------

TEST(ExportDialog, FormatAndPathSuffixFollowEachOther)
{
    ui::ExportDialog dialog(QStringLiteral("/tmp/cpu-export.png"));
    EXPECT_EQ(dialog.request().format, ui::ExportRequest::Format::Png1x);
    EXPECT_TRUE(dialog.request().caption);
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ui::ExportRequest::Format::Svg)));
    EXPECT_EQ(dialog.pathField()->text(), QStringLiteral("/tmp/cpu-export.svg"));
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(int(ui::ExportRequest::Format::Png2x)));
    EXPECT_EQ(dialog.pathField()->text(), QStringLiteral("/tmp/cpu-export.png"));
    EXPECT_EQ(dialog.request().pixelRatio(), 2);

    dialog.pathField()->setText(QStringLiteral("/tmp/report.v2.pdf"));
    emit dialog.pathField()->editingFinished();
    EXPECT_EQ(dialog.request().format, ui::ExportRequest::Format::Pdf);
    EXPECT_EQ(dialog.pathField()->text(), QStringLiteral("/tmp/report.v2.pdf"));

    dialog.captionBox()->setChecked(false);
    EXPECT_FALSE(dialog.captionField()->isEnabled());
    dialog.noteField()->setText(QStringLiteral("  look  "));
    dialog.targetBox()->setCurrentIndex(1);
    const ui::ExportRequest r = dialog.request();
    EXPECT_FALSE(r.caption);
    EXPECT_EQ(r.note, QStringLiteral("look"));
    EXPECT_EQ(r.target, ui::ExportRequest::Target::WholeWindow);
}

class ExportWindow : public ::testing::Test
{
protected:
    // Shows a capture the way a finished load does, and waits for the views' background work.
    void open(const char* relative)
    {
        const QString path = fixture(relative);
        window.resize(1200, 800);
        window.show();
        window.setStore(load(path), path);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                return window.currentPage() == window.tracePage() ? !window.tracePage()->session()->isFiltering()
                                                                   : window.session()->result() != nullptr;
            },
            kTimeoutMs));
    }

    MainWindow window;
    OutputDir dir;
};

TEST_F(ExportWindow, ExportsTheCurrentViewAndTheWholeWindowInEveryFormat)
{
    open("pprof/cpu.pb.gz");
    WindowExport* exporter = window.windowExport();
    ASSERT_TRUE(exporter->exportAction()->isEnabled());
    EXPECT_EQ(exporter->exportAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    for (const auto target : {ui::ExportRequest::Target::CurrentView, ui::ExportRequest::Target::WholeWindow}) {
        for (const auto format : {ui::ExportRequest::Format::Png1x, ui::ExportRequest::Format::Png2x,
                                  ui::ExportRequest::Format::Svg, ui::ExportRequest::Format::Pdf}) {
            ui::ExportRequest request;
            request.target = target;
            request.format = format;
            request.note = kNote;
            request.path = dir.file(QStringLiteral("window-%1-%2.%3")
                                        .arg(int(target))
                                        .arg(int(format))
                                        .arg(format == ui::ExportRequest::Format::Svg   ? QStringLiteral("svg")
                                             : format == ui::ExportRequest::Format::Pdf ? QStringLiteral("pdf")
                                                                                        : QStringLiteral("png")));
            ASSERT_TRUE(exporter->exportTo(request)) << request.path.toStdString();
            const QByteArray bytes = readAll(request.path);
            if (format == ui::ExportRequest::Format::Svg) {
                QString text;
                ASSERT_TRUE(svgText(bytes, &text));
                EXPECT_TRUE(text.contains(kNote));
                EXPECT_TRUE(text.contains(QStringLiteral("cpu.pb.gz"))) << "the caption names the file";
            } else if (format == ui::ExportRequest::Format::Pdf) {
                EXPECT_TRUE(isPdfWithPage(bytes));
            } else {
                QImage image;
                ASSERT_TRUE(image.loadFromData(bytes, "PNG"));
                const QSize logical = ui::exportSize(exporter->sourceFor(target), exporter->optionsFor(request));
                EXPECT_EQ(image.size(), logical * request.pixelRatio());
                EXPECT_GE(distinctColours(image), 8);
            }
        }
    }
    EXPECT_EQ(ui::exportSize(exporter->sourceFor(ui::ExportRequest::Target::WholeWindow), {}), window.size());
}

TEST_F(ExportWindow, TraceCaptionHasTheTimeRangeAndFiltersAndTheNoteIsPinned)
{
    open("trace/go126_sched.trace");
    ui::TraceSession* session = window.tracePage()->session();
    session->addCondition(ui::ConditionKind::EverState, "waiting");
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session->isFiltering(); }, kTimeoutMs));
    // The last goroutine the filter keeps: far down the rows, so it has to be revealed.
    const std::vector<uint8_t>& keep = session->result()->keep;
    GoroutineRow row = GoroutineRow(keep.size());
    while (row > 0 && !keep[--row]) {
    }
    ASSERT_TRUE(keep[row]);
    session->setSelectedGoroutine(row);

    ui::ExportRequest request;
    request.note = kNote;
    request.captionText = QStringLiteral("the slow part");
    const ui::ExportOptions options = window.windowExport()->optionsFor(request);
    ASSERT_TRUE(options.caption);
    EXPECT_TRUE(options.caption->scope.contains(QStringLiteral(" of "))) << options.caption->scope.toStdString();
    EXPECT_EQ(options.caption->filters, ui::goroutineFilterTexts(session->conditions()));
    EXPECT_EQ(options.caption->text, QStringLiteral("the slow part"));
    ASSERT_EQ(options.notes.size(), 1u);
    EXPECT_EQ(options.notes[0].anchor.goroutine, row);
    // The selected goroutine was revealed, so its row is in view and the note points at it.
    const ui::ExportSource source = window.windowExport()->sourceFor(ui::ExportRequest::Target::CurrentView);
    const std::optional<QPoint> pinned = source.resolve(options.notes[0], options.notes[0].anchor);
    ASSERT_TRUE(pinned.has_value());
    EXPECT_TRUE(source.dataArea.contains(*pinned));
    // In the whole window the note points at the same row, where the timeline sits in it.
    const ui::ExportSource whole = window.windowExport()->sourceFor(ui::ExportRequest::Target::WholeWindow);
    const std::optional<QPoint> inWindow = whole.resolve(options.notes[0], options.notes[0].anchor);
    ASSERT_TRUE(inWindow.has_value());
    EXPECT_EQ(*inWindow, *pinned + window.tracePage()->timeline()->viewport()->mapTo(&window, QPoint(0, 0)));
    EXPECT_TRUE(whole.dataArea.contains(*inWindow));

    request.path = dir.file(QStringLiteral("trace-window.png"));
    ASSERT_TRUE(window.windowExport()->exportTo(request));
    EXPECT_GE(distinctColours(QImage(request.path)), 8);
}

TEST_F(ExportWindow, CopiesTheViewAt2xToTheClipboard)
{
    open("pprof/cpu.pb.gz");
    window.windowExport()->copyAction()->trigger();
    const QImage copied = QGuiApplication::clipboard()->image();
    ui::ExportRequest request;
    const QSize logical = ui::exportSize(window.windowExport()->sourceFor(request.target), window.windowExport()->optionsFor(request));
    EXPECT_EQ(copied.size(), logical * 2);
    EXPECT_GE(distinctColours(copied), 8);
}

TEST_F(ExportWindow, DialogExportsWhenAccepted)
{
    open("pprof/cpu.pb.gz");
    ui::ExportDialog* dialog = window.windowExport()->openDialog();
    const QString path = dir.file(QStringLiteral("from-dialog.pdf"));
    dialog->pathField()->setText(path);
    emit dialog->pathField()->editingFinished();
    EXPECT_EQ(dialog->request().format, ui::ExportRequest::Format::Pdf);
    dialog->accept();
    EXPECT_TRUE(isPdfWithPage(readAll(path)));
}

// --- the real binary ----------------------------------------------------------------------------

TEST(ExportBinary, RendersWithoutADisplayAndFailsInOneLine)
{
    OutputDir dir;
    const QString out = dir.file(QStringLiteral("binary-timeline.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Without it Qt adds a line of its own to stderr; the one line checked below is ours.
    const QTemporaryDir runtime;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(GOROSCOPE_GUI_BINARY),
                  {QStringLiteral("--export"), QStringLiteral("timeline"), QStringLiteral("--input"), fixture("trace/go126_sched.trace"),
                   QStringLiteral("--output"), out, QStringLiteral("--size"), QStringLiteral("640x400"),
                   QStringLiteral("--no-caption"), QStringLiteral("--note"), kNote});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    const QImage image(out);
    EXPECT_EQ(image.size(), QSize(640, 400));
    EXPECT_GE(distinctColours(image), 8);

    process.start(QStringLiteral(GOROSCOPE_GUI_BINARY),
                  {QStringLiteral("--export"), QStringLiteral("flame"), QStringLiteral("--input"), fixture("pprof/no-such.pb.gz"),
                   QStringLiteral("--output"), dir.file(QStringLiteral("never.svg"))});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 1);
    const QString error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    EXPECT_TRUE(error.startsWith(QStringLiteral("goroscope: "))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("no-such.pb.gz"))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
}

} // namespace
} // namespace gs::app
