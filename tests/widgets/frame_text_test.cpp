// SPDX-License-Identifier: MIT
// What a flame-graph frame too narrow for the whole name shows: the end of a Go name (the method)
// outlasts its start (the package path).
#include "widgets/common/go_names.h"
#include "widgets/flamegraph/frame_text.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontMetrics>

namespace gs::ui {
namespace {

constexpr std::string_view kName = "net/http.(*Server).Serve";

int widthOf(const QFontMetrics& fm, const char* text)
{
    return fm.horizontalAdvance(QString::fromUtf8(text));
}

TEST(FrameText, NarrowFramesDropThePackageThenElideOnTheLeft)
{
    const QFontMetrics fm(QApplication::font());
    EXPECT_EQ(fittedFunctionName(kName, fm, widthOf(fm, "net/http.(*Server).Serve")), QStringLiteral("net/http.(*Server).Serve"));
    EXPECT_EQ(fittedFunctionName(kName, fm, widthOf(fm, "http.(*Server).Serve")), QStringLiteral("http.(*Server).Serve"));
    EXPECT_EQ(fittedFunctionName(kName, fm, widthOf(fm, "(*Server).Serve")), QStringLiteral("(*Server).Serve"));

    const QString cut = fittedFunctionName(kName, fm, widthOf(fm, "(*Server).Serve") - 1);
    EXPECT_TRUE(cut.startsWith(QChar(0x2026))) << cut.toStdString();
    EXPECT_TRUE(cut.endsWith(QStringLiteral(").Serve"))) << cut.toStdString();
    EXPECT_LE(fm.horizontalAdvance(cut), widthOf(fm, "(*Server).Serve") - 1);

    // Where only an ellipsis would fit, nothing is drawn.
    EXPECT_EQ(fittedFunctionName(kName, fm, widthOf(fm, "\u2026")), QString());
}

TEST(FrameText, AGenericFunctionGivesUpItsTypeArgumentsBeforeItsName)
{
    const QFontMetrics fm(QApplication::font());
    constexpr std::string_view generic = "slices.pdqsortOrdered[go.shape.int]";
    EXPECT_EQ(fittedFunctionName(generic, fm, widthOf(fm, "pdqsortOrdered[go.shape.int]")),
              QStringLiteral("pdqsortOrdered[go.shape.int]"));
    EXPECT_EQ(fittedFunctionName(generic, fm, widthOf(fm, "pdqsortOrdered[go.shape.int]") - 1),
              QStringLiteral("pdqsortOrdered[\u2026]"));
    const QString cut = fittedFunctionName(generic, fm, widthOf(fm, "pdqsortOrdered[\u2026]") - 1);
    EXPECT_TRUE(cut.endsWith(QStringLiteral("Ordered[\u2026]"))) << cut.toStdString();
}

TEST(FrameText, NameInPackage)
{
    EXPECT_EQ(goNameInPackage("net/http.(*Server).Serve"), "(*Server).Serve");
    EXPECT_EQ(goNameInPackage("main.main.func1"), "main.func1");
    EXPECT_EQ(goNameInPackage("github.com/a/b.F[go.shape.string]"), "F[go.shape.string]");
    EXPECT_EQ(goNameInPackage("nodot"), "nodot");
}

} // namespace
} // namespace gs::ui
