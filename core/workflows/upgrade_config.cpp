#include "upgrade_config.h"

#include "redis/redis_reply.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::UpgradeConfig)
};

bool isKeyCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
           c == QLatin1Char('_') || c == QLatin1Char('.');
}

// The key and value split at separator position; the key checked.
Result<ConfigSetting> settingOf(const QString &text, qsizetype at, qsizetype valueStart)
{
    const QString key = text.left(at).trimmed().toLower();
    if (key.isEmpty() || !std::all_of(key.cbegin(), key.cend(), isKeyCharacter)) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("'%1' does not start with a configuration name (letters, digits and '-' only, "
                              "e.g. maxmemory-policy=allkeys-lru).")
                         .arg(text));
    }
    if (key == QLatin1String("requirepass") || key == QLatin1String("masterauth")) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1 is the cluster's password: it comes from the deployment's Secret, not from "
                              "upgrade --set.")
                         .arg(key));
    }
    return ConfigSetting{key, text.mid(valueStart)};
}

// The first word of a redis.conf line (the directive it sets), lower case; empty for comments.
QString directiveOf(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
        return {};
    const qsizetype end = trimmed.indexOf(QRegularExpression(QStringLiteral("\\s")));
    return (end < 0 ? trimmed : trimmed.left(end)).toLower();
}

// The value as redis.conf reads it: as given (so "900 1 300 10" stays the several arguments save
// takes), quoted only when it is empty or holds what the parser would take apart.
QString confValue(const QString &value)
{
    static const QRegularExpression needsQuotes(QStringLiteral("[\"'\\\\\\n\\r]|^\\s|\\s$"));
    if (!value.isEmpty() && !value.contains(needsQuotes))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QJsonObject podTemplate(const QJsonObject &statefulSet)
{
    return statefulSet.value(QLatin1String("spec")).toObject().value(QLatin1String("template")).toObject();
}

QJsonObject templateAnnotations(const QJsonObject &statefulSet)
{
    return podTemplate(statefulSet)
        .value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject();
}
} // namespace

Result<ConfigSetting> parseConfigSetting(const QString &text)
{
    const qsizetype at = text.indexOf(QLatin1Char('='));
    if (at < 0) {
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("'%1' has no '=': write a setting as KEY=VALUE, e.g. maxmemory-policy=allkeys-lru.")
                .arg(text));
    }
    return settingOf(text, at, at + 1);
}

Result<QList<ConfigSetting>> parseConfigSettingLines(const QString &text)
{
    QList<ConfigSetting> settings;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        qsizetype at = 0;
        while (at < line.size() && isKeyCharacter(line.at(at)))
            ++at;
        Result<ConfigSetting> setting =
            at < line.size() && (line.at(at) == QLatin1Char('=') || line.at(at).isSpace())
                ? settingOf(line, at, at + 1)
                : Result<ConfigSetting>(
                      Error(ErrorCode::InvalidInput,
                            Text::tr("'%1' is not a setting: write the name, a space and the value, e.g. "
                                     "maxmemory-policy allkeys-lru.")
                                .arg(line)));
        if (!setting)
            return Error(ErrorCode::InvalidInput,
                         Text::tr("Line %1: %2").arg(i + 1).arg(setting.error().message()));
        settings.append({setting->key, setting->value.trimmed()});
    }
    return settings;
}

QString setConfigDirective(const QString &conf, const ConfigSetting &setting)
{
    const QString line = setting.key + QLatin1Char(' ') + confValue(setting.value);
    QStringList lines = conf.split(QLatin1Char('\n'));
    // A text ending in a newline splits into a last empty "line": it is the ending, not a line.
    const bool endsWithNewline = conf.endsWith(QLatin1Char('\n'));
    if (endsWithNewline)
        lines.removeLast();
    bool replaced = false;
    for (qsizetype i = 0; i < lines.size();) {
        if (directiveOf(lines.at(i)) != setting.key) {
            ++i;
        } else if (!replaced) {
            lines[i] = line;
            replaced = true;
            ++i;
        } else {
            lines.removeAt(i);
        }
    }
    if (!replaced) {
        if (!lines.isEmpty() && lines.constLast().isEmpty() && !endsWithNewline)
            lines.removeLast();
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString configHash(const QString &conf)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(conf.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

std::optional<QString> configGetValue(const RedisReply &reply, const QString &key)
{
    const QList<RedisReply> &elements = reply.elements();
    for (qsizetype i = 0; i + 1 < elements.size(); i += 2) {
        if (elements.at(i).text().compare(key, Qt::CaseInsensitive) == 0)
            return elements.at(i + 1).text();
    }
    if (elements.size() == 2)
        return elements.at(1).text();
    return std::nullopt;
}

ProbedSetting classifySetting(const ConfigSetting &setting, const QString &current, const QString &refusal)
{
    return ProbedSetting{setting, current, refusal.isEmpty() ? ConfigApply::Live : ConfigApply::Restart,
                         refusal};
}

QString describeSetting(const ProbedSetting &probed)
{
    const QString setting = probed.setting.key + QLatin1Char(' ') + probed.setting.value;
    if (probed.apply == ConfigApply::Live)
        return Text::tr("%1: applied live on every node (CONFIG SET accepts it), no pod restarts")
            .arg(setting);
    return Text::tr("%1: needs the rolling restart (CONFIG SET refused it: %2)").arg(setting, probed.refusal);
}

QString redisConfMapName(const QJsonObject &statefulSet)
{
    const QJsonArray volumes = podTemplate(statefulSet)
                                   .value(QLatin1String("spec"))
                                   .toObject()
                                   .value(QLatin1String("volumes"))
                                   .toArray();
    QString first;
    for (const QJsonValue &volume : volumes) {
        const QJsonObject configMap = volume.toObject().value(QLatin1String("configMap")).toObject();
        const QString name = configMap.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            continue;
        if (first.isEmpty())
            first = name;
        for (const QJsonValue &item : configMap.value(QLatin1String("items")).toArray()) {
            if (item.toObject().value(QLatin1String("key")).toString() == QLatin1String(kRedisConfKey))
                return name;
        }
    }
    return first.isEmpty() ? QStringLiteral("redis-conf") : first;
}

QString templateConfigHash(const QJsonObject &statefulSet)
{
    return templateAnnotations(statefulSet).value(QLatin1String(kConfigHashAnnotation)).toString();
}

QJsonObject withConfigHash(QJsonObject templateChange, const QJsonObject &statefulSet, const QString &hash)
{
    if (hash.isEmpty() || templateConfigHash(statefulSet) == hash)
        return templateChange;
    QJsonObject spec = templateChange.value(QLatin1String("spec")).toObject();
    QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    QJsonObject metadata = templ.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    annotations.insert(QLatin1String(kConfigHashAnnotation), hash);
    metadata.insert(QStringLiteral("annotations"), annotations);
    templ.insert(QStringLiteral("metadata"), metadata);
    spec.insert(QStringLiteral("template"), templ);
    templateChange.insert(QStringLiteral("spec"), spec);
    return templateChange;
}

} // namespace rcs
