// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_pane.h"

#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/flamegraph/breadcrumb_bar.h"
#include "widgets/flamegraph/flame_graph_view.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace gs::ui {

FlamePane::FlamePane(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_breadcrumbs(new BreadcrumbBar(this))
    , m_scroll(new QScrollArea(this))
    , m_view(new FlameGraphView)
{
    m_footer = new QLabel(this);
    m_footer->setContentsMargins(6, 2, 6, 2);
    m_footer->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_footer->setTextFormat(Qt::PlainText);
    m_title->setTextFormat(Qt::RichText); // the profile page writes it, escaping capture text
    m_title->setVisible(false);
    m_title->setContentsMargins(4, 2, 4, 0);
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_breadcrumbs);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_footer);

    connect(m_breadcrumbs, &BreadcrumbBar::crumbClicked, m_view, &FlameGraphView::zoomTo);
    connect(m_breadcrumbs, &BreadcrumbBar::backClicked, m_view, &FlameGraphView::zoomBack);
    connect(m_view, &FlameGraphView::zoomChanged, this, [this] {
        updateBreadcrumbs();
        scrollToRoot();
    });
    const QString hint = tr("Click a frame to zoom \u00b7 Esc or Backspace goes back \u00b7 right-click to focus, "
                            "ignore, hide or see callers and callees");
    auto showHover = [this, hint](const QString& text) {
        m_footer->setStyleSheet(text.isEmpty() ? QStringLiteral("color: palette(mid);") : QString());
        m_footer->setText(text.isEmpty() ? hint : text);
    };
    connect(m_view, &FlameGraphView::hoverChanged, this, showHover);
    showHover({});
    updateBreadcrumbs();
}

void FlamePane::setTitle(const QString& title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

void FlamePane::setOrientation(FlameOrientation orientation)
{
    m_view->setOrientation(orientation);
    scrollToRoot();
}

void FlamePane::updateBreadcrumbs()
{
    std::vector<BreadcrumbBar::Crumb> crumbs {{0, tr("all")}};
    if (m_view->hasData()) {
        const FlameData& flame = m_view->data();
        for (uint32_t n : flame.tree->pathTo(m_view->zoomRoot())) {
            const std::string_view name = goShortName(flame.symbols->functionName(flame.tree->node(n).function));
            crumbs.push_back({n, captureText(name)});
        }
    }
    m_breadcrumbs->setPath(crumbs, m_view->canZoomBack());
}

void FlamePane::scrollToRoot()
{
    // The root row is where reading starts: the top for an icicle, the bottom for a flame. The
    // scroll range is only known after the layout pass that follows a zoom, hence the deferral.
    QTimer::singleShot(0, this, [this] {
        QScrollBar* bar = m_scroll->verticalScrollBar();
        bar->setValue(m_view->orientation() == FlameOrientation::Icicle ? bar->minimum() : bar->maximum());
    });
}

} // namespace gs::ui
