#pragma once

#include <QObject>
#include <QSocketNotifier>

struct redisAsyncContext;

namespace rcs {

// Drives one hiredis async context from the Qt event loop: hiredis asks for read/write readiness
// through its ev hooks, and two QSocketNotifiers call redisAsyncHandleRead/Write when the socket is
// ready. Written for hiredis 0.14's hook contract (addRead/delRead/addWrite/delWrite/cleanup).
//
// Lifetime rules (the owner, RedisConnection, relies on them):
// - released() is emitted from *inside* hiredis, while it frees the context (the cleanup hook). Slots
//   connected to it must only record the fact; they must not call into hiredis or run user code.
// - processed() is emitted after hiredis returned, with nothing of hiredis left on the stack: this is
//   where the owner may deliver replies, emit signals, and even be destroyed.
// - The adapter must be deleted with deleteLater(): it may be inside its own notifier's signal.
class HiredisQtAdapter final : public QObject {
    Q_OBJECT
public:
    // Installs the hooks into context; the context's socket must already exist.
    explicit HiredisQtAdapter(redisAsyncContext *context);
    ~HiredisQtAdapter() override;

    // Removes the hooks and stops watching the socket; afterwards the adapter never touches the
    // context again. Call before freeing the context yourself.
    void detach();

Q_SIGNALS:
    void processed();
    void released();

private:
    static void addRead(void *adapter);
    static void delRead(void *adapter);
    static void addWrite(void *adapter);
    static void delWrite(void *adapter);
    static void cleanup(void *adapter);
    void handle(QSocketNotifier::Type type);

    redisAsyncContext *m_context;
    QSocketNotifier m_read;
    QSocketNotifier m_write;
};

} // namespace rcs
