// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/source_files.h"

#include <QString>
#include <QStringList>

#include <string>

namespace gs::ui {

// The folders a person added to find a profile's sources, and the prefix to cut from the names
// the profile records (pprof's -source_path and -trim_path), remembered per profile file.
struct SourceFolders
{
    QStringList folders;
    QString trimPath;

    bool operator==(const SourceFolders&) const = default;
};

// What was remembered for the profile at `profilePath` (QSettings, keyed by its absolute path).
SourceFolders loadSourceFolders(const std::string& profilePath);
void saveSourceFolders(const std::string& profilePath, const SourceFolders& folders);

// GOROOT and GOMODCACHE of the Go toolchain here: the environment's, else `go env`'s, looked up
// once per process (blocking for at most a few seconds, so call it off the GUI thread). Empty
// when there is no Go.
struct GoLocations
{
    std::string goroot;
    std::string modCache;
};
const GoLocations& goLocations();

// Where a listing looks: the folders (pprof's order), then GOROOT and the module cache.
SourceSearch sourceSearch(const SourceFolders& folders, const GoLocations& go);

} // namespace gs::ui
