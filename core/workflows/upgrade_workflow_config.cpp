// UpgradeWorkflow's `--set` part: ask the servers how each setting applies, list it in the plan, and
// apply it (live settings on every node, every setting to the ConfigMap's redis.conf) before the
// StatefulSet patch that starts a rolling restart.
#include "upgrade_workflow.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"
#include "redis/server_identity.h"

namespace rcs {

namespace {
KubeObjectRef configMapRef(const KubeSession *session, const QString &name)
{
    return KubeObjectRef{QStringLiteral("v1"), QStringLiteral("ConfigMap"), session->ns(), name};
}

QJsonObject confPatch(const QString &conf)
{
    return QJsonObject{{QStringLiteral("data"), QJsonObject{{QLatin1String(kRedisConfKey), conf}}}};
}

QList<QByteArray> configSet(const QString &key, const QString &value)
{
    return {"CONFIG", "SET", key.toUtf8(), value.toUtf8()};
}
} // namespace

bool UpgradeWorkflow::needsConfigRestart() const
{
    return std::any_of(m_probed.cbegin(), m_probed.cend(),
                       [](const ProbedSetting &p) { return p.apply == ConfigApply::Restart; });
}

QString UpgradeWorkflow::configHashToSet() const
{
    return needsConfigRestart() ? configHash(m_newConf) : QString();
}

void UpgradeWorkflow::probeSettings(const ClusterSurvey &found, std::function<void()> next)
{
    m_statefulSet = found.deployment.statefulSet;
    if (found.addresses.isEmpty()) {
        fail(ErrorCode::Unhealthy, tr("No Redis node is reachable to ask which settings apply live."));
        return;
    }
    probeSetting(found, 0, std::move(next));
}

void UpgradeWorkflow::probeSetting(const ClusterSurvey &found, qsizetype index, std::function<void()> next)
{
    if (index >= m_change.settings.size()) {
        readConf(std::move(next));
        return;
    }
    const ConfigSetting setting = m_change.settings.at(index);
    const QString step = tr("Asking the servers how %1 applies").arg(setting.key);
    setStep(step);
    // Every node's value, so a setting every node already has is seen as no change.
    session()->pool()->commandAll(
        found.addresses, {"CONFIG", "GET", setting.key.toUtf8()}, this,
        [this, found, index, next, setting, step](const QList<NodeReply> &replies) {
            if (ended())
                return;
            const NodeReply *asked = nullptr;
            for (const NodeReply &reply : replies) {
                if (reply.reply && !asked)
                    asked = &reply;
            }
            if (!asked) {
                failStep(step, replies.first().reply.error());
                return;
            }
            const NodeAddress address = asked->address;
            const qsizetype at = found.addresses.indexOf(address);
            const QString pod =
                at >= 0 && at < found.pods.size() ? found.pods.at(at).info.name : address.toString();
            const std::optional<QString> current = configGetValue(*asked->reply, setting.key);
            if (!current) {
                fetchServerIdentity(
                    session()->pool(), address, this, [this, setting, pod](Result<ServerIdentity> identity) {
                        if (ended())
                            return;
                        fail(ErrorCode::Refused,
                             tr("Refused: %1 on %2 does not know the configuration key %3 (CONFIG GET %3 "
                                "returned nothing); check its name for this server version. Nothing was "
                                "changed.")
                                 .arg(identity ? identity->toString() : tr("the server"), pod, setting.key));
                    });
                return;
            }
            bool everywhere = true;
            for (const NodeReply &reply : replies)
                everywhere =
                    everywhere && reply.reply && configGetValue(*reply.reply, setting.key) == setting.value;
            // Setting the value it already has changes nothing; CONFIG SET's answer says whether it can
            // change this key while the server runs.
            session()->pool()->command(
                address, configSet(setting.key, *current), this,
                [this, found, index, next, setting, step, current, everywhere](Result<RedisReply> reply) {
                    if (ended())
                        return;
                    if (!reply && reply.error().code() != ErrorCode::RedisError) {
                        failStep(step, reply.error());
                        return;
                    }
                    m_probed.append(
                        classifySetting(setting, *current, reply ? QString() : reply.error().detail()));
                    if (everywhere && m_probed.constLast().apply == ConfigApply::Live)
                        m_liveAlready.insert(setting.key);
                    info(describeSetting(m_probed.constLast()));
                    probeSetting(found, index + 1, next);
                });
        });
}

void UpgradeWorkflow::readConf(std::function<void()> next)
{
    m_configMap = redisConfMapName(m_statefulSet);
    runStep(tr("Reading ConfigMap %1").arg(m_configMap),
            allowNotFound(session()->client()->get(configMapRef(session(), m_configMap))),
            [this, next](Job *job) {
                auto *request = static_cast<KubeRequest *>(job);
                const QJsonObject data = request->object().value(QLatin1String("data")).toObject();
                if (request->httpStatus() == 404 || !data.contains(QLatin1String(kRedisConfKey))) {
                    fail(
                        ErrorCode::NotFound,
                        tr("ConfigMap %1 (what %2 mounts as redis.conf) has no %3 key: the settings have "
                           "nowhere to be kept. Deploy the manifests again (deploy), then run the upgrade. "
                           "Nothing was changed.")
                            .arg(m_configMap, session()->target().statefulSet, QLatin1String(kRedisConfKey)));
                    return;
                }
                m_conf = data.value(QLatin1String(kRedisConfKey)).toString();
                m_newConf = m_conf;
                for (const ProbedSetting &probed : std::as_const(m_probed))
                    m_newConf = setConfigDirective(m_newConf, probed.setting);
                next();
            });
}

bool UpgradeWorkflow::settingsChangeSomething() const
{
    if (m_newConf != m_conf)
        return true;
    return std::any_of(m_probed.cbegin(), m_probed.cend(), [this](const ProbedSetting &p) {
        return p.apply == ConfigApply::Live && !m_liveAlready.contains(p.setting.key);
    });
}

QString UpgradeWorkflow::settingsWouldDo() const
{
    QStringList live;
    QStringList restart;
    for (const ProbedSetting &probed : std::as_const(m_probed))
        (probed.apply == ConfigApply::Live ? live : restart) << probed.setting.key;
    QStringList parts;
    if (!live.isEmpty())
        parts << tr("set %1 live on every node").arg(live.join(QLatin1String(", ")));
    if (!restart.isEmpty())
        parts << tr("write %1 to redis.conf for the rolling restart (CONFIG SET cannot change it live)")
                     .arg(restart.join(QLatin1String(", ")));
    parts << tr("keep the settings in ConfigMap %1").arg(m_configMap);
    return parts.join(QLatin1String(", "));
}

void UpgradeWorkflow::listSettings(const ClusterSurvey &found)
{
    for (const ProbedSetting &probed : std::as_const(m_probed)) {
        if (probed.apply != ConfigApply::Live)
            continue;
        for (qsizetype i = 0; i < found.addresses.size(); ++i) {
            logCommand(QStringLiteral("redis"),
                       tr("%1 — on %2")
                           .arg(describeSetting(probed),
                                i < found.pods.size() ? found.pods.at(i).info.name : QString()),
                       redisCliLine(session()->pool(), found.addresses.at(i),
                                    QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                                probed.setting.key, probed.setting.value}));
        }
    }
    if (m_newConf == m_conf)
        return;
    QStringList why;
    for (const ProbedSetting &probed : std::as_const(m_probed)) {
        if (probed.apply == ConfigApply::Restart)
            why << describeSetting(probed);
    }
    KubeRequest *request =
        session()->client()->patch(configMapRef(session(), m_configMap), confPatch(m_newConf), {});
    const QString line = request->spec().equivalentCommand;
    request->deleteLater();
    logCommand(QStringLiteral("kube"),
               tr("Keep the settings in redis.conf of ConfigMap %1%2")
                   .arg(m_configMap,
                        why.isEmpty() ? QString() : QStringLiteral("; ") + why.join(QLatin1String("; "))),
               line);
}

void UpgradeWorkflow::applySettings(const ClusterSurvey &found, std::function<void()> next)
{
    QList<ProbedSetting> live;
    for (const ProbedSetting &probed : std::as_const(m_probed)) {
        if (probed.apply == ConfigApply::Live)
            live << probed;
    }
    // One node first: a value the server refuses stops the run with nothing changed (that node's
    // settings put back), before any other node or the ConfigMap sees it.
    trySettings(found, live, 0, [this, found, live, next] {
        applyEverywhere(found, live, 0, [this, next] { persistConf(next); });
    });
}

void UpgradeWorkflow::trySettings(const ClusterSurvey &found, const QList<ProbedSetting> &live,
                                  qsizetype index, std::function<void()> next)
{
    if (index >= live.size()) {
        next();
        return;
    }
    const NodeAddress first = found.addresses.first();
    const QString pod = found.pods.isEmpty() ? first.toString() : found.pods.first().info.name;
    const ProbedSetting probed = live.at(index);
    setStep(tr("Trying %1 %2 on %3").arg(probed.setting.key, probed.setting.value, pod));
    logCommand(QStringLiteral("redis"),
               tr("Set %1 to %2 on %3").arg(probed.setting.key, probed.setting.value, pod),
               redisCliLine(session()->pool(), first,
                            QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"), probed.setting.key,
                                        probed.setting.value}));
    session()->pool()->command(
        first, configSet(probed.setting.key, probed.setting.value), this,
        [this, found, live, index, next, probed, pod, first](Result<RedisReply> reply) {
            if (ended())
                return;
            if (reply) {
                trySettings(found, live, index + 1, next);
                return;
            }
            // Put back what this node took already, then refuse: nothing stays half-applied.
            for (qsizetype i = 0; i < index; ++i)
                session()->pool()->command(first, configSet(live.at(i).setting.key, live.at(i).current), this,
                                           [](Result<RedisReply>) {});
            fail(reply.error().code() == ErrorCode::RedisError ? ErrorCode::Refused : reply.error().code(),
                 tr("Refused: %1 rejected CONFIG SET %2 %3 (%4). Nothing was changed: the settings tried "
                    "before it were set back on %1 and no other node or the ConfigMap was touched.")
                     .arg(pod, probed.setting.key, probed.setting.value, reply.error().detail()));
        });
}

void UpgradeWorkflow::applyEverywhere(const ClusterSurvey &found, const QList<ProbedSetting> &live,
                                      qsizetype index, std::function<void()> next)
{
    if (index >= live.size()) {
        next();
        return;
    }
    const ProbedSetting probed = live.at(index);
    const QList<NodeAddress> others = found.addresses.mid(1);
    setStep(tr("Setting %1 to %2 on every node").arg(probed.setting.key, probed.setting.value));
    for (qsizetype i = 1; i < found.addresses.size(); ++i) {
        logCommand(
            QStringLiteral("redis"),
            tr("Set %1 to %2 on %3")
                .arg(probed.setting.key, probed.setting.value,
                     i < found.pods.size() ? found.pods.at(i).info.name : found.addresses.at(i).toString()),
            redisCliLine(session()->pool(), found.addresses.at(i),
                         QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"), probed.setting.key,
                                     probed.setting.value}));
    }
    session()->pool()->commandAll(
        others, configSet(probed.setting.key, probed.setting.value), this,
        [this, found, live, index, next, probed](const QList<NodeReply> &replies) {
            if (ended())
                return;
            QString why;
            const QStringList failed = failedNodes(replies, found.addresses, found.pods, &why);
            if (!failed.isEmpty()) {
                fail(ErrorCode::RedisError,
                     tr("CONFIG SET %1 %2 failed on %3 (%4): the other nodes have the new value, these keep "
                        "the old one, and the ConfigMap was not changed. Fix the cause and run the upgrade "
                        "again (CONFIG SET is harmless to repeat).")
                         .arg(probed.setting.key, probed.setting.value, failed.join(QLatin1String(", ")),
                              why));
                return;
            }
            addResult(tr("%1 is %2 on every node (CONFIG SET, no restart).")
                          .arg(probed.setting.key, probed.setting.value));
            applyEverywhere(found, live, index + 1, next);
        });
}

void UpgradeWorkflow::persistConf(std::function<void()> next)
{
    if (m_newConf == m_conf) {
        next();
        return;
    }
    runStep(
        tr("Keeping the settings in ConfigMap %1").arg(m_configMap),
        session()->client()->patch(configMapRef(session(), m_configMap), confPatch(m_newConf),
                                   tr("Keep the settings in redis.conf of ConfigMap %1").arg(m_configMap)),
        [this, next](Job *) {
            addResult(tr("ConfigMap %1 keeps the settings in redis.conf.").arg(m_configMap));
            next();
        });
}

} // namespace rcs
