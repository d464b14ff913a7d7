#include "gui_main.h"

#include "command_registry.h"

#include "common/logger.h"
#include "ui/core_backend.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/situation.h"
#include "ui/theme.h"
#include "ui/topology_model.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace rcs::app {

namespace {
// Saves the window once the first topology is drawn (or the bound runs out) and quits.
void scheduleScreenshot(ui::MainWindow &window, const QString &path, int timeoutMs)
{
    auto *done = new bool(false);
    const auto shoot = [&window, path, done](bool gotTopology) {
        if (*done)
            return;
        *done = true;
        // One more turn of the event loop lets the last layout and paint land before grabbing.
        QTimer::singleShot(400, &window, [&window, path, gotTopology, done] {
            delete done;
            window.statusBar()
                ->clearMessage(); // the status line, not a passing message, belongs in the picture
            const QPixmap picture = window.grab();
            if (!picture.save(path, "PNG")) {
                std::fprintf(stderr,
                             "Could not write the screenshot to %s: check the folder exists and is "
                             "writable.\n",
                             qPrintable(path));
                QCoreApplication::exit(1);
                return;
            }
            if (!gotTopology)
                std::fprintf(stderr, "Saved %s without a topology: the target did not answer in time (%s).\n",
                             qPrintable(path), qPrintable(window.statusLine()));
            else
                std::printf("Saved %s\n", qPrintable(path));
            QCoreApplication::exit(gotTopology ? 0 : 1);
        });
    };
    // A picture worth taking: nodes on screen, no operation half-way (e.g. the sandbox's first deploy).
    QObject::connect(&window, &ui::MainWindow::refreshed, &window, [&window, shoot](bool ok) {
        const rcs::Situation situation = window.topologyModel()->situation();
        if (ok && !window.topologyModel()->isEmpty() && window.busyWith().isEmpty() &&
            situation != rcs::Situation::NotDeployed && situation != rcs::Situation::PodsNotReady)
            shoot(true);
    });
    QTimer::singleShot(timeoutMs, &window, [shoot] { shoot(false); });
}
} // namespace

int runGui(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Redis Cluster Studio: the desktop application."));
    parser.addHelpOption();
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), QStringLiteral("Look at the local sandbox."));
    const QCommandLineOption nodes(QStringLiteral("nodes"), QStringLiteral("Redis nodes to look at (H:P,…)."),
                                   QStringLiteral("addresses"));
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Kubeconfig file."),
                                        QStringLiteral("file"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("Kubeconfig context."),
                                     QStringLiteral("name"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")},
                                QStringLiteral("Namespace."), QStringLiteral("name"));
    const QCommandLineOption statefulSet(QStringLiteral("statefulset"), QStringLiteral("StatefulSet name."),
                                         QStringLiteral("name"));
    const QCommandLineOption access(
        QStringLiteral("access"),
        QStringLiteral("How to reach the pods: direct (pod IPs), tunnel (port-forward "
                       "through the API), or auto (direct, else tunnel; the default)."),
        QStringLiteral("mode"));
    const QCommandLineOption password(
        QStringLiteral("password"),
        QStringLiteral("Redis password (AUTH) for --nodes. Defaults to $REDISCLI_AUTH, "
                       "which keeps it out of the process list; never saved."),
        QStringLiteral("P"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("ACL user name for AUTH (Redis 6 and newer)."),
                                  QStringLiteral("U"));
    // TLS for --nodes, as the commands take it (the target bar's TLS fields).
    const QCommandLineOption tls(QStringLiteral("tls"), QStringLiteral("Speak TLS to the --nodes."));
    const QCommandLineOption cacert(
        QStringLiteral("cacert"), QStringLiteral("CA certificate (PEM) for --tls."), QStringLiteral("file"));
    const QCommandLineOption cert(QStringLiteral("cert"),
                                  QStringLiteral("Client certificate (PEM) for --tls."),
                                  QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("The client certificate's key (PEM)."),
                                 QStringLiteral("file"));
    const QCommandLineOption sni(QStringLiteral("sni"),
                                 QStringLiteral("The name the nodes' certificate must carry."),
                                 QStringLiteral("name"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("system, light or dark."),
                                   QStringLiteral("mode"));
    const QCommandLineOption refresh(QStringLiteral("refresh-ms"), QStringLiteral("Refresh interval in ms."),
                                     QStringLiteral("ms"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window once the topology is shown, "
                                                       "then exit."),
                                        QStringLiteral("file"));
    const QCommandLineOption screenshotTimeout(
        QStringLiteral("screenshot-timeout"),
        QStringLiteral("Seconds to wait for the topology (default 90)."), QStringLiteral("seconds"),
        QStringLiteral("90"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1440x900."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language of the windows: en or zh_CN (default: View > "
                                                 "Language, else the system's)."),
                                  QStringLiteral("code"));
    parser.addOptions(
        {sandbox, nodes, kubeconfig, context, ns,    statefulSet, access,     password,          user, tls,
         cacert,  cert,  key,        sni,     theme, refresh,     screenshot, screenshotTimeout, size, lang});
    parser.process(app);
    const QStringList extra = parser.positionalArguments();
    if (extra.size() > 1 || (extra.size() == 1 && extra.first() != QLatin1String("gui"))) {
        std::fprintf(stderr, "Unexpected argument '%s'. Run 'redis-cluster-studio gui --help'.\n",
                     qPrintable(extra.last()));
        return cli::ExitUsage;
    }
    const std::optional<rcs::AccessMode> accessMode =
        parser.isSet(access) ? rcs::parseAccessMode(parser.value(access)) : rcs::AccessMode::Auto;
    if (!accessMode) {
        std::fprintf(stderr, "Unknown access mode '%s' for --access: use auto, direct or tunnel.\n",
                     qPrintable(parser.value(access)));
        return cli::ExitUsage;
    }

    // Before the first widget: every window is built in the chosen language.
    if (parser.isSet(lang) && ui::Language::normalise(parser.value(lang)).isEmpty()) {
        std::fprintf(stderr, "Unknown language '%s' for --lang: use %s.\n", qPrintable(parser.value(lang)),
                     qPrintable(ui::Language::codes().join(QLatin1String(" or "))));
        return cli::ExitUsage;
    }
    QString languageProblem;
    if (!ui::Language::install(
            ui::Language::choose(parser.value(lang), ui::Language::saved(), QLocale::system()),
            &languageProblem))
        std::fprintf(stderr, "%s\n", qPrintable(languageProblem));

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/redis-cluster-studio.svg")));
    QApplication::setDesktopFileName(QStringLiteral("redis-cluster-studio"));
    const QString themeName =
        parser.isSet(theme)
            ? parser.value(theme)
            : QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    ui::Theme::apply(app, ui::Theme::modeFromName(themeName));

    ui::CoreBackend backend;
    ui::MainWindow window(&backend);
    if (parser.isSet(refresh))
        window.setRefreshInterval(parser.value(refresh).toInt());

    ui::StudioTarget target = window.target();
    if (parser.isSet(sandbox)) {
        target.kind = ui::StudioTarget::Kind::Sandbox;
    } else if (parser.isSet(nodes)) {
        target.kind = ui::StudioTarget::Kind::Endpoints;
        target.endpoints = parser.value(nodes);
    } else if (parser.isSet(kubeconfig) || parser.isSet(context)) {
        target.kind = ui::StudioTarget::Kind::Kubernetes;
        target.kubeconfig = parser.value(kubeconfig);
        target.context = parser.value(context);
    }
    if (parser.isSet(ns))
        target.ns = parser.value(ns);
    if (parser.isSet(statefulSet))
        target.statefulSet = parser.value(statefulSet);
    if (parser.isSet(access))
        target.access = *accessMode;
    if (parser.isSet(user))
        target.user = parser.value(user);
    // Any of them replaces the saved TLS settings; a file without --tls is refused by the same check as
    // the commands' (the window says why).
    if (parser.isSet(tls) || parser.isSet(cacert) || parser.isSet(cert) || parser.isSet(key) ||
        parser.isSet(sni)) {
        target.tls = parser.isSet(tls);
        target.caFile = parser.value(cacert);
        target.certificateFile = parser.value(cert);
        target.keyFile = parser.value(key);
        target.sni = parser.value(sni);
    }
    // As the commands do: --password, else $REDISCLI_AUTH for plain nodes. The window registers it
    // as a secret before anything is logged and never saves it.
    if (parser.isSet(password))
        target.password = parser.value(password);
    else if (target.kind == ui::StudioTarget::Kind::Endpoints && qEnvironmentVariableIsSet("REDISCLI_AUTH"))
        target.password = qEnvironmentVariable("REDISCLI_AUTH");

    if (parser.isSet(screenshot)) {
        // The README's picture must show a live cluster: an empty sandbox gets one without asking.
        window.setAutoDeployDefault(target.kind == ui::StudioTarget::Kind::Sandbox);
        QSize windowSize(1440, 900);
        if (parser.isSet(size)) {
            const QStringList parts = parser.value(size).split(QLatin1Char('x'));
            if (parts.size() == 2 && parts[0].toInt() > 200 && parts[1].toInt() > 200)
                windowSize = QSize(parts[0].toInt(), parts[1].toInt());
        }
        window.resize(windowSize);
        scheduleScreenshot(window, parser.value(screenshot),
                           std::max(1, parser.value(screenshotTimeout).toInt()) * 1000);
    }
    window.show();
    window.setTarget(target);
    return app.exec();
}

} // namespace rcs::app
