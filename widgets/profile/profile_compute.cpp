// SPDX-License-Identifier: MIT
#include "widgets/profile/profile_compute.h"

#include "core/analysis/granular_selection.h"
#include "core/analysis/peek.h"
#include "core/analysis/profile_merge.h"
#include "core/analysis/report_values.h"
#include "widgets/common/go_names.h"
#include "widgets/profile/stack_merge.h"

namespace gs::ui {

namespace {

size_t baseSampleType(const Profile& current, size_t type, const Profile& base)
{
    const int byName = base.findSampleType(current.sampleTypes[type].type);
    if (byName >= 0)
        return size_t(byName);
    return type < base.sampleTypes.size() ? type : base.defaultSampleType;
}

} // namespace

Result<std::shared_ptr<const ProfileResult>> computeProfile(const StorePtr& store, const StorePtr& base,
                                                            const ProfileQuery& query)
{
    if (!store || !store->profile)
        return Error {"this input has no profile samples", std::nullopt};
    StorePtr source = store;
    if (base && query.baseMode == BaseMode::Subtract) {
        auto difference = mergeWithBase(store, base, BaseMode::Subtract);
        if (!difference)
            return difference.error();
        source = std::move(*difference);
    }
    // A merge keeps the sample types both have: the chosen one by name.
    const int type = source->profile->findSampleType(store->profile->sampleTypes[query.sampleType].type);
    if (type < 0)
        return Error {"the base has no " + store->profile->sampleTypes[query.sampleType].type + " samples", std::nullopt};
    auto selected = selectStacksAt(source, size_t(type), query.filter, query.granularity);
    if (!selected)
        return selected.error();
    // At a granularity other than functions, every id below refers to the regrouped copy.
    const StorePtr& shown = selected->store;

    auto result = std::make_shared<ProfileResult>();
    result->sampleType = source->profile->sampleTypes[size_t(type)];
    const bool mean = query.mean && !(base && query.baseMode == BaseMode::Compare);
    result->mean = mean;
    result->outputUnit = query.unit;
    result->ratio = query.divideBy != 0 ? 1 / query.divideBy : 1;
    result->unfilteredTotal
        = reportTotal(*source, size_t(type), mean ? std::optional<size_t>(0) : std::nullopt);
    WeightedStacks current = std::move(selected->stacks);
    std::optional<WeightedStacks> baseStacks;
    if (base && query.baseMode == BaseMode::Compare && base->profile && !base->profile->sampleTypes.empty()) {
        const size_t baseType = baseSampleType(*store->profile, query.sampleType, *base->profile);
        auto b = selectStacksAt(base, baseType, query.filter, query.granularity);
        if (!b)
            return b.error();
        MergedStacks merged = mergeForDiff(shown->symbols, current, b->store->symbols, b->stacks);
        result->symbols = std::move(merged.symbols);
        current = std::move(merged.current);
        baseStacks = std::move(merged.base);
        result->isDiff = true;
        result->baseTotal = baseStacks->total;
        result->unfilteredBaseTotal = sampleTypeTotal(*base->profile, baseType);
    } else {
        // Aliasing constructor: the symbols live as long as the store that owns them.
        result->symbols = std::shared_ptr<const Symbols>(shown, &shown->symbols);
    }
    result->total = current.total;
    const Symbols& symbols = *result->symbols;
    const WeightedStacks* basePtr = baseStacks ? &*baseStacks : nullptr;

    result->top = computeTop(symbols, current, TopOrder::Flat, basePtr);
    result->edges = computeCallEdges(symbols, current);
    if (basePtr)
        result->edges = subtractCallEdges(result->edges, computeCallEdges(symbols, *basePtr));
    if (mean) {
        // As pprof's -mean: the divisor is sample type 0 (a count) over the same samples and nodes.
        auto divisor = selectOtherType(source, 0, query.filter, *selected);
        if (!divisor)
            return divisor.error();
        divideTopRows(symbols, *divisor, result->top);
    }
    switch (query.mode) {
    case ViewMode::TopDown:
    case ViewMode::Graph:
    case ViewMode::BottomUp: {
        const FlameDirection direction
            = query.mode == ViewMode::BottomUp ? FlameDirection::BottomUp : FlameDirection::TopDown;
        result->tree = std::make_shared<FlameTree>(FlameTree::build(symbols, current, {direction, std::nullopt}, basePtr));
        break;
    }
    case ViewMode::Sandwich:
        result->pivot = findFunction(symbols, query.pivot);
        if (result->pivot) {
            result->tree = std::make_shared<FlameTree>(
                FlameTree::build(symbols, current, {FlameDirection::TopDown, result->pivot}, basePtr));
            result->callers = std::make_shared<FlameTree>(
                FlameTree::build(symbols, current, {FlameDirection::BottomUp, result->pivot}, basePtr));
        } else {
            result->tree = std::make_shared<FlameTree>();
            result->callers = std::make_shared<FlameTree>();
        }
        break;
    }
    if (query.mode == ViewMode::Graph) {
        // A comparison's graph is pprof's -diff_base graph: of the profile merged with its base,
        // whose samples count negated, percentages of the base's total.
        StorePtr graphSource = shown;
        size_t graphType = size_t(type);
        std::optional<GranularSelection> diffSelection;
        if (result->isDiff) {
            auto merged = mergeWithBase(store, base, BaseMode::Compare);
            if (!merged)
                return merged.error();
            const int mergedType = (*merged)->profile->findSampleType(result->sampleType.type);
            if (mergedType < 0)
                return Error {"the base has no " + result->sampleType.type + " samples", std::nullopt};
            auto at = selectStacksAt(*merged, size_t(mergedType), query.filter, query.granularity);
            if (!at)
                return at.error();
            diffSelection = std::move(*at);
            graphSource = diffSelection->store;
            graphType = size_t(mergedType);
        }
        CallGraphInput input;
        input.store = graphSource.get();
        input.granularity = query.granularity.granularity;
        input.sampleType = graphType;
        input.samples = diffSelection ? &diffSelection->keptSamples : &selected->keptSamples;
        input.hidden = diffSelection ? &diffSelection->stacks.hiddenFunctions : &current.hiddenFunctions;
        input.total = diffSelection ? reportTotal(*graphSource, graphType) : result->unfilteredTotal;
        auto built = buildCallGraph(input);
        if (!built)
            return built.error();
        result->graph = std::make_shared<const CallGraph>(std::move(*built));
        result->graphSymbols = std::shared_ptr<const Symbols>(graphSource, &graphSource->symbols);
    }
    return std::shared_ptr<const ProfileResult>(std::move(result));
}

} // namespace gs::ui
