// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capture_kind.h"

#include <cstdint>
#include <string>

namespace gs::capture {

struct CaptureRequest
{
    CaptureKind kind = CaptureKind::Heap;
    int seconds = 0; // the timed kinds' duration
};

struct CaptureTimeouts
{
    int connectSeconds = 10; // to reach the service and send the request
    int marginSeconds = 30;  // beyond a timed capture's N seconds, for the whole transfer
};

// What one capture produced: a file, or one line saying what went wrong.
struct CaptureResult
{
    CaptureRequest request;
    std::string path;  // the saved file, "" on failure
    int64_t bytes = 0; // received
    std::string error; // "" on success
    bool cancelled = false;

    bool ok() const { return error.empty(); }
};

} // namespace gs::capture
