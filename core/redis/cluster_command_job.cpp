#include "cluster_command_job.h"

#include "redis/redis_pool.h"

namespace rcs {

ClusterCommandJob::ClusterCommandJob(NodeAddress start, QList<QByteArray> argv, Mode mode, RedisPool *pool,
                                     QObject *parent)
    : Job(parent)
    , m_node(std::move(start))
    , m_argv(std::move(argv))
    , m_mode(mode)
    , m_pool(pool)
{
    setTitle(tr("Console command"));
}

QString ClusterCommandJob::redirectLine(const Redirect &redirect)
{
    return redirect.ask ? tr("-> Redirected (ASK) to slot [%1] located at %2")
                              .arg(redirect.slot)
                              .arg(redirect.address.toString())
                        : tr("-> Redirected to slot [%1] located at %2")
                              .arg(redirect.slot)
                              .arg(redirect.address.toString());
}

std::optional<ClusterCommandJob::Redirect> ClusterCommandJob::parseRedirect(const QByteArray &error,
                                                                            const NodeAddress &from)
{
    const QList<QByteArray> words = error.trimmed().split(' ');
    if (words.size() != 3 || (words.at(0) != "MOVED" && words.at(0) != "ASK"))
        return std::nullopt;
    bool ok = false;
    Redirect redirect;
    redirect.ask = words.at(0) == "ASK";
    redirect.slot = words.at(1).toInt(&ok);
    if (!ok)
        return std::nullopt;
    QString where = QString::fromUtf8(words.at(2));
    if (where.startsWith(QLatin1Char(':')))
        where.prepend(from.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + from.host + QLatin1Char(']')
                                                           : from.host);
    const Result<NodeAddress> address = NodeAddress::parse(where);
    if (!address)
        return std::nullopt;
    redirect.address = *address;
    return redirect;
}

void ClusterCommandJob::doStart()
{
    if (m_argv.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Type a command to send."));
    send(false);
}

void ClusterCommandJob::send(bool asking)
{
    setStep(tr("Waiting for %1").arg(m_node.toString()));
    // ASKING holds for the next command of the same connection: the pool keeps the order of one node's
    // commands on its channel 0, so nothing comes between the two.
    if (asking)
        m_pool->command(
            m_node, {QByteArrayLiteral("ASKING")}, this, [](Result<RedisReply>) {}, m_commandTimeoutMs);
    m_pool->command(
        m_node, m_argv, this,
        [this](Result<RedisReply> result) {
            if (isFinished())
                return;
            if (!result) {
                if (result.error().code() != ErrorCode::RedisError)
                    return fail(result.error());
                // The server's refusal is the reply, word for word (the detail holds its bare text).
                m_reply = RedisReply::error(result.error().detail().toUtf8());
            } else {
                m_reply = std::move(result).value();
            }
            if (m_mode == Mode::SingleNode || !m_reply.isError())
                return succeed();
            const std::optional<Redirect> redirect = parseRedirect(m_reply.bytes(), m_node);
            if (!redirect)
                return succeed();
            if (m_redirects.size() >= MaxRedirects)
                return fail(
                    ErrorCode::Refused,
                    tr("The command was redirected %1 times without reaching the node of its slot: the "
                       "cluster's slot map is changing or its nodes disagree; run check and try again.")
                        .arg(MaxRedirects));
            m_redirects.append(*redirect);
            info(redirectLine(*redirect));
            m_node = redirect->address;
            send(redirect->ask);
        },
        m_commandTimeoutMs);
}

} // namespace rcs
