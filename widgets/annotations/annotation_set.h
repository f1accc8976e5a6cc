// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/annotations/annotation.h"

#include <QJsonArray>
#include <QObject>
#include <QString>

#include <optional>
#include <span>
#include <vector>

class QUndoStack;

namespace gs::ui {

// The annotations of an investigation, for every view, with undo/redo: the one place the
// interactive layers, exports, the HTML report and session files read and change them. Every
// change made through add/update/remove is one undoable step on undoStack(); replaceAll (opening
// a session, a new capture) is not undoable and clears the stack. GUI thread only.
class AnnotationSet : public QObject
{
    Q_OBJECT
public:
    explicit AnnotationSet(QObject* parent = nullptr);
    ~AnnotationSet() override;

    const std::vector<Annotation>& annotations() const { return m_annotations; }
    QUndoStack* undoStack() const { return m_undo; }

    void add(Annotation annotation);
    void update(size_t index, Annotation annotation);
    void remove(size_t index);
    void replaceAll(std::vector<Annotation> annotations);

signals:
    void changed();

private:
    friend class AnnotationCommand;
    void setDirect(std::vector<Annotation> annotations);

    std::vector<Annotation> m_annotations;
    QUndoStack* m_undo = nullptr;
};

// The session-file form of annotations: one JSON object each. Reading refuses (nullopt, and one
// line in *error naming the entry) anything malformed rather than guessing.
QJsonArray annotationsToJson(std::span<const Annotation> annotations);
std::optional<std::vector<Annotation>> annotationsFromJson(const QJsonArray& array, QString* error);

} // namespace gs::ui
