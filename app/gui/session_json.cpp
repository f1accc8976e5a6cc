// SPDX-License-Identifier: MIT
#include "app/gui/session_json.h"

#include <cmath>

namespace gs::app {

namespace {

// The largest integer a JSON number (an IEEE double) holds exactly.
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

} // namespace

void SessionJsonReader::fail(const QString& where, const QString& what)
{
    if (!failed())
        m_error = where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

QString SessionJsonReader::path(const QString& where, const char* key)
{
    const QString name = QLatin1String(key);
    return where.isEmpty() ? name : where + QLatin1Char('.') + name;
}

QString SessionJsonReader::path(const QString& where, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(where).arg(index);
}

std::optional<QJsonValue> SessionJsonReader::typed(const QJsonValue& value, const QString& where,
                                                   QJsonValue::Type type, const char* what)
{
    if (failed())
        return std::nullopt;
    if (value.type() == type)
        return value;
    fail(where, value.isUndefined() ? QStringLiteral("missing") : QStringLiteral("expected %1").arg(QLatin1String(what)));
    return std::nullopt;
}

QString SessionJsonReader::string(const QJsonObject& object, const QString& where, const char* key)
{
    const auto value = typed(object.value(QLatin1String(key)), path(where, key), QJsonValue::String, "a string");
    return value ? value->toString() : QString();
}

int64_t SessionJsonReader::integer(const QJsonObject& object, const QString& where, const char* key)
{
    const QString at = path(where, key);
    const auto value = typed(object.value(QLatin1String(key)), at, QJsonValue::Double, "an integer");
    if (!value)
        return 0;
    const double d = value->toDouble();
    if (d != std::floor(d) || std::fabs(d) > kMaxExactInteger) {
        fail(at, QStringLiteral("expected an integer"));
        return 0;
    }
    return int64_t(d);
}

std::optional<int64_t> SessionJsonReader::optionalInteger(const QJsonObject& object, const QString& where,
                                                          const char* key)
{
    if (object.value(QLatin1String(key)).isNull())
        return std::nullopt;
    return integer(object, where, key);
}

QJsonObject SessionJsonReader::object(const QJsonObject& object, const QString& where, const char* key)
{
    const auto value = typed(object.value(QLatin1String(key)), path(where, key), QJsonValue::Object, "an object");
    return value ? value->toObject() : QJsonObject();
}

std::optional<QJsonObject> SessionJsonReader::optionalObject(const QJsonObject& object, const QString& where,
                                                             const char* key)
{
    if (object.value(QLatin1String(key)).isNull())
        return std::nullopt;
    return this->object(object, where, key);
}

QJsonArray SessionJsonReader::array(const QJsonObject& object, const QString& where, const char* key)
{
    const auto value = typed(object.value(QLatin1String(key)), path(where, key), QJsonValue::Array, "an array");
    return value ? value->toArray() : QJsonArray();
}

QJsonObject SessionJsonReader::objectAt(const QJsonArray& array, const QString& where, qsizetype index)
{
    const auto value = typed(array.at(index), path(where, index), QJsonValue::Object, "an object");
    return value ? value->toObject() : QJsonObject();
}

QString SessionJsonReader::stringAt(const QJsonArray& array, const QString& where, qsizetype index)
{
    const auto value = typed(array.at(index), path(where, index), QJsonValue::String, "a string");
    return value ? value->toString() : QString();
}

} // namespace gs::app
