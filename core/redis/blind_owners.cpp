#include "blind_owners.h"

#include "redis/lifecycle_support.h"
#include "redis/redis_pool.h"

#include <QCoreApplication>

#include <memory>

namespace rcs {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::BlindOwners)
};

SlotSet slotsOfIn(const NodeView &view, const QString &id)
{
    for (const ClusterNodeInfo &node : view.nodes) {
        if (node.id == id)
            return node.slotSet;
    }
    return {};
}

// One reclaim in flight: the key counts first, then the changes; done is called once.
struct Reclaim {
    QList<BlindOwner> owners;
    std::function<void(Result<QStringList>)> done;
    QStringList actions;
    QStringList keyHolders;
    int pending = 0;
    bool finished = false;

    void finish(Result<QStringList> result)
    {
        if (finished)
            return;
        finished = true;
        done(std::move(result));
    }
};

void sendClaims(RedisPool *pool, const std::shared_ptr<Reclaim> &state, const QObject *context)
{
    const auto onReply = [state](Result<RedisReply> reply) {
        if (!reply)
            return state->finish(reply.error());
        if (--state->pending == 0)
            state->finish(state->actions);
    };
    for (const BlindOwner &owner : std::as_const(state->owners)) {
        for (const int slot : owner.lostSlots.toList()) {
            ++state->pending;
            sendLogged(pool, owner.address,
                       {"CLUSTER", "SETSLOT", QByteArray::number(slot), "NODE", owner.id.toUtf8()},
                       Text::tr("Give slot %1 back to %2, which every other node names as its owner")
                           .arg(slot)
                           .arg(owner.address.toString()),
                       context, onReply);
        }
        // Behind the SETSLOTs on the same connection: the claim then carries the newest epoch.
        ++state->pending;
        sendLogged(
            pool, owner.address, {"CLUSTER", "BUMPEPOCH"},
            Text::tr("Give %1 a new config epoch so that its claim wins").arg(owner.address.toString()),
            context, onReply);
        state->actions.append(Text::tr("%1 did not hold slots %2 in its own view though every other node "
                                       "names it as their owner; they were given back to it.")
                                  .arg(owner.address.toString(), owner.lostSlots.toString()));
    }
}

} // namespace

QList<BlindOwner> findBlindOwners(const QList<NodeView> &views)
{
    QList<const NodeView *> reachable;
    SlotSet open;
    for (const NodeView &view : views) {
        if (!view.reachable)
            continue;
        reachable.append(&view);
        if (const ClusterNodeInfo *self = myselfIn(view); self && self->isMaster()) {
            for (auto it = self->migrating.cbegin(); it != self->migrating.cend(); ++it)
                open.add(it.key());
            for (auto it = self->importing.cbegin(); it != self->importing.cend(); ++it)
                open.add(it.key());
        }
    }
    QList<BlindOwner> owners;
    for (const NodeView *view : std::as_const(reachable)) {
        const ClusterNodeInfo *self = myselfIn(*view);
        if (!self || !self->isMaster() || reachable.size() < 2)
            continue;
        SlotSet givenByAll = SlotSet::all();
        for (const NodeView *other : std::as_const(reachable)) {
            if (other != view)
                givenByAll &= slotsOfIn(*other, self->id);
        }
        const SlotSet blind = givenByAll - self->slotSet - open;
        if (blind.isEmpty())
            continue;
        BlindOwner owner{self->id, view->address, blind, {}, {}};
        for (const ClusterNodeInfo &node : view->nodes) {
            const SlotSet held = node.slotSet & blind;
            if (held.isEmpty() || node.id == self->id)
                continue;
            for (const int slot : held.toList())
                owner.ownViewOwner.insert(slot, node.id);
            if (node.hasAddress())
                owner.addressOf.insert(node.id, node.address);
        }
        owners.append(owner);
    }
    return owners;
}

void reclaimBlindSlots(RedisPool *pool, const QList<BlindOwner> &owners, const QObject *context,
                       std::function<void(Result<QStringList>)> done)
{
    auto state = std::make_shared<Reclaim>();
    state->owners = owners;
    state->done = std::move(done);
    // A slot whose other claimant still holds keys of it: giving it to the blind owner would hide them.
    for (const BlindOwner &owner : owners) {
        for (auto it = owner.ownViewOwner.cbegin(); it != owner.ownViewOwner.cend(); ++it) {
            const NodeAddress holder = owner.addressOf.value(it.value());
            if (holder.host.isEmpty())
                continue;
            ++state->pending;
            const int slot = it.key();
            pool->command(
                holder, {"CLUSTER", "COUNTKEYSINSLOT", QByteArray::number(slot)}, context,
                [pool, state, context, holder, slot, owner = owner.address](Result<RedisReply> count) {
                    if (!count)
                        return state->finish(count.error().withContext(
                            Text::tr("Counting the keys of slot %1 on %2").arg(slot).arg(holder.toString())));
                    if (count->integerValue() > 0)
                        state->keyHolders.append(
                            Text::tr("slot %1 (every other node names %2 as its owner, but %2 "
                                     "names %3, which holds %4 keys of it)")
                                .arg(slot)
                                .arg(owner.toString(), holder.toString())
                                .arg(count->integerValue()));
                    if (--state->pending > 0)
                        return;
                    if (!state->keyHolders.isEmpty())
                        return state->finish(
                            Error(ErrorCode::Refused,
                                  Text::tr("The nodes disagree about the owner of %1. Move the keys by "
                                           "hand (MIGRATE) before giving the slot to one owner.")
                                      .arg(state->keyHolders.join(QStringLiteral("; ")))));
                    sendClaims(pool, state, context);
                });
        }
    }
    if (state->pending == 0)
        sendClaims(pool, state, context);
    if (state->pending == 0)
        state->finish(state->actions);
}

} // namespace rcs
