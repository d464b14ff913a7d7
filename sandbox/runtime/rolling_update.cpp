#include "runtime/rolling_update.h"

#include "runtime/object_fields.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

namespace sandbox {

namespace {

QJsonObject strategyOf(const QJsonObject &statefulSet)
{
    return specOf(statefulSet).value(QLatin1String("updateStrategy")).toObject();
}

} // namespace

QString templateRevision(const QJsonObject &statefulSet)
{
    const QJsonObject templ = specOf(statefulSet).value(QLatin1String("template")).toObject();
    const QByteArray hash = QCryptographicHash::hash(QJsonDocument(templ).toJson(QJsonDocument::Compact),
                                                     QCryptographicHash::Sha1)
                                .toHex()
                                .left(10);
    return nameOf(statefulSet) + u'-' + QString::fromLatin1(hash);
}

QString podRevision(const QJsonObject &pod)
{
    return metadataOf(pod)
        .value(QLatin1String("labels"))
        .toObject()
        .value(QLatin1String("controller-revision-hash"))
        .toString();
}

int maxUnavailableOf(const QJsonObject &statefulSet, int replicas)
{
    const QJsonValue value = strategyOf(statefulSet)
                                 .value(QLatin1String("rollingUpdate"))
                                 .toObject()
                                 .value(QLatin1String("maxUnavailable"));
    int count = 1;
    if (value.isDouble()) {
        count = value.toInt();
    } else if (value.isString() && value.toString().endsWith(u'%')) {
        bool ok = false;
        const int percent = value.toString().chopped(1).toInt(&ok);
        count = ok ? percent * replicas / 100 : 1; // intstr scaled value, rounded down
    }
    return std::max(1, count);
}

QList<int> ordinalsToUpdate(const QJsonObject &statefulSet, const QMap<int, QJsonObject> &pods, int replicas,
                            int unavailable)
{
    const QJsonObject strategy = strategyOf(statefulSet);
    if (strategy.value(QLatin1String("type")).toString() == QLatin1String("OnDelete"))
        return {};
    const int partition =
        strategy.value(QLatin1String("rollingUpdate")).toObject().value(QLatin1String("partition")).toInt(0);
    const QString revision = templateRevision(statefulSet);
    int room = maxUnavailableOf(statefulSet, replicas) - unavailable;
    QList<int> chosen;
    for (int ordinal = replicas - 1; ordinal >= std::max(0, partition) && room > 0; --ordinal) {
        const auto pod = pods.constFind(ordinal);
        if (pod != pods.cend() && podRevision(*pod) != revision) {
            chosen.append(ordinal);
            --room;
        }
    }
    return chosen;
}

} // namespace sandbox
