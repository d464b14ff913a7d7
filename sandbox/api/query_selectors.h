#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sandbox {

// A labelSelector= query: `a=b,c!=d,e in (x,y),f notin (z),!g,h`.
class LabelQuery final {
public:
    static rcs::Result<LabelQuery> parse(const QString &text);
    bool matches(const QJsonObject &labels) const;
    bool isEmpty() const { return m_requirements.isEmpty(); }

private:
    struct Requirement {
        enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };
    QList<Requirement> m_requirements;
};

// A fieldSelector= query: `metadata.name=x,status.phase!=Running`, a dotted path into the object.
// Given a resource (plural), only the field labels the real API server supports for it are accepted,
// so that a client tested here does not rely on a selector a cluster refuses; without one, any path.
class FieldQuery final {
public:
    static rcs::Result<FieldQuery> parse(const QString &text, const QString &resource = {});
    bool matches(const QJsonObject &object) const;

private:
    struct Requirement {
        QStringList path;
        bool negate = false;
        QString value;
    };
    QList<Requirement> m_requirements;
};

} // namespace sandbox
