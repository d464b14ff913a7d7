#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSize>

namespace sandbox {

// What a `kubectl exec` or `kubectl attach` session runs, whatever carries its streams (WebSocket
// channels or SPDY streams): it takes stdin and terminal sizes, gives stdout and stderr, and ends with
// the Status the v4 error stream carries (reference §7.2).
class RemoteCommand : public QObject {
    Q_OBJECT
public:
    enum Stream : quint8 { Stdout = 1, Stderr = 2 };

    using QObject::QObject;
    // Emits finished() (at once when the request cannot run) after all of the output.
    virtual void start() = 0;
    virtual void writeStdin(const QByteArray &data) = 0;
    virtual void closeStdin() = 0;
    // The client's terminal size (tty sessions); the first one may arrive before start().
    virtual void resize(QSize size) = 0;
    // Whether start() should wait briefly for the first size (a command that starts on a terminal).
    virtual bool wantsInitialSize() const { return false; }

    // Terminal sizes as kubectl sends them, {"Width":80,"Height":24} one after another; complete
    // objects are taken off the front of buffer, a partial one stays for later.
    static QList<QSize> takeTerminalSizes(QByteArray &buffer);

    static QJsonObject successStatus();
    static QJsonObject failureStatus(const QString &reason, const QString &message, int code);

Q_SIGNALS:
    void output(quint8 stream, const QByteArray &data);
    void finished(const QJsonObject &status);
};

} // namespace sandbox
