// SPDX-License-Identifier: MIT
// The capture tests run Qt Network's event loop: one QCoreApplication for the whole process.
#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
