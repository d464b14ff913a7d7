#include "api/query_selectors.h"

#include <QJsonArray>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

// Splits at commas that are not inside parentheses.
QStringList splitTerms(const QString &text)
{
    QStringList terms;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        if (c == u',' && depth == 0) {
            terms.append(current.trimmed());
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        terms.append(current.trimmed());
    return terms;
}

Error selectorError(const QString &text, const QString &why)
{
    return Error(ErrorCode::InvalidInput,
                 QStringLiteral("unable to parse requirement: %1: %2").arg(text, why));
}

} // namespace

rcs::Result<LabelQuery> LabelQuery::parse(const QString &text)
{
    LabelQuery query;
    for (const QString &term : splitTerms(text)) {
        if (term.isEmpty())
            continue;
        Requirement r;
        const qsizetype open = term.indexOf(u'(');
        if (open > 0) {
            if (!term.endsWith(u')'))
                return selectorError(term, QStringLiteral("missing closing parenthesis"));
            const QStringList head = term.left(open).simplified().split(u' ');
            if (head.size() != 2 || (head.at(1) != u"in" && head.at(1) != u"notin"))
                return selectorError(term,
                                     QStringLiteral("expected 'key in (values)' or 'key notin (values)'"));
            r.key = head.at(0);
            r.op = head.at(1) == u"in" ? Requirement::Op::In : Requirement::Op::NotIn;
            for (const QString &v : term.mid(open + 1, term.size() - open - 2).split(u','))
                r.values.append(v.trimmed());
        } else if (term.startsWith(u'!')) {
            r.key = term.mid(1).trimmed();
            r.op = Requirement::Op::DoesNotExist;
        } else if (const qsizetype ne = term.indexOf(QLatin1String("!=")); ne > 0) {
            r.key = term.left(ne).trimmed();
            r.op = Requirement::Op::NotEquals;
            r.values = {term.mid(ne + 2).trimmed()};
        } else if (const qsizetype eq = term.indexOf(u'='); eq > 0) {
            r.key = term.left(eq).trimmed();
            r.op = Requirement::Op::Equals;
            QString rest = term.mid(eq + 1);
            if (rest.startsWith(u'='))
                rest.remove(0, 1);
            r.values = {rest.trimmed()};
        } else {
            r.key = term;
            r.op = Requirement::Op::Exists;
        }
        if (r.key.isEmpty() || r.key.contains(u' '))
            return selectorError(term, QStringLiteral("invalid label key"));
        query.m_requirements.append(r);
    }
    return query;
}

bool LabelQuery::matches(const QJsonObject &labels) const
{
    for (const Requirement &r : m_requirements) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Requirement::Op::Exists:
            if (!has)
                return false;
            break;
        case Requirement::Op::DoesNotExist:
            if (has)
                return false;
            break;
        case Requirement::Op::Equals:
        case Requirement::Op::In:
            if (!has || !r.values.contains(value))
                return false;
            break;
        case Requirement::Op::NotEquals:
        case Requirement::Op::NotIn:
            if (has && r.values.contains(value))
                return false;
            break;
        }
    }
    return true;
}

namespace {

// The field labels kube-apiserver 1.32 accepts beyond metadata.name and metadata.namespace.
QStringList extraFieldLabels(const QString &resource)
{
    if (resource == u"pods")
        return {QStringLiteral("spec.nodeName"),
                QStringLiteral("spec.restartPolicy"),
                QStringLiteral("spec.schedulerName"),
                QStringLiteral("spec.serviceAccountName"),
                QStringLiteral("spec.hostNetwork"),
                QStringLiteral("status.phase"),
                QStringLiteral("status.podIP"),
                QStringLiteral("status.podIPs"),
                QStringLiteral("status.nominatedNodeName")};
    if (resource == u"events")
        return {QStringLiteral("involvedObject.kind"),
                QStringLiteral("involvedObject.namespace"),
                QStringLiteral("involvedObject.name"),
                QStringLiteral("involvedObject.uid"),
                QStringLiteral("involvedObject.apiVersion"),
                QStringLiteral("involvedObject.resourceVersion"),
                QStringLiteral("involvedObject.fieldPath"),
                QStringLiteral("reason"),
                QStringLiteral("reportingComponent"),
                QStringLiteral("source"),
                QStringLiteral("type")};
    if (resource == u"secrets")
        return {QStringLiteral("type")};
    if (resource == u"namespaces")
        return {QStringLiteral("status.phase")};
    if (resource == u"nodes")
        return {QStringLiteral("spec.unschedulable")};
    if (resource == u"services")
        return {QStringLiteral("spec.clusterIP"), QStringLiteral("spec.type")};
    return {};
}

} // namespace

rcs::Result<FieldQuery> FieldQuery::parse(const QString &text, const QString &resource)
{
    FieldQuery query;
    for (const QString &term : splitTerms(text)) {
        if (term.isEmpty())
            continue;
        Requirement r;
        qsizetype at = term.indexOf(QLatin1String("!="));
        qsizetype width = 2;
        if (at > 0) {
            r.negate = true;
        } else if ((at = term.indexOf(QLatin1String("=="))) > 0) {
            width = 2;
        } else if ((at = term.indexOf(u'=')) > 0) {
            width = 1;
        } else {
            return Error(
                ErrorCode::InvalidInput,
                QStringLiteral("invalid field selector: %1: expected field=value or field!=value").arg(term));
        }
        const QString field = term.left(at).trimmed();
        if (!resource.isEmpty() && field != u"metadata.name" && field != u"metadata.namespace" &&
            !extraFieldLabels(resource).contains(field))
            return Error(ErrorCode::InvalidInput, QStringLiteral("field label not supported: %1").arg(field));
        r.path = field.split(u'.');
        r.value = term.mid(at + width).trimmed();
        query.m_requirements.append(r);
    }
    return query;
}

bool FieldQuery::matches(const QJsonObject &object) const
{
    for (const Requirement &r : m_requirements) {
        QJsonValue value = object;
        for (const QString &part : r.path)
            value = value.toObject().value(part);
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isDouble())
            text = QString::number(value.toDouble());
        if ((text == r.value) == r.negate)
            return false;
    }
    return true;
}

} // namespace sandbox
