// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/event_store.h"

#include <QLabel>

namespace gs::ui {

// The line a crashed program died with ("panic: assignment to entry in nil map", "fatal error:
// all goroutines are asleep - deadlock!") across the top of a dump's page, in an error's colours,
// naming the goroutine it happened on. Without it the reason for the dump is nowhere in the
// window: the panic line is not part of any goroutine. Hidden for dumps that are not of a crash.
// The text is the capture's, shown as plain text. GUI thread only.
class CrashBanner : public QLabel
{
    Q_OBJECT
public:
    explicit CrashBanner(QWidget* parent = nullptr);

    // A dump store, or null to hide.
    void setStore(const StorePtr& store);
};

} // namespace gs::ui
