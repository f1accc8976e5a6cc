// SPDX-License-Identifier: MIT
// Frame time of the timeline renderer on a synthetic trace of 10 million spans over 100,000
// goroutines (half of the spans on 100 busy goroutines, so the first screen is the worst case for
// folding), rendered offscreen into a 1920x1080 QImage through paintTimeline, the screen's paint
// path. Target: <= 16 ms per frame at any zoom.
#include "tests/support/synthetic_trace.h"
#include "widgets/timeline/timeline_index.h"
#include "widgets/timeline/timeline_layout.h"
#include "widgets/timeline/timeline_painter.h"

#include <benchmark/benchmark.h>

#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <memory>

namespace {

using namespace gs;
using namespace gs::ui;

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;

// Built once: generating 10M spans takes seconds and ~0.5 GB.
struct Fixture
{
    std::shared_ptr<EventStore> store;
    std::unique_ptr<TimelineIndex> index;
    TimelineLayout byId;    // ungrouped, by ID: the busy goroutines are the first rows
    TimelineLayout grouped; // grouped by start function, as the view starts

    static Fixture& get()
    {
        static Fixture f = [] {
            Fixture x;
            x.store = gs::fixtures::makeSyntheticTrace({});
            x.index = std::make_unique<TimelineIndex>(*x.store);
            TimelineLayout::Options opt;
            opt.grouped = false;
            x.byId = TimelineLayout(*x.store->trace, *x.index, opt);
            x.grouped = TimelineLayout(*x.store->trace, *x.index, TimelineLayout::Options{});
            return x;
        }();
        return f;
    }
};

enum Case
{
    FullZoomOutBusyRows,
    FullZoomOutQuietRows,
    FullZoomOutGrouped,
    MidZoomBusyRows,
    OneGoroutineZoomedIn,
};

void BM_TimelineFrame(benchmark::State& state)
{
    Fixture& f = Fixture::get();
    const TraceData& t = *f.store->trace;
    TimelineScene scene;
    scene.trace = &t;
    scene.symbols = &f.store->symbols;
    scene.index = f.index.get();
    scene.layout = &f.byId;
    scene.labelWidth = 200;
    scene.window = TimeWindow{t.startNs, t.endNs, kWidth - scene.labelWidth};
    switch (Case(state.range(0))) {
    case FullZoomOutBusyRows:
        state.SetLabel("full zoom-out, busy rows");
        break;
    case FullZoomOutQuietRows:
        scene.scrollY = f.byId.totalHeight() / 2;
        state.SetLabel("full zoom-out, rows in the middle");
        break;
    case FullZoomOutGrouped:
        scene.layout = &f.grouped;
        state.SetLabel("full zoom-out, grouped");
        break;
    case MidZoomBusyRows: {
        const TimeNs d = (t.endNs - t.startNs) / 50;
        scene.window = TimeWindow{t.startNs + 20 * d, t.startNs + 21 * d, scene.window.widthPx};
        state.SetLabel("1/50 of the trace, busy rows");
        break;
    }
    case OneGoroutineZoomedIn: {
        // About 40 spans of the first busy goroutine.
        const uint32_t first = t.spans.offsets[0] + 20'000;
        scene.window = TimeWindow{t.spans.startOf(first), t.spans.endOf(first + 40), scene.window.widthPx};
        state.SetLabel("40 spans of one goroutine");
        break;
    }
    }
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(12);
    for (auto _ : state) {
        QPainter painter(&image);
        painter.setFont(font);
        paintTimeline(painter, scene, image.rect());
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["spans"] = double(t.spans.size());
    state.counters["goroutines"] = double(t.goroutines.size());
}
BENCHMARK(BM_TimelineFrame)
    ->Arg(FullZoomOutBusyRows)
    ->Arg(FullZoomOutQuietRows)
    ->Arg(FullZoomOutGrouped)
    ->Arg(MidZoomBusyRows)
    ->Arg(OneGoroutineZoomedIn)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

// Building the per-store index and the layout for 100,000 goroutines (done once per store or
// sort change, not per frame).
void BM_TimelineLayout(benchmark::State& state)
{
    Fixture& f = Fixture::get();
    for (auto _ : state) {
        TimelineLayout layout(*f.store->trace, *f.index, TimelineLayout::Options{});
        benchmark::DoNotOptimize(layout.totalHeight());
    }
}
BENCHMARK(BM_TimelineLayout)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
