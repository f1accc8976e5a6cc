// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gs {

// Where to look for the source files a profile names. The first two mean what pprof's
// -source_path and -trim_path mean, and the lookup is pprof's (list, weblist); GOROOT and the
// module cache are tried after it, so that a name pprof cannot find may still be found, while
// one it finds is the same file.
struct SourceSearch
{
    // Directories separated by ':'. A relative name is looked up in each of them and in each of
    // their parents, in order. Empty means the current directory, as pprof.
    std::string searchPath;
    // Prefixes separated by ':' cut from a name before it is looked up. When empty, pprof guesses
    // one: a name containing "/D/", D the last element of a search directory, is cut after it.
    std::string trimPath;
    // GOROOT (optional): a standard-library name ("runtime/proc.go" as -trimpath binaries
    // record it, or an absolute name under another machine's GOROOT) is looked up in its src.
    std::string goroot;
    // GOMODCACHE (optional): a name in a module ("golang.org/x/net@v0.1.0/http2/frame.go", or an
    // absolute name under another machine's module cache) is looked up in it.
    std::string modCache;
};

// pprof's clean-up of a file name before it shows or looks it up: the guessed or given prefix
// cut, then "/proc/self/cwd/" (the result is not cleaned).
std::string trimSourcePath(std::string_view path, std::string_view trimPath, std::string_view searchPath);

// The source files of one listing, each found and read once. Not thread-safe: one per
// computation.
class SourceFiles
{
public:
    explicit SourceFiles(SourceSearch search);

    // Line `number` (from 1) of `file` as the profile names it, without its line end, or nothing
    // past the end of the file or when the file cannot be read.
    std::optional<std::string_view> line(const std::string& file, int64_t number);
    // Why `file` could not be read, in pprof's words ("could not find file main.go on path
    // /src"), or "" when it was read.
    const std::string& error(const std::string& file);
    // Where `file` was read from, or "" when it was not found.
    const std::string& foundAt(const std::string& file);
    // The places a relative name is looked up in, in order, for a message: each search
    // directory (then its parents), GOROOT's src and the module cache when given.
    std::vector<std::string> places() const;

    const SourceSearch& search() const { return m_search; }

private:
    struct File
    {
        std::vector<std::string> lines;
        std::string path;
        std::string error;
    };
    const File& load(const std::string& file);
    std::optional<std::string> findFallback(const std::string& trimmed) const;

    SourceSearch m_search;
    std::string m_searchPath; // m_search.searchPath, or the current directory when that is empty
    std::unordered_map<std::string, File> m_files;
};

} // namespace gs
