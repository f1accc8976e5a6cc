// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>

namespace gs::app {

// An enumerator and its name in session files (names, not numbers: a file stays readable and
// survives reordering the enum).
template<typename E>
struct JsonName
{
    E value;
    const char* name;
};

// Reads typed members out of JSON objects for the session file, keeping only the first problem,
// with where it was ("bookmarks[1].place.tab: expected an integer"). Reads after a failure return
// defaults, so a parser reads straight through and checks failed() once at the end instead of
// after every member. `where` is the dotted path of the object read from ("" for the root).
class SessionJsonReader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    // Records a problem at `where` (the first one wins).
    void fail(const QString& where, const QString& what);

    static QString path(const QString& where, const char* key);
    static QString path(const QString& where, qsizetype index);

    QString string(const QJsonObject& object, const QString& where, const char* key);
    // An integer exactly representable in a JSON number (|n| <= 2^53).
    int64_t integer(const QJsonObject& object, const QString& where, const char* key);
    // An integer, or nothing when the member is null.
    std::optional<int64_t> optionalInteger(const QJsonObject& object, const QString& where, const char* key);
    QJsonObject object(const QJsonObject& object, const QString& where, const char* key);
    // An object, or nothing when the member is null.
    std::optional<QJsonObject> optionalObject(const QJsonObject& object, const QString& where, const char* key);
    QJsonArray array(const QJsonObject& object, const QString& where, const char* key);
    // Element `index` of `array` (read from `where`), which must be an object / a string.
    QJsonObject objectAt(const QJsonArray& array, const QString& where, qsizetype index);
    QString stringAt(const QJsonArray& array, const QString& where, qsizetype index);

    // A member naming one of `names`; the first enumerator when it names none (after failing).
    template<typename E>
    E enumeration(const QJsonObject& object, const QString& where, const char* key, std::span<const JsonName<E>> names)
    {
        const QString name = string(object, where, key);
        for (const JsonName<E>& n : names) {
            if (name == QLatin1String(n.name))
                return n.value;
        }
        if (!failed())
            fail(path(where, key), QStringLiteral("unknown value \"%1\"").arg(name));
        return names.front().value;
    }

private:
    // The member if it has `type`; else fails ("missing" or "expected <what>") and returns nothing.
    std::optional<QJsonValue> typed(const QJsonValue& value, const QString& where, QJsonValue::Type type,
                                    const char* what);

    QString m_error;
};

// The name of `value` in `names` (every enumerator has one).
template<typename E>
QString jsonName(std::span<const JsonName<E>> names, E value)
{
    for (const JsonName<E>& n : names) {
        if (n.value == value)
            return QLatin1String(n.name);
    }
    return {};
}

} // namespace gs::app
