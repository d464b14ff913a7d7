// KubeWatch against the real kube-sandbox while its fault injector breaks the watch streams: dropped
// connections and events torn in half must be resumed from the last resourceVersion (no event lost,
// none delivered twice, order kept, no re-list needed), and a 410 Gone (as an ERROR event in the
// stream or as the HTTP status of the watch request) must end in a re-list whose state matches the
// server's.
#include "kube/kube_client.h"
#include "kube/kube_watch.h"
#include "reliability_support.h"
#include "sandbox_faults.h"
#include "support/kube_sandbox_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace rcs;

namespace {

const QString kNs = QStringLiteral("watch-faults");

QString nameOf(const QJsonObject &object)
{
    return object[QStringLiteral("metadata")][QStringLiteral("name")].toString();
}

qint64 versionOf(const QJsonObject &object)
{
    return object[QStringLiteral("metadata")][QStringLiteral("resourceVersion")].toString().toLongLong();
}

// The watch's failed() message, for failure output (QVERIFY2 evaluates its message even on success).
QString failureOf(const QSignalSpy &failed)
{
    return failed.isEmpty() ? QString() : failed.first().first().value<Error>().message();
}

QString valueOf(const QJsonObject &object)
{
    return object[QStringLiteral("data")][QStringLiteral("v")].toString();
}

// What a consumer of the watch sees: the state it builds from synced() and eventReceived(), and the
// events in arrival order as "TYPE name=value".
struct WatchRecorder {
    QMap<QString, QString> state; // name → value, only our cm-* maps
    QStringList events;
    QList<qint64> eventVersions;
    qint64 syncedVersion = 0; // highest object version in the last synced() snapshot
    int syncs = 0;
    QStringList violations; // an event at or below an earlier version: replayed or reordered

    void attach(KubeWatch *watch, QObject *context)
    {
        QObject::connect(watch, &KubeWatch::synced, context, [this](const QList<QJsonObject> &objects) {
            ++syncs;
            state.clear();
            for (const QJsonObject &object : objects) {
                if (nameOf(object).startsWith(QLatin1String("cm-"))) {
                    state.insert(nameOf(object), valueOf(object));
                    syncedVersion = qMax(syncedVersion, versionOf(object));
                }
            }
        });
        QObject::connect(watch, &KubeWatch::eventReceived, context, [this](const KubeWatchEvent &event) {
            const QString name = nameOf(event.object);
            if (!name.startsWith(QLatin1String("cm-")))
                return;
            const qint64 version = event.resourceVersion.toLongLong();
            const qint64 last =
                eventVersions.isEmpty() ? syncedVersion : qMax(eventVersions.last(), syncedVersion);
            if (version <= last)
                violations.append(
                    QStringLiteral("%1 at version %2 after version %3").arg(name).arg(version).arg(last));
            eventVersions.append(version);
            QString type;
            switch (event.type) {
            case KubeWatchEvent::Type::Added:
                type = QStringLiteral("ADDED");
                state.insert(name, valueOf(event.object));
                break;
            case KubeWatchEvent::Type::Modified:
                type = QStringLiteral("MODIFIED");
                state.insert(name, valueOf(event.object));
                break;
            case KubeWatchEvent::Type::Deleted:
                type = QStringLiteral("DELETED");
                state.remove(name);
                break;
            default:
                return;
            }
            events.append(QStringLiteral("%1 %2=%3").arg(type, name, valueOf(event.object)));
        });
    }
};

} // namespace

class TestWatchFaults final : public QObject {
    Q_OBJECT

private:
    test::KubeSandboxFixture m_sandbox;
    KubeClient *m_client = nullptr;

    bool run(KubeRequest *request, QJsonObject *answer = nullptr)
    {
        const bool ok = test::runJob(request, 60000);
        if (!ok)
            qWarning("%s", qPrintable(request->errorString()));
        else if (answer)
            *answer = request->object();
        delete request;
        return ok;
    }

    bool postFault(const QJsonObject &rule, int *status = nullptr, QString *error = nullptr)
    {
        return test::postSandboxFault(m_client, rule, status, error);
    }

    // The rules not consumed yet: 0 proves every injected fault fired (-1: unreadable).
    int pendingFaults()
    {
        const std::optional<QJsonArray> pending = test::pendingSandboxFaults(m_client);
        return pending ? int(pending->size()) : -1;
    }

    // Applies cm-NAME with data v=VALUE; returns the stored resourceVersion (0 on failure).
    qint64 put(const QString &name, const QString &value)
    {
        const QJsonObject map{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                              {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                                       {QStringLiteral("namespace"), kNs}}},
                              {QStringLiteral("data"), QJsonObject{{QStringLiteral("v"), value}}}};
        QJsonObject answer;
        return run(m_client->apply(map), &answer) ? versionOf(answer) : 0;
    }

    bool remove(const QString &name)
    {
        return run(m_client->remove({QStringLiteral("v1"), QStringLiteral("ConfigMap"), kNs, name}));
    }

    // The server's truth, for comparison with what the watch built.
    QMap<QString, QString> serverState()
    {
        KubeRequest *list = m_client->list(QStringLiteral("v1"), QStringLiteral("ConfigMap"), kNs);
        QMap<QString, QString> out;
        if (!test::runJob(list, 60000)) {
            qWarning("%s", qPrintable(list->errorString()));
            out.insert(QStringLiteral("<list failed>"), {});
        } else {
            for (const QJsonObject &object : list->items()) {
                if (nameOf(object).startsWith(QLatin1String("cm-")))
                    out.insert(nameOf(object), valueOf(object));
            }
        }
        delete list;
        return out;
    }

    void removeAllMaps()
    {
        const QMap<QString, QString> maps = serverState();
        for (auto it = maps.begin(); it != maps.end(); ++it)
            QVERIFY(remove(it.key()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("kube-sandbox is not built in this build tree.");
        const auto started = m_sandbox.start(1);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const auto target = m_sandbox.target();
        QVERIFY2(target.ok(), qPrintable(target.error().message()));
        auto client = KubeClient::create(*target, this);
        QVERIFY2(client.ok(), qPrintable(client.error().message()));
        m_client = *client;
        const QJsonObject ns{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                             {QStringLiteral("kind"), QStringLiteral("Namespace")},
                             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), kNs}}}};
        QVERIFY(run(m_client->apply(ns)));
    }

    void cleanup() { test::clearSandboxFaults(m_client); }

    void cleanupTestCase() { m_sandbox.stop(); }

    void invalidWatchFaultIsRefused()
    {
        int status = 0;
        QString error;
        QVERIFY(!postFault({{QStringLiteral("watch"), QStringLiteral("explode")}}, &status, &error));
        QCOMPARE(status, 400);
        QVERIFY2(error.contains(QLatin1String("drop")), qPrintable(error));
        QVERIFY(!postFault({{QStringLiteral("watch"), QStringLiteral("drop")},
                            {QStringLiteral("verb"), QStringLiteral("get")}},
                           &status, &error));
        QCOMPARE(status, 400);
        QCOMPARE(pendingFaults(), 0);
    }

    // Four broken streams in a row: dropped after 2 events, torn in the middle of the 4th, dropped
    // before the first, torn in the second. Meanwhile 20 maps are created, 8 modified and 6 deleted,
    // one write at a time; the watch must deliver exactly those 34 changes, in order, once each.
    void droppedAndTornStreamsResumeFromLastVersion()
    {
        removeAllMaps();
        const QList<QJsonObject> faults{{{QStringLiteral("resource"), QStringLiteral("configmaps")},
                                         {QStringLiteral("watch"), QStringLiteral("drop")},
                                         {QStringLiteral("afterEvents"), 2}},
                                        {{QStringLiteral("resource"), QStringLiteral("configmaps")},
                                         {QStringLiteral("watch"), QStringLiteral("truncate")},
                                         {QStringLiteral("afterEvents"), 3}},
                                        {{QStringLiteral("resource"), QStringLiteral("configmaps")},
                                         {QStringLiteral("watch"), QStringLiteral("drop")},
                                         {QStringLiteral("afterEvents"), 0}},
                                        {{QStringLiteral("resource"), QStringLiteral("configmaps")},
                                         {QStringLiteral("watch"), QStringLiteral("truncate")},
                                         {QStringLiteral("afterEvents"), 1}}};
        for (const QJsonObject &rule : faults)
            QVERIFY(postFault(rule));

        KubeWatch watch(m_client, {QStringLiteral("v1"), QStringLiteral("ConfigMap"), kNs, {}}, {});
        QSignalSpy failed(&watch, &KubeWatch::failed);
        WatchRecorder recorder;
        recorder.attach(&watch, this);
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.syncs, 1, 30000);

        QStringList expected;
        qint64 last = 0;
        for (int i = 0; i < 20; ++i) {
            const QString name = QStringLiteral("cm-%1").arg(i, 2, 10, QLatin1Char('0'));
            QVERIFY((last = put(name, QStringLiteral("a"))) > 0);
            expected.append(QStringLiteral("ADDED %1=a").arg(name));
        }
        for (int i = 0; i < 8; ++i) {
            const QString name = QStringLiteral("cm-%1").arg(i * 2, 2, 10, QLatin1Char('0'));
            QVERIFY((last = put(name, QStringLiteral("b"))) > 0);
            expected.append(QStringLiteral("MODIFIED %1=b").arg(name));
        }
        for (int i = 0; i < 6; ++i) {
            const QString name = QStringLiteral("cm-%1").arg(i * 3 + 1, 2, 10, QLatin1Char('0'));
            QVERIFY(remove(name));
            // A DELETED event carries the object's last state.
            const bool modified = (i * 3 + 1) % 2 == 0 && i * 3 + 1 < 16;
            expected.append(QStringLiteral("DELETED %1=%2")
                                .arg(name, modified ? QStringLiteral("b") : QStringLiteral("a")));
        }
        // A last write whose version marks the end of the story.
        QVERIFY((last = put(QStringLiteral("cm-end"), QStringLiteral("z"))) > 0);
        expected.append(QStringLiteral("ADDED cm-end=z"));

        QTRY_VERIFY_WITH_TIMEOUT(watch.resourceVersion().toLongLong() >= last || !failed.isEmpty(), 90000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureOf(failed)));
        QCOMPARE(pendingFaults(), 0); // all four faults fired
        QVERIFY2(recorder.violations.isEmpty(), qPrintable(recorder.violations.join(QLatin1String("; "))));
        QCOMPARE(recorder.events, expected);
        QCOMPARE(recorder.state, serverState());
        QCOMPARE(watch.relists(), 1); // resumed every time, never re-listed
        QVERIFY2(watch.reconnects() >= 4, qPrintable(QString::number(watch.reconnects())));
        qInfo("4 broken streams, %d reconnects, %lld events, none lost or repeated", watch.reconnects(),
              qint64(recorder.events.size()));
        watch.stop();
    }

    // The stream answers an ERROR event with a 410 Status after the first event, then the next watch
    // request gets HTTP 410: both times the watch re-lists, and the state it holds afterwards is the
    // server's, including the changes made while it was re-listing.
    void goneEventAndGoneStatusRelist()
    {
        removeAllMaps();
        QVERIFY(put(QStringLiteral("cm-before"), QStringLiteral("0")) > 0);
        QVERIFY(postFault({{QStringLiteral("resource"), QStringLiteral("configmaps")},
                           {QStringLiteral("watch"), QStringLiteral("expire")},
                           {QStringLiteral("afterEvents"), 1}}));
        QVERIFY(postFault({{QStringLiteral("verb"), QStringLiteral("watch")},
                           {QStringLiteral("resource"), QStringLiteral("configmaps")},
                           {QStringLiteral("status"), 410}}));

        KubeWatch watch(m_client, {QStringLiteral("v1"), QStringLiteral("ConfigMap"), kNs, {}}, {});
        QSignalSpy failed(&watch, &KubeWatch::failed);
        WatchRecorder recorder;
        recorder.attach(&watch, this);
        watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.syncs, 1, 30000);
        QCOMPARE(recorder.state.value(QStringLiteral("cm-before")), QStringLiteral("0"));

        QVERIFY(put(QStringLiteral("cm-a"), QStringLiteral("1")) > 0); // delivered as an event
        QVERIFY(put(QStringLiteral("cm-b"), QStringLiteral("1")) > 0); // replaced by the 410 event
        QVERIFY(remove(QStringLiteral("cm-before")));                  // during the re-lists
        QTRY_VERIFY_WITH_TIMEOUT(watch.relists() >= 3 || !failed.isEmpty(), 60000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(pendingFaults(), 0);
        qint64 last = 0;
        QVERIFY((last = put(QStringLiteral("cm-c"), QStringLiteral("1"))) > 0);
        QVERIFY((last = put(QStringLiteral("cm-a"), QStringLiteral("2"))) > 0);

        QTRY_VERIFY_WITH_TIMEOUT(watch.resourceVersion().toLongLong() >= last || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureOf(failed)));
        QCOMPARE(watch.relists(), 3); // the first list and one per 410
        QVERIFY2(recorder.violations.isEmpty(), qPrintable(recorder.violations.join(QLatin1String("; "))));
        QCOMPARE(recorder.events.first(), QStringLiteral("ADDED cm-a=1"));
        QCOMPARE(recorder.events.count(QStringLiteral("ADDED cm-c=1")), 1);
        QCOMPARE(recorder.events.last(), QStringLiteral("MODIFIED cm-a=2"));
        const QMap<QString, QString> server = serverState();
        QCOMPARE(recorder.state, server);
        QCOMPARE(server.keys(),
                 (QStringList{QStringLiteral("cm-a"), QStringLiteral("cm-b"), QStringLiteral("cm-c")}));
        watch.stop();
    }
};

QTEST_GUILESS_MAIN(TestWatchFaults)
#include "tst_watch_faults.moc"
