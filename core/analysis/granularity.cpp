// SPDX-License-Identifier: MIT
#include "core/analysis/granularity.h"

#include "core/base/go_path.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <unordered_map>

namespace gs {

namespace {

// What pprof keeps of a location's line at a granularity (its profile.Aggregate), and the node
// it then makes of it (graph.NodeInfo; OrigName and the column are always empty in a report).
struct NodeInfo
{
    std::string name;
    uint64_t address = 0;
    std::string file;
    int64_t startLine = 0;
    int64_t line = 0;
    std::string objfile;

    // fmt.Sprint of pprof's NodeInfo: the node's identity.
    std::string key() const
    {
        return "{" + name + "  " + std::to_string(address) + " " + file + " " + std::to_string(startLine) + " "
               + std::to_string(line) + " 0 " + objfile + "}";
    }

    // pprof's PrintableName: address, name, then file:line, file, or the binary's base name.
    std::string printable() const
    {
        std::string out;
        auto add = [&](std::string_view part) {
            if (!out.empty())
                out += ' ';
            out += part;
        };
        if (address != 0) {
            char buf[24];
            std::snprintf(buf, sizeof buf, "%016" PRIx64, address);
            add(buf);
        }
        if (!name.empty())
            add(name);
        if (line != 0) {
            add(file + ":" + std::to_string(line));
        } else if (!file.empty()) {
            add(file);
        } else if (name.empty()) {
            if (!objfile.empty()) {
                const size_t slash = objfile.rfind('/');
                add("[" + objfile.substr(slash == std::string::npos ? 0 : slash + 1) + "]");
            } else {
                add("<unknown>");
            }
        }
        return out;
    }
};

struct Aggregation
{
    bool function = true;
    bool file = false;
    bool line = false;
    bool address = false;
    bool inlines = true;
};

Aggregation aggregationOf(NodeGranularity g)
{
    Aggregation a;
    a.inlines = !g.noInlines;
    a.function = g.granularity != Granularity::Files;
    a.file = g.granularity != Granularity::Functions;
    a.line = g.granularity == Granularity::Lines || g.granularity == Granularity::Addresses;
    a.address = g.granularity == Granularity::Addresses;
    return a;
}

// Copies the strings so that every StringId of the original (labels) means the same.
void copyStrings(const StringPool& from, StringPool& to)
{
    for (size_t i = 1; i < from.size(); ++i)
        to.intern(from.get(StringId(i)));
}

} // namespace

std::string pprofNodeFile(std::string_view path)
{
    for (std::string_view prefix : {"/proc/self/cwd/./", "/proc/self/cwd/"}) {
        if (path.starts_with(prefix)) {
            path.remove_prefix(prefix.size());
            break;
        }
    }
    return path.empty() ? std::string() : gopath::clean(path);
}

bool canRegroup(const EventStore& store)
{
    return store.profile && store.profile->pprof;
}

Result<StorePtr> regroupProfile(const EventStore& store, NodeGranularity granularity,
                                const std::vector<uint8_t>* hidden)
{
    if (!canRegroup(store))
        return Error {"files, lines, addresses and no-inlines granularity need a pprof profile", std::nullopt};
    const Profile& profile = *store.profile;
    const PprofDetail& detail = *profile.pprof;
    const Symbols& symbols = store.symbols;
    const Aggregation agg = aggregationOf(granularity);

    // Every location's nodes, innermost first, each with whether its call was inlined.
    std::vector<std::string> keys;
    std::vector<NodeInfo> infos;
    std::unordered_map<std::string, uint32_t> nodeByKey;
    struct LocationNode
    {
        uint32_t node;
        bool inlined;
    };
    std::vector<uint32_t> locationStart;
    std::vector<LocationNode> locationNodes;
    std::vector<const PprofLine*> lines;
    locationStart.reserve(detail.locations.size() + 1);
    for (const PprofLocation& loc : detail.locations) {
        locationStart.push_back(uint32_t(locationNodes.size()));
        const std::string objfile = loc.mapping == PprofLocation::kNoMapping ? std::string()
                                                                              : profile.mappings[loc.mapping].filename;
        // As pprof: hidden lines go first (a location left without any leaves the stacks), then
        // without inlines only the outermost line stays.
        lines.clear();
        for (uint32_t i = loc.firstLine; i < loc.firstLine + loc.lineCount; ++i) {
            const PprofLine& line = detail.lines[i];
            if (!hidden || line.function == PprofLine::kNoFunction || !(*hidden)[detail.functions[line.function].function])
                lines.push_back(&line);
        }
        if (!lines.empty() && !agg.inlines)
            lines.erase(lines.begin(), lines.end() - 1);
        if (loc.lineCount == 0)
            lines.push_back(nullptr); // pprof still makes a node of a location without lines
        const auto count = uint32_t(lines.size());
        for (uint32_t i = 0; i < count; ++i) {
            NodeInfo info;
            if (agg.address)
                info.address = loc.address;
            const PprofLine* line = lines[i];
            if (line == nullptr || line->function == PprofLine::kNoFunction) {
                info.objfile = objfile;
            } else {
                const PprofFunction& fn = detail.functions[line->function];
                if (agg.line)
                    info.line = line->line;
                if (agg.function)
                    info.name = symbols.functionName(fn.function);
                if (agg.file && fn.file != 0)
                    info.file = pprofNodeFile(symbols.strings.get(fn.file));
                if (info.name.empty()) {
                    info.objfile = objfile;
                    info.startLine = fn.startLine;
                }
            }
            std::string key = info.key();
            auto [it, inserted] = nodeByKey.emplace(key, uint32_t(infos.size()));
            if (inserted) {
                keys.push_back(std::move(key));
                infos.push_back(std::move(info));
            }
            // Every line but the location's last (outermost) was inlined into the next.
            locationNodes.push_back(LocationNode {it->second, i + 1 < count});
        }
    }
    locationStart.push_back(uint32_t(locationNodes.size()));

    auto out = std::make_shared<EventStore>();
    out->format = store.format;
    out->sourcePath = store.sourcePath;
    out->warnings = store.warnings;
    Symbols& to = out->symbols;
    copyStrings(symbols.strings, to.strings);

    // Functions in the order of their identity, so that nodes sharing a name have a fixed order.
    std::vector<uint32_t> order(infos.size());
    for (uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    std::vector<FunctionId> nodeFunction(infos.size());
    for (uint32_t i : order)
        nodeFunction[i] = to.addFunction(infos[i].printable(), infos[i].file);

    std::vector<StackId> sequenceStack;
    sequenceStack.reserve(detail.stackCount());
    std::vector<FrameId> frames;
    for (size_t s = 0; s < detail.stackCount(); ++s) {
        frames.clear();
        for (uint32_t loc : detail.stack(uint32_t(s))) {
            for (uint32_t i = locationStart[loc]; i < locationStart[loc + 1]; ++i)
                frames.push_back(to.internFrame(nodeFunction[locationNodes[i].node], 0, locationNodes[i].inlined));
        }
        sequenceStack.push_back(to.stacks.intern(frames));
    }

    out->profile = profile;
    Profile& p = *out->profile;
    p.pprof.reset();
    for (size_t i = 0; i < p.sampleStacks.size(); ++i)
        p.sampleStacks[i] = sequenceStack[detail.sampleStacks[i]];
    return StorePtr(std::move(out));
}

} // namespace gs
