// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/flamegraph/flame_painter.h"

#include <QWidget>

class QLabel;
class QScrollArea;

namespace gs::ui {

class BreadcrumbBar;
class FlameGraphView;

// A flame graph with its breadcrumb bar, an optional title and vertical scrolling for deep trees.
class FlamePane : public QWidget
{
    Q_OBJECT
public:
    explicit FlamePane(QWidget* parent = nullptr);

    FlameGraphView* view() const { return m_view; }
    // Rich text; capture text in it must come through captureHtml.
    void setTitle(const QString& title);
    void setOrientation(FlameOrientation orientation);

private:
    void updateBreadcrumbs();
    void scrollToRoot();

    QLabel* m_title = nullptr;
    QLabel* m_footer = nullptr;
    BreadcrumbBar* m_breadcrumbs = nullptr;
    QScrollArea* m_scroll = nullptr;
    FlameGraphView* m_view = nullptr;
};

} // namespace gs::ui
