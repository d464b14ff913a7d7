#include "target_settings.h"

#include <QSettings>

namespace rcs::ui {

StudioTarget loadTarget()
{
    const QSettings settings;
    StudioTarget target;
    target.kind = StudioTarget::Kind(
        settings.value(QStringLiteral("target/kind"), int(StudioTarget::Kind::Sandbox)).toInt());
    target.kubeconfig = settings.value(QStringLiteral("target/kubeconfig")).toString();
    target.context = settings.value(QStringLiteral("target/context")).toString();
    target.ns = settings.value(QStringLiteral("target/namespace"), target.ns).toString();
    target.statefulSet = settings.value(QStringLiteral("target/statefulSet"), target.statefulSet).toString();
    target.endpoints = settings.value(QStringLiteral("target/endpoints")).toString();
    target.access = parseAccessMode(settings.value(QStringLiteral("target/access")).toString())
                        .value_or(rcs::AccessMode::Auto);
    target.user = settings.value(QStringLiteral("target/user")).toString();
    // TLS settings are file names and a server name, nothing secret: kept like the rest.
    target.tls = settings.value(QStringLiteral("target/tls"), false).toBool();
    target.caFile = settings.value(QStringLiteral("target/cacert")).toString();
    target.certificateFile = settings.value(QStringLiteral("target/cert")).toString();
    target.keyFile = settings.value(QStringLiteral("target/key")).toString();
    target.sni = settings.value(QStringLiteral("target/sni")).toString();
    return target;
}

void saveTarget(const StudioTarget &target)
{
    QSettings settings;
    settings.setValue(QStringLiteral("target/kind"), int(target.kind));
    settings.setValue(QStringLiteral("target/kubeconfig"), target.kubeconfig);
    settings.setValue(QStringLiteral("target/context"), target.context);
    settings.setValue(QStringLiteral("target/namespace"), target.ns);
    settings.setValue(QStringLiteral("target/statefulSet"), target.statefulSet);
    settings.setValue(QStringLiteral("target/endpoints"), target.endpoints);
    settings.setValue(QStringLiteral("target/access"), accessModeName(target.access));
    settings.setValue(QStringLiteral("target/user"), target.user);
    settings.setValue(QStringLiteral("target/tls"), target.tls);
    settings.setValue(QStringLiteral("target/cacert"), target.caFile);
    settings.setValue(QStringLiteral("target/cert"), target.certificateFile);
    settings.setValue(QStringLiteral("target/key"), target.keyFile);
    settings.setValue(QStringLiteral("target/sni"), target.sni);
}

} // namespace rcs::ui
