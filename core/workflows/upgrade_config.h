#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rcs {

class RedisReply;

// One `upgrade --set KEY=VALUE`: a redis.conf directive. The key is lower case (Redis reads config
// names case-insensitively); the value is written to redis.conf and sent to CONFIG SET as given.
struct ConfigSetting {
    QString key;
    QString value;

    friend bool operator==(const ConfigSetting &, const ConfigSetting &) = default;
};

// The pod-template annotation that holds a hash of the redis.conf the pods must run with: a setting
// that needs a restart changes it, so every pod gets a new revision; a re-run with the same redis.conf
// changes nothing (unlike restartedAt).
inline constexpr const char *kConfigHashAnnotation = "redis-cluster-studio/config-hash";
// The ConfigMap key the manifests mount as /etc/redis/redis.conf.
inline constexpr const char *kRedisConfKey = "redis.conf";

// "KEY=VALUE" (the command line's form). Error behaviour: InvalidInput with a sentence naming the text
// when there is no '=', the key is empty or holds characters no config name has (a CONFIG GET pattern
// such as "max*"), or the key is the password (requirepass, masterauth: the deployment's Secret owns it).
Result<ConfigSetting> parseConfigSetting(const QString &text);
// The GUI's field: one setting a line, "key value" (or "key=value"); blank lines are skipped. The same
// errors, naming the line.
Result<QList<ConfigSetting>> parseConfigSettingLines(const QString &text);

// redis.conf with the directive `key value`: the first line that sets key is replaced, later ones
// (e.g. several `save` lines) removed, or the line appended when none does; comments and every other
// line are kept as they are.
QString setConfigDirective(const QString &conf, const ConfigSetting &setting);
// A short stable hash of a redis.conf's text (hex), the config-hash annotation's value.
QString configHash(const QString &conf);

// The value of key in a CONFIG GET key reply (a flat array of name, value pairs), or nullopt when the
// server does not know the key (an empty array). A server that answers under another name (an alias)
// gives its only pair.
std::optional<QString> configGetValue(const RedisReply &reply, const QString &key);

// How a setting reaches the servers.
enum class ConfigApply {
    Live,   // CONFIG SET on every node, persisted to the ConfigMap; no pod restarts
    Restart // persisted to the ConfigMap, read by each pod as the rolling restart replaces it
};

// What the servers said of one setting: its value now (on the node asked) and how it applies.
struct ProbedSetting {
    ConfigSetting setting;
    QString current;
    ConfigApply apply = ConfigApply::Live;
    QString refusal; // Restart: CONFIG SET's answer to setting the current value back

    friend bool operator==(const ProbedSetting &, const ProbedSetting &) = default;
};

// Classifies a setting from the answer to `CONFIG SET key <current value>` (harmless: the value it
// already has): accepted (refusal empty) means CONFIG SET takes it live; a refusal ("can't set immutable
// config", "Unsupported CONFIG parameter", a protected config) means only a restart reads it.
ProbedSetting classifySetting(const ConfigSetting &setting, const QString &current, const QString &refusal);
// "maxmemory-policy allkeys-lru: applied live on every node (CONFIG SET accepts it)" / "databases 32:
// needs the rolling restart (CONFIG SET refused it: ERR …)".
QString describeSetting(const ProbedSetting &probed);

// The ConfigMap the StatefulSet mounts redis.conf from: the configMap volume whose items hold
// redis.conf, else the first configMap volume, else the manifests' "redis-conf".
QString redisConfMapName(const QJsonObject &statefulSet);
// The template's config-hash annotation, empty without one.
QString templateConfigHash(const QJsonObject &statefulSet);
// templateChange (a templatePatch, possibly empty) with the template's config-hash annotation set to
// hash, unless hash is empty or the template already has it.
QJsonObject withConfigHash(QJsonObject templateChange, const QJsonObject &statefulSet, const QString &hash);

} // namespace rcs
