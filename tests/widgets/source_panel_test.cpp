// SPDX-License-Identifier: MIT
// The profile page's Source tab: the selected function's lines carry the numbers
// `goroscope-cli list` prints (which equal go tool pprof -list's), inlined calls unfold under
// their line, folders are remembered per profile, and a missing file names the places searched.
#include "app/cli/commands.h"
#include "core/analysis/value_format.h"
#include "tests/widgets/test_profiles.h"
#include "tests/widgets/widget_fixtures.h"
#include "widgets/profile/profile_page.h"
#include "widgets/profile/profile_session.h"
#include "widgets/source/source_lines_model.h"
#include "widgets/source/source_panel.h"
#include "widgets/source/source_settings.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include <cstdio>
#include <sstream>

namespace gs::ui {
namespace {

constexpr int kTimeoutMs = 10000;

struct CliLine
{
    std::string flat;
    std::string cum;
    int64_t number = 0;
    std::string text;
};

// The source lines `goroscope-cli list` prints for one routine ("%10s %10s %6d:TEXT").
std::vector<CliLine> cliListing(const std::vector<std::string>& argv)
{
    std::ostringstream out, err;
    EXPECT_EQ(cli::runCli(argv, out, err), 0) << err.str();
    std::vector<CliLine> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) {
        if (line.size() < 29 || line[28] != ':' || line.starts_with("ROUTINE"))
            continue;
        std::istringstream fields(line.substr(0, 28));
        CliLine l;
        fields >> l.flat >> l.cum >> l.number;
        l.text = line.substr(29);
        lines.push_back(l);
    }
    return lines;
}

class SourcePanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_page = std::make_unique<ProfilePage>(&m_session);
        m_page->resize(1500, 760);
        m_page->show();
        m_session.setStore(test::loadFixture("pprof/cpu.pb.gz"));
        ASSERT_TRUE(QTest::qWaitFor([&] { return !m_session.isComputing() && m_session.result(); }, kTimeoutMs));
        m_page->sideTabs()->setCurrentWidget(m_page->sourcePanel());
    }

    // Selects `function` and waits for its listing.
    bool select(const std::string& function)
    {
        SourcePanel* panel = m_page->sourcePanel();
        m_session.setSelectedFunction(function);
        return QTest::qWaitFor([&] { return !panel->isComputing(); }, kTimeoutMs);
    }

    ProfileSession m_session;
    std::unique_ptr<ProfilePage> m_page;
};

TEST_F(SourcePanelTest, LinesAreTheClisListing)
{
    SourcePanel* panel = m_page->sourcePanel();
    const QString folder = test::fixturePath("gen/pprof");
    panel->setSourceFolders({{folder}, QString()});
    ASSERT_TRUE(select("main.hashLoop"));
    const SourceLinesModel* model = panel->model();
    ASSERT_EQ(panel->message(), QString()) << panel->message().toStdString();
    ASSERT_NE(model->routine(), nullptr);
    EXPECT_TRUE(panel->title().startsWith(QStringLiteral("main.hashLoop in main.go")));

    const std::string unit = m_session.result()->sampleType.unit;
    const std::vector<CliLine> expected = cliListing({"list", "^main\\.hashLoop$", test::fixturePath("pprof/cpu.pb.gz").toStdString(),
                                                      "--source-path", folder.toStdString()});
    ASSERT_EQ(model->rowCount(), int(expected.size()));
    ASSERT_GT(expected.size(), 3u);
    auto pprofText = [&](const QModelIndex& index) {
        const int64_t v = index.data(SourceLinesModel::RawValueRole).toLongLong();
        return v == 0 ? std::string(".") : formatValue(v, unit, "minimum");
    };
    int64_t cumSum = 0;
    int inlinedRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        SCOPED_TRACE(row);
        EXPECT_EQ(model->index(row, SourceLinesModel::Line).data(SourceLinesModel::RawValueRole).toLongLong(),
                  expected[size_t(row)].number);
        EXPECT_EQ(pprofText(model->index(row, SourceLinesModel::Flat)), expected[size_t(row)].flat);
        EXPECT_EQ(pprofText(model->index(row, SourceLinesModel::Cum)), expected[size_t(row)].cum);
        EXPECT_EQ(model->routine()->lines[size_t(row)].text, expected[size_t(row)].text);
        cumSum += model->index(row, SourceLinesModel::Cum).data(SourceLinesModel::RawValueRole).toLongLong();
        if (model->rowCount(model->index(row, 0)) > 0)
            inlinedRow = row;
    }
    EXPECT_EQ(cumSum, model->routine()->cum);

    // main.mix was inlined into hashLoop: it unfolds under the line that calls it, in units.
    ASSERT_GE(inlinedRow, 0);
    const QModelIndex line = model->index(inlinedRow, 0);
    const QModelIndex call = model->index(0, SourceLinesModel::Source, line);
    EXPECT_TRUE(call.data().toString().startsWith(QStringLiteral("inlined main.mix (main.go:"))) << call.data().toString().toStdString();
    const int64_t callCum = model->index(0, SourceLinesModel::Cum, line).data(SourceLinesModel::RawValueRole).toLongLong();
    EXPECT_GT(callCum, 0);
    EXPECT_LE(callCum, model->index(inlinedRow, SourceLinesModel::Cum).data(SourceLinesModel::RawValueRole).toLongLong());
    EXPECT_TRUE(model->index(0, SourceLinesModel::Cum, line).data().toString().endsWith(QStringLiteral(" ms")));
    // Hot lines are tinted, cold ones are not.
    EXPECT_TRUE(model->index(inlinedRow, SourceLinesModel::Source).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model->index(0, SourceLinesModel::Source).data(Qt::BackgroundRole).isValid());

    panel->view()->expand(line);
    panel->view()->setCurrentIndex(call);
    QApplication::processEvents();
    test::saveRender(*m_page, "source-view");

    // Remembered for this profile.
    EXPECT_EQ(loadSourceFolders(test::fixturePath("pprof/cpu.pb.gz").toStdString()).folders, QStringList {folder});
    EXPECT_TRUE(loadSourceFolders(test::fixturePath("pprof/heap.pb.gz").toStdString()).folders.isEmpty());
}

TEST_F(SourcePanelTest, FollowsTheSampleTypeAndFilters)
{
    SourcePanel* panel = m_page->sourcePanel();
    panel->setSourceFolders({{test::fixturePath("gen/pprof")}, QString()});
    ASSERT_TRUE(select("main.fib"));
    ASSERT_NE(panel->model()->routine(), nullptr);
    const int64_t cpuCum = panel->model()->routine()->cum;
    m_session.setSampleType(0); // samples/count
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_session.isComputing() && !panel->isComputing(); }, kTimeoutMs));
    ASSERT_NE(panel->model()->routine(), nullptr);
    EXPECT_LT(panel->model()->routine()->cum, cpuCum); // counts, not nanoseconds
    m_session.addFilter({FilterKind::Ignore, "fib"});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_session.isComputing() && !panel->isComputing(); }, kTimeoutMs));
    EXPECT_TRUE(panel->message().contains(QStringLiteral("no samples"))) << panel->message().toStdString();
}

// The flame graph and the table name files, lines or addresses at other granularities; the tab
// lists the functions such a node covers, and a subtracted base leaves the lines what is left.
TEST_F(SourcePanelTest, FollowsTheGranularityAndASubtractedBase)
{
    SourcePanel* panel = m_page->sourcePanel();
    panel->setSourceFolders({{test::fixturePath("gen/pprof")}, QString()});
    auto settle = [&] {
        return QTest::qWaitFor([&] { return !m_session.isComputing() && !panel->isComputing(); }, kTimeoutMs);
    };
    ASSERT_TRUE(select("main.hashLoop"));
    ASSERT_NE(panel->model()->routine(), nullptr);
    const int64_t functionCum = panel->model()->routine()->cum;

    for (const Granularity g : {Granularity::Lines, Granularity::Addresses}) {
        SCOPED_TRACE(int(g));
        m_session.setGranularity({g, false});
        ASSERT_TRUE(settle());
        // The hottest row of the table at this granularity is a line of main.hashLoop.
        const auto& top = m_session.result()->top;
        const auto row = std::find_if(top.begin(), top.end(), [&](const TopRow& r) {
            return m_session.result()->symbols->functionName(r.function).find(" main.hashLoop ") != std::string::npos
                   || m_session.result()->symbols->functionName(r.function).starts_with("main.hashLoop ");
        });
        ASSERT_NE(row, top.end());
        ASSERT_TRUE(select(std::string(m_session.result()->symbols->functionName(row->function))));
        EXPECT_EQ(panel->message(), QString()) << panel->message().toStdString();
        ASSERT_NE(panel->model()->routine(), nullptr);
        EXPECT_EQ(panel->model()->routine()->function, "main.hashLoop");
        EXPECT_EQ(panel->model()->routine()->cum, functionCum); // the whole function, not the line
    }

    m_session.setGranularity({Granularity::Files, false});
    ASSERT_TRUE(settle());
    ASSERT_TRUE(select("goroscope/gen/pprof/main.go"));
    EXPECT_EQ(panel->message(), QString()) << panel->message().toStdString();
    ASSERT_GT(panel->routineChoice()->count(), 1); // every function of the file with samples
    bool listsHashLoop = false;
    for (int i = 0; i < panel->routineChoice()->count(); ++i)
        listsHashLoop |= panel->routineChoice()->itemText(i).startsWith(QStringLiteral("main.hashLoop ("));
    EXPECT_TRUE(listsHashLoop);

    // The profile minus itself leaves no samples at all, as the flame graph shows.
    m_session.setGranularity({});
    ASSERT_TRUE(settle());
    ASSERT_TRUE(select("main.hashLoop"));
    ASSERT_NE(panel->model()->routine(), nullptr);
    m_session.setBase(m_session.store(), BaseMode::Subtract);
    ASSERT_TRUE(settle());
    EXPECT_TRUE(panel->message().contains(QStringLiteral("no samples"))) << panel->message().toStdString();
}

TEST_F(SourcePanelTest, MissingFileNamesThePlacesSearched)
{
    SourcePanel* panel = m_page->sourcePanel();
    const QString nowhere = QDir::temp().filePath(QStringLiteral("goroscope-no-such-folder"));
    panel->setSourceFolders({{nowhere}, QString()});
    ASSERT_TRUE(select("main.hashLoop"));
    const QString message = panel->message();
    EXPECT_TRUE(message.startsWith(QStringLiteral("Source file not found: goroscope/gen/pprof/main.go"))) << message.toStdString();
    EXPECT_TRUE(message.contains(nowhere)) << message.toStdString();
    if (!goLocations().goroot.empty()) {
        EXPECT_TRUE(message.contains(QString::fromStdString(goLocations().goroot) + QStringLiteral("/src")));
    }
    // The routine's numbers are still shown above the message.
    EXPECT_TRUE(panel->title().startsWith(QStringLiteral("main.hashLoop in goroscope/gen/pprof/main.go")));
    EXPECT_EQ(panel->model()->rowCount(), 0);
    test::saveRender(*m_page, "source-view-missing");

    // A trim prefix maps the recorded name onto a folder that has it.
    panel->setSourceFolders({{test::fixturePath("gen")}, QStringLiteral("goroscope/gen")});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel->isComputing(); }, kTimeoutMs));
    EXPECT_EQ(panel->message(), QString()) << panel->message().toStdString();
    EXPECT_GT(panel->model()->rowCount(), 0);
}

TEST(SourcePanel, NeedsAPprofProfileAndASelection)
{
    ProfileSession session;
    SourcePanel panel(&session);
    panel.resize(600, 400);
    panel.show();
    session.setStore(test::smallCpuProfile());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result(); }, kTimeoutMs));
    EXPECT_TRUE(panel.message().contains(QStringLiteral("pprof profile"))) << panel.message().toStdString();
    session.setStore(test::loadFixture("pprof/cpu.pb.gz"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !session.isComputing() && session.result(); }, kTimeoutMs));
    EXPECT_TRUE(panel.message().startsWith(QStringLiteral("Select a function"))) << panel.message().toStdString();
}

} // namespace
} // namespace gs::ui
