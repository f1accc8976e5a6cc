// SPDX-License-Identifier: MIT
#include "core/formats/gotrace/generation_prefetcher.h"

#include <system_error>
#include <utility>

namespace gs::gotrace {

GenerationPrefetcher::GenerationPrefetcher(std::span<const uint8_t> input, size_t start, int minorVersion)
    : m_loader(input, start, minorVersion)
{
    try {
        m_worker = std::thread([this] { run(); });
    } catch (const std::system_error&) {
        // No thread to be had: next() reads in the caller's thread instead.
    }
}

GenerationPrefetcher::~GenerationPrefetcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

bool GenerationPrefetcher::load(TokenizedGeneration& g)
{
    if (!m_loader.next(g.gen))
        return false;
    g.loadedOffset = m_loader.offset();
    g.end = m_loader.generationEnd();
    return true;
}

bool GenerationPrefetcher::produce(TokenizedGeneration& g)
{
    if (!load(g))
        return false;
    tokenizeGeneration(g);
    return true;
}

void GenerationPrefetcher::tokenizeShared(TokenizedGeneration& g)
{
    planTokens(g);
    std::unique_lock lock(m_mutex);
    m_tokenizing = &g;
    m_nextThread = 0;
    m_changed.notify_all(); // a waiting consumer takes a share
    helpTokenize(lock);
    m_changed.wait(lock, [&] { return m_threadsBusy == 0; });
    m_tokenizing = nullptr;
    if (m_tokenizeError)
        std::rethrow_exception(std::exchange(m_tokenizeError, nullptr));
    lock.unlock();
    gatherTokens(g);
}

void GenerationPrefetcher::helpTokenize(std::unique_lock<std::mutex>& lock)
{
    while (helpWanted()) {
        TokenizedGeneration& g = *m_tokenizing;
        const size_t thread = m_nextThread++;
        ++m_threadsBusy;
        lock.unlock();
        std::exception_ptr error;
        try {
            tokenizeThread(g, thread);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error && !m_tokenizeError)
            m_tokenizeError = std::move(error);
        if (--m_threadsBusy == 0)
            m_changed.notify_all();
    }
}

void GenerationPrefetcher::run()
{
    for (;;) {
        TokenizedGeneration g;
        {
            // Start the next generation only once the last one is handed out: two at a time.
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || !m_ready; });
            if (m_stop)
                return;
            g.tokens = std::move(m_spare);
        }
        bool more = false;
        std::exception_ptr error;
        try {
            more = load(g);
            if (more)
                tokenizeShared(g);
        } catch (...) {
            error = std::current_exception(); // handed to the consumer in order
        }
        {
            std::lock_guard lock(m_mutex);
            if (more) {
                m_ready = std::move(g);
            } else {
                m_finished = true;
                m_error = std::move(error); // the consumer holds the only reference
            }
        }
        m_changed.notify_all();
        if (!more)
            return;
    }
}

bool GenerationPrefetcher::next(TokenizedGeneration& out)
{
    if (!m_worker.joinable())
        return produce(out);
    std::unique_lock lock(m_mutex);
    for (;;) {
        helpTokenize(lock); // rather than wait for the worker
        if (m_ready || m_finished)
            break;
        m_changed.wait(lock, [&] { return m_ready || m_finished || helpWanted(); });
    }
    if (!m_ready) {
        if (m_error)
            std::rethrow_exception(std::exchange(m_error, nullptr));
        return false;
    }
    m_spare = std::move(out.tokens);
    out = std::move(*m_ready);
    m_ready.reset();
    lock.unlock();
    m_changed.notify_all();
    return true;
}

} // namespace gs::gotrace
