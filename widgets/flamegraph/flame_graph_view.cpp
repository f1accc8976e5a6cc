// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/flame_graph_view.h"

#include "core/analysis/stack_selection.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/go_names.h"
#include "widgets/common/qt_strings.h"
#include "widgets/common/value_format.h"
#include "widgets/flamegraph/flame_paths.h"
#include "widgets/flamegraph/flame_search.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cstdlib>

namespace gs::ui {

FlameGraphView::FlameGraphView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void FlameGraphView::setData(FlameData data)
{
    // Translate the zoom path by function names: a filter change keeps the user where they were.
    std::vector<std::vector<std::string>> oldPaths;
    if (hasData()) {
        for (uint32_t n : m_history)
            oldPaths.push_back(namePath(*m_data.tree, *m_data.symbols, n));
        oldPaths.push_back(namePath(*m_data.tree, *m_data.symbols, m_root));
    }
    m_data = std::move(data);
    m_history.clear();
    m_root = 0;
    m_pressed = -1;
    m_searchFunctions.clear(); // function ids of the old symbols mean nothing now
    if (hasData() && !oldPaths.empty()) {
        const std::optional<uint32_t> root = findPath(*m_data.tree, *m_data.symbols, oldPaths.back());
        if (root) {
            m_root = *root;
            oldPaths.pop_back();
            for (const auto& path : oldPaths) {
                if (const std::optional<uint32_t> node = findPath(*m_data.tree, *m_data.symbols, path))
                    m_history.push_back(*node);
            }
            while (!m_history.empty() && m_history.back() == m_root)
                m_history.pop_back();
        }
    }
    rootChanged();
}

void FlameGraphView::setOrientation(FlameOrientation orientation)
{
    if (m_orientation == orientation)
        return;
    m_orientation = orientation;
    update();
}

void FlameGraphView::setSelectedFunction(std::optional<FunctionId> function)
{
    if (m_selected == function)
        return;
    m_selected = function;
    update();
}

QString FlameGraphView::setSearch(const QString& regex)
{
    m_search = regex;
    m_searchFunctions.clear();
    QString error;
    if (!m_search.isEmpty() && hasData()) {
        auto mask = matchFunctions(*m_data.symbols, m_search.toStdString());
        if (mask) {
            m_searchFunctions = std::move(*mask);
        } else {
            error = QString::fromStdString(mask.error().message);
            m_search.clear();
        }
    }
    applySearch();
    return error;
}

void FlameGraphView::applySearch()
{
    m_searchNodes.clear();
    m_searchMatchedTotal = 0;
    if (!m_search.isEmpty() && hasData()) {
        if (m_searchFunctions.empty()) {
            // New symbols (a diff or another file): the mask must be rebuilt for them.
            auto mask = matchFunctions(*m_data.symbols, m_search.toStdString());
            if (mask)
                m_searchFunctions = std::move(*mask);
        }
        FlameSearchResult result = searchFlame(*m_data.tree, m_searchFunctions, m_root);
        m_searchNodes = std::move(result.nodeMatches);
        m_searchMatchedTotal = result.matchedTotal;
    }
    update();
    emit searchChanged();
}

int64_t FlameGraphView::zoomTotal() const
{
    return hasData() && m_root < m_data.tree->size() ? m_data.tree->node(m_root).total : 0;
}

void FlameGraphView::zoomTo(uint32_t node)
{
    if (!hasData() || node >= m_data.tree->size() || node == m_root || m_data.tree->node(node).total <= 0)
        return;
    m_history.push_back(m_root);
    m_root = node;
    rootChanged();
}

bool FlameGraphView::zoomBack()
{
    if (m_history.empty())
        return false;
    m_root = m_history.back();
    m_history.pop_back();
    rootChanged();
    return true;
}

void FlameGraphView::resetZoom()
{
    if (m_root == 0 && m_history.empty())
        return;
    m_history.push_back(m_root);
    m_root = 0;
    rootChanged();
}

void FlameGraphView::rootChanged()
{
    const uint32_t rows = hasData() ? subtreeDepth(*m_data.tree, m_root) + 1 : 1;
    setMinimumHeight(FlameGeometry::heightFor(rows) + 2);
    updateGeometry();
    relayout();
    if (!m_search.isEmpty())
        applySearch();
    emit zoomChanged();
}

void FlameGraphView::relayout()
{
    m_layout = hasData() ? FlameLayout::compute(*m_data.tree, m_root, width()) : FlameLayout();
    if (m_hovered >= 0) {
        m_hovered = -1;
        emit hoverChanged({});
    }
    update();
}

QRect FlameGraphView::frameRect(uint32_t node) const
{
    const int index = m_layout.indexOfNode(node);
    if (index < 0)
        return {};
    return FlameGeometry(rect(), m_orientation).rectFor(m_layout.rects()[size_t(index)]);
}

FlameRenderInput FlameGraphView::renderInput(const FlameLayout& layout) const
{
    FlameRenderInput in;
    in.tree = m_data.tree.get();
    in.symbols = m_data.symbols.get();
    in.layout = &layout;
    in.orientation = m_orientation;
    in.searchMatches = m_searchNodes;
    in.selectedFunction = m_selected;
    in.unit = m_data.unit;
    return in;
}

QImage FlameGraphView::renderImage(QSize size) const
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    paintTo(painter, image.rect());
    return image;
}

void FlameGraphView::paintTo(QPainter& painter, const QRect& area) const
{
    painter.fillRect(area, palette().color(QPalette::Base));
    if (!hasData())
        return;
    // Laid out for the area's width, so an export of any size shows the whole zoom root.
    const FlameLayout layout = FlameLayout::compute(*m_data.tree, m_root, area.width());
    painter.save();
    painter.setFont(font());
    paintFlame(painter, area, area, renderInput(layout));
    painter.restore();
}

QSize FlameGraphView::sizeHint() const
{
    return QSize(640, minimumHeight());
}

void FlameGraphView::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    if (!hasData() || m_layout.rects().empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, hasData() ? tr("No samples match") : tr("No profile loaded"));
        return;
    }
    FlameRenderInput in = renderInput(m_layout);
    in.hoveredRect = m_hovered;
    paintFlame(painter, rect(), event->rect(), in);
}

void FlameGraphView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

int FlameGraphView::rectAt(const QPoint& pos) const
{
    const FlameGeometry geometry(rect(), m_orientation);
    const int depth = geometry.depthAt(pos.y());
    if (depth < 0)
        return -1;
    return m_layout.hitTest(uint32_t(depth), geometry.fractionAt(pos.x()));
}

void FlameGraphView::mousePressEvent(QMouseEvent* event)
{
    m_pressed = event->button() == Qt::LeftButton ? rectAt(event->position().toPoint()) : -1;
    QWidget::mousePressEvent(event);
}

void FlameGraphView::mouseReleaseEvent(QMouseEvent* event)
{
    const int index = event->button() == Qt::LeftButton ? rectAt(event->position().toPoint()) : -1;
    const int pressed = m_pressed;
    m_pressed = -1;
    if (index < 0 || index != pressed)
        return;
    const FlameRect r = m_layout.rects()[size_t(index)];
    if (!r.isMerged() && r.node != 0)
        emit functionClicked(m_data.tree->node(r.node).function);
    // Clicking the "N more" block zooms into its parent, where the merged children get room.
    zoomTo(r.node);
}

void FlameGraphView::mouseMoveEvent(QMouseEvent* event)
{
    setHovered(rectAt(event->position().toPoint()));
    QWidget::mouseMoveEvent(event);
}

void FlameGraphView::leaveEvent(QEvent* event)
{
    setHovered(-1);
    QWidget::leaveEvent(event);
}

void FlameGraphView::setHovered(int index)
{
    if (index == m_hovered)
        return;
    m_hovered = index;
    setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
    emit hoverChanged(index >= 0 ? describe(m_layout.rects()[size_t(index)]) : QString());
}

QString FlameGraphView::describe(const FlameRect& r) const
{
    const FlameTree& tree = *m_data.tree;
    const double all = double(tree.node(0).total);
    const QString sep = QStringLiteral("   \u00b7   ");
    if (r.isMerged()) {
        return formatCount(r.mergedCount, tr("narrow frame"), tr("narrow frames")) + sep + tr("total ")
            + formatValue(r.mergedTotal, m_data.unit) + QStringLiteral(" (") + formatPercent(double(r.mergedTotal) / all)
            + QLatin1Char(')');
    }
    const FlameTree::Node& n = tree.node(r.node);
    QString text = r.node == 0 ? tr("all samples") : captureText(m_data.symbols->functionName(n.function));
    text += sep + tr("total ") + formatValue(n.total, m_data.unit) + QStringLiteral(" (")
        + formatPercent(double(n.total) / all) + QLatin1Char(')');
    text += sep + tr("self ") + formatValue(n.self, m_data.unit) + QStringLiteral(" (") + formatPercent(double(n.self) / all)
        + QLatin1Char(')');
    if (tree.isDiff())
        text += sep + tr("change ") + formatDelta(n.total - n.baseTotal, m_data.unit);
    return text;
}

QList<KeyHelp> FlameGraphView::keyHelp()
{
    return {
        {tr("Click"), tr("Zoom to a frame")},
        {tr("Esc, Backspace"), tr("Zoom back out one step")},
        {tr("Home"), tr("Show the whole graph")},
    };
}

void FlameGraphView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
    case Qt::Key_Backspace:
        if (zoomBack())
            return;
        break;
    case Qt::Key_Home:
        resetZoom();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void FlameGraphView::contextMenuEvent(QContextMenuEvent* event)
{
    const int index = rectAt(event->pos());
    QMenu menu(this);
    if (index >= 0) {
        const FlameRect r = m_layout.rects()[size_t(index)];
        if (!r.isMerged() && r.node != 0) {
            const FunctionId f = m_data.tree->node(r.node).function;
            const QString name = captureMenuText(goShortName(m_data.symbols->functionName(f)));
            const QString shown = QFontMetrics(menu.font()).elidedText(name, Qt::ElideMiddle, 360);
            menu.addAction(tr("Zoom to %1").arg(shown), this, [this, node = r.node] { zoomTo(node); });
            menu.addSeparator();
            menu.addAction(tr("Focus on %1").arg(shown), this,
                           [this, f] { emit actionRequested(FrameAction::FocusOn, f); });
            menu.addAction(tr("Ignore %1").arg(shown), this, [this, f] { emit actionRequested(FrameAction::Ignore, f); });
            menu.addAction(tr("Hide %1").arg(shown), this, [this, f] { emit actionRequested(FrameAction::Hide, f); });
            menu.addAction(tr("Show callers/callees (sandwich)"), this,
                           [this, f] { emit actionRequested(FrameAction::Sandwich, f); });
            menu.addSeparator();
            menu.addAction(tr("Copy function name"), this, [this, f] {
                QApplication::clipboard()->setText(toQString(m_data.symbols->functionName(f)));
            });
        } else if (r.isMerged()) {
            menu.addAction(tr("Zoom into parent"), this, [this, node = r.node] { zoomTo(node); });
        }
    }
    QAction* back = menu.addAction(tr("Back"), this, [this] { zoomBack(); });
    back->setEnabled(canZoomBack());
    QAction* reset = menu.addAction(tr("Reset zoom"), this, [this] { resetZoom(); });
    reset->setEnabled(m_root != 0);
    menu.exec(event->globalPos());
}

bool FlameGraphView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = rectAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(m_layout.rects()[size_t(index)]), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString FlameGraphView::tooltipFor(const FlameRect& r) const
{
    const FlameTree& tree = *m_data.tree;
    const std::string& unit = m_data.unit;
    const double all = double(tree.node(0).total);
    const double zoom = double(zoomTotal());
    auto share = [&](int64_t v) {
        QString s = formatPercent(double(v) / all) + tr(" of all");
        if (m_root != 0)
            s += QStringLiteral(", ") + formatPercent(double(v) / zoom) + tr(" of zoom");
        return s;
    };
    QString html = QStringLiteral("<table style='white-space:nowrap'>");
    auto row = [&html](const QString& key, const QString& value) {
        html += QStringLiteral("<tr><td style='color:#666;padding-right:8px'>") + key.toHtmlEscaped()
            + QStringLiteral("</td><td>") + captureHtml(value) + QStringLiteral("</td></tr>");
    };
    QString title;
    if (r.isMerged()) {
        title = formatCount(r.mergedCount, tr("frame"), tr("frames")) + tr(" too narrow to draw");
        row(tr("Total"), formatValue(r.mergedTotal, unit) + QStringLiteral("  (") + share(r.mergedTotal)
                + QLatin1Char(')'));
        row(QString(), tr("Click to zoom into the parent"));
    } else {
        const FlameTree::Node& n = tree.node(r.node);
        title = r.node == 0 ? tr("all samples") : captureText(m_data.symbols->functionName(n.function));
        row(tr("Total"), formatValue(n.total, unit) + QStringLiteral("  (") + share(n.total) + QLatin1Char(')'));
        row(tr("Self"), formatValue(n.self, unit) + QStringLiteral("  (") + share(n.self) + QLatin1Char(')'));
        if (tree.isDiff()) {
            const int64_t delta = n.total - n.baseTotal;
            QString change = formatDelta(delta, unit);
            if (n.baseTotal != 0) {
                const double relative = double(delta) / double(std::llabs(n.baseTotal));
                change += QStringLiteral("  (") + (relative >= 0 ? QStringLiteral("+") : QString())
                    + formatPercent(relative) + QLatin1Char(')');
            }
            row(tr("Base total"), formatValue(n.baseTotal, unit));
            row(tr("Change"), change);
        }
        if (r.node != 0) {
            const std::string_view file = m_data.symbols->strings.get(m_data.symbols->functions[n.function].file);
            if (!file.empty())
                row(tr("File"), captureText(file));
        }
    }
    return QStringLiteral("<b>") + captureHtml(title) + QStringLiteral("</b>") + html + QStringLiteral("</table>");
}

} // namespace gs::ui
