// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstdint>
#include <utility>
#include <vector>

class QLabel;
class QToolButton;

namespace gs::ui {

// The zoom path of a flame graph as clickable crumbs ("all > main.main > (*Server).Serve") with a
// back button. It only displays and reports clicks; the pane wires it to its view.
class BreadcrumbBar : public QWidget
{
    Q_OBJECT
public:
    struct Crumb
    {
        uint32_t node = 0;
        QString label;
    };

    explicit BreadcrumbBar(QWidget* parent = nullptr);

    void setPath(const std::vector<Crumb>& crumbs, bool canGoBack);

signals:
    void crumbClicked(uint32_t node);
    void backClicked();

private:
    QToolButton* m_back = nullptr;
    QLabel* m_path = nullptr;
};

} // namespace gs::ui
