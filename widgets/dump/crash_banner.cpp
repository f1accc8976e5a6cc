// SPDX-License-Identifier: MIT
#include "widgets/dump/crash_banner.h"

#include "widgets/common/capture_display.h"

namespace gs::ui {

CrashBanner::CrashBanner(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("crashBanner"));
    setTextFormat(Qt::PlainText); // the headline is the program's text, never markup
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setContentsMargins(10, 6, 10, 6);
    setStyleSheet(QStringLiteral("QLabel#crashBanner { background: #fde7e6; color: #8c1d18;"
                                 " border-bottom: 1px solid #e5a9a5; font-weight: bold; }"));
    setVisible(false);
}

void CrashBanner::setStore(const StorePtr& store)
{
    const DumpGoroutine* crashed = store && store->dump ? store->dump->crashedGoroutine() : nullptr;
    if (!crashed) {
        clear();
        setVisible(false);
        return;
    }
    setText(tr("%1\nin goroutine %2 (selected below)").arg(captureText(store->dump->headline), QString::number(crashed->id)));
    setVisible(true);
}

} // namespace gs::ui
