// SPDX-License-Identifier: MIT
#include "core/analysis/flame_tree.h"
#include "core/analysis/stack_selection.h"
#include "tests/widgets/test_profiles.h"
#include "widgets/flamegraph/flame_graph_view.h"
#include "widgets/flamegraph/flame_paths.h"
#include "widgets/flamegraph/flame_palette.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QImage>
#include <QSet>

namespace gs::ui {
namespace {

constexpr int kWidth = 800;
constexpr int kHeight = 200;

// Renders trees through FlameGraphView::renderImage (the screen's paint path) and checks pixels at
// positions computed from the layout: a frame's top-left interior pixel is never covered by text.
class FlameRenderTest : public ::testing::Test
{
protected:
    void show(StorePtr s, const WeightedStacks* base = nullptr)
    {
        store = std::move(s);
        auto stacks = selectProfileStacks(*store, 0, {});
        ASSERT_TRUE(stacks.ok());
        tree = std::make_shared<FlameTree>(FlameTree::build(store->symbols, *stacks, {}, base));
        view.resize(kWidth, kHeight);
        view.setData({std::shared_ptr<const Symbols>(store, &store->symbols), tree, "nanoseconds"});
    }
    uint32_t node(const std::vector<std::string>& path) const
    {
        const std::optional<uint32_t> n = findPath(*tree, store->symbols, path);
        EXPECT_TRUE(n.has_value()) << "no frame path ending in " << path.back();
        return n.value_or(0);
    }
    // Colour just inside the top-left corner of a node's frame in `image`.
    QColor colourAt(const QImage& image, uint32_t n) const
    {
        const FlameLayout layout = FlameLayout::compute(*tree, view.zoomRoot(), kWidth);
        const int i = layout.indexOfNode(n);
        EXPECT_GE(i, 0);
        const QRect box = FlameGeometry(image.rect(), view.orientation()).rectFor(layout.rects()[size_t(std::max(i, 0))]);
        return image.pixelColor(box.left() + 1, box.top() + 1);
    }
    // Keeps the picture for a person to open, when GOROSCOPE_RENDER_DIR names a folder.
    void save(const QImage& image, const char* name) const
    {
        const QString dir = qEnvironmentVariable("GOROSCOPE_RENDER_DIR");
        if (!dir.isEmpty())
            image.save(QDir(dir).filePath(QString::fromUtf8(name) + QStringLiteral(".png")));
    }

    StorePtr store;
    std::shared_ptr<FlameTree> tree;
    FlameGraphView view;
};

TEST_F(FlameRenderTest, FramesArePaintedInTheirPackageColour)
{
    show(test::smallCpuProfile());
    const QImage image = view.renderImage(QSize(kWidth, kHeight));
    save(image, "flame_render_icicle");
    EXPECT_EQ(colourAt(image, node({"main.main", "compute.work"})), flame_palette::frameColor("compute.work"));
    EXPECT_EQ(colourAt(image, node({"main.main", "runtime.mallocgc"})), flame_palette::frameColor("runtime.mallocgc"));
    EXPECT_EQ(colourAt(image, 0), flame_palette::rootColor());
    // Icicle: the root row is at the top.
    EXPECT_EQ(image.pixelColor(2, 1), flame_palette::rootColor());

    // Not blank: frames, text and background give many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    EXPECT_GT(colours.size(), 8);
}

TEST_F(FlameRenderTest, RuntimeFramesHaveADistinctHue)
{
    const QColor runtime = flame_palette::frameColor("runtime.mallocgc");
    const QColor user = flame_palette::frameColor("compute.work");
    EXPECT_GT(runtime.blue(), runtime.red());
    EXPECT_GT(user.red(), user.blue());
    EXPECT_EQ(flame_palette::frameColor("net/http.(*conn).serve"), flame_palette::frameColor("net/http.Get"));
}

TEST_F(FlameRenderTest, FlameOrientationPutsTheRootAtTheBottom)
{
    show(test::smallCpuProfile());
    view.setOrientation(FlameOrientation::Flame);
    const QImage image = view.renderImage(QSize(kWidth, kHeight));
    save(image, "flame_render_flame");
    EXPECT_EQ(image.pixelColor(2, kHeight - FlameGeometry::kRowHeight + 1), flame_palette::rootColor());
    EXPECT_EQ(image.pixelColor(2, 1), view.palette().color(QPalette::Base));
    EXPECT_EQ(colourAt(image, node({"main.main", "compute.work"})), flame_palette::frameColor("compute.work"));
}

TEST_F(FlameRenderTest, SearchHighlightsMatchesAndFadesTheRest)
{
    show(test::smallCpuProfile());
    ASSERT_TRUE(view.setSearch(QStringLiteral("json")).isEmpty());
    const QImage image = view.renderImage(QSize(kWidth, kHeight));
    save(image, "flame_render_search");
    const uint32_t marshal = node({"main.main", "net/http.(*conn).serve", "encoding/json.Marshal"});
    EXPECT_EQ(colourAt(image, marshal), flame_palette::searchMatchColor());
    EXPECT_EQ(colourAt(image, node({"main.main", "compute.work"})),
              flame_palette::faded(flame_palette::frameColor("compute.work")));
}

TEST_F(FlameRenderTest, NarrowFramesBecomeOneGreyBlock)
{
    test::ProfileBuilder b;
    b.sample({"main.main", "big.work"}, {10000});
    for (int i = 0; i < 40; ++i)
        b.sample({"main.main", "tiny.f" + std::to_string(i)}, {10});
    show(b.build());
    const QImage image = view.renderImage(QSize(kWidth, kHeight));
    save(image, "flame_render_merged");
    const FlameLayout layout = FlameLayout::compute(*tree, 0, kWidth);
    const FlameRect merged = layout.row(2).back();
    ASSERT_TRUE(merged.isMerged());
    const QRect box = FlameGeometry(image.rect(), FlameOrientation::Icicle).rectFor(merged);
    EXPECT_GE(box.width(), 2);
    EXPECT_EQ(image.pixelColor(box.left() + 1, box.top() + 1), flame_palette::mergedColor());
}

TEST_F(FlameRenderTest, DiffColoursGrowthRedAndShrinkBlue)
{
    auto base = test::ProfileBuilder()
                    .sample({"main.main", "grew.f"}, {100})
                    .sample({"main.main", "shrank.g"}, {400})
                    .sample({"main.main", "same.h"}, {300})
                    .build();
    auto current = test::ProfileBuilder()
                       .sample({"main.main", "grew.f"}, {400})
                       .sample({"main.main", "shrank.g"}, {100})
                       .sample({"main.main", "same.h"}, {300})
                       .build();
    // Same construction order, so function ids agree and the base can share the current symbols.
    auto baseStacks = selectProfileStacks(*base, 0, {});
    ASSERT_TRUE(baseStacks.ok());
    show(current, &*baseStacks);
    ASSERT_TRUE(tree->isDiff());
    const QImage image = view.renderImage(QSize(kWidth, kHeight));
    save(image, "flame_render_diff");
    const QColor grew = colourAt(image, node({"main.main", "grew.f"}));
    const QColor shrank = colourAt(image, node({"main.main", "shrank.g"}));
    const QColor same = colourAt(image, node({"main.main", "same.h"}));
    EXPECT_GT(grew.red(), grew.blue() + 80);
    EXPECT_GT(shrank.blue(), shrank.red() + 80);
    EXPECT_LT(std::abs(same.red() - same.blue()), 20);
}

} // namespace
} // namespace gs::ui
