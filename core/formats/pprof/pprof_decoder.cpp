// SPDX-License-Identifier: MIT
#include "core/formats/pprof/pprof_decoder.h"

#include "core/base/capture_text.h"
#include "core/formats/pprof/id_index.h"
#include "core/formats/pprof/location_stack_cache.h"
#include "core/formats/pprof/pprof_function_name.h"
#include "core/formats/pprof/pprof_wire.h"

#include "profile.pb.h"

#include <climits>
#include <new>

namespace gs {

namespace {

namespace pb = goroscope::pprof;
using pprof::IdIndex;
using pprof::MessageKind;
using pprof::WireField;
using pprof::WireType;

// A length-delimited field's payload and where it starts in the input.
struct Span
{
    std::span<const uint8_t> bytes;
    uint64_t offset = 0; // of the field's tag, which errors about the message report
    uint64_t payloadOffset = 0;
};

std::string_view baseName(std::string_view path)
{
    const size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Converts a profile.proto message into Symbols + Profile in two passes over the top-level
// fields: the first collects the tables (strings, functions, locations, mappings come in any
// order, the string table usually last), the second converts samples one by one into a single
// reused Sample message, so memory stays at the size of the result rather than of a parsed tree.
// Every sub-message is parsed with the generated classes; when that fails, or leaves unknown
// fields behind (a known field with the wrong wire type lands there), the wire walker names the
// first malformed field and its offset.
class PprofDecoder
{
public:
    PprofDecoder(std::span<const uint8_t> bytes, LoadContext& context)
        : m_bytes(bytes)
        , m_context(context)
        , m_store(std::make_shared<EventStore>())
    {
        m_store->format = Format::Pprof;
        m_store->profile.emplace();
    }

    std::shared_ptr<EventStore> run()
    {
        if (m_bytes.empty())
            throw DecodeError(0, "empty input: not a pprof profile");
        scanTables();
        checkStringTable();
        readSampleTypes();
        readMappings();
        readFunctions();
        readLocations();
        readScalars();
        readSamples();
        m_store->profile->pprof = std::move(m_detail);
        return std::move(m_store);
    }

private:
    // Pass 1: everything but the samples, which are only counted.
    void scanTables()
    {
        ByteReader reader(m_bytes);
        WireField f;
        while (pprof::nextField(reader, f)) {
            pprof::checkField(MessageKind::Profile, f);
            const Span span {f.bytes, f.offset, f.payloadOffset};
            switch (f.number) {
            case 1:
                m_sampleTypeSpans.push_back(span);
                break;
            case 2:
                ++m_sampleCount;
                break;
            case 3:
                m_mappingSpans.push_back(span);
                break;
            case 4:
                m_locationSpans.push_back(span);
                break;
            case 5:
                m_functionSpans.push_back(span);
                break;
            case 6:
                if (m_strings.empty())
                    m_stringTableOffset = f.offset;
                m_strings.emplace_back(reinterpret_cast<const char*>(f.bytes.data()), f.bytes.size());
                break;
            case 7:
                m_dropFrames = {int64_t(f.varint), f.offset};
                break;
            case 8:
                m_keepFrames = {int64_t(f.varint), f.offset};
                break;
            case 9:
                m_store->profile->timeNanos = int64_t(f.varint);
                break;
            case 10:
                m_store->profile->durationNs = int64_t(f.varint);
                break;
            case 11:
                m_periodType = span;
                m_hasPeriodType = true;
                break;
            case 12:
                m_store->profile->period = int64_t(f.varint);
                break;
            case 13:
                readRepeated(f, m_comments);
                break;
            case 14:
                m_defaultSampleType = {int64_t(f.varint), f.offset};
                break;
            default:
                break; // doc_url and fields newer than our schema
            }
        }
    }

    struct IndexAt
    {
        int64_t index = 0;
        uint64_t offset = 0;
    };

    void readRepeated(const WireField& f, std::vector<IndexAt>& out)
    {
        if (f.type == WireType::Varint) {
            out.push_back({int64_t(f.varint), f.offset});
            return;
        }
        ByteReader packed(f.bytes, f.payloadOffset);
        while (!packed.atEnd())
            out.push_back({int64_t(packed.readUvarint()), f.offset});
    }

    void checkStringTable()
    {
        // pprof refuses a table whose first entry is not "": index 0 must mean "no string".
        if (!m_strings.empty() && !m_strings[0].empty())
            throw DecodeError(m_stringTableOffset, "string_table[0] must be the empty string, found "
                                                       + quoteCaptureText(m_strings[0]));
        m_internedStrings.assign(m_strings.size(), kNotInterned);
    }

    std::string_view string(int64_t index, uint64_t offset, const char* what) const
    {
        if (index < 0 || uint64_t(index) >= m_strings.size())
            throw DecodeError(offset, std::string(what) + " refers to string " + std::to_string(index)
                                          + ", but the string table has " + std::to_string(m_strings.size())
                                          + " entries");
        return m_strings[size_t(index)];
    }

    StringId internString(int64_t index, uint64_t offset, const char* what)
    {
        string(index, offset, what); // range check
        StringId& id = m_internedStrings[size_t(index)];
        if (id == kNotInterned)
            id = m_store->symbols.strings.intern(m_strings[size_t(index)]);
        return id;
    }

    template<typename Message>
    void parse(Message& message, const Span& span, MessageKind kind)
    {
        if (span.bytes.size() > size_t(INT_MAX))
            throw DecodeError(span.offset, std::string(pprof::messageName(kind)) + " message of "
                                               + std::to_string(span.bytes.size()) + " bytes is too large");
        const bool parsed = message.ParseFromArray(span.bytes.data(), int(span.bytes.size()));
        if (parsed && message.GetReflection()->GetUnknownFields(message).empty())
            return;
        // Slow path: find out what is wrong, with an offset. Unknown field numbers are fine.
        pprof::validateMessage(span.bytes, span.payloadOffset, kind);
        if (!parsed)
            throw DecodeError(span.offset, std::string("malformed ") + pprof::messageName(kind) + " message");
    }

    void readSampleTypes()
    {
        Profile& profile = *m_store->profile;
        pb::ValueType vt;
        for (const Span& s : m_sampleTypeSpans) {
            parse(vt, s, MessageKind::ValueType);
            profile.sampleTypes.push_back(ValueType {std::string(string(vt.type(), s.offset, "sample_type.type")),
                                                     std::string(string(vt.unit(), s.offset, "sample_type.unit"))});
        }
        if (m_hasPeriodType) {
            parse(vt, m_periodType, MessageKind::ValueType);
            profile.periodType = ValueType {std::string(string(vt.type(), m_periodType.offset, "period_type.type")),
                                            std::string(string(vt.unit(), m_periodType.offset, "period_type.unit"))};
        }
    }

    void readMappings()
    {
        Profile& profile = *m_store->profile;
        pb::Mapping m;
        uint64_t maxId = 0;
        profile.mappings.reserve(m_mappingSpans.size());
        for (const Span& s : m_mappingSpans) {
            parse(m, s, MessageKind::Mapping);
            if (m.id() == 0)
                throw DecodeError(s.offset, "mapping with reserved id 0");
            maxId = std::max<uint64_t>(maxId, m.id());
            profile.mappings.push_back(Mapping {m.id(), m.memory_start(), m.memory_limit(), m.file_offset(),
                                                std::string(string(m.filename(), s.offset, "mapping.filename")),
                                                std::string(string(m.build_id(), s.offset, "mapping.build_id"))});
        }
        m_mappingIndex.prepare(maxId, profile.mappings.size());
        for (size_t i = 0; i < profile.mappings.size(); ++i) {
            if (!m_mappingIndex.add(profile.mappings[i].id, uint32_t(i)))
                throw DecodeError(m_mappingSpans[i].offset,
                                  "duplicate mapping id " + std::to_string(profile.mappings[i].id));
        }
    }

    void readFunctions()
    {
        pb::Function fn;
        std::vector<uint64_t> ids;
        ids.reserve(m_functionSpans.size());
        m_functions.reserve(m_functionSpans.size());
        uint64_t maxId = 0;
        for (const Span& s : m_functionSpans) {
            parse(fn, s, MessageKind::Function);
            if (fn.id() == 0)
                throw DecodeError(s.offset, "function with reserved id 0");
            const auto systemName = string(fn.system_name(), s.offset, "function.system_name");
            const auto name = string(fn.name(), s.offset, "function.name");
            const auto file = string(fn.filename(), s.offset, "function.filename");
            // Named as pprof names it, so every report, filter and view agrees with pprof.
            const FunctionId function =
                m_store->symbols.internFunction(pprof::displayFunctionName(name, systemName), file);
            m_functions.push_back(function);
            m_detail.functions.push_back(
                PprofFunction {function, m_store->symbols.strings.intern(file), fn.start_line()});
            ids.push_back(fn.id());
            maxId = std::max<uint64_t>(maxId, fn.id());
        }
        m_functionIndex.prepare(maxId, ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            if (!m_functionIndex.add(ids[i], uint32_t(i)))
                throw DecodeError(m_functionSpans[i].offset, "duplicate function id " + std::to_string(ids[i]));
        }
    }

    // Expands every location once into its frames, innermost (inlined callee) first, so a sample's
    // stack is a concatenation of precomputed runs.
    void readLocations()
    {
        Symbols& symbols = m_store->symbols;
        pb::Location loc;
        std::vector<uint64_t> ids;
        ids.reserve(m_locationSpans.size());
        m_locationFrameStart.reserve(m_locationSpans.size() + 1);
        m_locationFrameStart.push_back(0);
        uint64_t maxId = 0;
        bool warnedMapping = false;
        for (const Span& s : m_locationSpans) {
            parse(loc, s, MessageKind::Location);
            if (loc.id() == 0)
                throw DecodeError(s.offset, "location with reserved id 0");
            uint32_t mappingRow = IdIndex::kMissing;
            if (loc.mapping_id() != 0) {
                mappingRow = m_mappingIndex.find(loc.mapping_id());
                // pprof accepts this (the location just has no mapping), so only warn.
                if (mappingRow == IdIndex::kMissing && !warnedMapping) {
                    warnedMapping = true;
                    m_context.warn("location " + std::to_string(loc.id()) + " refers to mapping "
                                   + std::to_string(loc.mapping_id()) + ", which is not in the profile");
                }
            }
            m_detail.locations.push_back(PprofLocation {loc.address(), mappingRow, uint32_t(m_detail.lines.size()),
                                                        uint32_t(loc.line_size())});
            for (int i = 0; i < loc.line_size(); ++i) {
                const pb::Line& line = loc.line(i);
                m_detail.lines.push_back(PprofLine {PprofLine::kNoFunction, line.line()});
                // Every line but the last (outermost) is a call inlined into the next one.
                const bool inlined = i + 1 < loc.line_size();
                // function_id 0 is "no function" (pprof keeps the line without one).
                if (line.function_id() == 0) {
                    m_locationFrames.push_back(unsymbolizedFrame(mappingRow));
                    continue;
                }
                const uint32_t row = m_functionIndex.find(line.function_id());
                if (row == IdIndex::kMissing)
                    throw DecodeError(s.offset, "location " + std::to_string(loc.id()) + " refers to function id "
                                                    + std::to_string(line.function_id())
                                                    + ", which is not in the profile");
                m_detail.lines.back().function = row;
                const FunctionId function = m_functions[row];
                // A nameless function is shown as pprof shows it, like a location without lines.
                m_locationFrames.push_back(symbols.functionName(function).empty()
                                               ? unsymbolizedFrame(mappingRow)
                                               : symbols.internFrame(function, line.line(), inlined));
            }
            if (loc.line_size() == 0)
                m_locationFrames.push_back(unsymbolizedFrame(mappingRow));
            if (m_locationFrames.size() >= UINT32_MAX)
                throw DecodeError(s.offset, "too many location lines");
            m_locationFrameStart.push_back(uint32_t(m_locationFrames.size()));
            ids.push_back(loc.id());
            maxId = std::max<uint64_t>(maxId, loc.id());
        }
        m_locationIndex.prepare(maxId, ids.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            if (!m_locationIndex.add(ids[i], uint32_t(i)))
                throw DecodeError(m_locationSpans[i].offset, "duplicate location id " + std::to_string(ids[i]));
        }
    }

    // A location without lines (or a line of a nameless function) becomes one frame named as pprof
    // names it at function granularity: the mapped file's base name in brackets, or "<unknown>".
    FrameId unsymbolizedFrame(uint32_t mappingRow)
    {
        std::string name = "<unknown>";
        if (mappingRow != IdIndex::kMissing) {
            const auto file = baseName(m_store->profile->mappings[mappingRow].filename);
            if (!file.empty()) {
                // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "literal" + string here.
                name = "[";
                name.append(file).append("]");
            }
        }
        Symbols& symbols = m_store->symbols;
        return symbols.internFrame(symbols.internFunction(name, ""), 0);
    }

    void readScalars()
    {
        Profile& profile = *m_store->profile;
        for (const IndexAt& c : m_comments)
            profile.comments.emplace_back(string(c.index, c.offset, "comment"));
        string(m_dropFrames.index, m_dropFrames.offset, "drop_frames");
        string(m_keepFrames.index, m_keepFrames.offset, "keep_frames");
        // Unset, or naming no sample type: the last one, as pprof does.
        profile.defaultSampleType = profile.sampleTypes.empty() ? 0 : profile.sampleTypes.size() - 1;
        if (m_defaultSampleType.index != 0) {
            const auto name = string(m_defaultSampleType.index, m_defaultSampleType.offset, "default_sample_type");
            for (size_t i = 0; i < profile.sampleTypes.size(); ++i) {
                if (profile.sampleTypes[i].type == name) {
                    profile.defaultSampleType = i;
                    break;
                }
            }
        }
    }

    // Pass 2: the samples, in file order.
    void readSamples()
    {
        Profile& profile = *m_store->profile;
        Symbols& symbols = m_store->symbols;
        const size_t typeCount = profile.sampleTypes.size();
        // Counts come from fields actually present, so these are bounded by the input size.
        profile.sampleStacks.reserve(m_sampleCount);
        profile.labelOffsets.reserve(m_sampleCount + 1);
        if (typeCount != 0 && m_sampleCount <= m_bytes.size() / typeCount)
            profile.sampleValues.reserve(m_sampleCount * typeCount);

        pb::Sample sample;
        std::vector<FrameId> frames;
        pprof::LocationStackCache stackCache;
        ByteReader reader(m_bytes);
        WireField f;
        uint64_t index = 0;
        while (pprof::nextField(reader, f)) {
            if (f.number != 2)
                continue;
            if ((index & 4095) == 0)
                m_context.checkpoint(f.offset, m_bytes.size());
            const Span span {f.bytes, f.offset, f.payloadOffset};
            parse(sample, span, MessageKind::Sample);
            if (size_t(sample.value_size()) != typeCount)
                throw DecodeError(f.offset, "sample " + std::to_string(index) + " has "
                                                + std::to_string(sample.value_size()) + " values, but the profile has "
                                                + std::to_string(typeCount) + " sample types");
            const std::span<const uint64_t> ids(sample.location_id().data(), size_t(sample.location_id_size()));
            const uint64_t h = pprof::LocationStackCache::hash(ids);
            // The cache maps location sequences to rows of the detail's sequences; each row has its stack.
            uint32_t sequence = stackCache.find(ids, h);
            if (sequence == pprof::LocationStackCache::kMissing) {
                sequence = uint32_t(m_sequenceStacks.size());
                frames.clear();
                for (uint64_t id : ids) {
                    const uint32_t row = m_locationIndex.find(id);
                    if (row == IdIndex::kMissing)
                        throw DecodeError(f.offset, "sample " + std::to_string(index) + " refers to location id "
                                                        + std::to_string(id) + ", which is not in the profile");
                    frames.insert(frames.end(), m_locationFrames.begin() + m_locationFrameStart[row],
                                  m_locationFrames.begin() + m_locationFrameStart[row + 1]);
                    m_detail.stackLocations.push_back(row);
                }
                if (m_detail.stackLocations.size() >= UINT32_MAX)
                    throw DecodeError(f.offset, "too many sample locations");
                m_detail.stackOffsets.push_back(uint32_t(m_detail.stackLocations.size()));
                m_sequenceStacks.push_back(symbols.stacks.intern(frames));
                stackCache.insert(ids, h, sequence);
            }
            profile.sampleStacks.push_back(m_sequenceStacks[sequence]);
            m_detail.sampleStacks.push_back(sequence);
            profile.sampleValues.insert(profile.sampleValues.end(), sample.value().begin(), sample.value().end());
            for (const pb::Label& l : sample.label())
                addLabel(l, f.offset);
            profile.labelOffsets.push_back(uint32_t(profile.labels.size()));
            ++index;
        }
    }

    void addLabel(const pb::Label& l, uint64_t offset)
    {
        // As pprof: a non-zero str makes a string label; otherwise a number with an optional unit,
        // and a label with neither is dropped.
        SampleLabel label;
        label.key = internString(l.key(), offset, "label.key");
        if (l.str() != 0) {
            label.str = internString(l.str(), offset, "label.str");
        } else if (l.num() != 0 || l.num_unit() != 0) {
            label.num = l.num();
            label.numUnit = internString(l.num_unit(), offset, "label.num_unit");
        } else {
            return;
        }
        if (m_store->profile->labels.size() >= UINT32_MAX)
            throw DecodeError(offset, "too many labels");
        m_store->profile->labels.push_back(label);
    }

    static constexpr StringId kNotInterned = UINT32_MAX;

    std::span<const uint8_t> m_bytes;
    LoadContext& m_context;
    std::shared_ptr<EventStore> m_store;

    std::vector<std::string_view> m_strings; // views into m_bytes
    std::vector<StringId> m_internedStrings; // string index -> pool id, filled on first use
    uint64_t m_stringTableOffset = 0;
    std::vector<Span> m_sampleTypeSpans, m_mappingSpans, m_locationSpans, m_functionSpans;
    Span m_periodType;
    bool m_hasPeriodType = false;
    std::vector<IndexAt> m_comments;
    IndexAt m_dropFrames, m_keepFrames, m_defaultSampleType;
    size_t m_sampleCount = 0;

    IdIndex m_mappingIndex, m_functionIndex, m_locationIndex;
    std::vector<FunctionId> m_functions;        // function row -> interned function
    std::vector<FrameId> m_locationFrames;      // all locations' frames, innermost first
    std::vector<uint32_t> m_locationFrameStart; // location row -> first frame; one extra at the end
    PprofDetail m_detail;                       // moved into the profile at the end
    std::vector<StackId> m_sequenceStacks;      // m_detail's location sequence -> its stack
};

} // namespace

Result<std::shared_ptr<EventStore>> decodePprof(std::span<const uint8_t> bytes, LoadContext& context)
{
    try {
        PprofDecoder decoder(bytes, context);
        auto store = decoder.run();
        if (auto problem = store->profile->valueSumProblem())
            return Error {*problem, std::nullopt};
        return store;
    } catch (const DecodeError& e) {
        return Error {e.what(), e.offset()};
    } catch (const Cancelled&) {
        return Error {"cancelled", std::nullopt};
    } catch (const std::bad_alloc&) {
        return Error {"out of memory while decoding the profile", std::nullopt};
    }
}

} // namespace gs
