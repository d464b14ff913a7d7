#pragma once

// TestSandboxApi's class and the manifests its parts share; the tests are spread over
// tst_sandbox_api*.cpp by area (one executable: one kube-sandbox serves them all).
#include "sandbox_api_harness.h"

#include "net/credentials.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs::test;

namespace sandbox_api_test {

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

inline const QByteArray kAppManifests = R"(apiVersion: v1
kind: Namespace
metadata:
  name: NS
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: redis-conf
  namespace: NS
data:
  redis.conf: |
    appendonly yes
    cluster-enabled yes
---
apiVersion: v1
kind: Service
metadata:
  name: redis-service
  namespace: NS
spec:
  clusterIP: None
  selector:
    app: redis
  ports:
  - name: redis-port
    port: 6379
---
apiVersion: v1
kind: Service
metadata:
  name: redis-access-service
  namespace: NS
  labels:
    app: redis
spec:
  type: NodePort
  selector:
    app: redis
  ports:
  - name: redis-port
    protocol: TCP
    port: 6379
    targetPort: 6379
    nodePort: NODEPORT
)";

inline QByteArray manifests(const QByteArray &ns, int nodePort)
{
    return QByteArray(kAppManifests).replace("NS", ns).replace("NODEPORT", QByteArray::number(nodePort));
}

inline const QByteArray kStatefulSet = R"({"apiVersion":"apps/v1","kind":"StatefulSet",
 "metadata":{"name":"web","namespace":"NS"},
 "spec":{"replicas":0,"serviceName":"web","selector":{"matchLabels":{"app":"web"}},
  "template":{"metadata":{"labels":{"app":"web"}},
   "spec":{"containers":[{"name":"redis","image":"redis:5.0.5","command":["redis-server"]}]}}}})";

inline QStringList lines(const QString &text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace sandbox_api_test

using namespace sandbox_api_test;

class TestSandboxApi final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void getNamespacesAndDiscovery();
    void aggregatedDiscovery();
    void configMapCreateGetDelete();
    void serverSideApplyAndServicePorts();
    void clientSideApplyTwice();
    void createMultiDocumentFile();
    void wideOutputColumns();
    void watchEventsInOrder();
    void watchSelectorTransitions();
    void watchBookmarkAndTimeout();
    void errorsAreStatusObjects();
    void serverSideApplyConflicts();
    void scaleSubresource();
    void deleteNamespaceRemovesContents();
    void deleteCollectionByLabel();
    void deletePropagationPolicy();
    void podDeleteCarriesGracePeriod();
    void listPagination();
    void clientCertificateAccepted();
    void faultInjection();
    void restartKeepsObjects();
    void refusesNonLoopbackAddress();
    void refusesMissingRedisServer();

private:
    Kubectl kubectl() const { return Kubectl(m_server->kubeconfigPath(), m_home->path()); }

    QTemporaryDir m_data;
    std::unique_ptr<KubeSandboxProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ApiClient> m_api;
};
