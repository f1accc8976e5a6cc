// SPDX-License-Identifier: MIT
#include "app/gui/headless_export.h"

#include "core/analysis/trace_profiles.h"
#include "core/load/load_file.h"
#include "widgets/common/value_format.h"
#include "widgets/dump/dump_panel.h"
#include "widgets/export/exporter.h"
#include "widgets/export/view_sources.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/goroutines/goroutine_table.h"
#include "widgets/profile/profile_compute.h"
#include "widgets/profile/profile_session.h"
#include "widgets/timeline/timeline_view.h"
#include "widgets/trace/trace_session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

#include <memory>

namespace gs::app {

namespace {

// A filter over a huge trace may take minutes; a script must still never hang for ever.
constexpr int kWaitMs = 10 * 60 * 1000;

QString tr(const char* text)
{
    return QCoreApplication::translate("gs::app::HeadlessExport", text);
}

QString opt(const char* name)
{
    return QString::fromLatin1(name);
}

// Runs the event loop until `sender` emits `signal`; false when that takes longer than kWaitMs.
template<typename Object, typename Signal>
bool waitFor(const Object* sender, Signal signal)
{
    QEventLoop loop;
    QTimer::singleShot(kWaitMs, &loop, [&loop] { loop.exit(1); });
    QObject::connect(sender, signal, &loop, [&loop] { loop.exit(0); });
    return loop.exec() == 0;
}

// Lays `widget` out at `size` as a shown window would be, without showing it on any screen. A panel
// of controls keeps its minimum size: squeezed below it, its controls would overlap.
void showOffscreen(QWidget& widget, QSize size)
{
    widget.setAttribute(Qt::WA_DontShowOnScreen);
    widget.resize(size);
    widget.show();
}

// The loaded capture and what the options resolved to.
struct Input
{
    const HeadlessExportArgs& args;
    StorePtr store;
    GoroutineRow goroutine = kNoRow;
};

// A view built offscreen: the widget owns everything the source borrows (sessions are its children).
struct BuiltView
{
    std::unique_ptr<QWidget> widget;
    ui::ExportSource source;
    ui::ExportCaption caption;
    ui::Annotation pin; // where a note goes; its text comes from --note
};

using Built = std::optional<QString>; // why the view could not be built, or nothing

Built buildFlame(const Input& in, BuiltView& out)
{
    if (!in.args.range.isEmpty())
        return tr("--range applies to the timeline and goroutines views");
    StorePtr profileStore = in.store;
    if (in.store->trace) {
        const TraceData& trace = *in.store->trace;
        // Go's own default is the CPU profile; a trace recorded without it still has its blocking.
        std::optional<TraceProfileKind> kind = trace.cpuSamples.empty() ? TraceProfileKind::Sync : TraceProfileKind::Cpu;
        if (!in.args.profile.isEmpty())
            kind = parseTraceProfileKind(in.args.profile.toStdString());
        if (!kind)
            return tr("--profile %1: expected cpu, net, sync, syscall or sched").arg(in.args.profile);
        if (*kind == TraceProfileKind::Cpu && trace.cpuSamples.empty())
            return tr("%1: the trace has no CPU samples; choose --profile net, sync, syscall or sched").arg(in.args.input);
        std::vector<uint8_t> keep;
        if (in.goroutine != kNoRow) {
            keep.assign(trace.goroutines.size(), 0);
            keep[in.goroutine] = 1;
            out.caption.filters << tr("Goroutine %1").arg(trace.goroutines[in.goroutine].id);
        }
        profileStore = deriveTraceProfile(*in.store, *kind, keep);
        out.caption.scope = tr("%1 profile of the trace").arg(QString::fromLatin1(traceProfileName(*kind)));
    } else if (!in.args.profile.isEmpty()) {
        return tr("--profile applies to execution traces");
    }
    if (!profileStore->profile)
        return tr("%1: has no stacks to draw a flame graph of").arg(in.args.input);
    ui::ProfileQuery query;
    query.sampleType = profileStore->profile->defaultSampleType;
    auto result = ui::computeProfile(profileStore, nullptr, query);
    if (!result)
        return QString::fromStdString(result.error().message);
    auto view = std::make_unique<ui::FlameGraphView>();
    showOffscreen(*view, in.args.size);
    view->setData({(*result)->symbols, (*result)->tree, (*result)->sampleType.unit});
    const QString type = QString::fromStdString((*result)->sampleType.type);
    out.caption.scope = out.caption.scope.isEmpty() ? type : out.caption.scope + QStringLiteral(", ") + type;
    out.source = ui::flameSource(*view);
    out.widget = std::move(view);
    return std::nullopt;
}

Built buildTimeline(const Input& in, BuiltView& out)
{
    if (!in.store->trace)
        return tr("%1: the timeline needs an execution trace").arg(in.args.input);
    const TraceData& trace = *in.store->trace;
    auto view = std::make_unique<ui::TimelineView>();
    showOffscreen(*view, in.args.size);
    view->setStore(in.store);
    if (in.goroutine != kNoRow) {
        const Goroutine& g = trace.goroutines[in.goroutine];
        view->selectGoroutine(in.goroutine);
        view->setTimeRange(g.createdNs, g.endNs >= 0 ? g.endNs : trace.endNs);
        out.caption.filters << tr("Goroutine %1 selected").arg(g.id);
        out.pin.anchor.goroutine = in.goroutine;
    }
    if (!in.args.range.isEmpty()) {
        const GoroutineFilter f = ui::toGoroutineFilter({{ui::ConditionKind::TimeRange, {in.args.range.toStdString()}}},
                                                        trace.startNs);
        view->setTimeRange(f.fromNs.value_or(trace.startNs), f.toNs.value_or(trace.endNs));
    }
    out.caption.scope = ui::traceRangeText(trace, view->window().startNs, view->window().endNs);
    out.source = ui::timelineSource(*view, in.args.size);
    out.widget = std::move(view);
    return std::nullopt;
}

Built buildTraceTable(const Input& in, BuiltView& out)
{
    auto* session = new ui::TraceSession;
    auto table = std::make_unique<ui::GoroutineTable>(session);
    session->setParent(table.get());
    showOffscreen(*table, in.args.size);
    session->setStore(in.store, ui::prepareTraceViews(in.store));
    if (!in.args.range.isEmpty())
        session->addCondition(ui::ConditionKind::TimeRange, in.args.range.toStdString());
    QString failure;
    QObject::connect(session, &ui::TraceSession::filterFailed, session, [&failure](const QString& m) { failure = m; });
    while (session->isFiltering()) {
        if (!waitFor(session, &ui::TraceSession::filteringChanged))
            return tr("%1: filtering the goroutines took too long").arg(in.args.input);
    }
    if (!session->result())
        return failure.isEmpty() ? tr("%1: could not filter the goroutines").arg(in.args.input) : failure;
    if (in.goroutine != kNoRow) {
        session->setSelectedGoroutine(in.goroutine);
        out.pin.anchor.goroutine = in.goroutine;
    }
    out.caption.scope = tr("%1 of %2 goroutines").arg(session->result()->kept).arg(session->goroutineCount());
    out.caption.filters << ui::goroutineFilterTexts(session->conditions());
    out.source = ui::goroutineTableSource(*table);
    out.widget = std::move(table);
    return std::nullopt;
}

Built buildDumpPanel(const Input& in, BuiltView& out)
{
    auto* session = new ui::ProfileSession;
    auto panel = std::make_unique<ui::DumpPanel>(session);
    session->setParent(panel.get());
    showOffscreen(*panel, in.args.size);
    // As the dump page does: the session gets the store first, then the panel.
    session->setStore(in.store);
    panel->setStore(in.store);
    if (!panel->view() && !waitFor(panel.get(), &ui::DumpPanel::viewChanged))
        return tr("%1: grouping the goroutines took too long").arg(in.args.input);
    const ui::DumpView& view = *panel->view();
    out.caption.scope = tr("%1 in %2")
                            .arg(ui::formatCount(view.goroutines, tr("goroutine"), tr("goroutines")),
                                 ui::formatCount(int64_t(view.groups.size()), tr("group"), tr("groups")));
    out.source = ui::widgetSource(*panel);
    out.widget = std::move(panel);
    return std::nullopt;
}

Built buildGoroutines(const Input& in, BuiltView& out)
{
    if (in.store->trace)
        return buildTraceTable(in, out);
    if (in.store->dump)
        return buildDumpPanel(in, out);
    return tr("%1: the goroutines view needs an execution trace or a goroutine dump").arg(in.args.input);
}

// --goroutine and --range checked against the loaded capture.
Built resolveInput(Input& in)
{
    const TraceData* trace = in.store->trace ? &*in.store->trace : nullptr;
    if (!in.args.goroutine.isEmpty()) {
        bool ok = false;
        const qlonglong id = in.args.goroutine.toLongLong(&ok);
        if (!trace)
            return tr("--goroutine applies to execution traces");
        in.goroutine = ok ? trace->rowOf(id) : kNoRow;
        if (in.goroutine == kNoRow)
            return tr("--goroutine %1: no such goroutine in the trace").arg(in.args.goroutine);
    }
    if (!in.args.range.isEmpty()) {
        if (!trace)
            return tr("--range applies to execution traces");
        if (const auto why = ui::validateCondition(ui::ConditionKind::TimeRange, in.args.range.toStdString()))
            return tr("--range %1: %2").arg(in.args.range, *why);
    }
    return std::nullopt;
}

} // namespace

void addHeadlessExportOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {opt("export"), tr("Render VIEW (flame, timeline or goroutines) of --input offscreen to --output, then exit."), opt("view")},
        {opt("input"), tr("The capture to export (with --export)."), opt("file")},
        {opt("output"), tr("The file to write; .png, .svg or .pdf picks the format."), opt("out")},
        {opt("goroutine"), tr("Select, reveal and zoom to goroutine G; a trace's flame graph counts only G."), opt("G")},
        {opt("range"), tr("Time since the trace start: shown by the timeline, filters the goroutines (e.g. 10ms..250ms)."), opt("start..end")},
        {opt("note"), tr("A text note drawn on the view."), opt("text")},
        {opt("caption"), tr("Your words in the caption band."), opt("text")},
        {opt("no-caption"), tr("Leave out the caption band (file, time range, filters).")},
        {opt("profile"), tr("A trace's flame graph: cpu, net, sync, syscall or sched (default cpu when sampled, else sync)."), opt("kind")},
        {opt("size"), tr("The view's size in pixels (default 1600x1000; a flame graph grows to show all its rows, a panel to its minimum size)."), opt("WxH")},
        {opt("scale"), tr("PNG pixels per view pixel: 2 for high DPI (default 1)."), opt("ratio")},
    });
}

bool isHeadlessExport(const QCommandLineParser& parser)
{
    return parser.isSet(opt("export"));
}

std::optional<QSize> headlessSize(const QCommandLineParser& parser, QString* error)
{
    if (!parser.isSet(opt("size")))
        return HeadlessExportArgs{}.size;
    static const QRegularExpression kSize(QStringLiteral("^(\\d{1,5})x(\\d{1,5})$"));
    const QRegularExpressionMatch m = kSize.match(parser.value(opt("size")));
    const QSize size = m.hasMatch() ? QSize(m.captured(1).toInt(), m.captured(2).toInt()) : QSize();
    if (size.width() < 16 || size.height() < 16 || size.width() > 20000 || size.height() > 20000) {
        *error = tr("--size %1: expected WIDTHxHEIGHT in pixels, 16 to 20000 each").arg(parser.value(opt("size")));
        return std::nullopt;
    }
    return size;
}

std::optional<HeadlessExportArgs> headlessExportArgs(const QCommandLineParser& parser, QString* error)
{
    HeadlessExportArgs a;
    a.view = parser.value(opt("export"));
    a.input = parser.value(opt("input"));
    a.output = parser.value(opt("output"));
    a.goroutine = parser.value(opt("goroutine"));
    a.range = parser.value(opt("range"));
    a.note = parser.value(opt("note"));
    a.caption = parser.value(opt("caption"));
    a.profile = parser.value(opt("profile"));
    a.withCaption = !parser.isSet(opt("no-caption"));
    if (a.input.isEmpty() || a.output.isEmpty()) {
        *error = tr("--export needs --input FILE and --output OUT.png|svg|pdf");
        return std::nullopt;
    }
    const std::optional<QSize> size = headlessSize(parser, error);
    if (!size)
        return std::nullopt;
    a.size = *size;
    if (parser.isSet(opt("scale"))) {
        bool ok = false;
        a.scale = parser.value(opt("scale")).toDouble(&ok);
        if (!ok || a.scale < 1 || a.scale > 4) {
            *error = tr("--scale %1: expected a ratio from 1 to 4").arg(parser.value(opt("scale")));
            return std::nullopt;
        }
    }
    return a;
}

std::optional<QString> runHeadlessExport(const HeadlessExportArgs& args)
{
    using Builder = Built (*)(const Input&, BuiltView&);
    const Builder build = args.view == QLatin1String("flame")        ? buildFlame
                          : args.view == QLatin1String("timeline")   ? buildTimeline
                          : args.view == QLatin1String("goroutines") ? buildGoroutines
                                                                     : nullptr;
    if (!build)
        return tr("--export %1: unknown view (expected flame, timeline or goroutines)").arg(args.view);
    if (!ui::exportFormatFor(args.output))
        return tr("--output %1: the name must end in .png, .svg or .pdf").arg(args.output);
    LoadContext context;
    Result<StorePtr> loaded = loadFile(QFile::encodeName(args.input).toStdString(), context);
    if (!loaded)
        return QString::fromStdString(loaded.error().message);
    Input in{args, std::move(*loaded)};
    if (Built problem = resolveInput(in))
        return problem;
    BuiltView view;
    if (Built problem = build(in, view))
        return problem;
    ui::ExportOptions options;
    options.pixelRatio = args.scale;
    if (args.withCaption) {
        view.caption.file = QFileInfo(args.input).fileName();
        view.caption.text = args.caption;
        options.caption = view.caption;
    }
    if (!args.note.isEmpty()) {
        ui::Annotation note = view.pin;
        note.text = args.note;
        options.notes.push_back(note);
    }
    return ui::exportToFile(view.source, options, args.output);
}

} // namespace gs::app
