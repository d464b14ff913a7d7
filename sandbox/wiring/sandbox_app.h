#pragma once

#include "common/result.h"

#include <QObject>
#include <QString>

#include <memory>

namespace sandbox {

class ApiHandler;
class ApiServer;
class Credentials;
class MemoryObjectStore;
class Runtime;

// kube-sandbox wired together: the private data folder, the PKI and kubeconfig, the object store, the
// API handler and its HTTPS server, and the pod runtime. main() only parses the command line and turns
// signals into stop(); a test runs the same wiring in-process.
class SandboxApp final : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString dataDir; // required
        QString listen = QStringLiteral("127.0.0.1:0");
        int nodes = 3;
        QString podNetwork = QStringLiteral("127.77.0.0/16");
        QString redisServer = QStringLiteral("/usr/bin/redis-server");
        QString redisCli; // empty: next to redisServer, else on PATH
        QString imageMap; // "IMAGE=PATH,…": the server binary a container image runs
        bool verbose = false;
    };

    explicit SandboxApp(QObject *parent = nullptr);
    ~SandboxApp() override;

    // Validates the options, prepares the data folder, starts the runtime and listens; the error is
    // one sentence naming what to fix. Pods already started are stopped again on failure.
    rcs::Result<void> start(const Options &options);
    // Stops listening, stops every pod and saves the objects (idempotent).
    void stop();

    QString url() const { return m_url; }                   // "https://127.0.0.1:PORT"
    QString kubeconfigPath() const { return m_kubeconfig; } // DATA/kubeconfig

private:
    void syncNodes();

    std::unique_ptr<Credentials> m_credentials;
    std::unique_ptr<MemoryObjectStore> m_store;
    std::unique_ptr<ApiHandler> m_handler;
    std::unique_ptr<Runtime> m_runtime;
    std::unique_ptr<ApiServer> m_server;
    QString m_url;
    QString m_kubeconfig;
    bool m_stopped = false;
};

} // namespace sandbox
