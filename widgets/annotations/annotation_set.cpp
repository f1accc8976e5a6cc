// SPDX-License-Identifier: MIT
#include "widgets/annotations/annotation_set.h"

#include <QJsonObject>
#include <QStringList>
#include <QUndoCommand>
#include <QUndoStack>

#include <array>
#include <cmath>

namespace gs::ui {

// One undoable change: the whole list before and after. Annotations are few (tens), so copying
// the list is simpler and safer than per-operation inverse logic.
class AnnotationCommand : public QUndoCommand
{
public:
    AnnotationCommand(AnnotationSet* set, std::vector<Annotation> after, const QString& text)
        : QUndoCommand(text)
        , m_set(set)
        , m_before(set->annotations())
        , m_after(std::move(after))
    {
    }
    void undo() override { m_set->setDirect(m_before); }
    void redo() override { m_set->setDirect(m_after); }

private:
    AnnotationSet* m_set;
    std::vector<Annotation> m_before;
    std::vector<Annotation> m_after;
};

AnnotationSet::AnnotationSet(QObject* parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
}

AnnotationSet::~AnnotationSet() = default;

void AnnotationSet::add(Annotation annotation)
{
    auto after = m_annotations;
    after.push_back(std::move(annotation));
    m_undo->push(new AnnotationCommand(this, std::move(after), tr("Add Annotation")));
}

void AnnotationSet::update(size_t index, Annotation annotation)
{
    if (index >= m_annotations.size())
        return;
    auto after = m_annotations;
    after[index] = std::move(annotation);
    m_undo->push(new AnnotationCommand(this, std::move(after), tr("Edit Annotation")));
}

void AnnotationSet::remove(size_t index)
{
    if (index >= m_annotations.size())
        return;
    auto after = m_annotations;
    after.erase(after.begin() + std::ptrdiff_t(index));
    m_undo->push(new AnnotationCommand(this, std::move(after), tr("Delete Annotation")));
}

void AnnotationSet::replaceAll(std::vector<Annotation> annotations)
{
    m_undo->clear();
    setDirect(std::move(annotations));
}

void AnnotationSet::setDirect(std::vector<Annotation> annotations)
{
    m_annotations = std::move(annotations);
    emit changed();
}

namespace {

// The JSON names of kinds and views, in enum order.
constexpr std::array<const char*, 3> kKindNames {"note", "arrow", "box"};
constexpr std::array<const char*, 8> kViewNames {"any",  "timeline",  "flame_graph", "goroutine_table",
                                                  "plot", "top_table", "dump_groups", "call_graph"};

template<size_t N>
QString nameOf(const std::array<const char*, N>& names, auto value)
{
    return QString::fromLatin1(names[size_t(value)]);
}

// The enum value a JSON name stands for, or nothing.
template<typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<const char*, N>& names, const QJsonValue& value)
{
    for (size_t i = 0; i < N; ++i) {
        if (value.isString() && value.toString() == QLatin1String(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

QJsonObject anchorToJson(const AnnotationAnchor& anchor)
{
    QJsonObject o;
    if (anchor.goroutine != kNoRow)
        o.insert(QStringLiteral("goroutine_row"), qint64(anchor.goroutine));
    if (!anchor.function.empty())
        o.insert(QStringLiteral("function"), QString::fromStdString(anchor.function));
    o.insert(QStringLiteral("x"), anchor.x);
    o.insert(QStringLiteral("y"), anchor.y);
    if (anchor.panel != 0)
        o.insert(QStringLiteral("panel"), anchor.panel);
    return o;
}

// A whole number in [0, max] (JSON numbers are doubles), or nothing.
std::optional<qint64> countOf(const QJsonValue& value, qint64 max)
{
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 0 || d > double(max) || d != std::floor(d))
        return std::nullopt;
    return qint64(d);
}

// Reads an anchor; on failure returns why, naming the field.
std::optional<QString> anchorFromJson(const QJsonValue& value, AnnotationAnchor& anchor)
{
    if (!value.isObject())
        return QStringLiteral("not an object");
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString& key = it.key();
        const QJsonValue& v = it.value();
        if (key == QLatin1String("goroutine_row")) {
            const std::optional<qint64> row = countOf(v, qint64(kNoRow) - 1);
            if (!row)
                return QStringLiteral("\"goroutine_row\" is not a row number");
            anchor.goroutine = GoroutineRow(*row);
        } else if (key == QLatin1String("function")) {
            if (!v.isString() || v.toString().isEmpty())
                return QStringLiteral("\"function\" is not a function name");
            anchor.function = v.toString().toStdString();
        } else if (key == QLatin1String("x") || key == QLatin1String("y")) {
            if (!v.isDouble() || !std::isfinite(v.toDouble()))
                return QStringLiteral("\"%1\" is not a number").arg(key);
            (key == QLatin1String("x") ? anchor.x : anchor.y) = v.toDouble();
        } else if (key == QLatin1String("panel")) {
            const std::optional<qint64> panel = countOf(v, 1000);
            if (!panel)
                return QStringLiteral("\"panel\" is not a panel number");
            anchor.panel = int(*panel);
        } else {
            return QStringLiteral("unknown field \"%1\"").arg(key);
        }
    }
    return std::nullopt;
}

// Reads one annotation; on failure returns why, naming the field.
std::optional<QString> annotationFromJson(const QJsonValue& value, Annotation& a)
{
    if (!value.isObject())
        return QStringLiteral("not an object");
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList known {QStringLiteral("kind"), QStringLiteral("view"), QStringLiteral("plot"),
                                        QStringLiteral("text"), QStringLiteral("anchor"), QStringLiteral("end")};
        if (!known.contains(it.key()))
            return QStringLiteral("unknown field \"%1\"").arg(it.key());
    }
    const std::optional<AnnotationKind> kind = valueOf<AnnotationKind>(kKindNames, o.value(QStringLiteral("kind")));
    if (!kind)
        return QStringLiteral("\"kind\" must be note, arrow or box");
    const std::optional<AnnotationView> view = valueOf<AnnotationView>(kViewNames, o.value(QStringLiteral("view")));
    if (!view)
        return QStringLiteral("\"view\" must be any, timeline, flame_graph, goroutine_table, plot, top_table, dump_groups or call_graph");
    a.kind = *kind;
    a.view = *view;
    const QJsonValue text = o.value(QStringLiteral("text"));
    if (!text.isUndefined() && !text.isString())
        return QStringLiteral("\"text\" is not a string");
    a.text = text.toString();
    const QJsonValue plot = o.value(QStringLiteral("plot"));
    if (a.view == AnnotationView::Plot && (!plot.isString() || plot.toString().isEmpty()))
        return QStringLiteral("a plot annotation needs a \"plot\" name");
    if (a.view != AnnotationView::Plot && !plot.isUndefined())
        return QStringLiteral("\"plot\" on an annotation of another view");
    a.plot = plot.toString();
    if (const std::optional<QString> why = anchorFromJson(o.value(QStringLiteral("anchor")), a.anchor))
        return QStringLiteral("\"anchor\": ") + *why;
    const QJsonValue end = o.value(QStringLiteral("end"));
    if (a.hasEnd()) {
        if (const std::optional<QString> why = anchorFromJson(end, a.end))
            return QStringLiteral("\"end\": ") + *why;
    } else if (!end.isUndefined()) {
        return QStringLiteral("\"end\" on a note");
    }
    return std::nullopt;
}

} // namespace

QJsonArray annotationsToJson(std::span<const Annotation> annotations)
{
    QJsonArray out;
    for (const Annotation& a : annotations) {
        QJsonObject o;
        o.insert(QStringLiteral("kind"), nameOf(kKindNames, a.kind));
        o.insert(QStringLiteral("view"), nameOf(kViewNames, a.view));
        if (a.view == AnnotationView::Plot)
            o.insert(QStringLiteral("plot"), a.plot);
        o.insert(QStringLiteral("text"), a.text);
        o.insert(QStringLiteral("anchor"), anchorToJson(a.anchor));
        if (a.hasEnd())
            o.insert(QStringLiteral("end"), anchorToJson(a.end));
        out.append(o);
    }
    return out;
}

std::optional<std::vector<Annotation>> annotationsFromJson(const QJsonArray& array, QString* error)
{
    std::vector<Annotation> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        Annotation a;
        if (const std::optional<QString> why = annotationFromJson(array.at(i), a)) {
            if (error)
                *error = QStringLiteral("annotation %1: %2").arg(i + 1).arg(*why);
            return std::nullopt;
        }
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace gs::ui
