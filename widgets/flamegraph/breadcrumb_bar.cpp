// SPDX-License-Identifier: MIT
#include "widgets/flamegraph/breadcrumb_bar.h"

#include "widgets/common/capture_display.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace gs::ui {

namespace {
// Deep zooms keep the first crumb and the last few; the middle ones are reachable with Back.
constexpr size_t kMaxCrumbs = 7;
} // namespace

BreadcrumbBar::BreadcrumbBar(QWidget* parent)
    : QWidget(parent)
    , m_back(new QToolButton(this))
    , m_path(new QLabel(this))
{
    m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_back->setToolTip(tr("Back to the previous zoom (Esc, Backspace)"));
    m_back->setAutoRaise(true);
    m_path->setTextFormat(Qt::RichText);
    m_path->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    m_path->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(4);
    layout->addWidget(m_back);
    layout->addWidget(m_path, 1);
    connect(m_back, &QToolButton::clicked, this, &BreadcrumbBar::backClicked);
    connect(m_path, &QLabel::linkActivated, this, [this](const QString& link) { emit crumbClicked(link.toUInt()); });
    setPath({}, false);
}

void BreadcrumbBar::setPath(const std::vector<Crumb>& crumbs, bool canGoBack)
{
    m_back->setEnabled(canGoBack);
    QString html;
    const QString separator = QStringLiteral(" <span style='color:#888'>\u203a</span> ");
    for (size_t i = 0; i < crumbs.size(); ++i) {
        if (crumbs.size() > kMaxCrumbs && i > 0 && i < crumbs.size() - (kMaxCrumbs - 2)) {
            if (i == 1)
                html += separator + QStringLiteral("\u2026");
            continue;
        }
        if (i > 0)
            html += separator;
        const QString text = captureHtml(crumbs[i].label);
        if (i + 1 == crumbs.size())
            html += QStringLiteral("<b>") + text + QStringLiteral("</b>");
        else
            html += QStringLiteral("<a href='%1' style='text-decoration:none'>%2</a>").arg(QString::number(crumbs[i].node), text);
    }
    m_path->setText(html);
}

} // namespace gs::ui
