#pragma once

#include "../integration/cluster_key_client.h"
#include "support/studio_process.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

#include <memory>

namespace rcs::test {

// What an application sees during an upgrade: `lanes` SETs going at once, each answered before the
// lane's next, every key's outcome recorded as it came (no retry hides a -TRYAGAIN, -CLUSTERDOWN or a
// dropped connection: its client is set so).
class RecordingWriter final {
public:
    // Keys "prefix:i" through a client of its own, seeded with seeds.
    RecordingWriter(const QList<NodeAddress> &seeds, QByteArray prefix);
    ~RecordingWriter();
    // Reads the slot map (bounded); before start().
    Result<void> refresh();
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
    // The test's verdict after a run: empty when the writer is idle, wrote more than 100 keys and every
    // acknowledged one reads back; else what went wrong, in a sentence. Reports first (report()).
    QString problemAfterRun(const QList<NodeAddress> &seeds) const;

private:
    void next();

    std::unique_ptr<RedisPool> m_pool;
    std::unique_ptr<ClusterKeyClient> m_client;
    QByteArray m_prefix;
    QElapsedTimer m_clock;
    int m_issued = 0;
    int m_pending = 0;
    bool m_stopped = false;
    qint64 m_longestMs = 0;
    QList<int> m_acknowledged;
    QStringList m_failures;
};

// Runs the studio with args (bounded by timeoutMs) while writer writes on 4 lanes, from 100 answered
// writes before the run to 100 after it, until every write sent is answered (each wait bounded to 30 s).
StudioRun runWhileWriting(RecordingWriter &writer, const QStringList &args, int timeoutMs);

} // namespace rcs::test
