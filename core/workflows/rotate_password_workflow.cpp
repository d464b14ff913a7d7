#include "rotate_password_workflow.h"

#include "common/logger.h"
#include "common/operator_acl.h"
#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"
#include "redis/server_identity.h"

#include <QJsonObject>

namespace rcs {

namespace {
const QString kNewMark = QStringLiteral("ROTATION_NEW_PASSWORD");
const QString kOldMark = QStringLiteral("ROTATION_OLD_PASSWORD");

// A redis-cli line whose password words are the shell variables $NEW_PASSWORD / $OLD_PASSWORD: the
// person sets them, the line never holds a password.
QString lineWithVariables(const RedisPool *pool, const NodeAddress &address, const QStringList &args)
{
    return redisCliLine(pool, address, args)
        .replace(QLatin1Char('>') + kNewMark, QStringLiteral("\">$NEW_PASSWORD\""))
        .replace(QLatin1Char('<') + kOldMark, QStringLiteral("\"<$OLD_PASSWORD\""))
        .replace(kNewMark, QStringLiteral("\"$NEW_PASSWORD\""));
}

QString base64(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toBase64());
}
} // namespace

RotatePasswordWorkflow::RotatePasswordWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Rotate a password"));
}

void RotatePasswordWorkflow::doStart()
{
    // Every node must take the new password: a node that is down would keep only the old one.
    requireHealthy(tr("A password rotation"), [this](const ClusterSurvey &found) { rotate(found); });
}

void RotatePasswordWorkflow::rotate(const ClusterSurvey &found)
{
    const Deployment &d = found.deployment;
    const QString step = tr("Planning the rotation");
    setStep(step);
    if (!d.hasPassword) {
        fail(ErrorCode::Refused,
             tr("The deployment has no password Secret (%1), so there is no password to rotate. Deploy "
                "with --password to protect Redis with one.")
                 .arg(ManifestSet::secretName(session()->target().statefulSet)));
        return;
    }
    const QString operatorName = QString::fromLatin1(operator_acl::kUserName);
    Rotation r;
    r.addresses = found.addresses;
    r.pods = found.pods;
    r.user = m_user.isEmpty() ? (d.hasOperatorUser ? operatorName : QStringLiteral("default")) : m_user;
    r.operatorUser = r.user == operatorName;
    if (r.user != QLatin1String("default") && !(r.operatorUser && d.hasOperatorUser)) {
        fail(ErrorCode::InvalidInput,
             tr("The studio rotates the passwords it keeps in the Secret: 'default'%1, not '%2'.")
                 .arg(d.hasOperatorUser ? tr(" and '%1'").arg(operatorName) : QString(), r.user));
        return;
    }
    r.acl = true;
    for (const NodeAddress &address : found.addresses) {
        const std::optional<ServerIdentity> identity = session()->pool()->serverIdentity(address);
        if (!identity) {
            fail(ErrorCode::Protocol,
                 tr("The server version of %1 is unknown (INFO server gave none), so the studio cannot "
                    "tell whether it has ACL. Nothing was changed; run status and try again.")
                     .arg(address.toString()));
            return;
        }
        r.acl = r.acl && identity->redisVersion.majorVersion() >= 6;
    }
    if (!r.acl && r.user != QLatin1String("default")) {
        fail(ErrorCode::Refused, tr("Some nodes run Redis 5, which has no ACL users: only the default "
                                    "password (requirepass) can be rotated there."));
        return;
    }
    // The replicas authenticate as the operator when there is one, else as the default user.
    r.masterauth = d.hasOperatorUser ? r.operatorUser : !r.operatorUser;
    r.secretKey =
        QString::fromLatin1(r.operatorUser ? ManifestSet::kOperatorSecretKey : ManifestSet::kSecretKey);
    r.oldPassword = QString::fromUtf8(ManifestSet::secretValue(d.passwordSecret, r.secretKey));
    r.newPassword = m_newPassword.isEmpty() ? ManifestSet::generatePassword() : m_newPassword;
    if (r.newPassword == r.oldPassword) {
        fail(ErrorCode::InvalidInput, tr("The new password is the current one: give another one."));
        return;
    }
    for (const QString &secret : {r.oldPassword, r.newPassword})
        Logger::instance().addSecretValue(secret.toUtf8());
    info(tr("The password of user '%1' on %2 nodes (%3).")
             .arg(r.user)
             .arg(r.addresses.size())
             .arg(r.acl ? tr("ACL: both passwords are valid while it changes")
                        : tr("Redis 5: masterauth first, then requirepass")));
    if (!proceedIfConfirmed(
            m_confirmed, tr("rotate-password would change the password of '%1' as listed above").arg(r.user),
            tr("Dry run: the password of '%1' would change; nothing was changed.").arg(r.user),
            [this, &r] { logPlan(r); }))
        return;

    const auto finished = [this, r] {
        addResult(tr("User '%1' has a new password on every node and in Secret %2; the old one is refused.")
                      .arg(r.user, ManifestSet::secretName(session()->target().statefulSet)));
        succeed();
    };
    const QByteArray user = r.user.toUtf8();
    const QByteArray newPassword = r.newPassword.toUtf8();
    const QList<QByteArray> setMasterauth{"CONFIG", "SET", "masterauth", newPassword};
    const auto studioUsesNew = [this, r] {
        // The studio authenticates as the user the replicas do. Its open connections stay
        // authenticated; every new one (a reconnect) uses the new password.
        if (r.masterauth)
            session()->setRedisPassword(r.newPassword, session()->pool()->options().user);
    };
    if (!r.acl) {
        onEveryNode(r, tr("Setting the new masterauth on every node"), setMasterauth,
                    tr("the nodes that took it authenticate to their master with the new password, "
                       "which their masters do not know yet"),
                    [=, this] {
                        onEveryNode(r, tr("Setting the new requirepass on every node"),
                                    {"CONFIG", "SET", "requirepass", newPassword},
                                    tr("some nodes want the new password, others the old one"), [=, this] {
                                        studioUsesNew();
                                        updateSecret(r, {r.newPassword}, finished);
                                    });
                    });
        return;
    }
    const auto removeOld = [=, this] {
        studioUsesNew();
        onEveryNode(r, tr("Removing the old password of '%1' on every node").arg(r.user),
                    {"ACL", "SETUSER", user, "<" + r.oldPassword.toUtf8()},
                    tr("some nodes still accept the old password as well"), [=, this] {
                        if (r.operatorUser)
                            updateSecret(r, {r.newPassword}, finished);
                        else
                            finished();
                    });
    };
    onEveryNode(
        r, tr("Adding the new password of '%1' on every node").arg(r.user),
        {"ACL", "SETUSER", user, ">" + newPassword},
        tr("the nodes that took it accept both passwords, the others the old one"), [=, this] {
            const auto secret = [=, this] { updateSecret(r, {r.oldPassword, r.newPassword}, removeOld); };
            if (!r.masterauth)
                return secret();
            onEveryNode(r, tr("Setting the new masterauth on every node"), setMasterauth,
                        tr("both passwords are valid everywhere; the Secret still has the old one"), secret);
        });
}

void RotatePasswordWorkflow::logPlan(const Rotation &r)
{
    RedisPool *pool = session()->pool();
    const auto onEach = [&](const QString &what, const QStringList &args) {
        for (qsizetype i = 0; i < r.addresses.size(); ++i)
            logCommand(QStringLiteral("redis"), tr("%1 on %2").arg(what, podName(r, i)),
                       lineWithVariables(pool, r.addresses.at(i), args));
    };
    const QStringList masterauth{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                 QStringLiteral("masterauth"), kNewMark};
    const QString secret = tr("Put the new password into Secret %1")
                               .arg(ManifestSet::secretName(session()->target().statefulSet));
    if (!r.acl) {
        onEach(tr("Set masterauth to the new password"), masterauth);
        onEach(tr("Set requirepass to the new password"),
               {QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"), kNewMark});
        logCommand(QStringLiteral("kube"), secret, secretLine(r));
        return;
    }
    onEach(tr("Add the new password of '%1'").arg(r.user),
           {QStringLiteral("ACL"), QStringLiteral("SETUSER"), r.user, QLatin1Char('>') + kNewMark});
    if (r.masterauth)
        onEach(tr("Set masterauth to the new password"), masterauth);
    logCommand(QStringLiteral("kube"), secret, secretLine(r));
    onEach(tr("Remove the old password of '%1'").arg(r.user),
           {QStringLiteral("ACL"), QStringLiteral("SETUSER"), r.user, QLatin1Char('<') + kOldMark});
}

QString RotatePasswordWorkflow::podName(const Rotation &r, qsizetype index)
{
    return index < r.pods.size() ? r.pods.at(index).info.name : r.addresses.at(index).toString();
}

QString RotatePasswordWorkflow::secretLine(const Rotation &r) const
{
    return QStringLiteral("%1 patch secret %2 -p \"{\\\"data\\\":{\\\"%3\\\":\\\"$(printf %s "
                          "\\\"$NEW_PASSWORD\\\" | base64 -w0)\\\"}}\"")
        .arg(session()->kubectl(), ManifestSet::secretName(session()->target().statefulSet), r.secretKey);
}

void RotatePasswordWorkflow::onEveryNode(const Rotation &r, const QString &step,
                                         const QList<QByteArray> &argv, const QString &leftState,
                                         std::function<void()> next)
{
    if (ended())
        return;
    setStep(step);
    QStringList args;
    for (const QByteArray &word : argv) {
        QString text = QString::fromUtf8(word);
        if (!r.newPassword.isEmpty())
            text.replace(r.newPassword, kNewMark);
        if (!r.oldPassword.isEmpty())
            text.replace(r.oldPassword, kOldMark);
        args << text;
    }
    for (qsizetype i = 0; i < r.addresses.size(); ++i)
        logCommand(QStringLiteral("redis"), tr("%1: %2").arg(step, podName(r, i)),
                   lineWithVariables(session()->pool(), r.addresses.at(i), args));
    session()->pool()->commandAll(r.addresses, argv, this, [=, this](const QList<NodeReply> &replies) {
        if (ended())
            return;
        QString why;
        const QStringList failed = failedNodes(replies, r.addresses, r.pods, &why);
        if (!failed.isEmpty()) {
            failStep(step, Error(ErrorCode::RedisError,
                                 tr("%1 failed (%2). Now %3. Fix the cause and run rotate-password again: it "
                                    "starts over from the password in the Secret.")
                                     .arg(failed.join(QLatin1String(", ")), why, leftState)));
            return;
        }
        next();
    });
}

void RotatePasswordWorkflow::updateSecret(const Rotation &r, const QStringList &passwords,
                                          std::function<void()> next)
{
    if (ended())
        return;
    const QString name = ManifestSet::secretName(session()->target().statefulSet);
    QJsonObject data{{r.secretKey, base64(r.newPassword)}};
    if (r.operatorUser)
        data.insert(QString::fromLatin1(ManifestSet::kAclFileKey),
                    base64(operator_acl::includeFile(passwords)));
    const QString step = passwords.size() > 1 ? tr("Putting the new password into Secret %1").arg(name)
                                              : tr("Keeping only the new password in Secret %1").arg(name);
    logCommand(QStringLiteral("kube"), step, secretLine(r));
    const KubeObjectRef ref{QStringLiteral("v1"), QStringLiteral("Secret"), session()->ns(), name};
    runStep(step,
            session()->client()->patch(ref, QJsonObject{{QStringLiteral("data"), data}},
                                       tr("update the password Secret")),
            [next](Job *) { next(); });
}

} // namespace rcs
