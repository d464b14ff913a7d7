#pragma once

// What the parts of rcs_bench_lifecycle share (see bench_lifecycle.cpp for what it times): the set-up
// helpers, the options main() reads, and one timing function per scenario.

#include "redis/node_address.h"
#include "support/bench_transport.h"

#include <QList>
#include <QString>

namespace rcs {
class Job;
class RedisPool;
} // namespace rcs

namespace lifecycle {

// A timing function's result when its set-up failed (nothing was timed).
constexpr qint64 SetupFailed = -2;

// The options of the command line (set by main() before anything is timed).
extern QString g_lastError; // the last failure of ours, for the RESULT line
extern bool g_setupWithRedisCli;
extern int g_commandTimeoutMs;          // 0: the product's default (RedisConnection::DefaultCommandTimeoutMs)
extern int g_shortenTargetTimeoutMs;    // rebalance: the experiment of --shorten-target-timeout-ms
extern int g_shortenOldMasterTimeoutMs; // failover: the experiment of SwapWatch::setShortenOldMasterTimeout
extern QString g_studio; // failover: the redis-cluster-studio to time; empty: FailoverJob in-process
// The nodes' and our connections' transport (plain TCP or TLS); every scenario starts its nodes with
// g_transport.nodeOptions() and configures every pool of ours with it.
extern rcs::bench::Transport g_transport;

// Runs a job to its end (bounded). With phases, prints when each of its steps began (ms from the start):
// where a timed job spends its time.
bool runJob(rcs::Job *job, int timeoutMs, bool phases = false);
// Every node answers and lists every peer at its address, connected, unflagged; all cluster_state:ok.
bool allCorrect(rcs::RedisPool &pool, const QList<rcs::NodeAddress> &nodes);
bool createCluster(const QList<rcs::NodeAddress> &addresses, int replicas);
// The same set-up with `redis-cli --cluster create`, waited for until all correct (bounded): recover can
// be measured at a scale where our create is the thing in question.
bool createClusterWithRedisCli(const QList<rcs::NodeAddress> &addresses, int replicas);

enum class RecoverTool { Ours, Seed, CliMesh };
QString toolName(RecoverTool tool);

// Milliseconds until all correct, -1 when given up (after giveUpMs, ours included), or SetupFailed.
qint64 timeRecover(int count, RecoverTool tool, int giveUpMs);
qint64 timeRebalance(int keys, bool ours, int giveUpMs);
// Ours (CreateClusterJob) on count freshly started nodes, given 3 s to settle first (as bench/create):
// milliseconds until every node reports cluster_state:ok, -1 when it failed, or SetupFailed.
qint64 timeCreate(int count, int replicas, int giveUpMs);
// The tls scenario: each of operations (create, recover, rebalance) by ours on plain and on TLS-only
// nodes, runs times each, alternating; prints one line per run and a Markdown table with the medians and
// TLS/plain. The exit status: 0 all done, 2 bad arguments or no TLS, 3 a run of ours failed.
int runTlsCost(const QStringList &operations, int runs, int count, int keys, int giveUpMs);
// A freshly created cluster of 6 nodes (ours creates it, untimed), then the first replica is promoted.
// Milliseconds from the command until every node sees the swap (ours: and the command succeeded),
// -1 when that did not happen within giveUpMs (ours: its own bound), or SetupFailed.
qint64 timeFailover(bool ours, int giveUpMs);

} // namespace lifecycle
