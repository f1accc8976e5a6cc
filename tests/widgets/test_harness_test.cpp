// SPDX-License-Identifier: MIT
// Checks the shared test main itself: a Qt warning anywhere in a widget test must fail that test.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <QtGlobal>

namespace {

TEST(TestHarness, QtWarningsBecomeTestFailures)
{
    EXPECT_NONFATAL_FAILURE(qWarning("simulated model complaint"), "simulated model complaint");
}

} // namespace
