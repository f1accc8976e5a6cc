// SPDX-License-Identifier: MIT
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

namespace gs::gotrace {

// Sorts like Go's slices.SortFunc: the same pattern-defeating quicksort, with the same
// thresholds and the same deterministic pattern breaking, so elements that compare equal end
// up in the same order as in Go. Go's parser sorts CPU samples and its merge frontier with it,
// and event order among equal timestamps must match Go's exactly. O(n log n), no allocation.
template<typename T, typename Less>
class GoOrderSort
{
public:
    GoOrderSort(std::span<T> data, Less less)
        : m_d(data)
        , m_less(less)
    {
    }

    void run()
    {
        const size_t n = m_d.size();
        sortRange(0, n, int(std::bit_width(n)));
    }

private:
    enum class Hint
    {
        Unknown,
        Increasing,
        Decreasing,
    };
    static constexpr size_t kInsertionMax = 12;
    static constexpr size_t kNintherMin = 50;

    bool lt(size_t i, size_t j) const { return m_less(m_d[i], m_d[j]); }
    void swap(size_t i, size_t j) { std::swap(m_d[i], m_d[j]); }

    void insertion(size_t a, size_t b)
    {
        for (size_t i = a + 1; i < b; ++i)
            for (size_t j = i; j > a && lt(j, j - 1); --j)
                swap(j, j - 1);
    }

    void siftDown(size_t root, size_t hi, size_t first)
    {
        for (;;) {
            size_t child = 2 * root + 1;
            if (child >= hi)
                return;
            if (child + 1 < hi && lt(first + child, first + child + 1))
                ++child;
            if (!lt(first + root, first + child))
                return;
            swap(first + root, first + child);
            root = child;
        }
    }

    void heapSort(size_t a, size_t b)
    {
        const size_t hi = b - a;
        for (size_t i = (hi - 1) / 2 + 1; i-- > 0;)
            siftDown(i, hi, a);
        for (size_t i = hi; i-- > 0;) {
            swap(a, a + i);
            siftDown(0, i, a);
        }
    }

    // Moves the pivot to a, partitions [a+1, b) into < pivot and >= pivot; returns the pivot's
    // final place and whether nothing had to move.
    std::pair<size_t, bool> partition(size_t a, size_t b, size_t pivot)
    {
        swap(a, pivot);
        ptrdiff_t i = ptrdiff_t(a) + 1;
        ptrdiff_t j = ptrdiff_t(b) - 1;
        auto scan = [&] {
            while (i <= j && lt(size_t(i), a))
                ++i;
            while (i <= j && !lt(size_t(j), a))
                --j;
        };
        scan();
        if (i > j) {
            swap(size_t(j), a);
            return {size_t(j), true};
        }
        swap(size_t(i++), size_t(j--));
        for (;;) {
            scan();
            if (i > j)
                break;
            swap(size_t(i++), size_t(j--));
        }
        swap(size_t(j), a);
        return {size_t(j), false};
    }

    // Partition for runs of elements equal to the pivot: returns the first element > pivot.
    size_t partitionEqual(size_t a, size_t b, size_t pivot)
    {
        swap(a, pivot);
        ptrdiff_t i = ptrdiff_t(a) + 1;
        ptrdiff_t j = ptrdiff_t(b) - 1;
        for (;;) {
            while (i <= j && !lt(a, size_t(i)))
                ++i;
            while (i <= j && lt(a, size_t(j)))
                --j;
            if (i > j)
                break;
            swap(size_t(i++), size_t(j--));
        }
        return size_t(i);
    }

    // Fixes a nearly sorted range with at most a few shifts; false if it gave up.
    bool partialInsertion(size_t a, size_t b)
    {
        constexpr int kMaxSteps = 5;
        constexpr size_t kShortestShifting = 50;
        size_t i = a + 1;
        for (int step = 0; step < kMaxSteps; ++step) {
            while (i < b && !lt(i, i - 1))
                ++i;
            if (i == b)
                return true;
            if (b - a < kShortestShifting)
                return false;
            swap(i, i - 1);
            if (i - a >= 2) {
                for (size_t j = i - 1; j >= 1 && lt(j, j - 1); --j)
                    swap(j, j - 1);
            }
            if (b - i >= 2) {
                for (size_t j = i + 1; j < b && lt(j, j - 1); ++j)
                    swap(j, j - 1);
            }
        }
        return false;
    }

    void breakPatterns(size_t a, size_t b)
    {
        const size_t length = b - a;
        if (length < 8)
            return;
        uint64_t random = length; // xorshift, seeded with the length: deterministic
        const uint64_t modulus = uint64_t(1) << std::bit_width(length);
        const size_t middle = a + (length / 4) * 2;
        for (size_t idx = middle - 1; idx <= middle + 1; ++idx) {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            size_t other = size_t(random & (modulus - 1));
            if (other >= length)
                other -= length;
            swap(idx, a + other);
        }
    }

    size_t median(size_t a, size_t b, size_t c, int& swaps) const
    {
        auto order = [&](size_t& x, size_t& y) {
            if (lt(y, x)) {
                ++swaps;
                std::swap(x, y);
            }
        };
        order(a, b);
        order(b, c);
        order(a, b);
        return b;
    }

    std::pair<size_t, Hint> choosePivot(size_t a, size_t b) const
    {
        const size_t l = b - a;
        int swaps = 0;
        size_t i = a + l / 4;
        size_t j = a + l / 4 * 2;
        size_t k = a + l / 4 * 3;
        if (l >= 8) {
            if (l >= kNintherMin) {
                i = median(i - 1, i, i + 1, swaps);
                j = median(j - 1, j, j + 1, swaps);
                k = median(k - 1, k, k + 1, swaps);
            }
            j = median(i, j, k, swaps);
        }
        if (swaps == 0)
            return {j, Hint::Increasing};
        if (swaps == 12)
            return {j, Hint::Decreasing};
        return {j, Hint::Unknown};
    }

    void reverse(size_t a, size_t b)
    {
        for (size_t i = a, j = b - 1; i < j; ++i, --j)
            swap(i, j);
    }

    void sortRange(size_t a, size_t b, int limit)
    {
        bool wasBalanced = true;
        bool wasPartitioned = true;
        for (;;) {
            const size_t length = b - a;
            if (length <= kInsertionMax) {
                insertion(a, b);
                return;
            }
            if (limit == 0) {
                heapSort(a, b);
                return;
            }
            if (!wasBalanced) {
                breakPatterns(a, b);
                --limit;
            }
            auto [pivot, hint] = choosePivot(a, b);
            if (hint == Hint::Decreasing) {
                reverse(a, b);
                pivot = (b - 1) - (pivot - a);
                hint = Hint::Increasing;
            }
            if (wasBalanced && wasPartitioned && hint == Hint::Increasing && partialInsertion(a, b))
                return;
            if (a > 0 && !lt(a - 1, pivot)) {
                a = partitionEqual(a, b, pivot);
                continue;
            }
            auto [mid, alreadyPartitioned] = partition(a, b, pivot);
            wasPartitioned = alreadyPartitioned;
            const size_t left = mid - a;
            const size_t right = b - mid;
            const size_t threshold = length / 8;
            if (left < right) {
                wasBalanced = left >= threshold;
                sortRange(a, mid, limit);
                a = mid + 1;
            } else {
                wasBalanced = right >= threshold;
                sortRange(mid + 1, b, limit);
                b = mid;
            }
        }
    }

    std::span<T> m_d;
    Less m_less;
};

template<typename T, typename Less>
void goSortFunc(std::span<T> data, Less less)
{
    GoOrderSort<T, Less>(data, less).run();
}

} // namespace gs::gotrace
