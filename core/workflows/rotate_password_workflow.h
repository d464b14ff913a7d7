#pragma once

#include "workflow.h"

namespace rcs {

// rotate-password: a new password for one user of the deployment, with no replication link dropped on
// purpose and every later reconnect (studio, replicas, restarted pods) using the new one.
//
// With ACL (6.0 and later): ACL SETUSER user >NEW on every node (both passwords valid), CONFIG SET
// masterauth NEW where the user is the one replicas authenticate as, the Secret updated (its password
// key and, for the operator, the include file with both hashes), then ACL SETUSER user <OLD on every node
// and the include file with the new hash alone. A restarted pod reads the Secret: the include file
// (mounted, updated live by the kubelet) and its environment, which feeds --requirepass/--masterauth.
// ACL SAVE and CONFIG REWRITE are not used: the config and the include file are read-only mounts.
//
// Redis 5 (no ACL, the default user only): CONFIG SET masterauth NEW on every node first, then
// CONFIG SET requirepass NEW on every node, then the Secret. A replica whose link breaks inside that
// window (between its masterauth and its master's requirepass) fails AUTH until the master takes the
// new password; existing links are not affected (Redis checks the password only at connect).
//
// Unconfirmed, it lists these steps and changes nothing (Refused), like the other destructive verbs.
class RotatePasswordWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit RotatePasswordWorkflow(KubeSession *session, QObject *parent = nullptr);

    // "default" or the operator's name; empty: the operator when the deployment has one, else default.
    void setUser(const QString &user) { m_user = user; }
    // The new password (read from a file or stdin by the front end); empty: generated.
    void setNewPassword(const QString &password) { m_newPassword = password; }
    void setConfirmed(bool confirmed) { m_confirmed = confirmed; }

protected:
    void doStart() override;

private:
    struct Rotation {
        QList<NodeAddress> addresses;
        QList<PodState> pods; // pods[i] runs addresses[i]
        QString user;
        QString secretKey;       // the Secret's key of the user's password
        bool acl = false;        // every node has ACL (6.0 and later)
        bool masterauth = false; // the replicas authenticate as this user
        bool operatorUser = false;
        QString oldPassword;
        QString newPassword;
    };
    void rotate(const ClusterSurvey &found);
    void logPlan(const Rotation &r);
    // argv on every node, then next; any failure stops the run with what the nodes are left with.
    void onEveryNode(const Rotation &r, const QString &step, const QList<QByteArray> &argv,
                     const QString &leftState, std::function<void()> next);
    // The Secret's password key and (operator) its include file with the hashes of passwords.
    void updateSecret(const Rotation &r, const QStringList &passwords, std::function<void()> next);
    QString secretLine(const Rotation &r) const;
    static QString podName(const Rotation &r, qsizetype index);

    QString m_user;
    QString m_newPassword;
    bool m_confirmed = false;
};

} // namespace rcs
