// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <memory>
#include <mutex>

namespace gs {

// A value made on first use, once, whichever thread asks first; others asking meanwhile wait
// for it. For parts of an immutable store that most sessions never read. A copy or a move
// starts unmade: the value is derived from its owner, which the copy is not.
template<typename T>
class LazyValue
{
public:
    LazyValue() = default;
    LazyValue(const LazyValue&) {}
    LazyValue& operator=(const LazyValue&)
    {
        m_state = std::make_unique<State>();
        return *this;
    }

    template<typename Make>
    const T& get(Make&& make) const
    {
        std::call_once(m_state->once, [&] {
            m_state->value = make();
            m_state->made.store(true, std::memory_order_release);
        });
        return m_state->value;
    }
    // The value if it was made already, else nullptr; never makes it.
    const T* ifMade() const { return m_state->made.load(std::memory_order_acquire) ? &m_state->value : nullptr; }

private:
    struct State
    {
        std::once_flag once;
        std::atomic<bool> made = false;
        T value{};
    };
    std::unique_ptr<State> m_state = std::make_unique<State>();
};

} // namespace gs
