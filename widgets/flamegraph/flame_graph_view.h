// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/flame_tree.h"
#include "core/model/symbols.h"
#include "widgets/common/key_help.h"
#include "widgets/flamegraph/flame_layout.h"
#include "widgets/flamegraph/flame_painter.h"

#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gs::ui {

// What a flame graph shows: a tree and the symbols its function ids refer to (the store's own
// symbols, or merged ones for a diff), shared immutably with the background computation.
struct FlameData
{
    std::shared_ptr<const Symbols> symbols;
    std::shared_ptr<const FlameTree> tree;
    std::string unit; // pprof unit of the values ("nanoseconds", "bytes", ...)
};

// What a frame's context menu asks the rest of the window to do.
enum class FrameAction
{
    FocusOn,
    Ignore,
    Hide,
    Sandwich,
};

// Custom-painted flame graph (icicle or flame orientation) for one FlameTree. Zoom re-roots the
// layout at a node and keeps a back history; search marks matching frames and reports the share
// of the zoom root they cover. The view owns no analysis: trees arrive finished from the session
// and the view only lays out (FlameLayout) and paints (paintFlame). GUI thread only.
class FlameGraphView : public QWidget
{
    Q_OBJECT
public:
    // The keys and gestures keyPressEvent and the mouse handlers serve.
    static QList<KeyHelp> keyHelp();
    explicit FlameGraphView(QWidget* parent = nullptr);

    // Shows a new tree. The zoom is kept when the same call path exists in the new tree (a filter
    // change), otherwise it resets; the search is re-applied.
    void setData(FlameData data);
    const FlameData& data() const { return m_data; }
    bool hasData() const { return m_data.tree && m_data.symbols; }

    void setOrientation(FlameOrientation orientation);
    FlameOrientation orientation() const { return m_orientation; }

    void setSelectedFunction(std::optional<FunctionId> function);
    std::optional<FunctionId> selectedFunction() const { return m_selected; }

    // Highlights frames whose function matches the regex (Go's syntax) (anywhere in the name). Returns
    // the error message for an invalid regex (the previous search is cleared), empty otherwise.
    QString setSearch(const QString& regex);
    bool hasSearch() const { return !m_search.isEmpty(); }
    int64_t searchMatchedTotal() const { return m_searchMatchedTotal; }

    uint32_t zoomRoot() const { return m_root; }
    int64_t zoomTotal() const;
    void zoomTo(uint32_t node);
    // Goes back one zoom step; false when there is no history.
    bool zoomBack();
    void resetZoom();
    bool canZoomBack() const { return !m_history.empty(); }

    const FlameLayout& currentLayout() const { return m_layout; }
    // Widget-pixel box of a tree node's frame, or an empty rect when it is not drawn.
    QRect frameRect(uint32_t node) const;

    // Renders the current zoom and highlights into an image of `size` with the same paint path
    // as the screen (used by tests and export).
    QImage renderImage(QSize size) const;
    // The same into `area` of any painter (an image, an SVG generator, a PDF writer): vector
    // output keeps frames as rectangles and names as text.
    void paintTo(QPainter& painter, const QRect& area) const;

    QSize sizeHint() const override;

signals:
    void zoomChanged();
    void searchChanged();
    // A frame was clicked (it is also zoomed to); the rest of the window selects its function.
    void functionClicked(gs::FunctionId function);
    void actionRequested(gs::ui::FrameAction action, gs::FunctionId function);
    // One line about the frame under the mouse ("name  total 12 ms (3.4%)  self ..."), or empty.
    void hoverChanged(const QString& description);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayout();
    void rootChanged();
    void applySearch();
    int rectAt(const QPoint& pos) const;
    FlameRenderInput renderInput(const FlameLayout& layout) const;
    QString tooltipFor(const FlameRect& r) const;
    QString describe(const FlameRect& r) const;
    void setHovered(int index);

    FlameData m_data;
    FlameLayout m_layout;
    FlameOrientation m_orientation = FlameOrientation::Icicle;
    uint32_t m_root = 0;
    std::vector<uint32_t> m_history;
    std::optional<FunctionId> m_selected;
    QString m_search;
    std::vector<uint8_t> m_searchFunctions;
    std::vector<uint8_t> m_searchNodes;
    int64_t m_searchMatchedTotal = 0;
    int m_hovered = -1;
    int m_pressed = -1;
};

} // namespace gs::ui
