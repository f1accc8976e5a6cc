// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

namespace gs {

// What a decoder needs from whoever runs it: a way to be cancelled, a place to report progress,
// and a list of non-fatal warnings for the user ("the trace was cut off; 2 generations lost").
// Decoders call checkpoint() at natural boundaries (a batch, a message); it throws Cancelled.
class LoadContext
{
public:
    using ProgressFn = std::function<void(uint64_t done, uint64_t total)>;

    LoadContext() = default;
    LoadContext(std::stop_token stop, ProgressFn progress)
        : m_stop(std::move(stop))
        , m_progress(std::move(progress))
    {
    }

    // Reports progress (at most every 1/256th of the total) and honours cancellation.
    void checkpoint(uint64_t done, uint64_t total)
    {
        if (m_stop.stop_requested())
            throw Cancelled();
        if (m_progress && total > 0 && (done - m_lastReported >= total / 256 || done == total)) {
            m_lastReported = done;
            m_progress(done, total);
        }
    }

    // Whoever owns the input may free the bytes a decoder is done with: a big trace then never
    // needs all of its bytes and its store in memory at once.
    using ReleaseFn = std::function<void(uint64_t upTo)>;
    void setRelease(ReleaseFn release)
    {
        m_release = std::move(release);
        m_released = 0;
    }
    // The decoder will not read the input's bytes before `upTo` again.
    void release(uint64_t upTo)
    {
        if (m_release && upTo > m_released) {
            m_released = upTo;
            m_release(upTo);
        }
    }

    void warn(std::string message) { m_warnings.push_back(std::move(message)); }
    const std::vector<std::string>& warnings() const { return m_warnings; }

private:
    std::stop_token m_stop;
    ProgressFn m_progress;
    uint64_t m_lastReported = 0;
    ReleaseFn m_release;
    uint64_t m_released = 0;
    std::vector<std::string> m_warnings;
};

} // namespace gs
