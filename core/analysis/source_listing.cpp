// SPDX-License-Identifier: MIT
#include "core/analysis/source_listing.h"

#include "core/analysis/stack_selection.h"
#include "core/base/go_path.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

namespace gs {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
// Lines shown before the first and after the last line with samples.
constexpr int64_t kMargin = 5;

// A node of pprof's graph for a listing: a function's line with its weight (in the shape of an
// inlined call's, whose text stays empty), told apart also by the function's start line and the
// binary (pprof keeps both at this granularity). Only nodes of matching functions are kept.
struct Node
{
    InlinedCall at;
    int64_t startLine = 0;
    size_t seen = SIZE_MAX; // the last sequence that added to cum
};

struct InlinedSum
{
    uint32_t caller = 0; // node
    InlinedCall call;
    size_t seen = SIZE_MAX;
};

// One line of a location as the listing sees it: its node when it is of a matching function.
struct LocationLine
{
    uint32_t node = kNone;
    const PprofLine* line = nullptr; // null for a location without lines
};

class ListingBuilder
{
public:
    ListingBuilder(const EventStore& store, const std::function<bool(std::string_view)>& matches,
                   const SourceListingQuery& query, SourceFiles& files)
        : m_store(store)
        , m_profile(*store.profile)
        , m_detail(*store.profile->pprof)
        , m_query(query)
        , m_files(files)
    {
        nameFunctions(matches);
        buildLocations();
    }

    SourceListing build()
    {
        SourceListing out;
        out.total = sampleTypeTotal(m_profile, m_query.sampleType);
        accumulate();
        // pprof's graph keeps only nodes with weight; functions are listed by name, their files
        // by name.
        std::map<std::string, std::map<std::string, std::vector<uint32_t>>> byName;
        for (uint32_t n = 0; n < m_nodes.size(); ++n) {
            if (m_nodes[n].at.flat != 0 || m_nodes[n].at.cum != 0)
                byName[m_nodes[n].at.function][m_nodes[n].at.file].push_back(n);
        }
        for (const auto& [name, byFile] : byName) {
            bool any = false;
            for (const auto& [file, nodes] : byFile) {
                if (file.empty())
                    continue;
                any = true;
                out.routines.push_back(routine(name, file, nodes));
            }
            if (!any) {
                SourceRoutine noSource;
                noSource.function = name;
                out.routines.push_back(std::move(noSource));
            }
        }
        return out;
    }

private:
    // pprof's display name, file name (trimmed, cleaned) and whether it is listed, per function.
    void nameFunctions(const std::function<bool(std::string_view)>& matches)
    {
        const Symbols& symbols = m_store.symbols;
        const SourceSearch& search = m_files.search();
        m_functionNames.reserve(m_detail.functions.size());
        for (const PprofFunction& fn : m_detail.functions) {
            const std::string_view raw = symbols.strings.get(fn.file);
            const std::string trimmed = trimSourcePath(raw, search.trimPath, search.searchPath);
            m_functionNames.push_back(std::string(symbols.functionName(fn.function)));
            m_functionFiles.push_back(trimmed.empty() ? std::string() : gopath::clean(trimmed));
            const bool hidden = m_query.hiddenFunctions && (*m_query.hiddenFunctions)[fn.function];
            m_functionListed.push_back(!hidden && matches(m_functionNames.back()));
        }
        m_listUnnamed = matches("");
    }

    uint32_t nodeOf(const PprofLine* line, uint32_t mapping)
    {
        Node node;
        if (line && line->function != PprofLine::kNoFunction) {
            if (!m_functionListed[line->function])
                return kNone;
            const PprofFunction& fn = m_detail.functions[line->function];
            node.at.function = m_functionNames[line->function];
            node.at.file = m_functionFiles[line->function];
            node.at.line = line->line;
            node.startLine = fn.startLine;
        } else if (!m_listUnnamed) {
            return kNone;
        }
        const std::string objfile = mapping == PprofLocation::kNoMapping ? std::string() : m_profile.mappings[mapping].filename;
        std::string key = node.at.function;
        for (const std::string& part : {node.at.file, std::to_string(node.at.line), std::to_string(node.startLine), objfile}) {
            key += '\0';
            key += part;
        }
        auto [it, inserted] = m_nodeByKey.try_emplace(std::move(key), uint32_t(m_nodes.size()));
        if (inserted)
            m_nodes.push_back(std::move(node));
        return it->second;
    }

    // Each location's lines after -hide and -noinlines, innermost first, as pprof aggregates them.
    void buildLocations()
    {
        m_locationStart.reserve(m_detail.locations.size() + 1);
        std::vector<const PprofLine*> lines;
        for (const PprofLocation& loc : m_detail.locations) {
            m_locationStart.push_back(uint32_t(m_locationLines.size()));
            lines.clear();
            for (uint32_t i = loc.firstLine; i < loc.firstLine + loc.lineCount; ++i) {
                const PprofLine& line = m_detail.lines[i];
                const bool hidden = m_query.hiddenFunctions && line.function != PprofLine::kNoFunction
                                    && (*m_query.hiddenFunctions)[m_detail.functions[line.function].function];
                if (!hidden)
                    lines.push_back(&line);
            }
            if (!lines.empty() && m_query.noInlines)
                lines.erase(lines.begin(), lines.end() - 1);
            if (loc.lineCount == 0)
                lines.push_back(nullptr);
            for (const PprofLine* line : lines)
                m_locationLines.push_back(LocationLine {nodeOf(line, loc.mapping), line});
        }
        m_locationStart.push_back(uint32_t(m_locationLines.size()));
    }

    // Sums each location sequence's kept samples, then adds every sequence to its nodes: cum
    // once per node and sequence, flat to the innermost line of the innermost location.
    void accumulate()
    {
        std::vector<int64_t> weight(m_detail.stackCount(), 0);
        for (size_t s = 0; s < m_profile.sampleCount(); ++s) {
            if (!m_query.samples || (*m_query.samples)[s])
                weight[m_detail.sampleStacks[s]] += m_profile.value(s, m_query.sampleType);
        }
        for (size_t seq = 0; seq < weight.size(); ++seq) {
            const int64_t w = weight[seq];
            if (w == 0)
                continue;
            bool leafSeen = false;
            for (uint32_t loc : m_detail.stack(uint32_t(seq))) {
                const uint32_t begin = m_locationStart[loc], end = m_locationStart[loc + 1];
                for (uint32_t i = begin; i < end; ++i) {
                    const bool leaf = !leafSeen && i == begin;
                    const uint32_t n = m_locationLines[i].node;
                    if (n != kNone) {
                        Node& node = m_nodes[n];
                        if (node.seen != seq) {
                            node.seen = seq;
                            node.at.cum += w;
                        }
                        if (leaf)
                            node.at.flat += w;
                    }
                    if (i + 1 < end && m_locationLines[i + 1].node != kNone)
                        addInlined(m_locationLines[i + 1].node, *m_locationLines[i].line, w, leaf, seq);
                }
                leafSeen = leafSeen || begin != end;
            }
        }
    }

    void addInlined(uint32_t caller, const PprofLine& callee, int64_t w, bool leaf, size_t seq)
    {
        const bool named = callee.function != PprofLine::kNoFunction;
        InlinedCall call;
        if (named) {
            call.function = m_functionNames[callee.function];
            call.file = m_functionFiles[callee.function];
        }
        call.line = callee.line;
        std::string key = std::to_string(caller) + '\0' + call.function + '\0' + call.file + '\0' + std::to_string(call.line);
        auto [it, inserted] = m_inlinedByKey.try_emplace(std::move(key), uint32_t(m_inlined.size()));
        if (inserted)
            m_inlined.push_back(InlinedSum {caller, std::move(call), SIZE_MAX});
        InlinedSum& sum = m_inlined[it->second];
        if (sum.seen != seq) {
            sum.seen = seq;
            sum.call.cum += w;
        }
        if (leaf)
            sum.call.flat += w;
    }

    SourceRoutine routine(const std::string& name, const std::string& file, const std::vector<uint32_t>& nodes)
    {
        SourceRoutine r;
        r.function = name;
        r.file = file;
        // pprof's range: from the first node's start line (or 5 before its line) to 5 after its
        // line, widened by every other node: down to its start, or else up to 5 after its line.
        const Node& first = m_nodes[nodes.front()];
        int64_t start = first.startLine != 0 ? first.startLine : first.at.line - kMargin;
        int64_t end = first.at.line + kMargin;
        std::map<int64_t, std::vector<uint32_t>> atLine;
        for (uint32_t n : nodes) {
            const Node& node = m_nodes[n];
            r.flat += node.at.flat;
            r.cum += node.at.cum;
            const int64_t nodeStart = node.startLine != 0 ? node.startLine : node.at.line - kMargin;
            if (nodeStart < start)
                start = nodeStart;
            else if (node.at.line + kMargin > end)
                end = node.at.line + kMargin;
            atLine[node.at.line].push_back(n);
        }
        start = std::max<int64_t>(start, 1);
        for (int64_t number = start; number <= end; ++number) {
            const auto text = m_files.line(file, number);
            if (!text)
                break;
            SourceLine line;
            line.number = number;
            line.text = std::string(*text);
            if (auto it = atLine.find(number); it != atLine.end()) {
                for (uint32_t n : it->second) {
                    line.flat += m_nodes[n].at.flat;
                    line.cum += m_nodes[n].at.cum;
                }
                line.inlinedCalls = inlinedCalls(it->second);
            }
            r.lines.push_back(std::move(line));
        }
        r.error = m_files.error(file);
        if (!r.error.empty())
            r.lines.clear();
        r.foundAt = m_files.foundAt(file);
        return r;
    }

    // The calls inlined at a line (of any of its nodes), merged by callee line, heaviest first.
    std::vector<InlinedCall> inlinedCalls(const std::vector<uint32_t>& callers)
    {
        std::vector<InlinedCall> calls;
        for (const InlinedSum& sum : m_inlined) {
            if (std::find(callers.begin(), callers.end(), sum.caller) == callers.end())
                continue;
            auto same = std::find_if(calls.begin(), calls.end(), [&](const InlinedCall& c) {
                return c.function == sum.call.function && c.file == sum.call.file && c.line == sum.call.line;
            });
            if (same == calls.end()) {
                calls.push_back(sum.call);
            } else {
                same->flat += sum.call.flat;
                same->cum += sum.call.cum;
            }
        }
        std::sort(calls.begin(), calls.end(), [](const InlinedCall& a, const InlinedCall& b) {
            if (a.cum != b.cum)
                return std::llabs(a.cum) > std::llabs(b.cum);
            if (a.function != b.function)
                return a.function < b.function;
            return a.line < b.line;
        });
        for (InlinedCall& c : calls) {
            if (!c.file.empty())
                if (auto text = m_files.line(c.file, c.line))
                    c.text = std::string(*text);
        }
        return calls;
    }

    const EventStore& m_store;
    const Profile& m_profile;
    const PprofDetail& m_detail;
    const SourceListingQuery& m_query;
    SourceFiles& m_files;

    std::vector<std::string> m_functionNames;
    std::vector<std::string> m_functionFiles;
    std::vector<uint8_t> m_functionListed;
    bool m_listUnnamed = false;

    std::vector<Node> m_nodes;
    std::unordered_map<std::string, uint32_t> m_nodeByKey;
    std::vector<uint32_t> m_locationStart;
    std::vector<LocationLine> m_locationLines;
    std::vector<InlinedSum> m_inlined;
    std::unordered_map<std::string, uint32_t> m_inlinedByKey;
};

} // namespace

SourceListing listSource(const EventStore& store, const std::function<bool(std::string_view)>& matches,
                         const SourceListingQuery& query, SourceFiles& files)
{
    if (!store.profile || !store.profile->pprof || query.sampleType >= store.profile->sampleTypes.size())
        return {};
    return ListingBuilder(store, matches, query, files).build();
}

} // namespace gs
