#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {

// The studio's own ACL user (Redis 6 and later): the one list of what the studio may run on a server.
// Applications keep the default user; the studio and the replicas authenticate as the operator.
//
// Replicas authenticate as the operator (masteruser) rather than as the default user: replication
// needs SYNC/PSYNC/REPLCONF, which the operator holds anyway for the backup through the replication
// protocol, and so the applications' password can change without touching any replication link (the
// failure of spotahome 568/570). A third user would be a third secret to rotate for nothing.
namespace operator_acl {

// The user's name on every server.
inline constexpr const char *kUserName = "studio-operator";

// One permitted command ("cluster|nodes", "migrate") and why the studio sends it.
struct Permission {
    QString command; // ACL form: "name" or "name|subcommand", lower case
    QString why;     // the workflow (or later issue) that sends it, English, for the README
};

// Every command the studio sends, one place. The ACL rules, the README table and the tests read it.
const QList<Permission> &permissions();

// "on ~* -@all +ping +info … " without the passwords: what ACL SETUSER and the `user` line share.
// `~*`: MIGRATE, DUMP, SCAN and MEMORY USAGE name keys. No channel rule (6.0 knows none and the
// operator runs no Pub/Sub command).
QString rules();

// "#<sha-256 hex>" of a password: the form the include file holds, so the file never shows it.
QString passwordHash(const QString &password);

// The include file's text (kept in the deployment's Secret, mounted into the pods, `include`d by
// redis.conf): `user studio-operator reset on #<hash> … <rules>` with every password of passwords, so a
// restarted pod gets the users of the running ones. An empty list: the user is off.
QString includeFile(const QStringList &passwords);

} // namespace operator_acl
} // namespace rcs
