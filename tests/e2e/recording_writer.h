#pragma once

#include "../integration/cluster_key_client.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

namespace rcs::test {

// What an application sees during an upgrade: `lanes` SETs going at once, each answered before the
// lane's next, every key's outcome recorded as it came (no retry hides a -TRYAGAIN, -CLUSTERDOWN or a
// dropped connection: the client is set so).
class RecordingWriter final {
public:
    RecordingWriter(ClusterKeyClient *client, QByteArray prefix);
    void start(int lanes);
    void stop() { m_stopped = true; }
    bool idle() const { return m_pending == 0; }
    const QList<int> &acknowledged() const { return m_acknowledged; }
    const QStringList &failures() const { return m_failures; }
    qint64 longestWriteMs() const { return m_longestMs; }
    // Writes the counts, the longest write and the first failures to the test log.
    void report() const;
    // Reads back every acknowledged key through a fresh client seeded with seeds (bounded); the keys
    // that are missing or hold another value, or an error when the slot map could not be read or the
    // reads did not finish in time.
    Result<QStringList> lostWrites(const QList<NodeAddress> &seeds, int timeoutMs = 120000) const;

private:
    void next();

    ClusterKeyClient *m_client;
    QByteArray m_prefix;
    QElapsedTimer m_clock;
    int m_issued = 0;
    int m_pending = 0;
    bool m_stopped = false;
    qint64 m_longestMs = 0;
    QList<int> m_acknowledged;
    QStringList m_failures;
};

} // namespace rcs::test
