// kube-sandbox's exec over SPDY/3.1, as kubectl ≤ 1.29 speaks it: the test plays client-go's
// remotecommand client on a real loopback socket (SYN_STREAMs named by streamtype, data, FINs) against
// SpdyConnection + SpdyExecSession, with a scripted command on the other side; then ExecCommand's
// terminal, sized the way kubectl sizes it.
#include "runtime/container_command.h"
#include "runtime/pod_context.h"
#include "streams/exec_command.h"
#include "streams/remote_command.h"
#include "streams/spdy_codec.h"
#include "streams/spdy_connection.h"
#include "streams/spdy_exec_session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace sandbox;

namespace {

// What the session asks of its command, recorded; output and the end are the test's to give.
class ScriptedCommand final : public RemoteCommand {
    Q_OBJECT
public:
    explicit ScriptedCommand(bool tty)
        : m_tty(tty)
    {}
    void start() override { started = true; }
    void writeStdin(const QByteArray &data) override { stdinData += data; }
    void closeStdin() override { stdinClosed = true; }
    void resize(QSize size) override { sizes.append(size); }
    bool wantsInitialSize() const override { return m_tty; }

    void say(quint8 stream, const QByteArray &data) { Q_EMIT output(stream, data); }
    void end(const QJsonObject &status) { Q_EMIT finished(status); }

    bool started = false;
    QByteArray stdinData;
    bool stdinClosed = false;
    QList<QSize> sizes;

private:
    bool m_tty;
};

// The kubectl side: SYN_STREAMs with their header blocks, data, and everything the server sends,
// sorted by stream.
struct SpdyClient {
    QTcpSocket socket;
    SpdyCodec codec;
    QByteArray buffer;
    QList<SpdyCodec::Frame> frames;
    QHash<quint32, QByteArray> data;
    QSet<quint32> finished;
    QSet<quint32> replied;
    quint32 nextId = 1;

    quint32 open(const QByteArray &streamType)
    {
        const quint32 id = nextId;
        nextId += 2;
        QByteArray payload(10, '\0');
        qToBigEndian(id, payload.data());
        payload += codec.compressHeaders({{"streamtype", streamType}});
        socket.write(SpdyCodec::controlFrame(SpdyCodec::SynStream, 0, payload));
        return id;
    }
    void send(quint32 id, const QByteArray &bytes, bool fin = false)
    {
        socket.write(SpdyCodec::dataFrame(id, fin ? SpdyCodec::kFlagFin : 0, bytes));
    }
    void read()
    {
        buffer += socket.readAll();
        for (const SpdyCodec::Frame &frame : SpdyCodec::takeFrames(buffer)) {
            frames.append(frame);
            if (frame.control && frame.type == SpdyCodec::SynReply)
                replied.insert(frame.streamId);
            if (frame.control)
                continue;
            data[frame.streamId] += frame.payload;
            if (frame.flags & SpdyCodec::kFlagFin)
                finished.insert(frame.streamId);
        }
    }
    // Index of the first data frame with FIN on a stream, -1 when none.
    qsizetype finIndex(quint32 id) const
    {
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (!frames[i].control && frames[i].streamId == id && (frames[i].flags & SpdyCodec::kFlagFin))
                return i;
        }
        return -1;
    }
};

// The ExitCode cause of a NonZeroExitCode Status, which kubectl turns into its own exit code.
QString exitCodeOf(const QJsonObject &status)
{
    const QJsonArray causes =
        status.value(QLatin1String("details")).toObject().value(QLatin1String("causes")).toArray();
    for (const QJsonValue &cause : causes) {
        if (cause.toObject().value(QLatin1String("reason")).toString() == u"ExitCode")
            return cause.toObject().value(QLatin1String("message")).toString();
    }
    return {};
}

ExecRequest requestFor(bool stdinEnabled, bool tty)
{
    ExecRequest request;
    request.pod =
        QJsonDocument::fromJson(R"({"metadata":{"name":"redis-app-0","namespace":"demo"}})").object();
    request.command = {QStringLiteral("sh")};
    request.stdinEnabled = stdinEnabled;
    request.stderrEnabled = !tty; // what kubectl sends with -t
    request.tty = tty;
    request.subprotocol = QStringLiteral("v4.channel.k8s.io");
    return request;
}

} // namespace

class TestSandboxSpdyExec final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void expectedStreams_data();
    void expectedStreams();
    void terminalSizes_data();
    void terminalSizes();
    void execStreamsAndExitCode();
    void ttyWaitsForTheFirstSize();
    void pingsAreEchoed();
    void clientGoingAwayEndsTheSession();
    void execCommandTerminalFollowsResizes();

private:
    // Connects client to a server socket wrapped in a SpdyConnection, with a session on top.
    void connectSession(const ExecRequest &request, ScriptedCommand *command);

    QTcpServer m_server;
    std::unique_ptr<SpdyClient> m_client;
    QPointer<SpdyExecSession> m_session;
};

void TestSandboxSpdyExec::init()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    m_client = std::make_unique<SpdyClient>();
    connect(&m_client->socket, &QTcpSocket::readyRead, this, [this] { m_client->read(); });
}

void TestSandboxSpdyExec::cleanup()
{
    m_client.reset();
    delete m_session;
    m_server.close();
}

void TestSandboxSpdyExec::connectSession(const ExecRequest &request, ScriptedCommand *command)
{
    m_client->socket.connectToHost(QHostAddress::LocalHost, m_server.serverPort());
    QVERIFY(m_server.waitForNewConnection(5000));
    QTcpSocket *serverSide = m_server.nextPendingConnection();
    QVERIFY(serverSide);
    m_session = new SpdyExecSession(new SpdyConnection(serverSide), request, command);
    QTRY_VERIFY(m_client->socket.state() == QAbstractSocket::ConnectedState);
}

void TestSandboxSpdyExec::expectedStreams_data()
{
    QTest::addColumn<bool>("stdinEnabled");
    QTest::addColumn<bool>("tty");
    QTest::addColumn<QList<QByteArray>>("streams");
    QTest::newRow("exec") << false << false << QList<QByteArray>{"error", "stdout", "stderr"};
    QTest::newRow("exec -i") << true << false << QList<QByteArray>{"error", "stdin", "stdout", "stderr"};
    QTest::newRow("exec -it") << true << true << QList<QByteArray>{"error", "stdin", "stdout", "resize"};
}

void TestSandboxSpdyExec::expectedStreams()
{
    QFETCH(bool, stdinEnabled);
    QFETCH(bool, tty);
    QFETCH(QList<QByteArray>, streams);
    QCOMPARE(SpdyExecSession::expectedStreams(requestFor(stdinEnabled, tty)), streams);
}

void TestSandboxSpdyExec::terminalSizes_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");
    QTest::addColumn<QList<QSize>>("sizes");
    QTest::newRow("one per line")
        << QList<QByteArray>{"{\"Width\":80,\"Height\":24}\n{\"Width\":120,\"Height\":40}\n"}
        << QList<QSize>{QSize(80, 24), QSize(120, 40)};
    QTest::newRow("split") << QList<QByteArray>{"{\"Width\":1", "00,\"Height\":3", "0}\n"}
                           << QList<QSize>{QSize(100, 30)};
    QTest::newRow("zero is no size") << QList<QByteArray>{"{\"Width\":0,\"Height\":0}"} << QList<QSize>{};
}

void TestSandboxSpdyExec::terminalSizes()
{
    QFETCH(QList<QByteArray>, pieces);
    QFETCH(QList<QSize>, sizes);
    QByteArray buffer;
    QList<QSize> found;
    for (const QByteArray &piece : pieces) {
        buffer += piece;
        found += RemoteCommand::takeTerminalSizes(buffer);
    }
    QCOMPARE(found, sizes);
}

// `kubectl exec -i pod -- cmd`: the command starts once error, stdin, stdout and stderr exist; stdin
// and its FIN reach it; its output comes back per stream; stdout and stderr end before the error
// stream brings the Status, and then the connection closes.
void TestSandboxSpdyExec::execStreamsAndExitCode()
{
    auto *command = new ScriptedCommand(false);
    connectSession(requestFor(true, false), command);
    const quint32 error = m_client->open("error");
    const quint32 in = m_client->open("stdin");
    const quint32 out = m_client->open("stdout");
    QTRY_COMPARE(m_client->replied.size(), 3);
    QVERIFY(!command->started); // stderr is still missing
    const quint32 err = m_client->open("stderr");
    QTRY_VERIFY(command->started);
    QTRY_COMPARE(m_client->replied, (QSet<quint32>{error, in, out, err}));

    m_client->send(in, "hello ");
    m_client->send(in, "world", true);
    QTRY_VERIFY(command->stdinClosed);
    QCOMPARE(command->stdinData, QByteArray("hello world"));

    command->say(RemoteCommand::Stdout, "out\n");
    command->say(RemoteCommand::Stderr, "err\n");
    QJsonObject status =
        RemoteCommand::failureStatus(QStringLiteral("NonZeroExitCode"), QStringLiteral("exit 3"), 0);
    status.insert(QStringLiteral("details"),
                  QJsonDocument::fromJson(R"({"causes":[{"reason":"ExitCode","message":"3"}]})").object());
    command->end(status);
    QTRY_VERIFY(m_client->finished.contains(error));
    QTRY_VERIFY(m_client->socket.state() == QAbstractSocket::UnconnectedState);
    QCOMPARE(m_client->data.value(out), QByteArray("out\n"));
    QCOMPARE(m_client->data.value(err), QByteArray("err\n"));
    QVERIFY(m_client->finished.contains(out) && m_client->finished.contains(err) &&
            m_client->finished.contains(in));
    QVERIFY(m_client->finIndex(out) < m_client->finIndex(error));
    QVERIFY(m_client->finIndex(err) < m_client->finIndex(error));
    const QJsonObject received = QJsonDocument::fromJson(m_client->data.value(error)).object();
    QCOMPARE(received.value(QLatin1String("reason")).toString(), QStringLiteral("NonZeroExitCode"));
    QCOMPARE(exitCodeOf(received), QStringLiteral("3"));
    QTRY_VERIFY(m_session.isNull()); // the session goes with its connection
}

// `kubectl exec -it`: no stderr stream but a resize stream, and the command starts with the client's
// size as soon as it arrives, even split over frames.
void TestSandboxSpdyExec::ttyWaitsForTheFirstSize()
{
    auto *command = new ScriptedCommand(true);
    connectSession(requestFor(true, true), command);
    m_client->open("error");
    m_client->open("stdin");
    m_client->open("stdout");
    const quint32 resize = m_client->open("resize");
    QTRY_COMPARE(m_client->replied.size(), 4);
    QTest::qWait(100);
    QVERIFY(!command->started);
    QElapsedTimer timer;
    timer.start();
    m_client->send(resize, "{\"Width\":100,");
    m_client->send(resize, "\"Height\":40}\n");
    QTRY_VERIFY(command->started);
    QVERIFY2(timer.elapsed() < 400, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(command->sizes, QList<QSize>{QSize(100, 40)});
    m_client->send(resize, "{\"Width\":90,\"Height\":20}\n");
    QTRY_COMPARE(command->sizes.size(), 2);
    command->end(RemoteCommand::successStatus());
    QTRY_VERIFY(m_client->finished.contains(1));
    QCOMPARE(
        QJsonDocument::fromJson(m_client->data.value(1)).object().value(QLatin1String("status")).toString(),
        QStringLiteral("Success"));
}

void TestSandboxSpdyExec::pingsAreEchoed()
{
    auto *command = new ScriptedCommand(false);
    connectSession(requestFor(false, false), command);
    m_client->socket.write(SpdyCodec::controlFrame(SpdyCodec::Ping, 0, QByteArray::fromHex("00000007")));
    QTRY_VERIFY(!m_client->frames.isEmpty());
    QCOMPARE(m_client->frames.first().type, quint16(SpdyCodec::Ping));
    QCOMPARE(m_client->frames.first().payload, QByteArray::fromHex("00000007"));
}

void TestSandboxSpdyExec::clientGoingAwayEndsTheSession()
{
    auto *command = new ScriptedCommand(false);
    QPointer<ScriptedCommand> guard(command);
    connectSession(requestFor(false, false), command);
    m_client->open("error");
    m_client->open("stdout");
    m_client->open("stderr");
    QTRY_VERIFY(command->started);
    m_client->socket.disconnectFromHost();
    QTRY_VERIFY(m_session.isNull());
    QVERIFY(guard.isNull()); // the command (and a process it runs) goes with the session
}

// The real command on a real terminal: it starts at the first size, and a later size reaches the
// terminal while the command runs (stty reads it back).
void TestSandboxSpdyExec::execCommandTerminalFollowsResizes()
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        QSKIP("util-linux script is not installed; exec -t runs commands on a terminal through it");
    QTemporaryDir dir;
    PodContext context;
    context.podIp = QStringLiteral("127.0.0.1");
    context.podDir = dir.path();
    context.workDir = dir.path();
    ExecRequest request = requestFor(true, true);
    request.command = {QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("stty size; read line; stty size; exit 4")};
    ExecCommand command(request, context, RedisTools{});
    QByteArray output;
    connect(&command, &RemoteCommand::output, this, [&output](quint8 stream, const QByteArray &data) {
        QCOMPARE(stream, quint8(RemoteCommand::Stdout)); // a terminal has one stream
        output += data;
    });
    QSignalSpy finished(&command, &RemoteCommand::finished);
    command.resize(QSize(81, 23));
    command.start();
    QTRY_VERIFY2_WITH_TIMEOUT(output.contains("23 81"), output.constData(), 10000);
    command.resize(QSize(132, 50));
    QTest::qWait(200); // the size is set through the terminal device; give it a moment
    command.writeStdin("go\r");
    QTRY_VERIFY2_WITH_TIMEOUT(output.contains("50 132"), output.constData(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const QJsonObject status = finished.first().first().toJsonObject();
    QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("NonZeroExitCode"));
    QCOMPARE(exitCodeOf(status), QStringLiteral("4"));
}

QTEST_GUILESS_MAIN(TestSandboxSpdyExec)
#include "tst_sandbox_spdy_exec.moc"
