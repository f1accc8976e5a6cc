// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPainter>
#include <QRect>

#include <vector>

namespace gs::ui {

// Rectangles collected per colour and filled with one drawRects call per colour, so a frame costs
// a few state changes instead of one per span. Colours are looked up linearly: a frame uses a few
// dozen at most. Buffers are kept between flushes to avoid per-frame allocation.
class RectBatch
{
public:
    void add(const QColor& colour, const QRect& rect)
    {
        const QRgb key = colour.rgba();
        for (Bucket& b : m_buckets) {
            if (b.key == key) {
                b.rects.push_back(rect);
                return;
            }
        }
        m_buckets.push_back({key, colour, {rect}});
    }

    // Fills everything collected, in first-use order of the colours, and empties the batch.
    void flush(QPainter& painter)
    {
        painter.setPen(Qt::NoPen);
        for (Bucket& b : m_buckets) {
            if (b.rects.empty())
                continue;
            painter.setBrush(b.colour);
            painter.drawRects(b.rects.data(), int(b.rects.size()));
            b.rects.clear();
        }
    }

private:
    struct Bucket
    {
        QRgb key;
        QColor colour;
        std::vector<QRect> rects;
    };
    std::vector<Bucket> m_buckets;
};

} // namespace gs::ui
