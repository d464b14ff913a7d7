#pragma once

#include "streams/spdy_codec.h"

#include <QHash>
#include <QObject>

class QTcpSocket;

namespace sandbox {

class SpdyConnection;

// `kubectl port-forward` over SPDY/3.1 (reference §7.4), on either carrier of SpdyConnection. For every
// local connection kubectl opens an error stream and a data stream with the same requestid; once both
// exist the session connects to podIP:port and copies DATA both ways. When the pod closes, both
// streams get a FIN (kubectl reads the error stream to its end). Owns the connection and deletes
// itself when it closes.
class SpdyPortForwardSession final : public QObject {
    Q_OBJECT
public:
    SpdyPortForwardSession(SpdyConnection *connection, const QString &podIp, QObject *parent = nullptr);
    ~SpdyPortForwardSession() override;

private:
    struct Forward {
        QByteArray requestId;
        quint16 port = 0;
        quint32 errorStream = 0;
        quint32 dataStream = 0;
        QTcpSocket *socket = nullptr;
        QByteArray pending; // client bytes before the pod connection is up
        bool connected = false;
        bool finished = false;
    };

    void onStreamOpened(quint32 streamId, const SpdyCodec::HeaderList &headers);
    void onData(quint32 streamId, const QByteArray &data);
    void onStreamFinished(quint32 streamId);
    void connectToPod(Forward &forward);
    void finishForward(const QByteArray &requestId, const QString &error);
    Forward *forwardForStream(quint32 streamId);

    SpdyConnection *m_connection;
    QString m_podIp;
    QHash<QByteArray, Forward> m_forwards; // by requestid
};

} // namespace sandbox
