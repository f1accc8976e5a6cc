// SPDX-License-Identifier: MIT
#pragma once

// Capture and watch for a program without an event loop of its own (goroscope-cli): each call
// runs Qt's event loop until it is done, creating the QCoreApplication it needs when there is
// none. Nothing of Qt shows here, so the command line's code stays plain C++.
#include "capture/capture_result.h"

#include <functional>
#include <string>
#include <vector>

namespace gs::capture {

// Runs the captures one after another into `folder`; `onCaptured` hears of each as it ends.
std::vector<CaptureResult> captureBlocking(const std::string& baseUrl, const std::vector<CaptureRequest>& requests,
                                           const std::string& folder, const CaptureTimeouts& timeouts,
                                           const std::function<void(const CaptureResult&)>& onCaptured);

struct WatchOutcome
{
    std::vector<CaptureResult> snapshots; // the dumps taken, oldest first
    std::string error;                    // why the watch ended early, "" when it did not
};

// Takes `count` goroutine dumps `everySeconds` apart into `folder` (LeakWatch).
WatchOutcome watchBlocking(const std::string& baseUrl, int everySeconds, int count, const std::string& folder,
                           const CaptureTimeouts& timeouts, const std::function<void(const CaptureResult&)>& onSnapshot);

} // namespace gs::capture
