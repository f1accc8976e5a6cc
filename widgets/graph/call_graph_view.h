// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/call_graph.h"
#include "core/layout/call_graph_layout.h"
#include "core/model/symbols.h"
#include "widgets/common/job_runner.h"
#include "widgets/graph/call_graph_painter.h"

#include <QPointF>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// What the Graph view shows: pprof's call graph of the session's result, and the symbols its
// nodes' function ids refer to (the store's).
struct CallGraphData
{
    std::shared_ptr<const CallGraph> graph;
    std::shared_ptr<const Symbols> symbols;
};

// pprof's Graph view, drawn with Qt: the call graph laid out by Graphviz's dot (off the GUI
// thread, the latest graph winning as the session's results do), painted by paintCallGraph under
// a pan and zoom transform. Drag pans, the wheel zooms around the pointer, Ctrl+=/Ctrl+- zoom,
// Ctrl+0 fits. Clicking a node reports its function (the page selects it everywhere); a selection
// made elsewhere rings and centres its node. A search dims what it does not match. GUI thread only.
class CallGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit CallGraphView(QWidget* parent = nullptr);

    // Shows a new graph once laid out (the previous one stays until then); empty data clears the
    // view. `message` is said in place of a graph (why there is none).
    void setData(CallGraphData data);
    void setMessage(const QString& message);
    const CallGraphData& data() const { return m_data; }
    // What the scene on screen shows (data() once its layout has finished).
    const CallGraphData& shownData() const { return m_shown; }
    // The laid-out graph on screen, or null (none yet, or a layout is running for new data).
    const CallGraphScene* scene() const { return m_scene.get(); }
    bool isLayingOut() const { return m_layingOut; }
    const QString& message() const { return m_message; }

    void setSelectedFunction(std::optional<FunctionId> function);
    std::optional<uint32_t> selectedNode() const { return m_highlight.selected; }
    // Marks the nodes whose function matches the regex (Go's syntax, searched in the name).
    // Returns the error for an invalid one (the search is cleared), empty otherwise.
    QString setSearch(const QString& regex);
    // The nodes the search matches (empty without a search).
    std::vector<uint32_t> matchingNodes() const;
    // The node showing `function`, if the graph kept it.
    std::optional<uint32_t> nodeOf(FunctionId function) const;
    // The node of the function of that name, if the graph kept it (annotations name functions).
    std::optional<uint32_t> nodeNamed(const std::string& function) const;
    // The name of a node's function, empty for no such node.
    std::string functionName(uint32_t node) const;
    // A node's box in widget coordinates, and the node under a widget point.
    QRectF nodeRect(uint32_t node) const;
    std::optional<uint32_t> nodeAt(QPointF pos) const;

    double zoom() const { return m_scale; }
    void zoomBy(double factor, QPointF anchor);
    void zoomIn();
    void zoomOut();
    // Fits the whole graph into the widget (at most at natural size).
    void fitToView();
    void centreOn(uint32_t node);

    // Paints what the screen shows (same pan, zoom and highlights) into `area` of any painter.
    void paintTo(QPainter& painter, const QRect& area) const;
    // The whole graph at natural size, with the current highlights (for exports of all of it).
    QSize sceneSize() const;
    void paintWhole(QPainter& painter) const;

    QSize sizeHint() const override;

signals:
    // A node was clicked: the rest of the window selects its function.
    void functionClicked(gs::FunctionId function);
    // A new graph is on screen (or the layout failed: message() says why).
    void layoutFinished();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void sceneReady(std::shared_ptr<const CallGraphScene> scene, const QString& error);
    void applySearch();
    void applySelection();
    QPointF toScene(QPointF widgetPos) const;
    QString tooltipFor(uint32_t node) const;

    CallGraphData m_data;
    CallGraphData m_shown; // what m_scene was laid out from (m_data may be newer, being laid out)
    std::shared_ptr<const CallGraphScene> m_scene;
    QString m_message;
    bool m_layingOut = false;
    bool m_fitPending = true;
    JobRunner m_jobs;

    CallGraphHighlight m_highlight;
    std::optional<FunctionId> m_selectedFunction;
    QString m_search;

    double m_scale = 1.0;
    QPointF m_offset; // widget position of the scene's (0, 0)
    std::optional<QPointF> m_pressPos;
    QPointF m_pressOffset;
    bool m_dragged = false;
};

} // namespace gs::ui
