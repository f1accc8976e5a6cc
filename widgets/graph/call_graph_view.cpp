// SPDX-License-Identifier: MIT
#include "widgets/graph/call_graph_view.h"

#include "core/analysis/stack_selection.h"
#include "widgets/common/capture_display.h"
#include "widgets/common/value_format.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace gs::ui {

namespace {

constexpr double kMinScale = 0.02;
constexpr double kMaxScale = 8.0;
constexpr double kZoomStep = 1.25;
constexpr int kDragThreshold = 4; // pixels a press may move and still be a click

bool isZoomKey(const QKeyEvent* key)
{
    if (!(key->modifiers() & Qt::ControlModifier))
        return false;
    switch (key->key()) {
    case Qt::Key_Equal:
    case Qt::Key_Plus:
    case Qt::Key_Minus:
    case Qt::Key_0:
        return true;
    default:
        return false;
    }
}

} // namespace

CallGraphView::CallGraphView(QWidget* parent)
    : QWidget(parent)
    , m_jobs(this)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setCursor(Qt::OpenHandCursor);
}

QSize CallGraphView::sizeHint() const
{
    return {800, 600};
}

void CallGraphView::setData(CallGraphData data)
{
    m_data = std::move(data);
    m_message.clear();
    if (!m_data.graph || !m_data.symbols) {
        m_jobs.cancel();
        m_layingOut = false;
        m_scene.reset();
        m_shown = {};
        m_highlight = {};
        update();
        return;
    }
    m_layingOut = true;
    // The worker gets its own copies: the graph (immutable, shared) and the font to measure with.
    m_jobs.start(
        [graph = m_data.graph, font = font()]() -> std::pair<std::shared_ptr<const CallGraphScene>, QString> {
            Result<CallGraphScene> laid = layoutCallGraph(*graph, callGraphTextMetrics(font));
            if (!laid)
                return {nullptr, QString::fromStdString(laid.error().message)};
            return {std::make_shared<const CallGraphScene>(std::move(*laid)), QString()};
        },
        [this](const std::pair<std::shared_ptr<const CallGraphScene>, QString>& done) {
            sceneReady(done.first, done.second);
        });
    update();
}

void CallGraphView::setMessage(const QString& message)
{
    setData({});
    m_message = message;
    update();
}

void CallGraphView::sceneReady(std::shared_ptr<const CallGraphScene> scene, const QString& error)
{
    m_layingOut = false;
    if (!scene) {
        m_scene.reset();
        m_shown = {};
        m_message = error;
    } else {
        // A new graph of the same profile (a filter, a sample type) keeps nothing of the old
        // layout: dot may place everything elsewhere, so it is fitted afresh.
        m_scene = std::move(scene);
        m_shown = m_data;
        m_fitPending = true;
    }
    applySearch();
    applySelection();
    if (m_fitPending && m_scene && width() > 0) {
        fitToView();
        m_fitPending = false;
    }
    if (m_highlight.selected)
        centreOn(*m_highlight.selected);
    update();
    emit layoutFinished();
}

void CallGraphView::setSelectedFunction(std::optional<FunctionId> function)
{
    if (m_selectedFunction == function)
        return;
    m_selectedFunction = function;
    applySelection();
    if (m_highlight.selected)
        centreOn(*m_highlight.selected);
    update();
}

void CallGraphView::applySelection()
{
    m_highlight.selected = m_selectedFunction ? nodeOf(*m_selectedFunction) : std::nullopt;
    m_highlight.hovered.reset();
}

std::optional<uint32_t> CallGraphView::nodeOf(FunctionId function) const
{
    if (!m_shown.graph)
        return std::nullopt;
    const std::vector<CallGraphNode>& nodes = m_shown.graph->nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].function == function)
            return uint32_t(i);
    }
    return std::nullopt;
}

std::optional<uint32_t> CallGraphView::nodeNamed(const std::string& function) const
{
    if (!m_shown.graph || !m_shown.symbols)
        return std::nullopt;
    const std::vector<CallGraphNode>& nodes = m_shown.graph->nodes;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (m_shown.symbols->functionName(nodes[i].function) == function)
            return uint32_t(i);
    }
    return std::nullopt;
}

std::string CallGraphView::functionName(uint32_t node) const
{
    if (!m_shown.graph || !m_shown.symbols || node >= m_shown.graph->nodes.size())
        return {};
    return std::string(m_shown.symbols->functionName(m_shown.graph->nodes[node].function));
}

QString CallGraphView::setSearch(const QString& regex)
{
    m_search = regex;
    QString error;
    if (!m_search.isEmpty() && m_shown.symbols) {
        // Checked here so an invalid pattern is reported even before a graph is shown.
        if (auto mask = matchFunctions(*m_shown.symbols, m_search.toStdString()); !mask) {
            error = QString::fromStdString(mask.error().message);
            m_search.clear();
        }
    }
    applySearch();
    update();
    return error;
}

void CallGraphView::applySearch()
{
    m_highlight.matches.clear();
    if (m_search.isEmpty() || !m_shown.graph || !m_shown.symbols)
        return;
    auto mask = matchFunctions(*m_shown.symbols, m_search.toStdString());
    if (!mask)
        return;
    const std::vector<CallGraphNode>& nodes = m_shown.graph->nodes;
    m_highlight.matches.assign(nodes.size(), 0);
    for (size_t i = 0; i < nodes.size(); ++i)
        m_highlight.matches[i] = nodes[i].function < mask->size() && (*mask)[nodes[i].function] ? 1 : 0;
}

std::vector<uint32_t> CallGraphView::matchingNodes() const
{
    std::vector<uint32_t> out;
    for (size_t i = 0; i < m_highlight.matches.size(); ++i) {
        if (m_highlight.matches[i])
            out.push_back(uint32_t(i));
    }
    return out;
}

QRectF CallGraphView::nodeRect(uint32_t node) const
{
    if (!m_scene || node >= m_scene->nodes.size())
        return {};
    const CallGraphScene::Node& n = m_scene->nodes[node];
    const QRectF box(n.centre.x - n.width / 2, n.centre.y - n.height / 2, n.width, n.height);
    return {m_offset + box.topLeft() * m_scale, box.size() * m_scale};
}

QPointF CallGraphView::toScene(QPointF widgetPos) const
{
    return (widgetPos - m_offset) / m_scale;
}

std::optional<uint32_t> CallGraphView::nodeAt(QPointF pos) const
{
    if (!m_scene)
        return std::nullopt;
    const QPointF p = toScene(pos);
    // Last drawn is on top: search from the end.
    for (size_t i = m_scene->nodes.size(); i-- > 0;) {
        const CallGraphScene::Node& n = m_scene->nodes[i];
        if (std::abs(p.x() - n.centre.x) <= n.width / 2 && std::abs(p.y() - n.centre.y) <= n.height / 2)
            return uint32_t(i);
    }
    return std::nullopt;
}

void CallGraphView::zoomBy(double factor, QPointF anchor)
{
    const double scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    const QPointF sceneAnchor = toScene(anchor);
    m_scale = scale;
    m_offset = anchor - sceneAnchor * m_scale;
    update();
}

void CallGraphView::zoomIn()
{
    zoomBy(kZoomStep, QRectF(rect()).center());
}

void CallGraphView::zoomOut()
{
    zoomBy(1.0 / kZoomStep, QRectF(rect()).center());
}

void CallGraphView::fitToView()
{
    if (!m_scene || m_scene->width <= 0 || m_scene->height <= 0)
        return;
    const double fit = std::min(double(width()) / m_scene->width, double(height()) / m_scene->height);
    m_scale = std::clamp(std::min(fit, 1.0), kMinScale, kMaxScale);
    // Centred across; a graph taller than the view starts at its top (its roots), as pprof's does.
    m_offset = QPointF((width() - m_scene->width * m_scale) / 2, std::max(0.0, (height() - m_scene->height * m_scale) / 2));
    update();
}

void CallGraphView::centreOn(uint32_t node)
{
    if (!m_scene || node >= m_scene->nodes.size())
        return;
    const CallGraphScene::Node& n = m_scene->nodes[node];
    m_offset = QRectF(rect()).center() - QPointF(n.centre.x, n.centre.y) * m_scale;
    update();
}

void CallGraphView::paintTo(QPainter& painter, const QRect& area) const
{
    painter.save();
    painter.setClipRect(area);
    painter.fillRect(area, palette().color(QPalette::Base));
    if (m_scene && m_shown.graph) {
        painter.translate(area.topLeft() + m_offset);
        painter.scale(m_scale, m_scale);
        paintCallGraph(painter, *m_shown.graph, *m_scene, m_highlight, font());
    } else {
        const QString text = !m_message.isEmpty() ? m_message
            : m_layingOut                         ? tr("Laying out the call graph\u2026")
                                                  : tr("No call graph");
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, text);
    }
    painter.restore();
}

QSize CallGraphView::sceneSize() const
{
    return m_scene ? QSize(int(std::ceil(m_scene->width)), int(std::ceil(m_scene->height))) : QSize();
}

void CallGraphView::paintWhole(QPainter& painter) const
{
    if (m_scene && m_shown.graph)
        paintCallGraph(painter, *m_shown.graph, *m_scene, m_highlight, font());
}

void CallGraphView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintTo(painter, rect());
}

void CallGraphView::resizeEvent(QResizeEvent*)
{
    if (m_fitPending && m_scene) {
        fitToView();
        m_fitPending = false;
    }
}

void CallGraphView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressPos = event->position();
    m_pressOffset = m_offset;
    m_dragged = false;
    setCursor(Qt::ClosedHandCursor);
}

void CallGraphView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_pressPos) {
        const QPointF delta = event->position() - *m_pressPos;
        if (m_dragged || delta.manhattanLength() > kDragThreshold) {
            m_dragged = true;
            m_offset = m_pressOffset + delta;
            update();
        }
        return;
    }
    const std::optional<uint32_t> hovered = nodeAt(event->position());
    if (hovered != m_highlight.hovered) {
        m_highlight.hovered = hovered;
        setCursor(hovered ? Qt::PointingHandCursor : Qt::OpenHandCursor);
        update();
    }
}

void CallGraphView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressPos)
        return QWidget::mouseReleaseEvent(event);
    m_pressPos.reset();
    setCursor(Qt::OpenHandCursor);
    if (m_dragged)
        return;
    if (const std::optional<uint32_t> node = nodeAt(event->position())) {
        const FunctionId function = m_shown.graph->nodes[*node].function;
        m_selectedFunction = function;
        m_highlight.selected = node;
        update();
        emit functionClicked(function);
    }
}

void CallGraphView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return QWidget::wheelEvent(event);
    zoomBy(std::pow(kZoomStep, steps), event->position());
    event->accept();
}

void CallGraphView::keyPressEvent(QKeyEvent* event)
{
    if (!isZoomKey(event))
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Equal:
    case Qt::Key_Plus:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        fitToView();
        break;
    }
}

void CallGraphView::leaveEvent(QEvent* event)
{
    if (m_highlight.hovered) {
        m_highlight.hovered.reset();
        update();
    }
    QWidget::leaveEvent(event);
}

bool CallGraphView::event(QEvent* event)
{
    // The window's Larger/Smaller Text and the page's Reset Zoom use these keys too; while the
    // graph has the keyboard they zoom the graph.
    if (event->type() == QEvent::ShortcutOverride && isZoomKey(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const std::optional<uint32_t> node = nodeAt(help->pos()))
            QToolTip::showText(help->globalPos(), tooltipFor(*node), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString CallGraphView::tooltipFor(uint32_t node) const
{
    const CallGraph& graph = *m_shown.graph;
    const CallGraphNode& n = graph.nodes[node];
    const std::string& unit = graph.sampleUnit;
    const auto share = [&graph](int64_t v) { return formatPercent(graph.share(v)); };
    QString text = captureText(n.name) + QLatin1Char('\n');
    text += tr("flat %1 (%2)").arg(formatValue(n.flat, unit), share(n.flat)) + QLatin1Char('\n');
    text += tr("cum %1 (%2)").arg(formatValue(n.cum, unit), share(n.cum));
    return plainToolTip(text);
}

} // namespace gs::ui
