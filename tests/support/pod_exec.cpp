#include "support/pod_exec.h"

#include "common/logger.h"
#include "common/shell_quote.h"
#include "kube/kube_client.h"
#include "kube/kube_status.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace rcs::test {

namespace {
const QString kV5 = QStringLiteral("v5.channel.k8s.io");
const QString kV4 = QStringLiteral("v4.channel.k8s.io");
} // namespace

PodExec::PodExec(KubeClient *client, QString ns, QString pod, QStringList command, QString container,
                 QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_ns(std::move(ns))
    , m_pod(std::move(pod))
    , m_command(std::move(command))
    , m_container(std::move(container))
{
    setTitle(tr("Run %1 in pod %2").arg(m_command.value(0), m_pod));
    setTimeout(60000);
}

PodExec::~PodExec() = default;

void PodExec::doStart()
{
    if (!m_client) {
        fail(ErrorCode::Internal, tr("The Kubernetes client was closed."));
        return;
    }
    if (m_command.isEmpty()) {
        fail(ErrorCode::InvalidInput, tr("No command to run in pod %1.").arg(m_pod));
        return;
    }
    Logger::instance().command(
        QStringLiteral("kube"), title(),
        QStringLiteral("%1 exec %2%3%4 -- %5")
            .arg(KubeClient::kubectl(m_ns), m_pod, m_hasStdin ? QStringLiteral(" -i") : QString(),
                 m_container.isEmpty() ? QString() : QStringLiteral(" -c ") + m_container,
                 shellJoin(m_command)));
    QUrlQuery query;
    for (const QString &word : m_command)
        query.addQueryItem(QStringLiteral("command"), word);
    if (!m_container.isEmpty())
        query.addQueryItem(QStringLiteral("container"), m_container);
    query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("stderr"), QStringLiteral("true"));
    if (m_hasStdin)
        query.addQueryItem(QStringLiteral("stdin"), QStringLiteral("true"));
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec?").arg(m_ns, m_pod) +
                         query.toString(QUrl::FullyEncoded);

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(m_client->transport().proxy);
    connect(m_socket, &QWebSocket::connected, this, &PodExec::opened);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &PodExec::message);
    connect(m_socket, &QWebSocket::disconnected, this, &PodExec::closed);
    // A refused handshake (no such pod, 403) reports an error without disconnected(): end here, or the
    // job would wait for its timeout.
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (!m_opened && !isFinished())
                    closed();
            });
    const KubeTransport transport = m_client->transport();
    connect(m_socket, &QWebSocket::sslErrors, this, [this, transport](const QList<QSslError> &errors) {
        if (transport.errorsAcceptable(errors))
            m_socket->ignoreSslErrors();
    });
    setStep(tr("opening the exec stream to pod %1").arg(m_pod));
    m_client->prepare(
        path, this,
        [this](const Result<KubePreparedRequest> &prepared) {
            if (!prepared) {
                fail(prepared.error());
                return;
            }
            m_socket->setSslConfiguration(prepared->ssl);
            QWebSocketHandshakeOptions options;
            options.setSubprotocols({kV5, kV4});
            m_socket->open(prepared->request, options);
        },
        true);
}

void PodExec::doCancel()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void PodExec::opened()
{
    m_opened = true;
    setStep(tr("running %1 in pod %2").arg(m_command.value(0), m_pod));
    if (!m_hasStdin)
        return;
    if (!m_stdin.isEmpty())
        m_socket->sendBinaryMessage(QByteArray(1, '\0') + m_stdin);
    // v5 can half-close stdin so the command sees EOF; v4 cannot.
    if (m_socket->subprotocol() == kV5)
        m_socket->sendBinaryMessage(QByteArray("\xff\x00", 2));
}

void PodExec::message(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    const QByteArray payload = data.mid(1);
    switch (quint8(data.at(0))) {
    case 1:
        m_stdout += payload;
        break;
    case 2:
        m_stderr += payload;
        break;
    case 3: {
        m_statusSeen = true;
        const QJsonObject status = QJsonDocument::fromJson(payload).object();
        if (status.value(QStringLiteral("status")).toString() == QLatin1String("Success")) {
            m_exitCode = 0;
            break;
        }
        if (status.value(QStringLiteral("reason")).toString() == QLatin1String("NonZeroExitCode")) {
            const QJsonArray causes =
                status.value(QStringLiteral("details")).toObject().value(QStringLiteral("causes")).toArray();
            for (const QJsonValue &cause : causes) {
                if (cause.toObject().value(QStringLiteral("reason")).toString() == QLatin1String("ExitCode"))
                    m_exitCode = cause.toObject().value(QStringLiteral("message")).toString().toInt();
            }
            break;
        }
        fail(ErrorCode::KubeApi,
             tr("Running %1 in pod %2 failed: %3.")
                 .arg(m_command.value(0), m_pod,
                      status.value(QStringLiteral("message")).toString(QString::fromUtf8(payload))));
        break;
    }
    default:
        break;
    }
}

void PodExec::closed()
{
    if (isFinished())
        return; // disconnected() after a refused handshake already handled by the error signal
    if (!m_opened) {
        const Error refusal = decodeWebSocketRefusal(
            m_socket->errorString(), m_ns, m_pod, QStringLiteral("exec"), m_socket->requestUrl().toString());
        fail(refusal.code(),
             tr("Cannot open the exec stream to pod %1 in namespace %2: %3")
                 .arg(m_pod, m_ns, refusal.message()),
             refusal.detail());
        return;
    }
    if (!m_statusSeen) {
        fail(ErrorCode::Protocol, tr("The exec stream to pod %1 closed before the command's exit status "
                                     "arrived.")
                                      .arg(m_pod));
        return;
    }
    succeed();
}

} // namespace rcs::test
