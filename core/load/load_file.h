// SPDX-License-Identifier: MIT
#pragma once

#include "core/base/error.h"
#include "core/base/load_context.h"
#include "core/io/file_bytes.h"
#include "core/model/event_store.h"

#include <string>

namespace gs {

// Reads any supported capture: decompresses gzip, sniffs the format and runs its decoder.
// Errors come back as one line naming the file and, where known, the byte offset:
// "cpu.pb.gz: at byte 1234 (decompressed): truncated varint". Where the decoder says what happened
// in plain words (Error::summary), they come first: "t.trace: the file ends early, ...; detail:
// at byte 1234: batch truncated: ...".
Result<StorePtr> loadFile(const std::string& path, LoadContext& context);

// The same for an input already in memory (inputFromBytes); `path` names it in errors and in the
// store's sourcePath. A trace's pages are released as they are read.
Result<StorePtr> loadInput(const std::string& path, InputBytes input, LoadContext& context);

} // namespace gs
