// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace gs {

// What went wrong while reading an input, and where. `offset` is the byte offset in the
// (decompressed) stream where the problem was noticed, when the decoder knows it.
struct Error
{
    // Not an aggregate, so that the many Error{message, offset} need not name the summary.
    Error() = default;
    Error(std::string text, std::optional<uint64_t> at)
        : message(std::move(text))
        , offset(at)
    {
    }

    std::string message;
    std::optional<uint64_t> offset;
    // What went wrong in plain words, for someone who does not know the format, said before the
    // technical message ("the file ends early, ..."); empty when the message says it all.
    std::string summary;

    // One line for a person: "at byte N: message", or "summary; detail: at byte N: message"
    // (the file is prefixed by the caller). `offsetNote` follows the offset (" (decompressed)").
    std::string describe(std::string_view offsetNote = {}) const;
};

// Thrown inside decoders and caught at their public entry point, which turns it into an Error.
// Exceptions keep the hot decoding loops free of error plumbing; they never cross the core API.
class DecodeError : public std::runtime_error
{
public:
    DecodeError(uint64_t offset, const std::string& message, std::optional<uint64_t> ranOutAt = std::nullopt)
        : std::runtime_error(message)
        , m_offset(offset)
        , m_ranOutAt(ranOutAt)
    {
    }
    uint64_t offset() const { return m_offset; }
    // Where the data being read ended, when the error is that it ended too soon. At the end of
    // the file, that tells a capture cut short from a damaged one.
    std::optional<uint64_t> ranOutAt() const { return m_ranOutAt; }

private:
    uint64_t m_offset;
    std::optional<uint64_t> m_ranOutAt;
};

// Thrown when the LoadContext asks the decoder to stop.
class Cancelled : public std::runtime_error
{
public:
    Cancelled()
        : std::runtime_error("cancelled")
    {
    }
};

// Either a value or an Error. std::expected is C++23, so this is the small subset we need.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Error error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_state); }
    const T& value() const { return std::get<T>(m_state); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace gs
