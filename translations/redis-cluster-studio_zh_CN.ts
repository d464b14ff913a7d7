<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CertificateRotation</name>
    <message>
        <source>%1, serial %2, valid until %3</source>
        <translation>%1，序列号 %2，有效期至 %3</translation>
    </message>
    <message>
        <source>every node trusts the new CA beside the old one (ca.crt holds %1 CAs) and serves a renewed certificate from the old CA (%2)</source>
        <translation>每个节点在信任旧 CA 的同时信任新 CA（ca.crt 含 %1 个 CA），并提供由旧 CA 续签的证书（%2）</translation>
    </message>
    <message>
        <source>every node serves a new certificate (%1)</source>
        <translation>每个节点提供新证书（%1）</translation>
    </message>
    <message>
        <source>ca.crt keeps only the signing CA; every node serves a renewed certificate (%1)</source>
        <translation>ca.crt 只保留签发 CA；每个节点提供续签的证书（%1）</translation>
    </message>
    <message>
        <source>The TLS Secret holds no readable ca.crt or tls.crt: there is no certificate to renew. Deploy with --tls again, or put the certificates into the Secret.</source>
        <translation>TLS Secret 中没有可读的 ca.crt 或 tls.crt：没有可续签的证书。请重新以 --tls 部署，或把证书放入该 Secret。</translation>
    </message>
    <message>
        <source>The CA Secret holds no readable ca.crt and ca.key: the studio cannot sign a new certificate.</source>
        <translation>CA Secret 中没有可读的 ca.crt 和 ca.key（CA 私钥）：本程序无法签发新证书。</translation>
    </message>
    <message>
        <source>The CA in the CA Secret (%1) is not among the CAs the nodes trust (ca.crt of the TLS Secret): a certificate it signs would be refused. Put it back into ca.crt, or rotate with --ca.</source>
        <translation>CA Secret 中的 CA（%1）不在节点信任的 CA 之中（TLS Secret 的 ca.crt）：它签发的证书会被拒绝。请把它放回 ca.crt，或用 --ca 轮换。</translation>
    </message>
    <message>
        <source>%1, renewed %2</source>
        <translation>%1，续签于 %2</translation>
    </message>
    <message>
        <source>The CA (%1) expires before the new certificate would: from then on the certificate is refused. Rotate with --ca to renew the CA too.</source>
        <translation>CA（%1）会在新证书之前过期：此后该证书将被拒绝。请用 --ca 轮换，同时续签 CA。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>master</source>
        <translation>主节点</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>replica, in its master&apos;s colour</source>
        <translation>从节点（与其主节点同色）</translation>
    </message>
    <message>
        <source>master and replica on one Kubernetes node</source>
        <translation>主节点与从节点位于同一 Kubernetes 节点</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Kubernetes node: %1</source>
        <translation>Kubernetes 节点：%1</translation>
    </message>
    <message>
        <source>Node id: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>节点 ID：&lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Slots: %1 (%2)</source>
        <translation>槽：%1（%2 个）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Replica of %1</source>
        <translation>%1 的从节点</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>标志：%1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#ef7d00&apos;&gt;⚠ A master and its replica run on the same Kubernetes node: losing that node loses both.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#ef7d00&apos;&gt;⚠ 主节点与其从节点运行在同一 Kubernetes 节点上：该节点故障将同时失去两者。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <source>node id unknown</source>
        <translation>节点 ID 未知</translation>
    </message>
    <message>
        <source>id %1…</source>
        <translation>ID %1…</translation>
    </message>
    <message>
        <source>no slots</source>
        <translation>无槽</translation>
    </message>
    <message>
        <source>slots %1 · %2</source>
        <translation>槽 %1 · %2 个</translation>
    </message>
    <message>
        <source>replica of %1</source>
        <translation>%1 的从节点</translation>
    </message>
    <message>
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <source>not in a cluster</source>
        <translation>未加入集群</translation>
    </message>
    <message>
        <source>%1 keys · %2</source>
        <translation>%1 个键 · %2</translation>
    </message>
    <message>
        <source>⇢ %1 out</source>
        <translation>⇢ 迁出 %1</translation>
    </message>
    <message>
        <source>⇠ %1 in</source>
        <translation>⇠ 迁入 %1</translation>
    </message>
    <message>
        <source>pod %1, not ready</source>
        <translation>Pod %1，未就绪</translation>
    </message>
    <message>
        <source>Slot %1: not assigned</source>
        <translation>槽 %1：未分配</translation>
    </message>
    <message>
        <source>Slot %1: served by %2</source>
        <translation>槽 %1：由 %2 提供服务</translation>
    </message>
    <message>
        <source>Hash slots</source>
        <translation>哈希槽</translation>
    </message>
    <message>
        <source>all 16384 slots assigned</source>
        <translation>16384 个槽已全部分配</translation>
    </message>
    <message>
        <source>%1 of 16384 slots assigned</source>
        <translation>已分配 %1 / 16384 个槽</translation>
    </message>
    <message>
        <source>Pod %1 is %2 and not ready.</source>
        <translation>Pod %1 处于 %2 状态，未就绪。</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>无法访问：%1</translation>
    </message>
    <message>
        <source>Not reachable from the studio; shown as its peers see it.</source>
        <translation>本程序无法访问该节点；按其对等节点所见显示。</translation>
    </message>
    <message>
        <source>The node still believes in its old IP: it learns the new one only from an incoming CLUSTER MEET (Recover sends it).</source>
        <translation>该节点仍认为自己使用旧 IP：只有收到传入的 CLUSTER MEET 后它才会得知新 IP（“恢复”会发送）。</translation>
    </message>
    <message>
        <source>One peer still lists this node at an old address.</source>
        <translation>有 1 个对等节点仍记录此节点的旧地址。</translation>
    </message>
    <message>
        <source>%1 peers still list this node at an old address.</source>
        <translation>有 %1 个对等节点仍记录此节点的旧地址。</translation>
    </message>
    <message>
        <source>One peer reports this node as failing.</source>
        <translation>有 1 个对等节点报告此节点故障。</translation>
    </message>
    <message>
        <source>%1 peers report this node as failing.</source>
        <translation>有 %1 个对等节点报告此节点故障。</translation>
    </message>
    <message>
        <source>One peer has no link to this node.</source>
        <translation>有 1 个对等节点与此节点之间没有连接。</translation>
    </message>
    <message>
        <source>%1 peers have no link to this node.</source>
        <translation>有 %1 个对等节点与此节点之间没有连接。</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 没有应答。</translation>
    </message>
    <message>
        <source>unknown node</source>
        <translation>未知节点</translation>
    </message>
    <message>
        <source>master</source>
        <comment>count</comment>
        <translation>个主节点</translation>
    </message>
    <message>
        <source>masters</source>
        <comment>count</comment>
        <translation>个主节点</translation>
    </message>
    <message>
        <source>replica</source>
        <comment>count</comment>
        <translation>个从节点</translation>
    </message>
    <message>
        <source>replicas</source>
        <comment>count</comment>
        <translation>个从节点</translation>
    </message>
    <message>
        <source>restart</source>
        <comment>count</comment>
        <translation>次重启</translation>
    </message>
    <message>
        <source>restarts</source>
        <comment>count</comment>
        <translation>次重启</translation>
    </message>
    <message>
        <source>address</source>
        <comment>count</comment>
        <translation>个地址</translation>
    </message>
    <message>
        <source>addresses</source>
        <comment>count</comment>
        <translation>个地址</translation>
    </message>
    <message>
        <source>old revision</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>new revision</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>%1 ops/s</source>
        <translation>%1 次操作/秒</translation>
    </message>
    <message>
        <source>Slot %1: keys not counted</source>
        <translation>槽 %1：键未计数</translation>
    </message>
    <message>
        <source>Slot %1: %2 keys, served by %3</source>
        <translation>槽 %1：%2 个键，由 %3 提供服务</translation>
    </message>
    <message>
        <source>no master</source>
        <translation>无主节点</translation>
    </message>
    <message>
        <source>Keys per slot (%1 keys)</source>
        <translation>每个槽的键数（共 %1 个键）</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>Double-click to zoom in on %1</source>
        <translation>双击放大查看 %1</translation>
    </message>
    <message>
        <source>%1 % of the slots</source>
        <translation>占 %1% 的槽</translation>
    </message>
    <message>
        <source>all healthy</source>
        <translation>全部健康</translation>
    </message>
    <message>
        <source>node not healthy</source>
        <comment>count</comment>
        <translation>个节点不健康</translation>
    </message>
    <message>
        <source>nodes not healthy</source>
        <comment>count</comment>
        <translation>个节点不健康</translation>
    </message>
</context>
<context>
    <name>rcs::AddNodeJob</name>
    <message>
        <source>Add a node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Reading the cluster</source>
        <translation>读取集群</translation>
    </message>
    <message>
        <source>%1 is already a member of the cluster (id %2).</source>
        <translation>%1 已是集群成员（ID %2）。</translation>
    </message>
    <message>
        <source>Checking that %1 is blank</source>
        <translation>检查 %1 是否为空白节点</translation>
    </message>
    <message>
        <source>Checking the new node</source>
        <translation>检查新节点</translation>
    </message>
    <message>
        <source>%1 printed no &apos;myself&apos; line in CLUSTER NODES.</source>
        <translation>%1 的 CLUSTER NODES 输出中没有 &apos;myself&apos; 行。</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1 个键</translation>
    </message>
    <message>
        <source>%1 other known nodes</source>
        <translation>%1 个其他已知节点</translation>
    </message>
    <message>
        <source>slots %1</source>
        <translation>槽 %1</translation>
    </message>
    <message>
        <source>%1 is not blank: it holds %2. Only a blank node can join; reset it (CLUSTER RESET HARD after FLUSHALL) if its data is not needed.</source>
        <translation>%1 不是空白节点：它包含 %2。只有空白节点才能加入；如果不需要其中的数据，请重置它（先 FLUSHALL，再 CLUSTER RESET HARD）。</translation>
    </message>
    <message>
        <source>Introducing %1 to the cluster</source>
        <translation>将 %1 引入集群</translation>
    </message>
    <message>
        <source>Introduce %1 to %2</source>
        <translation>将 %1 介绍给 %2</translation>
    </message>
    <message>
        <source>%1 within %2 s: %3.</source>
        <translation>%1（限时 %2 秒）：%3。</translation>
    </message>
    <message>
        <source>%1 does not answer</source>
        <translation>%1 没有应答</translation>
    </message>
    <message>
        <source>%1 has not met %2 yet</source>
        <translation>%1 尚未与 %2 建立联系</translation>
    </message>
    <message>
        <source>The new node did not join</source>
        <translation>新节点未能加入</translation>
    </message>
    <message>
        <source>Rebalancing slots onto the new master</source>
        <translation>将槽重新平衡到新主节点</translation>
    </message>
    <message>
        <source>The node joined, but the rebalance failed</source>
        <translation>节点已加入，但重新平衡失败</translation>
    </message>
    <message>
        <source>%1 joined as a master with %2 slots.</source>
        <translation>%1 已作为主节点加入，持有 %2 个槽。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names %2 masters; give the id (or a unique prefix) of one master.</source>
        <translation>&apos;%1&apos; 匹配 %2 个主节点；请给出一个主节点的 ID（或唯一前缀）。</translation>
    </message>
    <message>
        <source>Making %1 a replica of %2</source>
        <translation>将 %1 设为 %2 的从节点</translation>
    </message>
    <message>
        <source>Make %1 a replica of %2</source>
        <translation>将 %1 设为 %2 的从节点</translation>
    </message>
    <message>
        <source>%1 does not see the new replica yet</source>
        <translation>%1 尚未看到新的从节点</translation>
    </message>
    <message>
        <source>The replica role did not spread</source>
        <translation>从节点角色未传播到所有节点</translation>
    </message>
    <message>
        <source>%1 joined as a replica of %2.</source>
        <translation>%1 已作为 %2 的从节点加入。</translation>
    </message>
    <message>
        <source>Introduce %1 to %2 again, from its side</source>
        <translation>再次将 %1 介绍给 %2（从它那一侧）</translation>
    </message>
    <message>
        <source>%1 did not answer INFO, so whether it holds keys is unknown; check that the user may run INFO and try again.</source>
        <translation>%1 没有应答 INFO，因此无法知道它是否持有键；请确认该用户可以执行 INFO 后重试。</translation>
    </message>
</context>
<context>
    <name>rcs::AddNodeWorkflow</name>
    <message>
        <source>Add a node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Adding a node</source>
        <translation>正在添加节点</translation>
    </message>
    <message>
        <source>%1 already runs as a blank node (an earlier add-node stopped after scaling?): it joins; the StatefulSet is not scaled.</source>
        <translation>%1 已作为空白节点在运行（之前的 add-node 在扩容后中断了？）：它将加入集群；StatefulSet 不再扩容。</translation>
    </message>
    <message>
        <source>%1 is blank too: run add-node again to join it, or remove-node to drop it.</source>
        <translation>%1 也是空白节点：再次运行 add-node 使其加入，或运行 remove-node 将其移除。</translation>
    </message>
    <message>
        <source>The new pod will be %1 (the StatefulSet grows from %2 to %3 pods).</source>
        <translation>新 Pod 将是 %1（StatefulSet 从 %2 个 Pod 扩容到 %3 个）。</translation>
    </message>
    <message>
        <source>Scaling StatefulSet %1 to %2 pods</source>
        <translation>将 StatefulSet %1 扩缩到 %2 个 Pod</translation>
    </message>
    <message>
        <source>Should %1 not start, undo with: %2 scale statefulset %3 --replicas=%4</source>
        <translation>如果 %1 无法启动，可这样撤销：%2 scale statefulset %3 --replicas=%4</translation>
    </message>
    <message>
        <source>Waiting for the new pod %1</source>
        <translation>等待新 Pod %1</translation>
    </message>
    <message>
        <source>Add pod %1</source>
        <translation>添加 Pod %1</translation>
    </message>
    <message>
        <source>Join %1 to the cluster</source>
        <translation>将 %1 加入集群</translation>
    </message>
    <message>
        <source>Move slots onto %1</source>
        <translation>将槽迁移到 %1</translation>
    </message>
    <message>
        <source>Dry run: %1 would be added as a %2%3; nothing was changed.</source>
        <translation>演练：%1 将作为%2加入%3；未做任何更改。</translation>
    </message>
    <message>
        <source> and the slots rebalanced over %1 masters</source>
        <translation>，并在 %1 个主节点间重新平衡槽</translation>
    </message>
    <message>
        <source> of the master with the fewest replicas on another Kubernetes node</source>
        <translation>（跟随另一 Kubernetes 节点上从节点最少的主节点）</translation>
    </message>
    <message>
        <source>Letting %1 learn its own address</source>
        <translation>让 %1 得知自己的地址</translation>
    </message>
    <message>
        <source>Let %1 learn its own address</source>
        <translation>让 %1 得知自己的地址</translation>
    </message>
    <message>
        <source>%1 still calls itself %2, not %3.</source>
        <translation>%1 仍自称 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>%1 did not finish the handshake with itself within %2 s; check the pod&apos;s log.</source>
        <translation>%1 未在 %2 秒内完成与自身的握手；请查看该 Pod 的日志。</translation>
    </message>
    <message>
        <source>Choosing the master of %1</source>
        <translation>为 %1 选择主节点</translation>
    </message>
    <message>
        <source>Replica placement: %1 runs on Kubernetes node %2 like every master with slots, so it follows %3 on the same node; losing that node loses both.</source>
        <translation>从节点分布：%1 与所有持有槽的主节点一样运行在 Kubernetes 节点 %2 上，因此它跟随同一节点上的 %3；该节点故障将同时失去两者。</translation>
    </message>
    <message>
        <source>%1 (node %2) will follow %3 (node %4).</source>
        <translation>%1（节点 %2）将跟随 %3（节点 %4）。</translation>
    </message>
    <message>
        <source>Joining %1 as a master and rebalancing the slots</source>
        <translation>将 %1 作为主节点加入并重新平衡槽</translation>
    </message>
    <message>
        <source>Joining %1 as a replica of %2</source>
        <translation>将 %1 作为 %2 的从节点加入</translation>
    </message>
    <message>
        <source>Verifying: %1 joined, but a fresh scan does not list it.</source>
        <translation>验证：%1 已加入，但重新扫描时未列出它。</translation>
    </message>
    <message>
        <source>%1 (%2, node %3) joined as a master and holds %4 slots; %5 masters share the 16384 slots.</source>
        <translation>%1（%2，节点 %3）已作为主节点加入，持有 %4 个槽；%5 个主节点共同分担 16384 个槽。</translation>
    </message>
    <message>
        <source>%1 (%2, node %3) joined as a replica of %4 (node %5).</source>
        <translation>%1（%2，节点 %3）已作为 %4（节点 %5）的从节点加入。</translation>
    </message>
    <message>
        <source>Giving %1 a new node id</source>
        <translation>正在为 %1 分配新的节点 ID</translation>
    </message>
    <message>
        <source>Give %1 a new node id (it is blank)</source>
        <translation>为 %1 分配新的节点 ID（它是空白节点）</translation>
    </message>
</context>
<context>
    <name>rcs::BlindOwners</name>
    <message>
        <source>Give slot %1 back to %2, which every other node names as its owner</source>
        <translation>把槽 %1 交还给 %2：其他所有节点都认为它是该槽的所有者</translation>
    </message>
    <message>
        <source>Give %1 a new config epoch so that its claim wins</source>
        <translation>给 %1 一个新的配置纪元，使它的声明生效</translation>
    </message>
    <message>
        <source>%1 did not hold slots %2 in its own view though every other node names it as their owner; they were given back to it.</source>
        <translation>%1 在自己的视图中没有槽 %2，而其他所有节点都认为它是这些槽的所有者；已将这些槽交还给它。</translation>
    </message>
    <message>
        <source>Counting the keys of slot %1 on %2</source>
        <translation>统计 %2 上槽 %1 的键数</translation>
    </message>
    <message>
        <source>slot %1 (every other node names %2 as its owner, but %2 names %3, which holds %4 keys of it)</source>
        <translation>槽 %1（其他所有节点都认为 %2 是它的所有者，但 %2 认为是 %3，而 %3 上还有该槽的 %4 个键）</translation>
    </message>
    <message>
        <source>The nodes disagree about the owner of %1. Move the keys by hand (MIGRATE) before giving the slot to one owner.</source>
        <translation>各节点对 %1 的所有者看法不一致。请先手动迁移这些键（MIGRATE），再把该槽交给一个所有者。</translation>
    </message>
</context>
<context>
    <name>rcs::CheckWorkflow</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>slot %1 is %2 %3 on %4</source>
        <translation>槽 %1 在 %4 上%2 %3</translation>
    </message>
    <message>
        <source>migrating to</source>
        <translation>正迁移到</translation>
    </message>
    <message>
        <source>importing from</source>
        <translation>正导入自</translation>
    </message>
    <message>
        <source>Close the open slots</source>
        <translation>关闭打开的槽</translation>
    </message>
    <message>
        <source>Dry run: %1 open slot(s) would be closed; nothing was changed.</source>
        <translation>演练：将关闭 %1 个打开的槽；未做任何更改。</translation>
    </message>
    <message>
        <source>Closing the open slots</source>
        <translation>正在关闭打开的槽</translation>
    </message>
    <message>
        <source>slot %1 is %2 %3 on the replica %4 only</source>
        <translation>槽 %1 仅在从节点 %4 上处于 %2 %3 状态</translation>
    </message>
    <message>
        <source>Closing open slots needs a formed, running cluster, and this one is %1: %2 Nothing was changed.</source>
        <translation>关闭打开的槽需要一个已创建并在运行的集群，而此集群处于 %1：%2 未做任何更改。</translation>
    </message>
    <message>
        <source>No slot is open: there is nothing to close.</source>
        <translation>没有打开的槽：无需关闭。</translation>
    </message>
    <message>
        <source>slots %1 are missing from %2&apos;s own view, though every other node names it as their owner</source>
        <translation>槽 %1 不在 %2 自己的视图中，而其他所有节点都认为它是这些槽的所有者</translation>
    </message>
    <message numerus="yes">
        <source>Dry run: %n master(s) would be given back the slots they lost in their own view.</source>
        <translation>
            <numerusform>演练：将把 %n 个主节点在自己视图中丢失的槽交还给它们。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rcs::CleanupWorkflow</name>
    <message>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Finding what deploy created</source>
        <translation>查找部署所创建的对象</translation>
    </message>
    <message>
        <source>Looking for %1</source>
        <translation>查找 %1</translation>
    </message>
    <message>
        <source>namespace/%1 (with everything left in it)</source>
        <translation>namespace/%1（连同其中剩余的一切）</translation>
    </message>
    <message>
        <source>Nothing to clean up in namespace %1.</source>
        <translation>命名空间 %1 中没有需要清理的内容。</translation>
    </message>
    <message>
        <source>would delete %1</source>
        <translation>将删除 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete the volumes</source>
        <translation>删除卷</translation>
    </message>
    <message>
        <source>Delete the namespace</source>
        <translation>删除命名空间</translation>
    </message>
    <message>
        <source>Dry run: would delete %1; nothing was changed.</source>
        <translation>演练：将删除 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>Listing the volumes</source>
        <translation>列出卷</translation>
    </message>
    <message>
        <source>pvc/%1 (its data is lost)</source>
        <translation>pvc/%1（其数据将丢失）</translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation>正在删除 %1</translation>
    </message>
    <message>
        <source>Waiting for the pods to terminate</source>
        <translation>等待 Pod 终止</translation>
    </message>
    <message>
        <source>Deleting the volumes</source>
        <translation>正在删除卷</translation>
    </message>
    <message>
        <source>Deleting namespace %1</source>
        <translation>正在删除命名空间 %1</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Cleanup would delete %1</source>
        <translation>清理将删除 %1</translation>
    </message>
    <message>
        <source>The volumes (PVCs) were kept: a new deploy reuses their data; a cleanup that also deletes the volumes removes them.</source>
        <translation>卷（PVC）已保留：新的部署会复用其中的数据；同时删除卷的清理会移除它们。</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterCheck</name>
    <message>
        <source>All %1 nodes that answered run %2.</source>
        <translation>应答的全部 %1 个节点都运行 %2。</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <source>The nodes run different servers: %1. Finish the upgrade (or roll it back) so that every node runs the same server.</source>
        <translation>各节点运行的服务器不同：%1。请完成升级（或回滚），使所有节点运行同一种服务器。</translation>
    </message>
    <message>
        <source>%1 cannot be reached%2; its peers flag it &apos;%3&apos;.</source>
        <translation>无法访问 %1%2；其对等节点将其标记为 &apos;%3&apos;。</translation>
    </message>
    <message>
        <source>All nodes agree about the slots configuration.</source>
        <translation>所有节点对槽配置的看法一致。</translation>
    </message>
    <message>
        <source>Slot %1 is open on %2: %3 %4 %5; finish or undo the migration.</source>
        <translation>槽 %1 在 %2 上处于打开状态：%3 %4 %5；请完成或撤销迁移。</translation>
    </message>
    <message>
        <source>All 16384 slots are covered.</source>
        <translation>16384 个槽全部已覆盖。</translation>
    </message>
    <message>
        <source>Not all 16384 slots are covered: %1 slots (%2) have no master.</source>
        <translation>并非全部 16384 个槽都已覆盖：%1 个槽（%2）没有主节点。</translation>
    </message>
    <message>
        <source>Slots %1 are claimed by more than one master.</source>
        <translation>槽 %1 被多个主节点同时声明。</translation>
    </message>
    <message>
        <source>%1 reports cluster_state:%2.</source>
        <translation>%1 报告 cluster_state:%2。</translation>
    </message>
    <message>
        <source>%1 answers, but %2 of its peers flag it as failing.</source>
        <translation>%1 有应答，但有 %2 个对等节点将其标记为故障。</translation>
    </message>
    <message>
        <source>%1 has no cluster-bus link from %2 of its peers.</source>
        <translation>%1 有 %2 个对等节点未与其建立集群总线连接。</translation>
    </message>
    <message>
        <source>%1 is listed at an old address by %2 of its peers; they need a CLUSTER MEET.</source>
        <translation>%1 有 %2 个对等节点仍记录其旧地址；它们需要一次 CLUSTER MEET。</translation>
    </message>
    <message>
        <source>%1 still believes it has its old address; it learns the new one from an incoming CLUSTER MEET.</source>
        <translation>%1 仍认为自己使用旧地址；收到传入的 CLUSTER MEET 后它才会得知新地址。</translation>
    </message>
    <message>
        <source>%1 has no replica: losing it loses slots %2.</source>
        <translation>%1 没有从节点：失去它将丢失槽 %2。</translation>
    </message>
    <message>
        <source>%1 runs on the same host (%2) as its master %3.</source>
        <translation>%1 与其主节点 %3 运行在同一主机（%2）上。</translation>
    </message>
    <message>
        <source>A handshake with %1 has not completed.</source>
        <translation>与 %1 的握手尚未完成。</translation>
    </message>
    <message>
        <source>%1 on %2%3</source>
        <translation>%2%3 运行 %1</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>正在迁出</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>migrating to</source>
        <translation>正迁移到</translation>
    </message>
    <message>
        <source>importing from</source>
        <translation>正导入自</translation>
    </message>
    <message>
        <source>Slot %1 is %2 %3 on the replica %4, but not on its master (a CLUSTER SETSLOT that ran out of time waiting for the replicas); closing the open slots clears it.</source>
        <translation>槽 %1 在从节点 %4 上处于 %2 %3 状态，但其主节点上不是（一次 CLUSTER SETSLOT 在等待从节点时超时）；关闭打开的槽会清除它。</translation>
    </message>
    <message>
        <source>The certificate %1 serves expired on %2: clients that verify it are refused. Renew it (rotate-certificates).</source>
        <translation>%1 提供的证书已于 %2 过期：校验证书的客户端会被拒绝。请续签（rotate-certificates）。</translation>
    </message>
    <message>
        <source>The certificate %1 serves expires on %2, in %3 days: renew it (rotate-certificates) before clients are refused.</source>
        <translation>%1 提供的证书将于 %2 过期（还剩 %3 天）：请在客户端被拒绝之前续签（rotate-certificates）。</translation>
    </message>
    <message>
        <source>The TLS certificates of the %1 nodes that answered are valid until %2 or later (%3 days).</source>
        <translation>已应答的 %1 个节点的 TLS 证书有效期至 %2 或更晚（%3 天）。</translation>
    </message>
    <message>
        <source>%1 does not hold slots %2 in its own view, though every other node names it as their owner; gossip never gives them back. Run check --fix.</source>
        <translation>%1 在自己的视图中没有槽 %2，而其他所有节点都认为它是这些槽的所有者；gossip 不会把它们交还。请运行 check --fix。</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterCommandJob</name>
    <message>
        <source>Console command</source>
        <translation>控制台命令</translation>
    </message>
    <message>
        <source>-&gt; Redirected (ASK) to slot [%1] located at %2</source>
        <translation>-&gt; 已重定向（ASK）到槽 [%1]，位于 %2</translation>
    </message>
    <message>
        <source>-&gt; Redirected to slot [%1] located at %2</source>
        <translation>-&gt; 已重定向到槽 [%1]，位于 %2</translation>
    </message>
    <message>
        <source>Type a command to send.</source>
        <translation>请输入要发送的命令。</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>正在等待 %1</translation>
    </message>
    <message>
        <source>The command was redirected %1 times without reaching the node of its slot: the cluster&apos;s slot map is changing or its nodes disagree; run check and try again.</source>
        <translation>命令被重定向了 %1 次仍未到达其槽所在的节点：集群的槽映射正在变化，或其节点意见不一致；请运行 check 后重试。</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterConvergence</name>
    <message>
        <source>%1 lists %2 at %3</source>
        <translation>%1 将 %2 记录在 %3</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <source>%1 has no connected link to %2</source>
        <translation>%1 与 %2 之间没有已连接的链路</translation>
    </message>
    <message>
        <source>%1 flags %2 as %3</source>
        <translation>%1 将 %2 标记为 %3</translation>
    </message>
    <message>
        <source>%1 does not see %2 as a master yet</source>
        <translation>%1 尚未把 %2 视为主节点</translation>
    </message>
    <message>
        <source>%1 sees %2 with slots &apos;%3&apos; instead of &apos;%4&apos;</source>
        <translation>%1 看到 %2 持有槽 &apos;%3&apos;，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>%1 does not see %2 as a replica of %3 yet</source>
        <translation>%1 尚未把 %2 视为 %3 的从节点</translation>
    </message>
    <message>
        <source>%1 was not asked</source>
        <translation>未询问 %1</translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation>%1 没有应答（%2）</translation>
    </message>
    <message>
        <source>%1 reports cluster_state:%2</source>
        <translation>%1 报告 cluster_state:%2</translation>
    </message>
    <message>
        <source>%1 answers with the node id %2, not %3</source>
        <translation>%1 应答的节点 ID 是 %2，而不是 %3</translation>
    </message>
    <message>
        <source>%1 is still in a handshake with %2</source>
        <translation>%1 仍在与 %2 握手</translation>
    </message>
    <message>
        <source>%1 knows a node that is not part of the cluster: %2 at %3</source>
        <translation>%1 认识一个不属于本集群的节点：%2，地址 %3</translation>
    </message>
    <message>
        <source>%1 does not know %2 (%3) yet</source>
        <translation>%1 尚不认识 %2（%3）</translation>
    </message>
    <message>
        <source>%1 does not yet place replica %2 in the shard of its master %3</source>
        <translation>%1 尚未将副本 %2 归入其主节点 %3 的分片</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterInfoParser</name>
    <message>
        <source>Line %1 of the CLUSTER INFO reply is not a &apos;key:value&apos; pair; the node may not be a Redis server.</source>
        <translation>CLUSTER INFO 应答的第 %1 行不是 &apos;key:value&apos; 形式；该节点可能不是 Redis 服务器。</translation>
    </message>
    <message>
        <source>The CLUSTER INFO reply has no cluster_state line; the node may not run in cluster mode.</source>
        <translation>CLUSTER INFO 应答中没有 cluster_state 行；该节点可能未以集群模式运行。</translation>
    </message>
    <message>
        <source>The CLUSTER INFO field %1 is not a number: &apos;%2&apos;.</source>
        <translation>CLUSTER INFO 字段 %1 不是数字：&apos;%2&apos;。</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterNodesParser</name>
    <message>
        <source>the address item &apos;%1&apos; is not a key=value field</source>
        <translation>地址项 &apos;%1&apos; 不是 key=value 字段</translation>
    </message>
    <message>
        <source>an aux field has no name</source>
        <translation>某个附加字段没有名称</translation>
    </message>
    <message>
        <source>the address &apos;%1&apos; has no port</source>
        <translation>地址 &apos;%1&apos; 没有端口</translation>
    </message>
    <message>
        <source>the address host contains a space</source>
        <translation>地址的主机部分包含空格</translation>
    </message>
    <message>
        <source>the port in &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation>&apos;%1&apos; 中的端口不是 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the cluster bus port in &apos;%1&apos; is not a number from 0 to 65535</source>
        <translation>&apos;%1&apos; 中的集群总线端口不是 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the open-slot entry &apos;%1&apos; has no closing &apos;]&apos;</source>
        <translation>打开槽条目 &apos;%1&apos; 缺少结尾的 &apos;]&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a [slot-&gt;-id] or [slot-&lt;-id] entry</source>
        <translation>&apos;%1&apos; 不是 [slot-&gt;-id] 或 [slot-&lt;-id] 形式的条目</translation>
    </message>
    <message>
        <source>the node id in &apos;%1&apos; is not 40 hex digits</source>
        <translation>&apos;%1&apos; 中的节点 ID 不是 40 位十六进制数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a slot or slot range within 0..16383</source>
        <translation>&apos;%1&apos; 不是 0..16383 范围内的槽或槽范围</translation>
    </message>
    <message>
        <source>the slot range &apos;%1&apos; ends before it starts</source>
        <translation>槽范围 &apos;%1&apos; 的结尾在开头之前</translation>
    </message>
    <message>
        <source>Line %1 of the CLUSTER NODES text is malformed: %2.</source>
        <translation>CLUSTER NODES 文本第 %1 行格式错误：%2。</translation>
    </message>
    <message>
        <source>it has %1 fields where at least 8 are expected</source>
        <translation>它有 %1 个字段，至少应有 8 个</translation>
    </message>
    <message>
        <source>the node id &apos;%1&apos; is not 40 hex digits</source>
        <translation>节点 ID &apos;%1&apos; 不是 40 位十六进制数</translation>
    </message>
    <message>
        <source>the flags &apos;%1&apos; contain an empty name</source>
        <translation>标志 &apos;%1&apos; 中有空名称</translation>
    </message>
    <message>
        <source>the master id &apos;%1&apos; is neither &apos;-&apos; nor 40 hex digits</source>
        <translation>主节点 ID &apos;%1&apos; 既不是 &apos;-&apos; 也不是 40 位十六进制数</translation>
    </message>
    <message>
        <source>the ping/pong times are not non-negative numbers</source>
        <translation>ping/pong 时间不是非负数</translation>
    </message>
    <message>
        <source>the config epoch &apos;%1&apos; is not a number</source>
        <translation>配置纪元 &apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <source>the link state &apos;%1&apos; is neither &apos;connected&apos; nor &apos;disconnected&apos;</source>
        <translation>链路状态 &apos;%1&apos; 既不是 &apos;connected&apos; 也不是 &apos;disconnected&apos;</translation>
    </message>
    <message>
        <source>the node id %1 appears twice</source>
        <translation>节点 ID %1 出现了两次</translation>
    </message>
    <message>
        <source>a second line is flagged &apos;myself&apos;</source>
        <translation>有第二行被标记为 &apos;myself&apos;</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterScanJob</name>
    <message>
        <source>Reading the cluster</source>
        <translation>读取集群</translation>
    </message>
    <message>
        <source>asking %1 for the cluster layout</source>
        <translation>向 %1 查询集群布局</translation>
    </message>
    <message>
        <source>None of the %1 given nodes answered; the first said: %2</source>
        <translation>给出的 %1 个节点都没有应答；第一个节点的回复是：%2</translation>
    </message>
    <message>
        <source>No node address was given.</source>
        <translation>未给出节点地址。</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterSituation</name>
    <message>
        <source>The cluster is healthy; nothing to do.</source>
        <translation>集群健康；无需任何操作。</translation>
    </message>
    <message>
        <source>Nothing is deployed in namespace %1.</source>
        <translation>命名空间 %1 中尚未部署任何内容。</translation>
    </message>
    <message>
        <source>%1 of %2 pods are Ready: wait for them, or see what keeps a pod from starting (&apos;kubectl -n %3 describe pod NAME&apos;).</source>
        <translation>%2 个 Pod 中有 %1 个已就绪：请等待，或查看是什么阻止了 Pod 启动（&apos;kubectl -n %3 describe pod NAME&apos;）。</translation>
    </message>
    <message>
        <source>No pod answered on port 6379 from here: try the tunnel access, or check that redis-server runs in the pods.</source>
        <translation>从这里访问 6379 端口时没有任何 Pod 应答：请尝试隧道访问方式，或检查 Pod 中是否运行着 redis-server。</translation>
    </message>
    <message>
        <source>No node was asked yet.</source>
        <translation>尚未询问任何节点。</translation>
    </message>
    <message>
        <source>No node answered from here: check the addresses, and that redis-server runs there.</source>
        <translation>从这里没有任何节点应答：请检查地址，以及那里是否运行着 redis-server。</translation>
    </message>
    <message>
        <source>The nodes run but form no cluster yet.</source>
        <translation>节点已在运行，但尚未组成集群。</translation>
    </message>
    <message>
        <source>%1 slot(s) were left migrating or importing by an interrupted reshard.</source>
        <translation>有 %1 个槽因重新分片中断而停留在迁移或导入状态。</translation>
    </message>
    <message>
        <source>Every node came back with a new IP and they lost each other (no node hears any other, cluster_state:fail); the data on the volumes is kept.</source>
        <translation>所有节点都以新 IP 重新启动，彼此失去联系（没有任何节点能联系到其他节点，cluster_state:fail）；卷上的数据会保留。</translation>
    </message>
    <message>
        <source>Some nodes still list peers at old addresses; gossip usually corrects that within seconds.</source>
        <translation>一些节点仍以旧地址记录对等节点；gossip 通常会在几秒内纠正。</translation>
    </message>
    <message>
        <source>The cluster has problems (see the findings); a failover may still be settling.</source>
        <translation>集群存在问题（见检查结果）；故障转移可能仍在进行中。</translation>
    </message>
</context>
<context>
    <name>rcs::ClusterTopology</name>
    <message>
        <source>no slots</source>
        <translation>无槽</translation>
    </message>
    <message>
        <source>slots %1</source>
        <translation>槽 %1</translation>
    </message>
    <message>
        <source>node %1 has %2 there but %3 at %4</source>
        <translation>节点 %1 在该处记录为 %2，但在 %4 上记录为 %3</translation>
    </message>
    <message>
        <source>%1 disagrees about slot owners: %2%3.</source>
        <translation>%1 对槽的归属看法不一致：%2%3。</translation>
    </message>
    <message>
        <source> (and %1 more nodes)</source>
        <translation>（另有 %1 个节点）</translation>
    </message>
</context>
<context>
    <name>rcs::Confirmation</name>
    <message>
        <source>%1. Nothing was changed.</source>
        <translation>%1。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>rcs::ConsoleCommand</name>
    <message>
        <source> (in cluster mode: the master that answers, and its replicas follow it)</source>
        <translation>（集群模式下：应答的主节点，其从节点随之同步）</translation>
    </message>
    <message>
        <source>FLUSHALL deletes every key of the node it runs on%1.</source>
        <translation>FLUSHALL 删除其所在节点的所有键%1。</translation>
    </message>
    <message>
        <source>FLUSHDB deletes every key of the node&apos;s database%1.</source>
        <translation>FLUSHDB 删除该节点数据库中的所有键%1。</translation>
    </message>
    <message>
        <source>CLUSTER RESET makes the node forget every peer and its slots (HARD also gives it a new id): it leaves the cluster, and a master&apos;s keys must be gone for it to run.</source>
        <translation>CLUSTER RESET 让节点忘记所有对等节点及其槽（HARD 还会给它一个新 ID）：它将离开集群，且主节点必须没有键才能执行。</translation>
    </message>
    <message>
        <source>SHUTDOWN stops the node&apos;s server (on Kubernetes the pod restarts it); its clients are cut off and a master without a replica leaves its slots unserved.</source>
        <translation>SHUTDOWN 停止该节点的服务器（在 Kubernetes 上 Pod 会重启它）；其客户端被断开，没有从节点的主节点会让其槽无人服务。</translation>
    </message>
    <message>
        <source>DEBUG can crash, freeze or reload the node (SEGFAULT, SLEEP, RELOAD …): it is meant for developers, not for a cluster in use.</source>
        <translation>DEBUG 可能使节点崩溃、冻结或重新加载（SEGFAULT、SLEEP、RELOAD …）：它是给开发者用的，不适用于正在使用的集群。</translation>
    </message>
    <message>
        <source>KEYS blocks the server while it walks every key of the node; on a large node clients time out (SCAN walks them in steps instead).</source>
        <translation>KEYS 在遍历节点所有键期间会阻塞服务器；在大节点上客户端会超时（SCAN 则分步遍历）。</translation>
    </message>
</context>
<context>
    <name>rcs::CreateClusterJob</name>
    <message>
        <source> (and %1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
    <message>
        <source>Creating the cluster</source>
        <translation>正在创建集群</translation>
    </message>
    <message>
        <source>%1 is not an IP address; CLUSTER MEET needs the IP the nodes reach each other at, so give the nodes as IP:PORT.</source>
        <translation>%1 不是 IP 地址；CLUSTER MEET 需要节点之间互相访问所用的 IP，请以 IP:端口 形式给出节点。</translation>
    </message>
    <message>
        <source>checking that the %1 nodes are blank</source>
        <translation>检查这 %1 个节点是否为空白节点</translation>
    </message>
    <message>
        <source>%1 is not running in cluster mode; start it with &apos;cluster-enabled yes&apos;.</source>
        <translation>%1 未以集群模式运行；请用 &apos;cluster-enabled yes&apos; 启动它。</translation>
    </message>
    <message>
        <source>%1 does not list itself in CLUSTER NODES.</source>
        <translation>%1 的 CLUSTER NODES 中没有列出自身。</translation>
    </message>
    <message>
        <source> Creating a cluster needs blank nodes: use another node, or reset this one (FLUSHALL, CLUSTER RESET) if its data is disposable.</source>
        <translation>创建集群需要空白节点：请换一个节点，或在数据可以丢弃时重置此节点（FLUSHALL、CLUSTER RESET）。</translation>
    </message>
    <message>
        <source>%1 is not empty: it holds %2 keys.</source>
        <translation>%1 不为空：它持有 %2 个键。</translation>
    </message>
    <message>
        <source>%1 is not empty: it already knows %2 other nodes (it is part of a cluster).</source>
        <translation>%1 不为空：它已经认识 %2 个其他节点（已属于某个集群）。</translation>
    </message>
    <message>
        <source>%1 is not empty: it already has %2 hash slots assigned.</source>
        <translation>%1 不为空：它已分配了 %2 个哈希槽。</translation>
    </message>
    <message>
        <source>%1 and %2 are the same node (id %3); list every node once.</source>
        <translation>%1 和 %2 是同一个节点（ID %3）；每个节点只列出一次。</translation>
    </message>
    <message>
        <source>assigning slots and config epochs</source>
        <translation>分配槽和配置纪元</translation>
    </message>
    <message>
        <source>Shortening cluster-node-timeout on %1 from %2 to %3 ms while the cluster forms (a new master waits that long before it reports ok)</source>
        <translation>集群组建期间，将 %1 的 cluster-node-timeout 从 %2 缩短为 %3 毫秒（新主节点要等待这么久才会报告 ok）</translation>
    </message>
    <message>
        <source>Assigning slots %1-%2 to %3</source>
        <translation>将槽 %1-%2 分配给 %3</translation>
    </message>
    <message>
        <source>Giving %1 the config epoch %2</source>
        <translation>为 %1 设置配置纪元 %2</translation>
    </message>
    <message>
        <source>Assigning slots and config epochs</source>
        <translation>正在分配槽和配置纪元</translation>
    </message>
    <message>
        <source>introducing the nodes to each other (CLUSTER MEET)</source>
        <translation>让节点互相认识（CLUSTER MEET）</translation>
    </message>
    <message>
        <source>Introducing the nodes</source>
        <translation>正在让节点互相认识</translation>
    </message>
    <message>
        <source>waiting until every node agrees on the new cluster</source>
        <translation>等待所有节点对新集群达成一致</translation>
    </message>
    <message>
        <source>Introducing %1 to %2</source>
        <translation>将 %1 介绍给 %2</translation>
    </message>
    <message>
        <source>The cluster of %1 nodes is formed and verified (%2 s).</source>
        <translation>由 %1 个节点组成的集群已建立并通过验证（%2 秒）。</translation>
    </message>
    <message>
        <source>The new cluster did not settle within %1 s: %2.</source>
        <translation>新集群未在 %1 秒内稳定：%2。</translation>
    </message>
    <message>
        <source>Making %1 a replica of %2</source>
        <translation>将 %1 设为 %2 的从节点</translation>
    </message>
    <message>
        <source>Attaching the replicas</source>
        <translation>正在挂接从节点</translation>
    </message>
    <message>
        <source> The nodes may be half-joined now; reset them (CLUSTER RESET) before trying again.</source>
        <translation> 这些节点现在可能只加入了一半；重试前请先重置它们（CLUSTER RESET）。</translation>
    </message>
    <message>
        <source>Keeping %1 from failing over while the cluster forms</source>
        <translation>在集群组建期间禁止 %1 故障转移</translation>
    </message>
    <message>
        <source>Restoring %1 on %2 to %3</source>
        <translation>将 %2 上的 %1 恢复为 %3</translation>
    </message>
</context>
<context>
    <name>rcs::CreatePlanner</name>
    <message>
        <source>The number of replicas per master must be 0 or more, not %1.</source>
        <translation>每个主节点的从节点数必须大于等于 0，而不是 %1。</translation>
    </message>
    <message>
        <source>The node address &apos;%1&apos; is not valid; give every node as HOST:PORT.</source>
        <translation>节点地址 &apos;%1&apos; 无效；请以 主机:端口 形式给出每个节点。</translation>
    </message>
    <message>
        <source>The node %1 is listed twice; give every node once.</source>
        <translation>节点 %1 被列出了两次；每个节点只列出一次。</translation>
    </message>
    <message>
        <source>Cannot create a cluster from %1 nodes with %2 replicas per master: that gives %3 masters and a cluster needs at least 3. At least 3*(replicas+1) nodes are required, %4 here.</source>
        <translation>无法用 %1 个节点、每个主节点 %2 个从节点创建集群：这样只有 %3 个主节点，而集群至少需要 3 个。至少需要 3*(从节点数+1) 个节点，这里是 %4 个。</translation>
    </message>
    <message>
        <source>Replica %1 and its master %2 are both on host group &apos;%3&apos;: if that host fails, slots %4-%5 become unavailable. Add nodes on other hosts to separate them.</source>
        <translation>从节点 %1 与其主节点 %2 位于同一主机组 &apos;%3&apos;：该主机故障时，槽 %4-%5 将不可用。请在其他主机上添加节点以将它们分开。</translation>
    </message>
    <message>
        <source>Host group &apos;%1&apos; holds %2 of the %3 masters: if it fails, the cluster loses its majority and stops serving.</source>
        <translation>主机组 &apos;%1&apos; 持有 %3 个主节点中的 %2 个：它故障时集群将失去多数，停止服务。</translation>
    </message>
</context>
<context>
    <name>rcs::CreateWorkflow</name>
    <message>
        <source>Create the cluster</source>
        <translation>创建集群</translation>
    </message>
    <message>
        <source>Planning masters and replicas</source>
        <translation>规划主节点和从节点</translation>
    </message>
    <message>
        <source>master %1 (%2, node %3): slots %4</source>
        <translation>主节点 %1（%2，节点 %3）：槽 %4</translation>
    </message>
    <message>
        <source>replica %1 (%2, node %3) of %4 (node %5)</source>
        <translation>从节点 %1（%2，节点 %3），主节点为 %4（节点 %5）</translation>
    </message>
    <message>
        <source>Replica placement: </source>
        <translation>从节点分布：</translation>
    </message>
    <message>
        <source>Dry run: %1 masters and %2 replicas would be formed; nothing was changed.</source>
        <translation>演练：将组成 %1 个主节点和 %2 个从节点；未做任何更改。</translation>
    </message>
    <message>
        <source>Forming the cluster</source>
        <translation>正在组建集群</translation>
    </message>
    <message>
        <source>Cluster created: %1 masters, %2 replicas over %3 pods; every node reports cluster_state:ok.%4</source>
        <translation>集群已创建：%3 个 Pod 上有 %1 个主节点、%2 个从节点；所有节点均报告 cluster_state:ok。%4</translation>
    </message>
    <message>
        <source> Warning: </source>
        <translation> 警告：</translation>
    </message>
    <message>
        <source>no pods to form a cluster of.</source>
        <translation>没有可以组成集群的 Pod。</translation>
    </message>
    <message>
        <source>Some pods already belong to a cluster but %1 does not: this is not a fresh deployment. Add the pod to the cluster (add node), or clean up with its volumes and deploy again.</source>
        <translation>一些 Pod 已属于某个集群，但 %1 不属于：这不是全新的部署。请把该 Pod 加入集群（添加节点），或连同卷一起清理后重新部署。</translation>
    </message>
    <message>
        <source>The cluster is already created (%1 masters over %2 pods); nothing was changed.</source>
        <translation>集群已创建（%2 个 Pod 上有 %1 个主节点）；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>rcs::DeployWorkflow</name>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Rendering the manifests</source>
        <translation>渲染清单</translation>
    </message>
    <message>
        <source>Apply %1 %2</source>
        <translation>应用 %1 %2</translation>
    </message>
    <message>
        <source>Applying %1 %2</source>
        <translation>正在应用 %1 %2</translation>
    </message>
    <message>
        <source>Dry run: %1 objects would be applied to namespace %2; nothing was changed.</source>
        <translation>演练：将在命名空间 %2 中应用 %1 个对象；未做任何更改。</translation>
    </message>
    <message>
        <source>Waiting for the pods to become Ready</source>
        <translation>等待 Pod 就绪</translation>
    </message>
    <message>
        <source>Deployed: %1 pods Ready (%2).</source>
        <translation>已部署：%1 个 Pod 已就绪（%2）。</translation>
    </message>
    <message>
        <source>Cannot read the TLS %1 file %2: %3.</source>
        <translation>无法读取 TLS %1 文件 %2：%3。</translation>
    </message>
    <message>
        <source>Give all three of the CA, certificate and key files for TLS, or none to have the studio make them.</source>
        <translation>请为 TLS 同时给出 CA 证书、证书和私钥三个文件，或者一个都不给，由工作室生成。</translation>
    </message>
    <message>
        <source>CA</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>CA 文件 %1 中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>The certificate %1 is not signed by the CA %2, or is expired: the pods could not verify each other. Give the CA that issued it.</source>
        <translation>证书 %1 不是由 CA 证书 %2 签发的，或已过期：各 Pod 将无法互相验证。请给出签发它的 CA 证书。</translation>
    </message>
    <message>
        <source>The key %1 is not the private key of the certificate %2.</source>
        <translation>私钥 %1 不是证书 %2 的私钥。</translation>
    </message>
    <message>
        <source>certificates from the existing Secret %1 (keys ca.crt, tls.crt, tls.key)</source>
        <translation>使用现有 Secret %1 中的证书（键 ca.crt、tls.crt、tls.key）</translation>
    </message>
    <message>
        <source>the certificate %1 signed by %2</source>
        <translation>由 %2 签发的证书 %1</translation>
    </message>
    <message>
        <source>a new CA and a server certificate for %1, valid one year</source>
        <translation>新的 CA 证书和适用于 %1 的服务器证书，有效期一年</translation>
    </message>
    <message>
        <source>TLS (%1; %2)</source>
        <translation>TLS（%1；%2）</translation>
    </message>
    <message>
        <source>Apply %1 %2 with %3</source>
        <translation>应用 %1 %2，带 %3</translation>
    </message>
    <message>
        <source>Looking for the certificates of an earlier deploy</source>
        <translation>正在查找先前部署的证书</translation>
    </message>
    <message>
        <source>%1; the certificates of the earlier deploy are kept.</source>
        <translation>%1；保留先前部署的证书。</translation>
    </message>
</context>
<context>
    <name>rcs::FailoverJob</name>
    <message>
        <source>Fail over to a replica</source>
        <translation>故障转移到从节点</translation>
    </message>
    <message>
        <source>Reading the cluster</source>
        <translation>读取集群</translation>
    </message>
    <message>
        <source>No node of the cluster has the id &apos;%1&apos;; see status for the ids.</source>
        <translation>集群中没有 ID 为 &apos;%1&apos; 的节点；节点 ID 见 status。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches %2 nodes; give more of the id.</source>
        <translation>&apos;%1&apos; 匹配 %2 个节点；请给出更长的 ID。</translation>
    </message>
    <message>
        <source>%1 (%2) is not a replica, so it cannot take over; give the id of a replica.</source>
        <translation>%1（%2）不是从节点，无法接管；请给出一个从节点的 ID。</translation>
    </message>
    <message>
        <source>The replica %1 does not answer, so it cannot take over.</source>
        <translation>从节点 %1 没有应答，无法接管。</translation>
    </message>
    <message>
        <source>Asking %1 to take over</source>
        <translation>请求 %1 接管</translation>
    </message>
    <message>
        <source>Promote the replica %1 to master</source>
        <translation>将从节点 %1 提升为主节点</translation>
    </message>
    <message>
        <source>%1 does not see the new master yet</source>
        <translation>%1 尚未看到新的主节点</translation>
    </message>
    <message>
        <source>%1 does not see the old master as a replica yet</source>
        <translation>%1 尚未把旧主节点视为从节点</translation>
    </message>
    <message>
        <source>%1 is now a master.</source>
        <translation>%1 现在是主节点。</translation>
    </message>
    <message>
        <source>Reading the replication offset of %1</source>
        <translation>读取 %1 的复制偏移量</translation>
    </message>
    <message>
        <source>Replicate an empty transaction from %1 so that its replication offset is not 0 (no key is written)</source>
        <translation>从 %1 复制一个空事务，使其复制偏移量不为 0（不写入任何键）</translation>
    </message>
    <message>
        <source>Moving the replication offset of %1 before the failover</source>
        <translation>故障转移前推进 %1 的复制偏移量</translation>
    </message>
    <message>
        <source>%1 had replicated nothing since its replica attached (offset 0, which this server reads as no offset at all); an empty transaction moved its offset to %2.</source>
        <translation>自从节点挂接以来 %1 没有复制过任何内容（偏移量为 0，该服务器会将其视为没有偏移量）；一个空事务已将其偏移量推进到 %2。</translation>
    </message>
    <message>
        <source>unknown (it does not answer)</source>
        <translation>未知（它没有应答）</translation>
    </message>
    <message>
        <source>unknown (it is unreachable)</source>
        <translation>未知（它不可达）</translation>
    </message>
    <message>
        <source>Lower the node timeout of %1 for a moment so every node hears at once that it is now a replica</source>
        <translation>暂时降低 %1 的节点超时，让每个节点立即得知它现在是从节点</translation>
    </message>
    <message>
        <source>The roles did not swap within %1 s: %2.</source>
        <translation>角色未在 %1 秒内互换：%2。</translation>
    </message>
    <message>
        <source>The failover did not happen: after %1 s %2 (%3) is still a replica of %4. Its master&apos;s replication offset is %5 and the replica has processed %6. A replica takes over only once it has processed everything its paused master sent and a majority of the masters voted for it, and gives up after %7 s (its log then says &quot;Manual failover timed out&quot;). Check that every master is reachable and try again.</source>
        <translation>故障转移没有发生：%1 秒后 %2（%3）仍是 %4 的从节点。其主节点的复制偏移量为 %5，从节点已处理到 %6。从节点只有在处理完已暂停的主节点发送的全部内容、并获得多数主节点投票后才会接管，%7 秒后放弃（此时其日志显示 &quot;Manual failover timed out&quot;）。请检查每个主节点都可访问后重试。</translation>
    </message>
    <message>
        <source>Make %1, still a replica of the old master, a replica of the new one</source>
        <translation>让仍是旧主节点从节点的 %1 改为新主节点的从节点</translation>
    </message>
    <message>
        <source>%1 still replicates the old master</source>
        <translation>%1 仍在复制旧主节点</translation>
    </message>
</context>
<context>
    <name>rcs::FailoverWorkflow</name>
    <message>
        <source>Fail over</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <source>A failover</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <source>There is no cluster to fail over in: it is %1. %2</source>
        <translation>没有可进行故障转移的集群：它处于 %1。%2</translation>
    </message>
    <message>
        <source>runs no node of the cluster (is the name right?)</source>
        <translation>没有运行集群中的任何节点（名称是否正确？）</translation>
    </message>
    <message>
        <source>runs a master</source>
        <translation>运行的是主节点</translation>
    </message>
    <message>
        <source>Pod &apos;%1&apos; %2; name a replica pod: %3.</source>
        <translation>Pod &apos;%1&apos; %2；请指定一个从节点 Pod：%3。</translation>
    </message>
    <message>
        <source>%1 (%2) takes over from its master %3.</source>
        <translation>%1（%2）接管其主节点 %3。</translation>
    </message>
    <message>
        <source>Promote %1</source>
        <translation>提升 %1</translation>
    </message>
    <message>
        <source>Dry run: %1 would become the master and %2 its replica; nothing was changed.</source>
        <translation>演练：%1 将成为主节点，%2 成为其从节点；未做任何更改。</translation>
    </message>
    <message>
        <source>Promoting %1</source>
        <translation>正在提升 %1</translation>
    </message>
    <message>
        <source>%1 is now the master; %2 follows it, and every node sees the swapped roles.</source>
        <translation>%1 现在是主节点；%2 跟随它，所有节点都看到了互换后的角色。</translation>
    </message>
</context>
<context>
    <name>rcs::FixOpenSlotsJob</name>
    <message>
        <source>Close open slots</source>
        <translation>关闭打开的槽</translation>
    </message>
    <message>
        <source>Reading the cluster</source>
        <translation>读取集群</translation>
    </message>
    <message>
        <source>The master %1 (%2) is unreachable, so its side of the open slots is unknown; bring it back (or recover the cluster) before fixing slots.</source>
        <translation>主节点 %1（%2）不可达，打开的槽在它那一侧的状态未知；修复槽之前请先让它恢复（或恢复集群）。</translation>
    </message>
    <message>
        <source>No slot is open; nothing to fix.</source>
        <translation>没有打开的槽；无需修复。</translation>
    </message>
    <message>
        <source>slot %1 migrates to %2, which is not a reachable master</source>
        <translation>槽 %1 正迁移到 %2，但它不是可访问的主节点</translation>
    </message>
    <message>
        <source>Slot %1: finish the move from %2 to %3.</source>
        <translation>槽 %1：完成从 %2 到 %3 的迁移。</translation>
    </message>
    <message>
        <source>slot %1 has %2 migrating and %3 importing nodes</source>
        <translation>槽 %1 有 %2 个迁出节点和 %3 个导入节点</translation>
    </message>
    <message>
        <source>Some open slots cannot be fixed automatically: %1. Inspect them with CLUSTER NODES on the nodes named.</source>
        <translation>部分打开的槽无法自动修复：%1。请在列出的节点上用 CLUSTER NODES 检查它们。</translation>
    </message>
    <message>
        <source>Slot %1: nothing moved yet; close the import on %2.</source>
        <translation>槽 %1：尚未迁移任何键；关闭 %2 上的导入。</translation>
    </message>
    <message>
        <source>Slot %1: keys already on %2; finish the move there.</source>
        <translation>槽 %1：键已在 %2 上；在那里完成迁移。</translation>
    </message>
    <message>
        <source>Closing open slots</source>
        <translation>正在关闭打开的槽</translation>
    </message>
    <message>
        <source>Close the unused import of slot %1</source>
        <translation>关闭槽 %1 未使用的导入</translation>
    </message>
    <message>
        <source>Waiting until every receiving master reports cluster_state:ok</source>
        <translation>等待所有接收槽的主节点报告 cluster_state:ok</translation>
    </message>
    <message>
        <source>%1 did not report cluster_state:ok within %2 s, so its open slots were not finished; run check to see why the cluster is down.</source>
        <translation>%1 未在 %2 秒内报告 cluster_state:ok，因此其打开的槽没有完成；请运行检查查看集群为何宕机。</translation>
    </message>
    <message>
        <source>Closed every open slot.</source>
        <translation>已关闭所有打开的槽。</translation>
    </message>
    <message>
        <source>Waiting until no node reports an open slot and every node agrees on the owners</source>
        <translation>等待没有任何节点报告打开的槽，且所有节点对槽的归属看法一致</translation>
    </message>
    <message>
        <source>%1 still reports an open slot</source>
        <translation>%1 仍报告有打开的槽</translation>
    </message>
    <message>
        <source>After the fix, %1 (waited %2 s).</source>
        <translation>修复后，%1（已等待 %2 秒）。</translation>
    </message>
    <message>
        <source>Slot %1: the replica %2 still shows it %3 %4; a STABLE on its master %5 clears it.</source>
        <translation>槽 %1：从节点 %2 仍显示它 %3 %4；在其主节点 %5 上执行 STABLE 即可清除。</translation>
    </message>
    <message>
        <source>migrating to</source>
        <translation>正迁移到</translation>
    </message>
    <message>
        <source>importing from</source>
        <translation>正导入自</translation>
    </message>
    <message>
        <source>Clear the replicas&apos; left-over state of slot %1</source>
        <translation>清除从节点上槽 %1 的残留状态</translation>
    </message>
    <message>
        <source>%1 after the fix; fixing again (round %2).</source>
        <translation>修复后仍有 %1；再次修复（第 %2 轮）。</translation>
    </message>
    <message>
        <source>the replica %1 still shows slot %2 open</source>
        <translation>从节点 %1 仍显示槽 %2 处于打开的槽状态</translation>
    </message>
    <message>
        <source>Giving masters back the slots they lost in their own view</source>
        <translation>把主节点在自己视图中丢失的槽交还给它们</translation>
    </message>
</context>
<context>
    <name>rcs::Job</name>
    <message>
        <source>the operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Timed out after %1 s while %2.</source>
        <translation>执行“%2”时超时（%1 秒）。</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
    <message>
        <source>The operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Unknown failure.</source>
        <translation>未知故障。</translation>
    </message>
</context>
<context>
    <name>rcs::KubeClient</name>
    <message>
        <source>%1: user &quot;%2&quot; impersonates several groups (as-groups); this application can send only one Impersonate-Group header.</source>
        <translation>%1：用户 &quot;%2&quot; 模拟了多个组（as-groups）；本程序只能发送一个 Impersonate-Group 请求头。</translation>
    </message>
    <message>
        <source>An object without apiVersion or kind cannot be sent to Kubernetes.</source>
        <translation>没有 apiVersion 或 kind 的对象无法发送给 Kubernetes。</translation>
    </message>
    <message>
        <source>Finding the resource for %1 %2 by discovery: </source>
        <translation>通过发现机制查找 %1 %2 的资源：</translation>
    </message>
    <message>
        <source>The cluster does not serve kind %1 in %2 (discovery at %3 does not list it).</source>
        <translation>集群不提供 %2 中的类别 %1（%3 处的发现结果中没有它）。</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <source>Create %1 %2</source>
        <translation>创建 %1 %2</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Scale %1 to %2 replicas</source>
        <translation>将 %1 扩缩到 %2 个副本</translation>
    </message>
</context>
<context>
    <name>rcs::KubeConfig</name>
    <message>
        <source>%1: %2 of %3 is not valid base64; it must hold base64-encoded PEM.</source>
        <translation>%1：%3 的 %2 不是有效的 base64；它必须是 base64 编码的 PEM。</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot;</source>
        <translation>集群 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;</source>
        <translation>用户 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: the exec section of %2 has no command.</source>
        <translation>%1：%2 的 exec 部分没有 command。</translation>
    </message>
    <message>
        <source>%1: the exec plugin of %2 uses apiVersion &quot;%3&quot;; only client.authentication.k8s.io/v1 and v1beta1 are supported.</source>
        <translation>%1：%2 的 exec 插件使用 apiVersion &quot;%3&quot;；只支持 client.authentication.k8s.io/v1 和 v1beta1。</translation>
    </message>
    <message>
        <source>The kubeconfig file %1 does not exist.</source>
        <translation>kubeconfig 文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read the kubeconfig file %1: %2.</source>
        <translation>无法读取 kubeconfig 文件 %1：%2。</translation>
    </message>
    <message>
        <source>kubeconfig %1</source>
        <translation>kubeconfig %1</translation>
    </message>
    <message>
        <source>The kubeconfig file %1 listed in KUBECONFIG does not exist; skipped.</source>
        <translation>KUBECONFIG 中列出的 kubeconfig 文件 %1 不存在；已跳过。</translation>
    </message>
    <message>
        <source>None of the kubeconfig files in KUBECONFIG exists (%1).</source>
        <translation>KUBECONFIG 中的 kubeconfig 文件都不存在（%1）。</translation>
    </message>
    <message>
        <source>The kubeconfig %1 has no context named &quot;%2&quot; (known: %3).</source>
        <translation>kubeconfig %1 中没有名为 &quot;%2&quot; 的上下文（已知：%3）。</translation>
    </message>
    <message>
        <source>%1: context &quot;%2&quot; names cluster &quot;%3&quot;, which no kubeconfig file defines.</source>
        <translation>%1：上下文 &quot;%2&quot; 指向集群 &quot;%3&quot;，但没有任何 kubeconfig 文件定义它。</translation>
    </message>
    <message>
        <source>%1: context &quot;%2&quot; names user &quot;%3&quot;, which no kubeconfig file defines.</source>
        <translation>%1：上下文 &quot;%2&quot; 指向用户 &quot;%3&quot;，但没有任何 kubeconfig 文件定义它。</translation>
    </message>
    <message>
        <source>%1: cluster &quot;%2&quot; has no server URL.</source>
        <translation>%1：集群 &quot;%2&quot; 没有服务器 URL。</translation>
    </message>
    <message>
        <source>%1: cluster &quot;%2&quot; sets both a certificate authority and insecure-skip-tls-verify; remove one of them.</source>
        <translation>%1：集群 &quot;%2&quot; 同时设置了证书颁发机构和 insecure-skip-tls-verify；请删除其中之一。</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot; sets both a token and a username/password; use one.</source>
        <translation>%1：用户 &quot;%2&quot; 同时设置了令牌和用户名/密码；请只用一种。</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot; sets both exec and auth-provider; use one.</source>
        <translation>%1：用户 &quot;%2&quot; 同时设置了 exec 和 auth-provider；请只用一种。</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot; uses the auth-provider &quot;%3&quot;, which Kubernetes removed in 1.26; use an exec plugin instead (gke-gcloud-auth-plugin, kubelogin).</source>
        <translation>%1：用户 &quot;%2&quot; 使用的 auth-provider &quot;%3&quot; 已在 Kubernetes 1.26 中移除；请改用 exec 插件（gke-gcloud-auth-plugin、kubelogin）。</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot; has a client certificate without its key, or a key without its certificate; both are needed.</source>
        <translation>%1：用户 &quot;%2&quot; 有客户端证书而没有私钥，或有私钥而没有证书；两者都需要。</translation>
    </message>
    <message>
        <source>No kubeconfig: %1 does not exist and KUBECONFIG is not set.</source>
        <translation>没有 kubeconfig：%1 不存在，且未设置 KUBECONFIG。</translation>
    </message>
    <message>
        <source>The kubeconfig %1 sets no current-context.</source>
        <translation>kubeconfig %1 未设置 current-context。</translation>
    </message>
</context>
<context>
    <name>rcs::KubeCredentials</name>
    <message>
        <source>%1: user &quot;%2&quot;: </source>
        <translation>%1：用户 &quot;%2&quot;：</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot;: cannot read the tokenFile %3: %4.</source>
        <translation>%1：用户 &quot;%2&quot;：无法读取 tokenFile %3：%4。</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot;: the tokenFile %3 is empty.</source>
        <translation>%1：用户 &quot;%2&quot;：tokenFile %3 为空。</translation>
    </message>
    <message>
        <source>%1: user &quot;%2&quot; uses the oidc auth-provider without an id-token; log in with kubectl (or kubelogin) first, or use an exec plugin.</source>
        <translation>%1：用户 &quot;%2&quot; 使用 oidc auth-provider 但没有 id-token；请先用 kubectl（或 kubelogin）登录，或改用 exec 插件。</translation>
    </message>
    <message>
        <source>The credential plugin %1 of user &quot;%2&quot; needs an interactive terminal (interactiveMode: Always), which this application does not have. Log in from a terminal first, or change interactiveMode.</source>
        <translation>用户 &quot;%2&quot; 的凭据插件 %1 需要交互式终端（interactiveMode: Always），而本程序没有终端。请先在终端中登录，或修改 interactiveMode。</translation>
    </message>
    <message>
        <source>The credential plugin %1 did not answer within %2 s.</source>
        <translation>凭据插件 %1 未在 %2 秒内应答。</translation>
    </message>
    <message>
        <source>The credential plugin &quot;%1&quot; of user &quot;%2&quot; could not be started: %3.</source>
        <translation>无法启动用户 &quot;%2&quot; 的凭据插件 &quot;%1&quot;：%3。</translation>
    </message>
    <message>
        <source>Credential plugin %1: %2</source>
        <translation>凭据插件 %1：%2</translation>
    </message>
    <message>
        <source>The credential plugin %1 failed (exit code %2)%3.</source>
        <translation>凭据插件 %1 运行失败（退出码 %2）%3。</translation>
    </message>
    <message>
        <source>The credential plugin %1</source>
        <translation>凭据插件 %1</translation>
    </message>
    <message>
        <source>%1 printed something that is not JSON: %2.</source>
        <translation>%1 输出的内容不是 JSON：%2。</translation>
    </message>
    <message>
        <source>%1 must print an ExecCredential of apiVersion %2, not kind &quot;%3&quot; of &quot;%4&quot;.</source>
        <translation>%1 必须输出 apiVersion 为 %2 的 ExecCredential，而不是 &quot;%4&quot; 的类别 &quot;%3&quot;。</translation>
    </message>
    <message>
        <source>%1 returned a client certificate without its key, or a key without its certificate.</source>
        <translation>%1 返回了客户端证书而没有私钥，或返回了私钥而没有证书。</translation>
    </message>
    <message>
        <source>%1 returned neither a token nor a client certificate.</source>
        <translation>%1 既没有返回令牌，也没有返回客户端证书。</translation>
    </message>
    <message>
        <source>plugin client certificate</source>
        <translation>插件客户端证书</translation>
    </message>
    <message>
        <source>plugin client key</source>
        <translation>插件客户端私钥</translation>
    </message>
    <message>
        <source>%1 returned the expirationTimestamp &quot;%2&quot;, which is not RFC 3339.</source>
        <translation>%1 返回的 expirationTimestamp &quot;%2&quot; 不符合 RFC 3339。</translation>
    </message>
</context>
<context>
    <name>rcs::KubeNamespaceRemoveJob</name>
    <message>
        <source>Delete namespace %1</source>
        <translation>删除命名空间 %1</translation>
    </message>
    <message>
        <source>The Kubernetes client was closed.</source>
        <translation>Kubernetes 客户端已关闭。</translation>
    </message>
    <message>
        <source>deleting namespace %1</source>
        <translation>正在删除命名空间 %1</translation>
    </message>
    <message>
        <source>waiting until namespace %1 and its contents are gone</source>
        <translation>等待命名空间 %1 及其内容全部消失</translation>
    </message>
</context>
<context>
    <name>rcs::KubeRemoveByLabelJob</name>
    <message>
        <source>Delete %1 with labels %2</source>
        <translation>删除带标签 %2 的 %1</translation>
    </message>
    <message>
        <source>The Kubernetes client was closed.</source>
        <translation>Kubernetes 客户端已关闭。</translation>
    </message>
    <message>
        <source>listing %1 with labels %2</source>
        <translation>列出带标签 %2 的 %1</translation>
    </message>
    <message>
        <source>deleting %1 %2</source>
        <translation>正在删除 %1 %2</translation>
    </message>
</context>
<context>
    <name>rcs::KubeRequest</name>
    <message>
        <source>Kubernetes API warning: </source>
        <translation>Kubernetes API 警告：</translation>
    </message>
    <message>
        <source>Kubernetes %1</source>
        <translation>Kubernetes %1</translation>
    </message>
    <message>
        <source>The Kubernetes client was closed before the request ran.</source>
        <translation>请求运行前 Kubernetes 客户端已关闭。</translation>
    </message>
    <message>
        <source>finding the API resource of %1</source>
        <translation>查找 %1 的 API 资源</translation>
    </message>
    <message>
        <source>waiting %1 ms before retrying %2 %3</source>
        <translation>等待 %1 毫秒后重试 %2 %3</translation>
    </message>
    <message>
        <source>The TLS connection to the Kubernetes API at %1 failed: %2. Check certificate-authority(-data) of cluster &quot;%3&quot; in %4 (and tls-server-name).</source>
        <translation>与 %1 处 Kubernetes API 的 TLS 连接失败：%2。请检查 %4 中集群 &quot;%3&quot; 的 certificate-authority(-data)（以及 tls-server-name）。</translation>
    </message>
    <message>
        <source>Cannot reach the Kubernetes API at %1 to %2 %3: %4. Is the cluster running and the server address in the kubeconfig right?</source>
        <translation>无法访问 %1 处的 Kubernetes API 以执行 %2 %3：%4。集群是否在运行，kubeconfig 中的服务器地址是否正确？</translation>
    </message>
    <message>
        <source>The Kubernetes API answered %1 %2 with something that is not a JSON object (%3).</source>
        <translation>Kubernetes API 对 %1 %2 的应答不是 JSON 对象（%3）。</translation>
    </message>
    <message>
        <source>The Kubernetes API at %1 did not answer the request to %2 %3 within %4 s. Is the API server running and not overloaded, and is the server address in the kubeconfig right (nothing else listening there)? Then try again.</source>
        <translation>%1 处的 Kubernetes API 在 %4 秒内没有应答 %2 %3 请求。API 服务器是否在运行且未过载，kubeconfig 中的服务器地址是否正确（那里没有别的程序在监听）？确认后请重试。</translation>
    </message>
</context>
<context>
    <name>rcs::KubeSession</name>
    <message>
        <source>No kubeconfig was found: none was named, KUBECONFIG is not set and ~/.kube/config does not exist.</source>
        <translation>找不到 kubeconfig：没有指定文件，未设置 KUBECONFIG，~/.kube/config 也不存在。</translation>
    </message>
</context>
<context>
    <name>rcs::KubeStatus</name>
    <message>
        <source> in namespace &quot;%1&quot;</source>
        <translation>（命名空间 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>an empty body</source>
        <translation>空的响应体</translation>
    </message>
    <message>
        <source>HTTP %1 with %2, not a Kubernetes Status (is a proxy or load balancer in the way?)</source>
        <translation>HTTP %1，内容为 %2，不是 Kubernetes Status（中间是否有代理或负载均衡器？）</translation>
    </message>
    <message>
        <source>The Kubernetes API rejected the credentials (401 Unauthorized) while trying to %1 %2: the token or client certificate is wrong or has expired. Check the user in the kubeconfig.</source>
        <translation>Kubernetes API 在尝试 %1 %2 时拒绝了凭据（401 Unauthorized）：令牌或客户端证书错误或已过期。请检查 kubeconfig 中的用户。</translation>
    </message>
    <message>
        <source>Forbidden (403): you may not %1 %2%3. %4 Ask a cluster administrator for RBAC permission to %1 %5%3.</source>
        <translation>禁止访问（403）：你无权对 %2%3 执行 %1。%4 请向集群管理员申请 RBAC 权限，以便对 %5%3 执行 %1。</translation>
    </message>
    <message>
        <source>Not found (404): %1%2 does not exist. %3</source>
        <translation>未找到（404）：%1%2 不存在。%3</translation>
    </message>
    <message>
        <source>the %1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>it already exists</source>
        <translation>对象已存在</translation>
    </message>
    <message>
        <source>a conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Cannot %1 %2%3 because of %4 (409): %5</source>
        <translation>无法对 %2%3 执行 %1，原因是%4（409）：%5</translation>
    </message>
    <message>
        <source> Conflicting fields: </source>
        <translation> 冲突的字段：</translation>
    </message>
    <message>
        <source>The Kubernetes API says the resource version is too old (410 %1): %2</source>
        <translation>Kubernetes API 表示资源版本过旧（410 %1）：%2</translation>
    </message>
    <message>
        <source>The Kubernetes API refused to %1 %2%3 as invalid (422): %4</source>
        <translation>Kubernetes API 以无效为由拒绝对 %2%3 执行 %1（422）：%4</translation>
    </message>
    <message>
        <source>The Kubernetes API failed to %1 %2%3 (HTTP %4%5): %6</source>
        <translation>Kubernetes API 对 %2%3 执行 %1 失败（HTTP %4%5）：%6</translation>
    </message>
</context>
<context>
    <name>rcs::KubeTransport</name>
    <message>
        <source>Cannot read the %1 file %2: %3.</source>
        <translation>无法读取%1文件 %2：%3。</translation>
    </message>
    <message>
        <source>The %1 %2 holds no PEM certificate.</source>
        <translation>%1 %2 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>(inline data)</source>
        <translation>（内联数据）</translation>
    </message>
    <message>
        <source>The %1 %2 is not an unencrypted RSA or EC private key in PEM form.</source>
        <translation>%1 %2 不是 PEM 格式的未加密 RSA 或 EC 私钥。</translation>
    </message>
    <message>
        <source>The proxy URL &quot;%1&quot; is not a valid URL.</source>
        <translation>代理 URL &quot;%1&quot; 不是有效的 URL。</translation>
    </message>
    <message>
        <source>The proxy URL &quot;%1&quot; has a password, which this application would send to the proxy without TLS; use an http:// proxy URL on a trusted network, or a proxy without a password.</source>
        <translation>代理 URL &quot;%1&quot; 含有密码，而本程序会在没有 TLS 的情况下将其发送给代理；请在可信网络上使用 http:// 代理 URL，或使用不需要密码的代理。</translation>
    </message>
    <message>
        <source>The proxy %1 is reached without TLS (CONNECT over plain TCP): this application cannot speak TLS to a proxy. The Kubernetes API traffic through it stays encrypted end to end.</source>
        <translation>代理 %1 通过非 TLS 方式访问（基于普通 TCP 的 CONNECT）：本程序无法与代理使用 TLS 通信。经由它的 Kubernetes API 流量仍保持端到端加密。</translation>
    </message>
    <message>
        <source>The proxy URL &quot;%1&quot; uses the scheme &quot;%2&quot;; use http, https or socks5.</source>
        <translation>代理 URL &quot;%1&quot; 使用的协议是 &quot;%2&quot;；请使用 http、https 或 socks5。</translation>
    </message>
    <message>
        <source>%1: cluster &quot;%2&quot; has the server &quot;%3&quot;, which is not an http(s) URL.</source>
        <translation>%1：集群 &quot;%2&quot; 的服务器 &quot;%3&quot; 不是 http(s) URL。</translation>
    </message>
    <message>
        <source>certificate authority</source>
        <translation>证书颁发机构</translation>
    </message>
    <message>
        <source>%1: cluster &quot;%2&quot;: </source>
        <translation>%1：集群 &quot;%2&quot;：</translation>
    </message>
    <message>
        <source>WARNING: cluster &quot;%1&quot; sets insecure-skip-tls-verify: the API server&apos;s certificate is NOT checked, so anyone on the network path can read and change this traffic, including your credentials. Set certificate-authority instead.</source>
        <translation>警告：集群 &quot;%1&quot; 设置了 insecure-skip-tls-verify：不会检查 API 服务器的证书，网络路径上的任何人都能读取和篡改这些流量，包括你的凭据。请改为设置 certificate-authority。</translation>
    </message>
</context>
<context>
    <name>rcs::KubeWatch</name>
    <message>
        <source>The watch of %1 lost its connection: %2.</source>
        <translation>%1 的监视丢失了连接：%2。</translation>
    </message>
</context>
<context>
    <name>rcs::ManifestSet</name>
    <message>
        <source>The StatefulSet manifest has no container to run Redis in.</source>
        <translation>StatefulSet 清单中没有运行 Redis 的容器。</translation>
    </message>
    <message>
        <source>%1: a document has no kind or apiVersion; every manifest must be a Kubernetes object.</source>
        <translation>%1：某个文档没有 kind 或 apiVersion；每个清单都必须是 Kubernetes 对象。</translation>
    </message>
    <message>
        <source>The manifest folder %1 does not exist.</source>
        <translation>清单文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The manifest folder %1 holds no *.yaml file.</source>
        <translation>清单文件夹 %1 中没有 *.yaml 文件。</translation>
    </message>
    <message>
        <source>Cannot read the manifest %1: %2.</source>
        <translation>无法读取清单 %1：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63 characters).</source>
        <translation>&quot;%1&quot; 不是有效的命名空间名称（小写字母、数字和 &apos;-&apos;，最多 63 个字符）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid StatefulSet name (lower-case letters, digits and &apos;-&apos;).</source>
        <translation>&quot;%1&quot; 不是有效的 StatefulSet 名称（小写字母、数字和 &apos;-&apos;）。</translation>
    </message>
    <message>
        <source>The number of replicas must be at least 1, not %1.</source>
        <translation>副本数至少为 1，而不是 %1。</translation>
    </message>
    <message>
        <source>The manifests hold more than one StatefulSet; keep exactly one for the Redis pods.</source>
        <translation>清单中有多个 StatefulSet；请只为 Redis Pod 保留一个。</translation>
    </message>
    <message>
        <source>The manifests hold no StatefulSet for the Redis pods.</source>
        <translation>清单中没有用于 Redis Pod 的 StatefulSet。</translation>
    </message>
    <message>
        <source>TLS needs Redis 6.0 or later, and the image %1 is Redis 5, which has no TLS. Choose a newer image (for example redis:7.0) or deploy without TLS.</source>
        <translation>TLS 需要 Redis 6.0 或更高版本，而镜像 %1 是 Redis 5，不支持 TLS。请选择更新的镜像（例如 redis:7.0），或不使用 TLS 部署。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tls-auth-clients mode; use no, optional or yes.</source>
        <translation>“%1”不是 tls-auth-clients 的取值；请使用 no、optional 或 yes。</translation>
    </message>
    <message>
        <source>The operator user needs ACL, which Redis 6.0 brought, and the image %1 is Redis 5: deploy it with the password alone (requirepass and masterauth), or choose a newer image (for example redis:7.0).</source>
        <translation>运维用户需要 ACL（Redis 6.0 引入），而镜像 %1 是 Redis 5：请只用密码部署（requirepass 和 masterauth），或选择更新的镜像（例如 redis:7.0）。</translation>
    </message>
</context>
<context>
    <name>rcs::NodeAccess</name>
    <message>
        <source>The Kubernetes client is gone.</source>
        <translation>Kubernetes 客户端已不存在。</translation>
    </message>
    <message>
        <source>Opening a tunnel to pod %1</source>
        <translation>正在打开到 Pod %1 的隧道</translation>
    </message>
    <message>
        <source>tunnel via %1</source>
        <translation>经由 %1 的隧道</translation>
    </message>
    <message>
        <source>Pod %1 is reached through a port-forward on %2.</source>
        <translation>通过 %2 上的端口转发访问 Pod %1。</translation>
    </message>
    <message>
        <source>Pod %1 has no IP address yet.</source>
        <translation>Pod %1 还没有 IP 地址。</translation>
    </message>
    <message>
        <source>The connection pool is gone.</source>
        <translation>连接池已不存在。</translation>
    </message>
</context>
<context>
    <name>rcs::NodeAddress</name>
    <message>
        <source>&apos;%1&apos; is not a node address (%2); write it as HOST:PORT, e.g. 10.0.0.5:6379.</source>
        <translation>&apos;%1&apos; 不是节点地址（%2）；请写成 主机:端口，例如 10.0.0.5:6379。</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>它是空的</translation>
    </message>
    <message>
        <source>no closing &apos;]&apos;</source>
        <translation>缺少结尾的 &apos;]&apos;</translation>
    </message>
    <message>
        <source>unexpected text after &apos;]&apos;</source>
        <translation>&apos;]&apos; 之后有多余的文本</translation>
    </message>
    <message>
        <source>the host is missing</source>
        <translation>缺少主机</translation>
    </message>
    <message>
        <source>the host contains a space</source>
        <translation>主机包含空格</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
</context>
<context>
    <name>rcs::NodeTimeoutOverride</name>
    <message>
        <source>Restore the node timeout of %1</source>
        <translation>恢复 %1 的节点超时</translation>
    </message>
</context>
<context>
    <name>rcs::NodeViews</name>
    <message>
        <source>%1 answered CLUSTER NODES with text that cannot be read: %2</source>
        <translation>%1 对 CLUSTER NODES 的应答文本无法解析：%2</translation>
    </message>
    <message>
        <source>INFO was not asked.</source>
        <translation>未查询 INFO。</translation>
    </message>
</context>
<context>
    <name>rcs::PodState</name>
    <message>
        <source>unschedulable, its volume cannot be bound (no such storage class?): %1</source>
        <translation>无法调度，其卷无法绑定（存储类不存在？）：%1</translation>
    </message>
    <message>
        <source>unschedulable: %1</source>
        <translation>无法调度：%1</translation>
    </message>
    <message>
        <source>image pull failed (%1): %2</source>
        <translation>镜像拉取失败（%1）：%2</translation>
    </message>
    <message>
        <source>crash loop (%1 restarts, last exit code %2, %3)%4</source>
        <translation>崩溃循环（重启 %1 次，上次退出码 %2，%3）%4</translation>
    </message>
    <message>
        <source>container cannot be created (%1): %2</source>
        <translation>无法创建容器（%1）：%2</translation>
    </message>
    <message>
        <source>running, readiness probe not passed yet</source>
        <translation>正在运行，就绪探针尚未通过</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>not ready: </source>
        <translation>未就绪：</translation>
    </message>
    <message>
        <source>on %1</source>
        <comment>pod description: the Kubernetes node</comment>
        <translation>位于 %1</translation>
    </message>
</context>
<context>
    <name>rcs::PortForward</name>
    <message>
        <source>the Kubernetes client was closed</source>
        <translation>Kubernetes 客户端已关闭</translation>
    </message>
    <message>
        <source>the API server chose the subprotocol &quot;%1&quot; instead of %2</source>
        <translation>API 服务器选择了子协议 &quot;%1&quot;，而不是 %2</translation>
    </message>
    <message>
        <source>the API server forwarded port %1 instead of %2</source>
        <translation>API 服务器转发的是端口 %1，而不是 %2</translation>
    </message>
    <message>
        <source>Port-forward to pod %1 port %2 failed: %3.</source>
        <translation>到 Pod %1 端口 %2 的端口转发失败：%3。</translation>
    </message>
    <message>
        <source>Cannot open a local port for the tunnel to pod %1: %2.</source>
        <translation>无法为到 Pod %1 的隧道打开本地端口：%2。</translation>
    </message>
    <message>
        <source>Tunnel to pod %1 port %2 listens on %3:%4.</source>
        <translation>到 Pod %1 端口 %2 的隧道监听在 %3:%4。</translation>
    </message>
</context>
<context>
    <name>rcs::RebalanceJob</name>
    <message>
        <source>Rebalance slots</source>
        <translation>重新平衡槽</translation>
    </message>
    <message>
        <source>Reading the cluster</source>
        <translation>读取集群</translation>
    </message>
    <message>
        <source>The master %1 (%2) is %3; slots cannot move safely until it is back or replaced. Run check for details.</source>
        <translation>主节点 %1（%2）%3；在它恢复或被替换之前，无法安全地迁移槽。运行检查查看详情。</translation>
    </message>
    <message>
        <source>flagged as failing</source>
        <translation>被标记为故障</translation>
    </message>
    <message>
        <source>The nodes do not agree about slot owners (%1); wait for the cluster to settle or run check.</source>
        <translation>各节点对槽的归属看法不一致（%1）；请等待集群稳定，或运行检查。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no single master of this cluster; give a master&apos;s id or a unique prefix of it (see status).</source>
        <translation>&apos;%1&apos; 不能唯一确定本集群的某个主节点；请给出主节点的 ID 或其唯一前缀（见 status）。</translation>
    </message>
    <message>
        <source>Plan: move %1 slots in %2 moves from %3 sources.</source>
        <translation>计划：分 %2 次从 %3 个来源迁移 %1 个槽。</translation>
    </message>
    <message>
        <source>Waiting until every receiving master reports cluster_state:ok</source>
        <translation>等待所有接收槽的主节点报告 cluster_state:ok</translation>
    </message>
    <message>
        <source>%1 did not report cluster_state:ok within %2 s, so no slot was moved to it; check that it has met the cluster.</source>
        <translation>%1 未在 %2 秒内报告 cluster_state:ok，因此没有向它迁移任何槽；请检查它是否已与集群建立联系。</translation>
    </message>
    <message>
        <source>Moving slots</source>
        <translation>正在迁移槽</translation>
    </message>
    <message>
        <source>Waiting until every node agrees on the new slot owners</source>
        <translation>等待所有节点对新的槽归属达成一致</translation>
    </message>
    <message>
        <source>%1 does not see the new slots of %2 yet</source>
        <translation>%1 尚未看到 %2 的新槽</translation>
    </message>
    <message>
        <source>%1 does not answer</source>
        <translation>%1 没有应答</translation>
    </message>
    <message>
        <source>Moved %1 slots and %2 keys; every node agrees.</source>
        <translation>已迁移 %1 个槽和 %2 个键；所有节点看法一致。</translation>
    </message>
    <message>
        <source>The slots moved, but after %1 s %2.</source>
        <translation>槽已迁移，但 %1 秒后%2。</translation>
    </message>
    <message>
        <source>The masters %1 and %2 do not know each other yet (no CLUSTER MEET, or gossip has not reached them within %3 s), so no slot can move between them; run check.</source>
        <translation>主节点 %1 和 %2 还互不认识（没有 CLUSTER MEET，或 gossip 在 %3 秒内没有到达它们），因此它们之间无法迁移槽；请运行 check。</translation>
    </message>
    <message>
        <source>Lower the node timeout of %1 for a moment so every node hears of its new slots at once</source>
        <translation>暂时降低 %1 的节点超时，让每个节点立即得知它的新槽</translation>
    </message>
    <message>
        <source>Slots %1 are still open from an interrupted migration; close them first.</source>
        <translation>槽 %1 因迁移中断仍处于打开状态；请先关闭它们。</translation>
    </message>
    <message>
        <source>The slots moved; giving a master back the moved slots it lost in its own view</source>
        <translation>槽已迁移；正在把主节点在自己视图中丢失的已迁移槽交还给它</translation>
    </message>
</context>
<context>
    <name>rcs::RebalancePlanner</name>
    <message>
        <source>%1 is not a master of this cluster; give the id of a master (see status).</source>
        <translation>%1 不是本集群的主节点；请给出一个主节点的 ID（见 status）。</translation>
    </message>
    <message>
        <source>The weight of %1 must be 0 or more, not %2.</source>
        <translation>%1 的权重必须大于等于 0，而不是 %2。</translation>
    </message>
    <message>
        <source>Every master taking part has weight 0, so there is nowhere to put the slots; give at least one master a positive weight.</source>
        <translation>参与的所有主节点权重都为 0，槽无处可放；请至少给一个主节点设置正权重。</translation>
    </message>
    <message>
        <source>No rebalancing needed: every master is within %1% of its share.</source>
        <translation>无需重新平衡：每个主节点与其份额的偏差都在 %1% 以内。</translation>
    </message>
    <message>
        <source>No rebalancing needed: the masters already hold their shares.</source>
        <translation>无需重新平衡：各主节点已持有各自的份额。</translation>
    </message>
    <message>
        <source>The target %1 is also a source; a master cannot move slots to itself.</source>
        <translation>目标 %1 同时也是来源；主节点不能把槽迁移给自己。</translation>
    </message>
    <message>
        <source>Cannot move %1 slots: give a number from 1 to %2, the slots the sources hold.</source>
        <translation>无法迁移 %1 个槽：请给出 1 到 %2 之间的数，即来源节点持有的槽数。</translation>
    </message>
    <message>
        <source>%1 holds no slots; nothing to move.</source>
        <translation>%1 不持有任何槽；没有可迁移的内容。</translation>
    </message>
    <message>
        <source>%1 is the only master; its slots have nowhere to go. Add a master first.</source>
        <translation>%1 是唯一的主节点；它的槽无处可去。请先添加一个主节点。</translation>
    </message>
</context>
<context>
    <name>rcs::RebalanceWorkflow</name>
    <message>
        <source>Rebalance</source>
        <translation>重新平衡</translation>
    </message>
    <message>
        <source>Reshard</source>
        <translation>重新分片</translation>
    </message>
    <message>
        <source>Resharding</source>
        <translation>正在重新分片</translation>
    </message>
    <message>
        <source>Rebalancing</source>
        <translation>正在重新平衡</translation>
    </message>
    <message>
        <source>Moving %1 slots to %2</source>
        <translation>将 %1 个槽迁移到 %2</translation>
    </message>
    <message>
        <source>Rebalancing the slots</source>
        <translation>正在重新平衡槽</translation>
    </message>
    <message>
        <source>Nothing was moved.</source>
        <translation>未迁移任何内容。</translation>
    </message>
    <message>
        <source>%1 slots (%2) from %3 to %4</source>
        <translation>%1 个槽（%2），从 %3 到 %4</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>迁移 %1</translation>
    </message>
    <message>
        <source>moved %1</source>
        <translation>已迁移 %1</translation>
    </message>
    <message>
        <source>Dry run: %1 slots would move in %2 moves; nothing was changed.</source>
        <translation>演练：将分 %2 次迁移 %1 个槽；未做任何更改。</translation>
    </message>
    <message>
        <source>Moved %1 slots and %2 keys; every node agrees on the new owners.</source>
        <translation>已迁移 %1 个槽和 %2 个键；所有节点对新的归属看法一致。</translation>
    </message>
</context>
<context>
    <name>rcs::RecoverJob</name>
    <message>
        <source>Recover the cluster</source>
        <translation>恢复集群</translation>
    </message>
    <message>
        <source>Identifying the nodes (CLUSTER MYID)</source>
        <translation>识别节点（CLUSTER MYID）</translation>
    </message>
    <message>
        <source>Recovery needs the current address of every node.</source>
        <translation>恢复需要每个节点的当前地址。</translation>
    </message>
    <message>
        <source>Cannot identify the node at %1: %2 Recovery needs every live node; give only the current addresses of running nodes.</source>
        <translation>无法识别 %1 处的节点：%2 恢复需要所有存活的节点；请只给出运行中节点的当前地址。</translation>
    </message>
    <message>
        <source>Recovery plan: %1.</source>
        <translation>恢复计划：%1。</translation>
    </message>
    <message>
        <source>Introducing the nodes to each other (CLUSTER MEET)</source>
        <translation>让节点互相认识（CLUSTER MEET）</translation>
    </message>
    <message>
        <source>Tell %1 that %2 is at %3</source>
        <translation>告诉 %1：%2 位于 %3</translation>
    </message>
    <message>
        <source>CLUSTER MEET on %1 got no answer (%2); it is sent again if still needed.</source>
        <translation>%1 上的 CLUSTER MEET 没有应答（%2）；如有需要会再次发送。</translation>
    </message>
    <message>
        <source>CLUSTER MEET on %1 failed</source>
        <translation>%1 上的 CLUSTER MEET 失败</translation>
    </message>
    <message>
        <source>The cluster did not recover within %1 s: %2</source>
        <translation>集群未在 %1 秒内恢复：%2</translation>
    </message>
    <message>
        <source>no answer from the nodes.</source>
        <translation>节点没有应答。</translation>
    </message>
    <message>
        <source>Every node lists every peer at its current address and reports cluster_state:ok.</source>
        <translation>每个节点都以当前地址记录所有对等节点，并报告 cluster_state:ok。</translation>
    </message>
    <message>
        <source>Re-introducing nodes that have not met yet</source>
        <translation>重新介绍尚未建立联系的节点</translation>
    </message>
    <message>
        <source>%1 does not answer (%2).</source>
        <translation>%1 没有应答（%2）。</translation>
    </message>
    <message>
        <source>%1 still believes it is at &apos;%2&apos;.</source>
        <translation>%1 仍认为自己位于 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>%1 does not know %2.</source>
        <translation>%1 不认识 %2。</translation>
    </message>
    <message>
        <source>%1 lists %2 at its old address %3.</source>
        <translation>%1 以旧地址 %3 记录 %2。</translation>
    </message>
    <message>
        <source>%1 has no link to %2 yet.</source>
        <translation>%1 与 %2 之间尚无连接。</translation>
    </message>
    <message>
        <source>%1 flags %2 as %3.</source>
        <translation>%1 将 %2 标记为 %3。</translation>
    </message>
    <message>
        <source>%1 is still in a handshake with %2.</source>
        <translation>%1 仍在与 %2 握手。</translation>
    </message>
    <message>
        <source>%1 did not answer CLUSTER INFO.</source>
        <translation>%1 没有应答 CLUSTER INFO。</translation>
    </message>
    <message>
        <source>%1 reports cluster_state:%2.</source>
        <translation>%1 报告 cluster_state:%2。</translation>
    </message>
    <message>
        <source>Lower the node timeout of %1 for a moment so stale FAIL flags clear</source>
        <translation>暂时降低 %1 的节点超时，以清除过时的 FAIL 标志</translation>
    </message>
    <message>
        <source>Keep the replica %1 from failing over while the nodes meet again</source>
        <translation>在各节点重新相识期间，阻止从节点 %1 进行故障转移</translation>
    </message>
    <message>
        <source>Let the replica %1 fail over again</source>
        <translation>重新允许从节点 %1 进行故障转移</translation>
    </message>
</context>
<context>
    <name>rcs::RecoverWorkflow</name>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>nothing to recover.</source>
        <translation>没有需要恢复的内容。</translation>
    </message>
    <message>
        <source>The cluster is healthy: every node is at its current address and reports cluster_state:ok; nothing was changed.</source>
        <translation>集群健康：每个节点都在当前地址上并报告 cluster_state:ok；未做任何更改。</translation>
    </message>
    <message>
        <source>Introduce %1 to %2</source>
        <translation>将 %1 介绍给 %2</translation>
    </message>
    <message>
        <source>Dry run: the %1 pods would be introduced to each other at their current addresses; nothing was changed.</source>
        <translation>演练：这 %1 个 Pod 将以当前地址互相认识；未做任何更改。</translation>
    </message>
    <message>
        <source>Recovering the cluster</source>
        <translation>正在恢复集群</translation>
    </message>
    <message>
        <source>Sent %1 CLUSTER MEET commands.</source>
        <translation>已发送 %1 条 CLUSTER MEET 命令。</translation>
    </message>
    <message>
        <source>Verifying the recovered cluster: it is %1: %2</source>
        <translation>验证恢复后的集群：它处于 %1：%2</translation>
    </message>
    <message>
        <source>Recovered: every node lists every peer at its current address and reports cluster_state:ok.</source>
        <translation>已恢复：每个节点都以当前地址记录所有对等节点，并报告 cluster_state:ok。</translation>
    </message>
    <message>
        <source>The pods form no cluster, so there is nothing to recover.</source>
        <translation>这些 Pod 没有组成集群，因此没有需要恢复的内容。</translation>
    </message>
</context>
<context>
    <name>rcs::RecoveryPlanner</name>
    <message>
        <source>a master without slots</source>
        <translation>不持有槽的主节点</translation>
    </message>
    <message>
        <source>the master of slots %1</source>
        <translation>槽 %1 的主节点</translation>
    </message>
    <message>
        <source>a replica of %1</source>
        <translation>%1 的从节点</translation>
    </message>
    <message>
        <source>Recovery needs at least one reachable node.</source>
        <translation>恢复至少需要一个可访问的节点。</translation>
    </message>
    <message>
        <source>The node at %1 has no node id; recovery can only use nodes that answered CLUSTER MYID.</source>
        <translation>%1 处的节点没有节点 ID；恢复只能使用应答了 CLUSTER MYID 的节点。</translation>
    </message>
    <message>
        <source>%1 and %2 both answer to node id %3: one runs on a copy of the other&apos;s data folder. Stop one of them before recovering, or the cluster will flap between their addresses.</source>
        <translation>%1 和 %2 应答的节点 ID 都是 %3：其中一个运行在另一个数据目录的副本上。恢复前请停止其中一个，否则集群会在它们的地址之间来回切换。</translation>
    </message>
    <message>
        <source>%1 (id %2) is a blank node no cluster member knows; it is left alone. Use add-node to make it part of the cluster.</source>
        <translation>%1（ID %2）是没有任何集群成员认识的空白节点；不予处理。请用 add-node 使其加入集群。</translation>
    </message>
    <message>
        <source>%1 (id %2) is unknown to this cluster but %3; it is left alone. Check that it belongs to another cluster before reusing it.</source>
        <translation>%1（ID %2）不为本集群所知，但它%3；不予处理。重新使用前请确认它是否属于另一个集群。</translation>
    </message>
    <message>
        <source>serves slots</source>
        <translation>持有槽</translation>
    </message>
    <message>
        <source>knows other nodes</source>
        <translation>认识其他节点</translation>
    </message>
    <message>
        <source>full mesh: each of the %1 members MEETs every member it does not already reach at its current address (%2 MEETs)</source>
        <translation>全互联：%1 个成员中的每一个都向尚未以当前地址联系上的每个成员发送 MEET（共 %2 次 MEET）</translation>
    </message>
    <message>
        <source>half mesh (more than %1 members): one MEET per pair of the %2 members, the other side learning the address from the PINGs on the new link (%3 MEETs)</source>
        <translation>半互联（成员超过 %1 个）：%2 个成员中每对节点发送一次 MEET，另一方通过新链路上的 PING 得知地址（共 %3 次 MEET）</translation>
    </message>
    <message>
        <source>Node %1 (%2, last at %3) answers at none of the given addresses: its pod is not running or its data folder was lost. If it runs, add its address to the node addresses; if its data is gone, remove the node and add a blank node in its place.</source>
        <translation>节点 %1（%2，最后位于 %3）在给出的所有地址上都没有应答：它的 Pod 没有运行，或者其数据目录已丢失。如果它在运行，请把它的地址加入节点地址；如果它的数据已丢失，请移除该节点，并添加一个空白节点代替。</translation>
    </message>
</context>
<context>
    <name>rcs::RedisConnection</name>
    <message>
        <source>Could not connect to %1 within %2: no answer. Check that the address is reachable from this machine and that redis-server runs there.</source>
        <translation>在 %2 内无法连接到 %1：没有应答。请检查从本机能否访问该地址，以及那里是否运行着 redis-server。</translation>
    </message>
    <message>
        <source>(empty command)</source>
        <translation>（空命令）</translation>
    </message>
    <message>
        <source>%1 rejected the credentials (%2); check the password%3.</source>
        <translation>%1 拒绝了凭据（%2）；请检查密码%3。</translation>
    </message>
    <message>
        <source> and user name</source>
        <translation>和用户名</translation>
    </message>
    <message>
        <source>Could not resolve the host name of %1 (%2); check the address.</source>
        <translation>无法解析 %1 的主机名（%2）；请检查地址。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2. Check that redis-server runs there.</source>
        <translation>无法连接到 %1：%2。请检查那里是否运行着 redis-server。</translation>
    </message>
    <message>
        <source>The connection to %1 was closed before the command was answered.</source>
        <translation>命令得到应答之前，与 %1 的连接已关闭。</translation>
    </message>
    <message>
        <source>the command is empty</source>
        <translation>命令为空</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Cannot send %1 to %2: %3.</source>
        <translation>无法向 %2 发送 %1：%3。</translation>
    </message>
    <message>
        <source>%1 did not answer %2 within %3.</source>
        <translation>%1 未在 %3 内应答 %2。</translation>
    </message>
    <message>
        <source>%1 answered: %2</source>
        <translation>%1 应答：%2</translation>
    </message>
    <message>
        <source>%1 sent something that is not a Redis reply (%2); is it a Redis server?</source>
        <translation>%1 发送的内容不是 Redis 应答（%2）；它是 Redis 服务器吗？</translation>
    </message>
    <message>
        <source>Lost the connection to %1: %2.</source>
        <translation>与 %1 的连接中断：%2。</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>I/O 错误</translation>
    </message>
    <message>
        <source>Out of memory while talking to %1.</source>
        <translation>与 %1 通信时内存不足。</translation>
    </message>
    <message>
        <source>Cannot connect to %1 with TLS: this build of Qt has no TLS backend (OpenSSL 3 not found); install libssl3.</source>
        <translation>无法通过 TLS 连接到 %1：此 Qt 构建没有 TLS 后端（未找到 OpenSSL 3）；请安装 libssl3。</translation>
    </message>
    <message>
        <source>Cannot connect to %1 with TLS: %2</source>
        <translation>无法通过 TLS 连接到 %1：%2</translation>
    </message>
    <message>
        <source>%1 sent a reply to no command; is it a Redis server?</source>
        <translation>%1 发送了一个不对应任何命令的应答；它是 Redis 服务器吗？</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering; if the node expects TLS (tls-port), connect with TLS.</source>
        <translation>%1 在应答前关闭了连接；如果该节点要求 TLS（tls-port），请使用 TLS 连接。</translation>
    </message>
    <message>
        <source>Server closed the connection</source>
        <translation>服务器关闭了连接</translation>
    </message>
</context>
<context>
    <name>rcs::RedisPool</name>
    <message>
        <source>No reply yet.</source>
        <translation>尚无应答。</translation>
    </message>
    <message>
        <source>%1 (through %2)</source>
        <translation>%1（经由 %2）</translation>
    </message>
</context>
<context>
    <name>rcs::RedisTlsOptions</name>
    <message>
        <source>the certificate is not signed by the cluster&apos;s CA</source>
        <translation>该证书不是由集群的证书颁发机构签发的</translation>
    </message>
    <message>
        <source>the certificate is for %1, not for %2</source>
        <translation>该证书属于 %1，而不是 %2</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>无名称</translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation>该证书已于 %1 过期</translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation>该证书在 %1 之前无效</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>A client certificate needs its key and a key its certificate; give both or neither.</source>
        <translation>客户端证书需要其私钥，私钥也需要其证书；请同时提供两者或都不提供。</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>the server requires a client certificate; give the client certificate and key</source>
        <translation>服务器要求客户端证书；请提供客户端证书和私钥</translation>
    </message>
    <message>
        <source>%1: TLS handshake failed: %2.</source>
        <translation>%1：TLS 握手失败：%2。</translation>
    </message>
    <message>
        <source>%1: TLS handshake failed: %2 (%3).</source>
        <translation>%1：TLS 握手失败：%2（%3）。</translation>
    </message>
</context>
<context>
    <name>rcs::RemovalPlan</name>
    <message>
        <source>No node of the cluster has the id &apos;%1&apos;; see status for the ids.</source>
        <translation>集群中没有 ID 为 &apos;%1&apos; 的节点；节点 ID 见 status。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; matches %2 nodes; give more of the id.</source>
        <translation>&apos;%1&apos; 匹配 %2 个节点；请给出更长的 ID。</translation>
    </message>
    <message>
        <source>%1 is the only master; add another master before removing it.</source>
        <translation>%1 是唯一的主节点；移除前请先添加另一个主节点。</translation>
    </message>
    <message>
        <source>Move %1 slots from %2 to %3</source>
        <translation>将 %1 个槽从 %2 迁移到 %3</translation>
    </message>
    <message>
        <source>Remove %1 from the cluster</source>
        <translation>将 %1 移出集群</translation>
    </message>
</context>
<context>
    <name>rcs::RemoveNodeJob</name>
    <message>
        <source>Remove a node</source>
        <translation>移除节点</translation>
    </message>
    <message>
        <source>Reading the cluster</source>
        <translation>读取集群</translation>
    </message>
    <message>
        <source>Moving the slots of %1 to the other masters</source>
        <translation>将 %1 的槽迁移到其他主节点</translation>
    </message>
    <message>
        <source>Draining the node</source>
        <translation>正在清空节点</translation>
    </message>
    <message>
        <source>Moving the replicas of %1 to other masters</source>
        <translation>将 %1 的从节点转到其他主节点</translation>
    </message>
    <message>
        <source>No other master can take the replica %1.</source>
        <translation>没有其他主节点可以接收从节点 %1。</translation>
    </message>
    <message>
        <source>Make %1 a replica of %2</source>
        <translation>将 %1 设为 %2 的从节点</translation>
    </message>
    <message>
        <source>Making every node forget %1</source>
        <translation>让所有节点忘记 %1</translation>
    </message>
    <message>
        <source>Reset %1 so it forgets the cluster</source>
        <translation>重置 %1，使其忘记集群</translation>
    </message>
    <message>
        <source>Every node forgot it, but resetting it failed</source>
        <translation>所有节点都已忘记它，但重置它失败</translation>
    </message>
    <message>
        <source>Make %1 forget %2</source>
        <translation>让 %1 忘记 %2</translation>
    </message>
    <message>
        <source>%1 (%2) left the cluster; it is blank now and can be shut down.</source>
        <translation>%1（%2）已离开集群；它现在是空白节点，可以关闭。</translation>
    </message>
    <message>
        <source>%1 still lists the removed node after %2 s.</source>
        <translation>%2 秒后 %1 仍然记录着已移除的节点。</translation>
    </message>
    <message>
        <source>remove-node would remove %1 (%2) as listed above</source>
        <translation>remove-node 将按上面所列移除节点 %1（%2）</translation>
    </message>
    <message>
        <source>%1 slots to %2</source>
        <translation>%1 个槽给 %2</translation>
    </message>
    <message>
        <source>%1 is a master with %2 slots; they move with their keys: %3.</source>
        <translation>%1 是持有 %2 个槽的主节点；这些槽将连同其中的键一起迁移：%3。</translation>
    </message>
    <message>
        <source>%1 is a master without slots: no slot moves.</source>
        <translation>%1 是不持有槽的主节点：不迁移槽。</translation>
    </message>
    <message>
        <source>%1 is a replica of %2: no slot moves.</source>
        <translation>%1 是 %2 的从节点：不迁移槽。</translation>
    </message>
    <message>
        <source>Its replicas %1 follow other masters.</source>
        <translation>其从节点 %1 将跟随其他主节点。</translation>
    </message>
    <message>
        <source>No other node has to forget %1.</source>
        <translation>没有其他节点需要忘记 %1。</translation>
    </message>
    <message>
        <source>%1 forget %2 (CLUSTER FORGET).</source>
        <translation>节点 %1 将忘记 %2（CLUSTER FORGET）。</translation>
    </message>
    <message>
        <source>The moved replicas did not settle within %1 s: %2.</source>
        <translation>迁移的副本在 %1 秒内未稳定：%2。</translation>
    </message>
    <message>
        <source>%1 is reset to a blank node with a new id (CLUSTER RESET HARD) and its data files are emptied (FLUSHALL), so that it restarts blank.</source>
        <translation>%1 被重置为带新 ID 的空白节点（CLUSTER RESET HARD），其数据文件被清空（FLUSHALL），以便重启后仍为空白。</translation>
    </message>
    <message>
        <source>Empty the data files of %1, so it restarts blank</source>
        <translation>清空 %1 的数据文件，使其重启后为空白</translation>
    </message>
    <message>
        <source>%1 was reset, but emptying its data files failed; run FLUSHALL on it before it restarts</source>
        <translation>%1 已重置，但清空其数据文件失败；请在它重启前对它执行 FLUSHALL</translation>
    </message>
    <message>
        <source>%1 was reset and emptied, but reading its persistence state failed</source>
        <translation>%1 已重置并清空，但读取其持久化状态失败</translation>
    </message>
    <message>
        <source>%1 is still rewriting its AOF after %2 s; wait until INFO persistence shows aof_rewrite_in_progress:0 before stopping it, or its old keys may come back.</source>
        <translation>%2 秒后 %1 仍在重写其 AOF；请等到 INFO persistence 显示 aof_rewrite_in_progress:0 后再停止它，否则旧键可能会回来。</translation>
    </message>
</context>
<context>
    <name>rcs::RemoveNodeWorkflow</name>
    <message>
        <source>Remove a node</source>
        <translation>移除节点</translation>
    </message>
    <message>
        <source>Removing a node</source>
        <translation>正在移除节点</translation>
    </message>
    <message>
        <source>Dry run: %1 would be removed; nothing was changed.</source>
        <translation>演练：将移除 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>Planning the removal</source>
        <translation>规划移除</translation>
    </message>
    <message>
        <source>You confirmed the removal of %1, but the pod to remove is now %2 (StatefulSet %3 has %4 pods). Nothing was changed: look at the cluster again and confirm anew.</source>
        <translation>你确认移除的是 %1，但现在要移除的 Pod 是 %2（StatefulSet %3 有 %4 个 Pod）。未做任何更改：请重新查看集群并再次确认。</translation>
    </message>
    <message>
        <source>StatefulSet %1 has only %2 pod; there is nothing to remove. Use cleanup to delete the deployment.</source>
        <translation>StatefulSet %1 只有 %2 个 Pod；没有可移除的内容。请用清理删除整个部署。</translation>
    </message>
    <message>
        <source>%1 is not a member of the cluster: only the pod goes.</source>
        <translation>%1 不是集群成员：只移除该 Pod。</translation>
    </message>
    <message>
        <source>%1 is one of %2 masters; removing it would leave fewer than %3. %4 Nothing was changed.</source>
        <translation>%1 是 %2 个主节点之一；移除它后主节点将少于 %3 个。%4 未做任何更改。</translation>
    </message>
    <message>
        <source>Add a master first.</source>
        <translation>请先添加一个主节点。</translation>
    </message>
    <message>
        <source>%1 slots to %2</source>
        <translation>%1 个槽给 %2</translation>
    </message>
    <message>
        <source>%1 is a master with %2 slots; they move with their keys: %3.</source>
        <translation>%1 是持有 %2 个槽的主节点；这些槽将连同其中的键一起迁移：%3。</translation>
    </message>
    <message>
        <source>%1 is a master without slots: no slot moves.</source>
        <translation>%1 是不持有槽的主节点：不迁移槽。</translation>
    </message>
    <message>
        <source>%1 is a replica of %2: no slot moves.</source>
        <translation>%1 是 %2 的从节点：不迁移槽。</translation>
    </message>
    <message>
        <source>%1 is left without a replica.</source>
        <translation>%1 将没有从节点。</translation>
    </message>
    <message>
        <source>Its replicas %1 follow other masters.</source>
        <translation>其从节点 %1 将跟随其他主节点。</translation>
    </message>
    <message>
        <source>StatefulSet %1 is scaled from %2 to %3 pods: pod %4 is deleted.</source>
        <translation>StatefulSet %1 从 %2 个 Pod 缩容到 %3 个：删除 Pod %4。</translation>
    </message>
    <message>
        <source>Volume pvc/%1 is deleted by Kubernetes with the pod (retention policy whenScaled: Delete).</source>
        <translation>卷 pvc/%1 会由 Kubernetes 随 Pod 一起删除（保留策略 whenScaled: Delete）。</translation>
    </message>
    <message>
        <source>Volume pvc/%1 is deleted (its data is lost).</source>
        <translation>卷 pvc/%1 将被删除（其数据将丢失）。</translation>
    </message>
    <message>
        <source>Volume pvc/%1 is kept (a later scale-up gives it back to %2); delete it with: %3 delete pvc %1</source>
        <translation>卷 pvc/%1 将保留（之后扩容时会重新交给 %2）；可这样删除：%3 delete pvc %1</translation>
    </message>
    <message>
        <source>Delete pod %1</source>
        <translation>删除 Pod %1</translation>
    </message>
    <message>
        <source>Delete volume %1</source>
        <translation>删除卷 %1</translation>
    </message>
    <message>
        <source>Removing %1 from the cluster</source>
        <translation>正在将 %1 移出集群</translation>
    </message>
    <message>
        <source>%1 left the cluster%2; every other node forgot it.</source>
        <translation>%1 已离开集群%2；其他所有节点都已忘记它。</translation>
    </message>
    <message>
        <source> (%1 slots moved to the other masters)</source>
        <translation>（%1 个槽已迁移到其他主节点）</translation>
    </message>
    <message>
        <source>Scaling StatefulSet %1 to %2 pods</source>
        <translation>将 StatefulSet %1 扩缩到 %2 个 Pod</translation>
    </message>
    <message>
        <source>Waiting for pod %1 to go</source>
        <translation>等待 Pod %1 消失</translation>
    </message>
    <message>
        <source>Pod %1 is gone; StatefulSet %2 has %3 pods.</source>
        <translation>Pod %1 已删除；StatefulSet %2 现有 %3 个 Pod。</translation>
    </message>
    <message>
        <source>Volume pvc/%1 goes with the pod (retention policy whenScaled: Delete).</source>
        <translation>卷 pvc/%1 随 Pod 一起删除（保留策略 whenScaled: Delete）。</translation>
    </message>
    <message>
        <source>Volume pvc/%1 was kept: a later scale-up gives it back to %2 as a blank node. Delete it with: %3 delete pvc %1</source>
        <translation>卷 pvc/%1 已保留：之后扩容时会作为空白节点重新交给 %2。可这样删除：%3 delete pvc %1</translation>
    </message>
    <message>
        <source>Deleting volume pvc/%1</source>
        <translation>正在删除卷 pvc/%1</translation>
    </message>
    <message>
        <source>Volume pvc/%1 was deleted.</source>
        <translation>卷 pvc/%1 已删除。</translation>
    </message>
    <message>
        <source>Verifying: %1 was removed, but after %2 s the cluster is %3: %4</source>
        <translation>验证：%1 已移除，但 %2 秒后集群处于 %3：%4</translation>
    </message>
    <message>
        <source>The cluster is healthy: %1 masters over %2 pods, every slot served.</source>
        <translation>集群健康：%2 个 Pod 上有 %1 个主节点，每个槽都有节点服务。</translation>
    </message>
    <message>
        <source>remove-node would remove pod %1 as listed above</source>
        <translation>remove-node 将按上面所列移除 Pod %1</translation>
    </message>
    <message>
        <source>Fail over to its replica %1 first, so that the highest pod is a replica.</source>
        <translation>请先故障转移到它的从节点 %1，使编号最大的 Pod 成为从节点。</translation>
    </message>
    <message>
        <source>Every other node forgets %1 (CLUSTER FORGET) and it is reset to a blank node (CLUSTER RESET HARD) with empty data files (FLUSHALL).</source>
        <translation>其他每个节点都忘记 %1（CLUSTER FORGET），它被重置为数据文件已清空的空白节点（CLUSTER RESET HARD，FLUSHALL）。</translation>
    </message>
</context>
<context>
    <name>rcs::ReplicaPlacement</name>
    <message>
        <source>The cluster has no healthy master serving slots, so a replica has nothing to follow; check the cluster first.</source>
        <translation>集群中没有持有槽的健康主节点，从节点无可跟随；请先检查集群。</translation>
    </message>
</context>
<context>
    <name>rcs::RotateCertificatesWorkflow</name>
    <message>
        <source>Rotate the certificates</source>
        <translation>轮换证书</translation>
    </message>
    <message>
        <source>no certificate to rotate.</source>
        <translation>没有可轮换的证书。</translation>
    </message>
    <message>
        <source>%1 does not use TLS (its pods mount no certificate at %2): there is no certificate to rotate. Deploy with --tls to use TLS.</source>
        <translation>%1 未使用 TLS（其 Pod 未在 %2 挂载证书）：没有可轮换的证书。请以 --tls 部署以使用 TLS。</translation>
    </message>
    <message>
        <source>Reading Secret %1</source>
        <translation>读取 Secret %1</translation>
    </message>
    <message>
        <source>Loading the certificate of Secret %1 on every node</source>
        <translation>在每个节点上加载 Secret %1 的证书</translation>
    </message>
    <message>
        <source>The certificates of %1 come from Secret %2 and the studio holds no key of their CA (Secret %3), so it cannot sign new ones. Put the new ca.crt, tls.crt and tls.key into %2, then run rotate-certificates --reload: every node loads them live. Nothing was changed.</source>
        <translation>%1 的证书来自 Secret %2，而 Studio 没有其 CA 的私钥（Secret %3），因此无法签发新证书。请把新的 ca.crt、tls.crt 和 tls.key 放入 %2，然后运行 rotate-certificates --reload：每个节点会在线加载它们。未做任何更改。</translation>
    </message>
    <message>
        <source>the new CA&apos;s key is kept in Secret %1</source>
        <translation>新 CA 的私钥保存在 Secret %1 中</translation>
    </message>
    <message>
        <source>stop trusting %1 (clients whose certificates they signed are refused from then on); %2</source>
        <translation>不再信任 %1（由其签发证书的客户端此后会被拒绝）；%2</translation>
    </message>
    <message>
        <source>Write the certificates: %1</source>
        <translation>写入证书：%1</translation>
    </message>
    <message>
        <source>Load them live on %1</source>
        <translation>在 %1 上在线加载</translation>
    </message>
    <message>
        <source>Nothing was changed (dry run): %1.</source>
        <translation>未做任何更改（演练）：%1。</translation>
    </message>
    <message>
        <source>Keeping the new CA in Secret %1</source>
        <translation>将新 CA 保存到 Secret %1</translation>
    </message>
    <message>
        <source> (step %1 of %2)</source>
        <translation>（第 %1 步，共 %2 步）</translation>
    </message>
    <message>
        <source>Writing the new certificates into Secret %1%2</source>
        <translation>将新证书写入 Secret %1%2</translation>
    </message>
    <message>
        <source>Loading the new certificate on every node%1</source>
        <translation>在每个节点上加载新证书%1</translation>
    </message>
    <message>
        <source>Secret %1 holds no readable tls.crt: there is no certificate to load.</source>
        <translation>Secret %1 中没有可读的 tls.crt：没有可加载的证书。</translation>
    </message>
    <message>
        <source>%1: %2 does not serve the new certificate after %3 s: %4. Secret %5 holds it; once the pod sees the new files, run rotate-certificates --reload.</source>
        <translation>%1：%3 秒后 %2 仍未提供新证书：%4。新证书已在 Secret %5 中；待 Pod 看到新文件后，请运行 rotate-certificates --reload。</translation>
    </message>
    <message>
        <source>%1 has no tls-cert-file: it does not serve TLS, so it cannot load a certificate. Check its redis.conf (ConfigMap).</source>
        <translation>%1 没有 tls-cert-file：它未提供 TLS，因此无法加载证书。请检查其 redis.conf（ConfigMap）。</translation>
    </message>
    <message>
        <source>Load the certificate files again on %1</source>
        <translation>在 %1 上重新加载证书文件</translation>
    </message>
    <message>
        <source>%1 serves the new certificate.</source>
        <translation>%1 已提供新证书。</translation>
    </message>
    <message>
        <source>it still serves %1 (the kubelet has not written the Secret&apos;s new files into the pod yet)</source>
        <translation>它仍在提供 %1（kubelet 尚未把 Secret 的新文件写入 Pod）</translation>
    </message>
    <message>
        <source>Every node serves the certificate of Secret %1 (%2).</source>
        <translation>每个节点都提供 Secret %1 的证书（%2）。</translation>
    </message>
    <message>
        <source>Every node serves the new certificate (%1), loaded live: no restart.</source>
        <translation>每个节点都提供新证书（%1），在线加载：无需重启。</translation>
    </message>
    <message>
        <source>A new CA signs it (%1); ca.crt of Secret %2 holds the old CA too, so clients that trust only the old one keep working. Give your clients the new ca.crt, then run rotate-certificates --drop-old-ca --yes.</source>
        <translation>由新 CA 签发（%1）；Secret %2 的 ca.crt 仍包含旧 CA，因此只信任旧 CA 的客户端可继续工作。请把新的 ca.crt 分发给客户端，然后运行 rotate-certificates --drop-old-ca --yes。</translation>
    </message>
    <message>
        <source>No longer trusted: %1.</source>
        <translation>不再信任：%1。</translation>
    </message>
    <message>
        <source>Write the certificates: %1; no longer trusted: %2</source>
        <translation>写入证书：%1；不再信任：%2</translation>
    </message>
</context>
<context>
    <name>rcs::RotatePasswordWorkflow</name>
    <message>
        <source>Rotate a password</source>
        <translation>轮换密码</translation>
    </message>
    <message>
        <source>A password rotation</source>
        <translation>密码轮换</translation>
    </message>
    <message>
        <source>Planning the rotation</source>
        <translation>规划轮换</translation>
    </message>
    <message>
        <source>The deployment has no password Secret (%1), so there is no password to rotate. Deploy with --password to protect Redis with one.</source>
        <translation>该部署没有密码 Secret（%1），因此没有可轮换的密码。请用 --password 部署，为 Redis 设置密码。</translation>
    </message>
    <message>
        <source>The studio rotates the passwords it keeps in the Secret: &apos;default&apos;%1, not &apos;%2&apos;.</source>
        <translation>本程序只轮换它保存在 Secret 中的密码：&apos;default&apos;%1，而不是 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source> and &apos;%1&apos;</source>
        <translation> 和 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The server version of %1 is unknown (INFO server gave none), so the studio cannot tell whether it has ACL. Nothing was changed; run status and try again.</source>
        <translation>%1 的服务器版本未知（INFO server 没有给出），因此本程序无法判断它是否支持 ACL。未做任何更改；请运行 status 后重试。</translation>
    </message>
    <message>
        <source>Some nodes run Redis 5, which has no ACL users: only the default password (requirepass) can be rotated there.</source>
        <translation>有些节点运行 Redis 5，它没有 ACL 用户：只能轮换默认密码（requirepass）。</translation>
    </message>
    <message>
        <source>The new password is the current one: give another one.</source>
        <translation>新密码与当前密码相同：请给出另一个。</translation>
    </message>
    <message>
        <source>The password of user &apos;%1&apos; on %2 nodes (%3).</source>
        <translation>用户 &apos;%1&apos; 在 %2 个节点上的密码（%3）。</translation>
    </message>
    <message>
        <source>ACL: both passwords are valid while it changes</source>
        <translation>ACL：更换期间两个密码都有效</translation>
    </message>
    <message>
        <source>Redis 5: masterauth first, then requirepass</source>
        <translation>Redis 5：先 masterauth，再 requirepass</translation>
    </message>
    <message>
        <source>rotate-password would change the password of &apos;%1&apos; as listed above</source>
        <translation>rotate-password 将按上面所列更改 &apos;%1&apos; 的密码</translation>
    </message>
    <message>
        <source>Dry run: the password of &apos;%1&apos; would change; nothing was changed.</source>
        <translation>演练：&apos;%1&apos; 的密码将被更改；未做任何更改。</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; has a new password on every node and in Secret %2; the old one is refused.</source>
        <translation>用户 &apos;%1&apos; 在每个节点和 Secret %2 中都已使用新密码；旧密码已被拒绝。</translation>
    </message>
    <message>
        <source>Setting the new masterauth on every node</source>
        <translation>在每个节点上设置新的 masterauth</translation>
    </message>
    <message>
        <source>the nodes that took it authenticate to their master with the new password, which their masters do not know yet</source>
        <translation>已设置的节点用新密码向其主节点认证，而主节点尚不知道这个密码</translation>
    </message>
    <message>
        <source>Setting the new requirepass on every node</source>
        <translation>在每个节点上设置新的 requirepass</translation>
    </message>
    <message>
        <source>some nodes want the new password, others the old one</source>
        <translation>有些节点要求新密码，其他节点仍要求旧密码</translation>
    </message>
    <message>
        <source>Removing the old password of &apos;%1&apos; on every node</source>
        <translation>在每个节点上移除 &apos;%1&apos; 的旧密码</translation>
    </message>
    <message>
        <source>some nodes still accept the old password as well</source>
        <translation>有些节点仍同时接受旧密码</translation>
    </message>
    <message>
        <source>Adding the new password of &apos;%1&apos; on every node</source>
        <translation>在每个节点上为 &apos;%1&apos; 添加新密码</translation>
    </message>
    <message>
        <source>the nodes that took it accept both passwords, the others the old one</source>
        <translation>已添加的节点接受两个密码，其他节点只接受旧密码</translation>
    </message>
    <message>
        <source>both passwords are valid everywhere; the Secret still has the old one</source>
        <translation>两个密码在所有节点上都有效；Secret 中仍是旧密码</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Put the new password into Secret %1</source>
        <translation>把新密码写入 Secret %1</translation>
    </message>
    <message>
        <source>Set masterauth to the new password</source>
        <translation>把 masterauth 设为新密码</translation>
    </message>
    <message>
        <source>Set requirepass to the new password</source>
        <translation>把 requirepass 设为新密码</translation>
    </message>
    <message>
        <source>Add the new password of &apos;%1&apos;</source>
        <translation>为 &apos;%1&apos; 添加新密码</translation>
    </message>
    <message>
        <source>Remove the old password of &apos;%1&apos;</source>
        <translation>移除 &apos;%1&apos; 的旧密码</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 failed (%2). Now %3. Fix the cause and run rotate-password again: it starts over from the password in the Secret.</source>
        <translation>%1 失败（%2）。现在%3。请排除原因后再次运行 rotate-password：它会从 Secret 中的密码重新开始。</translation>
    </message>
    <message>
        <source>Putting the new password into Secret %1</source>
        <translation>正在把新密码写入 Secret %1</translation>
    </message>
    <message>
        <source>Keeping only the new password in Secret %1</source>
        <translation>在 Secret %1 中只保留新密码</translation>
    </message>
    <message>
        <source>update the password Secret</source>
        <translation>更新密码 Secret</translation>
    </message>
</context>
<context>
    <name>rcs::SandboxController</name>
    <message>
        <source>kube-sandbox was not found next to %1 nor on PATH: build it with &apos;cmake --build build --target kube-sandbox&apos;, or install it.</source>
        <translation>在 %1 旁边和 PATH 中都找不到 kube-sandbox：请用 &apos;cmake --build build --target kube-sandbox&apos; 构建它，或安装它。</translation>
    </message>
    <message>
        <source>Cannot create the sandbox folder %1.</source>
        <translation>无法创建沙箱文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Start the sandbox</source>
        <translation>启动沙箱</translation>
    </message>
    <message>
        <source>kube-sandbox exited while starting: %1</source>
        <translation>kube-sandbox 在启动过程中退出：%1</translation>
    </message>
    <message>
        <source>Stop the sandbox</source>
        <translation>停止沙箱</translation>
    </message>
</context>
<context>
    <name>rcs::ServerIdentity</name>
    <message>
        <source>The INFO reply has no readable redis_version (&apos;%1&apos;); the node may not be a Redis or Valkey server.</source>
        <translation>INFO 应答中没有可读的 redis_version（&apos;%1&apos;）；该节点可能不是 Redis 或 Valkey 服务器。</translation>
    </message>
    <message>
        <source>The node names itself &apos;%1&apos; in INFO server; only Redis and Valkey are known to the studio.</source>
        <translation>该节点在 INFO server 中自称 &apos;%1&apos;；本程序只认识 Redis 和 Valkey。</translation>
    </message>
    <message>
        <source>The node says it is Valkey but has no readable valkey_version (&apos;%1&apos;) in INFO server.</source>
        <translation>该节点自称 Valkey，但 INFO server 中没有可读的 valkey_version（&apos;%1&apos;）。</translation>
    </message>
    <message>
        <source>%1 cannot be identified: %2</source>
        <translation>无法识别 %1：%2</translation>
    </message>
</context>
<context>
    <name>rcs::SlotMigrationJob</name>
    <message>
        <source>Move slots</source>
        <translation>迁移槽</translation>
    </message>
    <message>
        <source>The slot plan names node %1, whose address is unknown.</source>
        <translation>槽计划中的节点 %1 地址未知。</translation>
    </message>
    <message>
        <source>Move %1 slots (%2) from %3 to %4</source>
        <translation>将 %1 个槽（%2）从 %3 迁移到 %4</translation>
    </message>
    <message>
        <source>Moving %1 slots from %2 sources in parallel</source>
        <translation>从 %2 个来源并行迁移 %1 个槽</translation>
    </message>
    <message>
        <source>DUMP %1 on the %2: %3</source>
        <translation>在%2 上 DUMP %1：%3</translation>
    </message>
    <message>
        <source>Slot %1: %2 keys were already on %3 with identical content (left by an interrupted MIGRATE); they are sent again with REPLACE.</source>
        <translation>槽 %1：有 %2 个键已以相同内容存在于 %3 上（迁移 MIGRATE 中断时留下）；将使用 REPLACE 重新发送。</translation>
    </message>
    <message>
        <source>Moving %1</source>
        <translation>正在迁移 %1</translation>
    </message>
    <message>
        <source>slot %1 (%2 → %3)</source>
        <translation>槽 %1（%2 → %3）</translation>
    </message>
    <message>
        <source> %1 of %2 slots were moved; run check to see the open slots.</source>
        <translation> 已迁移 %2 个槽中的 %1 个；请运行检查查看打开的槽。</translation>
    </message>
    <message>
        <source>Moved %1 slots and %2 keys.</source>
        <translation>已迁移 %1 个槽和 %2 个键。</translation>
    </message>
    <message>
        <source>Asking the source for its role after &quot;%1&quot;</source>
        <translation>在“%1”之后询问源节点的角色</translation>
    </message>
    <message>
        <source>The source is still a master after %1 attempts</source>
        <translation>尝试 %1 次之后源节点仍是主节点</translation>
    </message>
    <message>
        <source>%1 did not apply CLUSTER SETSLOT %2 %3: its replicas did not acknowledge it within %4 ms (Valkey applies SETSLOT on a master only after its online replicas have). Check them with INFO replication on %1, then close the open slot.</source>
        <translation>%1 没有执行 CLUSTER SETSLOT %2 %3：它的从节点在 %4 毫秒内没有确认（Valkey 只在在线的从节点都执行之后才在主节点上执行 SETSLOT）。请在 %1 上用 INFO replication 检查它们，然后关闭打开的槽。</translation>
    </message>
    <message>
        <source>A key of slot %1 already exists on the target %2, and comparing the two copies failed (%3); nothing was overwritten. Compare the keys of the slot by hand, or close the open slot again.</source>
        <translation>槽 %1 的某个键已存在于目标节点 %2 上，且比较两个副本时失败（%3）；未覆盖任何内容。请手动比较该槽的键，或再次关闭打开的槽。</translation>
    </message>
    <message>
        <source>A key of slot %1 (&quot;%2&quot;) already exists on the target %3 with different content; it was not overwritten. Compare the two copies, delete the wrong one, then close the open slot.</source>
        <translation>槽 %1 的键（&quot;%2&quot;）已存在于目标节点 %3 上且内容不同；未覆盖它。请比较两个副本，删除错误的那个，然后关闭打开的槽。</translation>
    </message>
    <message>
        <source>Could not read a replica of %1 after the moves: %2</source>
        <translation>迁移后无法读取 %1 的一个从节点：%2</translation>
    </message>
    <message>
        <source>Clear the replicas&apos; left-over state of slot %1</source>
        <translation>清除从节点上槽 %1 的残留状态</translation>
    </message>
    <message>
        <source>A replica may still show slot %1 open (run check --fix): %2</source>
        <translation>某个从节点可能仍显示槽 %1 为打开的槽（请运行 check --fix）：%2</translation>
    </message>
</context>
<context>
    <name>rcs::SlotSet</name>
    <message>
        <source>&apos;%1&apos; in the slot list &apos;%2&apos; is not valid: %3. Write slots from 0 to 16383 as single numbers or ranges, e.g. 0-5460,5462.</source>
        <translation>槽列表 &apos;%2&apos; 中的 &apos;%1&apos; 无效：%3。请用 0 到 16383 之间的单个数字或范围表示槽，例如 0-5460,5462。</translation>
    </message>
    <message>
        <source>it is not a number or a range of numbers</source>
        <translation>它不是数字或数字范围</translation>
    </message>
    <message>
        <source>slots range from 0 to 16383</source>
        <translation>槽的范围是 0 到 16383</translation>
    </message>
    <message>
        <source>the range ends before it starts</source>
        <translation>范围的结尾在开头之前</translation>
    </message>
</context>
<context>
    <name>rcs::StatusWorkflow</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Situation: %1. %2</source>
        <translation>状况：%1。%2</translation>
    </message>
</context>
<context>
    <name>rcs::TemporaryReplicaJob</name>
    <message>
        <source>Forgetting the temporary pod in %1&apos;s annotations</source>
        <translation>正在从 %1 的注解中移除临时 Pod</translation>
    </message>
    <message>
        <source>Naming the temporary pod %1 in %2&apos;s annotations</source>
        <translation>正在把临时 Pod %1 记入 %2 的注解</translation>
    </message>
    <message>
        <source>%1 no longer names a temporary pod</source>
        <translation>%1 不再记录临时 Pod</translation>
    </message>
    <message>
        <source>%1 names its temporary pod %2 (a re-run finishes with it)</source>
        <translation>%1 记录其临时 Pod %2（重新运行会处理完它）</translation>
    </message>
    <message>
        <source>Adding %1 as a replica of %2</source>
        <translation>正在将 %1 添加为 %2 的从节点</translation>
    </message>
    <message>
        <source>The temporary pod was to be %1, but add-node added %2 (the StatefulSet was scaled meanwhile). Remove it with remove-node and run the upgrade again.</source>
        <translation>临时 Pod 应为 %1，但 add-node 添加的是 %2（StatefulSet 在此期间被扩缩过）。请用 remove-node 移除它，然后再次运行升级。</translation>
    </message>
    <message>
        <source>Removing the temporary pod %1</source>
        <translation>正在移除临时 Pod %1</translation>
    </message>
</context>
<context>
    <name>rcs::UpgradeConfig</name>
    <message>
        <source>&apos;%1&apos; does not start with a configuration name (letters, digits and &apos;-&apos; only, e.g. maxmemory-policy=allkeys-lru).</source>
        <translation>“%1”不是以配置项名称开头（只能包含字母、数字和“-”，例如 maxmemory-policy=allkeys-lru）。</translation>
    </message>
    <message>
        <source>%1 is the cluster&apos;s password: it comes from the deployment&apos;s Secret, not from upgrade --set.</source>
        <translation>%1 是集群的密码：它来自部署的 Secret，不能通过 upgrade --set 设置。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no &apos;=&apos;: write a setting as KEY=VALUE, e.g. maxmemory-policy=allkeys-lru.</source>
        <translation>“%1”中没有“=”：请按 KEY=VALUE 的形式写设置，例如 maxmemory-policy=allkeys-lru。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a setting: write the name, a space and the value, e.g. maxmemory-policy allkeys-lru.</source>
        <translation>“%1”不是一个设置：请写出名称、一个空格和值，例如 maxmemory-policy allkeys-lru。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1: applied live on every node (CONFIG SET accepts it), no pod restarts</source>
        <translation>%1：在每个节点上在线生效（CONFIG SET 接受它），不重启任何 Pod</translation>
    </message>
    <message>
        <source>%1: needs the rolling restart (CONFIG SET refused it: %2)</source>
        <translation>%1：需要滚动重启（CONFIG SET 拒绝了它：%2）</translation>
    </message>
</context>
<context>
    <name>rcs::UpgradePlanner</name>
    <message>
        <source>Fail over %1 to %2 (%2 takes over its slots)</source>
        <translation>将 %1 故障转移到 %2（%2 接管它的槽）</translation>
    </message>
    <message>
        <source>Restart %1 (replica of %2)</source>
        <translation>重启 %1（%2 的从节点）</translation>
    </message>
    <message>
        <source>Refused: master %1 has no replica to take over its slots while its pod restarts (its slots would be down meanwhile, and its data lost if the pod has no volume). Add a replica first (add-node --role replica), or run again with --temporary-replica: an extra pod then serves as its replica while it restarts and is removed at the end. Nothing was changed.</source>
        <translation>已拒绝：主节点 %1 没有从节点可在其 Pod 重启期间接管它的槽（这期间它的槽将不可用，如果该 Pod 没有卷，其数据还会丢失）。请先添加一个从节点（add-node --role replica），或加上 --temporary-replica 再次运行：届时会有一个额外的 Pod 在它重启期间充当它的从节点，并在最后被移除。未做任何更改。</translation>
    </message>
    <message>
        <source>Refused: %1, the temporary pod of an earlier upgrade, serves slots as a master and no other pod follows it, so there is no pod to hand them back to. Give it a replica (add-node --role replica), fail over to that one, and run the upgrade again. Nothing was changed.</source>
        <translation>已拒绝：%1 是之前一次升级的临时 Pod，它作为主节点服务着槽，且没有其他 Pod 跟随它，因此没有可以交还这些槽的 Pod。请给它添加一个从节点（add-node --role replica），故障转移到该从节点，然后再次运行升级。未做任何更改。</translation>
    </message>
    <message>
        <source>Add pod %1 (at the new revision) as a temporary replica of %2</source>
        <translation>添加 Pod %1（新修订版本）作为 %2 的临时从节点</translation>
    </message>
    <message>
        <source>Make the temporary pod %1 a replica of %2</source>
        <translation>将临时 Pod %1 设为 %2 的从节点</translation>
    </message>
    <message>
        <source>Remove the temporary pod %1 and its volume (remove-node)</source>
        <translation>移除临时 Pod %1 及其卷（remove-node）</translation>
    </message>
</context>
<context>
    <name>rcs::UpgradeRollout</name>
    <message>
        <source>Restart the pods one by one</source>
        <translation>逐个重启 Pod</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 steps, as asked; the cluster is healthy and a re-run goes on from here.</source>
        <translation>已按要求在 %2 步中的第 %1 步之后停止；集群健康，再次运行将从这里继续。</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3.</source>
        <translation>第 %1 步（共 %2 步）：%3。</translation>
    </message>
    <message>
        <source>Deleting pod %1</source>
        <translation>删除 Pod %1</translation>
    </message>
    <message>
        <source>Waiting for %1 to come back at the new revision</source>
        <translation>等待 %1 以新修订版本重新运行</translation>
    </message>
    <message>
        <source>%1 is Ready at revision %2 (%3).</source>
        <translation>%1 已在修订版本 %2 上就绪（%3）。</translation>
    </message>
    <message>
        <source>it was not re-created</source>
        <translation>它没有被重新创建</translation>
    </message>
    <message>
        <source>the old pod is still there</source>
        <translation>旧 Pod 仍然存在</translation>
    </message>
    <message>
        <source>%1: the pod is not Ready at revision %2: %3.%4 The upgrade stopped here: %1 is a replica, so its master %5 serves its slots and every other pod runs as before. Fix the cause, or go back to the previous image (that is the rollback), and run the command again; pods already at the new revision are skipped.</source>
        <translation>%1：该 Pod 在修订版本 %2 上未就绪：%3。%4 升级在此停止：%1 是从节点，因此由它的主节点 %5 为其槽提供服务，其他所有 Pod 照常运行。请排除原因，或换回之前的镜像（即回滚），然后再次运行命令；已在新修订版本上的 Pod 会被跳过。</translation>
    </message>
    <message>
        <source> Its last log lines: %1</source>
        <translation> 它最后的日志行：%1</translation>
    </message>
    <message>
        <source>Asking %1 who it is</source>
        <translation>询问 %1 的身份</translation>
    </message>
    <message>
        <source>Letting the cluster meet %1 at its new address</source>
        <translation>让集群在新地址上与 %1 建立联系</translation>
    </message>
    <message>
        <source>Waiting until every node sees %1 back</source>
        <translation>等待每个节点都看到 %1 回来</translation>
    </message>
    <message>
        <source>%1 came back blank (new node id %2: no volume?); it rejoins as a replica of %3 and its old id %4 is forgotten.</source>
        <translation>%1 以空白节点的身份回来（新节点 ID %2：没有卷？）；它将作为 %3 的从节点重新加入，其旧 ID %4 将被遗忘。</translation>
    </message>
    <message>
        <source>Forgetting the old id of %1 on every node</source>
        <translation>在每个节点上遗忘 %1 的旧 ID</translation>
    </message>
    <message>
        <source>Forget the old id of %1 on %2</source>
        <translation>在 %2 上遗忘 %1 的旧 ID</translation>
    </message>
    <message>
        <source>Joining %1 again as a replica of %2</source>
        <translation>将 %1 重新作为 %2 的从节点加入</translation>
    </message>
    <message>
        <source>Handing %1&apos;s slots to %2</source>
        <translation>将 %1 的槽交给 %2</translation>
    </message>
    <message>
        <source>Waiting until every node sees %1 as the master</source>
        <translation>等待每个节点都将 %1 视为主节点</translation>
    </message>
    <message>
        <source>Waiting until %1 is in sync with its master</source>
        <translation>等待 %1 与其主节点同步</translation>
    </message>
    <message>
        <source>%1: %2 is not a replica of a known master.</source>
        <translation>%1：%2 不是某个已知主节点的从节点。</translation>
    </message>
    <message>
        <source>its link to the master is %1</source>
        <translation>它与主节点的链路状态为 %1</translation>
    </message>
    <message>
        <source>the full sync is still in progress</source>
        <translation>全量同步仍在进行</translation>
    </message>
    <message>
        <source>it has processed offset %1 of %2</source>
        <translation>它已处理到偏移量 %1（目标 %2）</translation>
    </message>
    <message>
        <source>%1 did not catch up with its master within %2 s: %3. The upgrade stopped here; run the command again once it has.</source>
        <translation>%1 未在 %2 秒内追上其主节点：%3。升级在此停止；待其追上后请再次运行命令。</translation>
    </message>
    <message>
        <source>%1: the cluster did not settle within %2 s: %3.</source>
        <translation>%1：集群未在 %2 秒内稳定：%3。</translation>
    </message>
    <message>
        <source> The temporary pod %1 serves the slots of %2 as a master: a re-run (after fixing the cause) restarts %2 if needed, hands its slots back and removes %1.</source>
        <translation>临时 Pod %1 正作为主节点服务 %2 的槽：（排除原因后）重新运行会在需要时重启 %2、把槽交还给它并移除 %1。</translation>
    </message>
    <message>
        <source> The temporary pod %1 stays, a replica of %2, until a re-run removes it.</source>
        <translation>临时 Pod %1 仍作为 %2 的从节点保留，直到重新运行将其移除。</translation>
    </message>
    <message>
        <source>Waiting %1 s until %2 may stand for election again (Redis allows it every 4 × cluster-node-timeout)</source>
        <translation>正在等待 %1 秒，直到 %2 可以再次参选（Redis 每 4 × cluster-node-timeout 才允许一次）</translation>
    </message>
    <message>
        <source>Waiting until every node sees the cluster without %1</source>
        <translation>正在等待每个节点都看到没有 %1 的集群</translation>
    </message>
    <message>
        <source>Waiting until every node sees %1 follow %2</source>
        <translation>正在等待每个节点都看到 %1 跟随 %2</translation>
    </message>
    <message>
        <source>Making %1 a replica of %2</source>
        <translation>正在将 %1 设为 %2 的从节点</translation>
    </message>
</context>
<context>
    <name>rcs::UpgradeWorkflow</name>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>A rolling restart</source>
        <translation>滚动重启</translation>
    </message>
    <message>
        <source>An upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>A rollout is in progress (not every pod runs revision %1): it goes on.</source>
        <translation>有一次发布正在进行（并非每个 Pod 都运行修订版本 %1）：将继续进行。</translation>
    </message>
    <message>
        <source>Every pod already runs revision %1 with what was asked; nothing was changed.</source>
        <translation>每个 Pod 都已按要求运行修订版本 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>restart %1 pods one by one, %2 of them masters handed over by a failover first</source>
        <translation>逐个重启 %1 个 Pod，其中 %2 个主节点先通过故障转移交出</translation>
    </message>
    <message>
        <source>Dry run: the rolling restart would %1; nothing was changed.</source>
        <translation>演练：滚动重启将%1；未做任何更改。</translation>
    </message>
    <message>
        <source>Dry run: the upgrade would %1; nothing was changed.</source>
        <translation>演练：升级将%1；未做任何更改。</translation>
    </message>
    <message>
        <source>Patching StatefulSet %1 (new template, OnDelete)</source>
        <translation>修补 StatefulSet %1（新模板，OnDelete）</translation>
    </message>
    <message>
        <source>Switch %1 to OnDelete with the new pod template</source>
        <translation>将 %1 切换为 OnDelete 并使用新的 Pod 模板</translation>
    </message>
    <message>
        <source>Give %1 the new pod template and the OnDelete strategy in one patch</source>
        <translation>在同一次修补中为 %1 设置新的 Pod 模板和 OnDelete 策略</translation>
    </message>
    <message>
        <source>Switch %1 to the OnDelete strategy</source>
        <translation>将 %1 切换为 OnDelete 策略</translation>
    </message>
    <message>
        <source>%1, then wait until it is Ready at the new revision and in sync</source>
        <translation>%1，然后等待它在新修订版本上就绪并完成同步</translation>
    </message>
    <message>
        <source>Give %1 its update strategy back (%2)</source>
        <translation>恢复 %1 的更新策略（%2）</translation>
    </message>
    <message>
        <source>Waiting for the StatefulSet controller to see the new template</source>
        <translation>等待 StatefulSet 控制器看到新模板</translation>
    </message>
    <message>
        <source>The StatefulSet controller did not take the new template within %1 s (observed generation %2 of %3): is kube-controller-manager running?</source>
        <translation>StatefulSet 控制器未在 %1 秒内采用新模板（已观察到的代数为 %2，目标 %3）：kube-controller-manager 是否在运行？</translation>
    </message>
    <message>
        <source>The new revision is %1; %2 pods already run it.</source>
        <translation>新修订版本为 %1；已有 %2 个 Pod 在运行它。</translation>
    </message>
    <message>
        <source>Restoring the update strategy</source>
        <translation>恢复更新策略</translation>
    </message>
    <message>
        <source> Restoring the update strategy failed too (%1): the StatefulSet is still OnDelete; a re-run restores it.</source>
        <translation> 恢复更新策略也失败了（%1）：StatefulSet 仍为 OnDelete；再次运行会恢复它。</translation>
    </message>
    <message>
        <source> The StatefulSet&apos;s update strategy is %1 again%2.</source>
        <translation> StatefulSet 的更新策略已恢复为 %1%2。</translation>
    </message>
    <message>
        <source>, holding every pod until a re-run finishes the upgrade</source>
        <translation>，并保持所有 Pod 不动，直到再次运行完成升级</translation>
    </message>
    <message>
        <source>Restarted %1 pods one by one (%2), %3 masters handed over by a failover first; every pod runs the new revision and every node sees the cluster as before.</source>
        <translation>已逐个重启 %1 个 Pod（%2），其中 %3 个主节点先通过故障转移交出；每个 Pod 都运行新修订版本，每个节点看到的集群与之前一致。</translation>
    </message>
    <message>
        <source>Verifying the upgrade</source>
        <translation>验证升级</translation>
    </message>
    <message>
        <source>Verifying the upgrade: %1 do not run revision %2; run the command again.</source>
        <translation>验证升级：%1 未运行修订版本 %2；请再次运行命令。</translation>
    </message>
    <message>
        <source>Give %1 its update strategy back, holding every pod</source>
        <translation>恢复 %1 的更新策略，并保持所有 Pod 不动</translation>
    </message>
    <message>
        <source>The cluster is not healthy only because %1 (replicas of the stopped upgrade) are not Ready; every slot is served by a reachable master, so the run goes on and restarts them at the new revision along with the others.</source>
        <translation>集群不健康只是因为 %1（已停止的升级中的从节点）未就绪；每个槽都由可达的主节点提供服务，因此继续运行，并将它们与其他 Pod 一起以新修订版本重启。</translation>
    </message>
    <message>
        <source>Say what to change: a new image, CPU or memory, a setting, or a restart.</source>
        <translation>请说明要更改的内容：新镜像、CPU 或内存、某个设置，或者重启。</translation>
    </message>
    <message>
        <source>No Redis node is reachable to ask which settings apply live.</source>
        <translation>没有可访问的 Redis 节点，无法询问哪些设置可以在线生效。</translation>
    </message>
    <message>
        <source>Asking the servers how %1 applies</source>
        <translation>询问服务器 %1 如何生效</translation>
    </message>
    <message>
        <source>Refused: %1 on %2 does not know the configuration key %3 (CONFIG GET %3 returned nothing); check its name for this server version. Nothing was changed.</source>
        <translation>已拒绝：%2 上的 %1 不认识配置键 %3（CONFIG GET %3 没有返回任何内容）；请检查该名称是否适用于此服务器版本。未做任何更改。</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Reading ConfigMap %1</source>
        <translation>读取 ConfigMap %1</translation>
    </message>
    <message>
        <source>ConfigMap %1 (what %2 mounts as redis.conf) has no %3 key: the settings have nowhere to be kept. Deploy the manifests again (deploy), then run the upgrade. Nothing was changed.</source>
        <translation>ConfigMap %1（%2 将其挂载为 redis.conf）中没有 %3 键：这些设置无处保存。请重新部署清单（deploy），然后再运行升级。未做任何更改。</translation>
    </message>
    <message>
        <source>set %1 live on every node</source>
        <translation>在每个节点上在线设置 %1</translation>
    </message>
    <message>
        <source>write %1 to redis.conf for the rolling restart (CONFIG SET cannot change it live)</source>
        <translation>把 %1 写入 redis.conf，供滚动重启使用（CONFIG SET 无法在线更改它）</translation>
    </message>
    <message>
        <source>keep the settings in ConfigMap %1</source>
        <translation>把这些设置保存到 ConfigMap %1</translation>
    </message>
    <message>
        <source>%1 — on %2</source>
        <translation>%1 —— 在 %2 上</translation>
    </message>
    <message>
        <source>Keep the settings in redis.conf of ConfigMap %1%2</source>
        <translation>把这些设置保存到 ConfigMap %1 的 redis.conf 中%2</translation>
    </message>
    <message>
        <source>Trying %1 %2 on %3</source>
        <translation>在 %3 上试用 %1 %2</translation>
    </message>
    <message>
        <source>Set %1 to %2 on %3</source>
        <translation>在 %3 上把 %1 设为 %2</translation>
    </message>
    <message>
        <source>Refused: %1 rejected CONFIG SET %2 %3 (%4). Nothing was changed: the settings tried before it were set back on %1 and no other node or the ConfigMap was touched.</source>
        <translation>已拒绝：%1 拒绝了 CONFIG SET %2 %3（%4）。未做任何更改：之前试用的设置已在 %1 上恢复，其他节点和 ConfigMap 都未改动。</translation>
    </message>
    <message>
        <source>Setting %1 to %2 on every node</source>
        <translation>在每个节点上把 %1 设为 %2</translation>
    </message>
    <message>
        <source>CONFIG SET %1 %2 failed on %3 (%4): the other nodes have the new value, these keep the old one, and the ConfigMap was not changed. Fix the cause and run the upgrade again (CONFIG SET is harmless to repeat).</source>
        <translation>CONFIG SET %1 %2 在 %3 上失败（%4）：其他节点已是新值，这些节点保留旧值，ConfigMap 未更改。请排除原因后再次运行升级（重复执行 CONFIG SET 没有害处）。</translation>
    </message>
    <message>
        <source>%1 is %2 on every node (CONFIG SET, no restart).</source>
        <translation>每个节点上的 %1 现在都是 %2（CONFIG SET，无需重启）。</translation>
    </message>
    <message>
        <source>Keeping the settings in ConfigMap %1</source>
        <translation>正在把这些设置保存到 ConfigMap %1</translation>
    </message>
    <message>
        <source>Keep the settings in redis.conf of ConfigMap %1</source>
        <translation>把这些设置保存到 ConfigMap %1 的 redis.conf 中</translation>
    </message>
    <message>
        <source>ConfigMap %1 keeps the settings in redis.conf.</source>
        <translation>ConfigMap %1 已在 redis.conf 中保存这些设置。</translation>
    </message>
    <message>
        <source>, with the temporary pod %1 as the replica of each master that has none (it is removed at the end)</source>
        <translation>，并由临时 Pod %1 充当每个没有从节点的主节点的从节点（最后会被移除）</translation>
    </message>
    <message>
        <source>The temporary pod %1 handed every slot it took over back and was removed with its volume.</source>
        <translation>临时 Pod %1 已交还它接管的每个槽，并已连同其卷一起移除。</translation>
    </message>
</context>
<context>
    <name>rcs::WatchStreamParser</name>
    <message>
        <source>A watch event exceeded %1 MiB without a line end; the stream was dropped.</source>
        <translation>某个监视事件超过 %1 MiB 仍没有换行；已丢弃该数据流。</translation>
    </message>
    <message>
        <source>A watch event is not valid JSON (%1): %2</source>
        <translation>某个监视事件不是有效的 JSON（%1）：%2</translation>
    </message>
    <message>
        <source>A watch event has the unknown type &quot;%1&quot;.</source>
        <translation>某个监视事件的类型 &quot;%1&quot; 未知。</translation>
    </message>
</context>
<context>
    <name>rcs::Workflow</name>
    <message>
        <source>Reading namespace %1</source>
        <translation>读取命名空间 %1</translation>
    </message>
    <message>
        <source>Reading StatefulSet %1</source>
        <translation>读取 StatefulSet %1</translation>
    </message>
    <message>
        <source>Reading the password Secret</source>
        <translation>读取密码 Secret</translation>
    </message>
    <message>
        <source>Listing the pods</source>
        <translation>列出 Pod</translation>
    </message>
    <message>
        <source>Pod %1 is stuck: %2</source>
        <translation>Pod %1 卡住了：%2</translation>
    </message>
    <message>
        <source>%1 does not exist yet</source>
        <translation>%1 尚不存在</translation>
    </message>
    <message>
        <source>%1 is still there (waiting for it to go)</source>
        <translation>%1 仍然存在（等待其消失）</translation>
    </message>
    <message>
        <source>%1: timed out after %2 s with %3 of %4 pods Ready. %5. Check the pods with &apos;%6 describe pod&apos;, fix the cause, and run the command again.</source>
        <translation>%1：%2 秒后超时，%4 个 Pod 中有 %3 个就绪。%5。请用 &apos;%6 describe pod&apos; 查看 Pod，排除原因后重新运行命令。</translation>
    </message>
    <message>
        <source>Reaching the pods (%1 access)</source>
        <translation>访问 Pod（%1 访问方式）</translation>
    </message>
    <message>
        <source>Reading the cluster state</source>
        <translation>读取集群状态</translation>
    </message>
    <message>
        <source>There is no StatefulSet %1 in namespace %2: %3</source>
        <translation>命名空间 %2 中没有 StatefulSet %1：%3</translation>
    </message>
    <message>
        <source>Waiting for every pod to be Ready</source>
        <translation>等待所有 Pod 就绪</translation>
    </message>
    <message>
        <source>%1 needs a healthy cluster, and this one is %2: %3 Nothing was changed.</source>
        <translation>“%1”需要健康的集群，而此集群处于 %2：%3 未做任何更改。</translation>
    </message>
    <message>
        <source>Reading the TLS Secret %1</source>
        <translation>读取 TLS Secret %1</translation>
    </message>
    <message>
        <source>The pods mount the TLS Secret %1, which does not exist in namespace %2: the studio has no CA to verify them with.</source>
        <translation>这些 Pod 挂载了 TLS Secret %1，但它在命名空间 %2 中不存在：工作室没有可用于验证它们的 CA 证书。</translation>
    </message>
    <message>
        <source>The pods speak TLS: the studio verifies them against ca.crt of Secret %1 and their names under service %2; the redis-cli lines below read the files this command writes.</source>
        <translation>这些 Pod 使用 TLS：工作室用 Secret %1 中的 ca.crt 验证它们，并校验它们在服务 %2 下的名称；下面的 redis-cli 命令读取此命令写出的文件。</translation>
    </message>
</context>
<context>
    <name>rcs::YamlJson</name>
    <message>
        <source>%1: document %2 is not a YAML mapping (an object with keys).</source>
        <translation>%1：文档 %2 不是 YAML 映射（带键的对象）。</translation>
    </message>
    <message>
        <source>%1: YAML error at line %2, column %3: %4.</source>
        <translation>%1：第 %2 行第 %3 列有 YAML 错误：%4。</translation>
    </message>
    <message>
        <source>%1: cannot read the YAML: %2.</source>
        <translation>%1：无法读取 YAML：%2。</translation>
    </message>
</context>
<context>
    <name>rcs::backup::BackupJob</name>
    <message numerus="yes">
        <source>Back up %n master(s) to %1</source>
        <translation>
            <numerusform>将 %n 个主节点备份到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot back up: no master was given.</source>
        <translation>无法备份：没有给出主节点。</translation>
    </message>
    <message>
        <source>Ask %1 which server it runs</source>
        <translation>询问 %1 运行的服务器版本</translation>
    </message>
    <message>
        <source>Read the RDB of %1 (%2 of %3)</source>
        <translation>读取 %1 的 RDB（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>%1: %2 keys, %3 bytes of RDB (diskless: streamed to its end marker).</source>
        <translation>%1：%2 个键，RDB 共 %3 字节（无盘传输：读到结束标记为止）。</translation>
    </message>
    <message>
        <source>%1: %2 keys, %3 bytes of RDB.</source>
        <translation>%1：%2 个键，RDB 共 %3 字节。</translation>
    </message>
    <message>
        <source>Write the manifest and close %1</source>
        <translation>写入清单并关闭 %1</translation>
    </message>
</context>
<context>
    <name>rcs::backup::LiveDigestJob</name>
    <message numerus="yes">
        <source>Digest the live keys of %n master(s)</source>
        <translation>
            <numerusform>计算 %n 个主节点上现有键的摘要</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the keys of %1</source>
        <translation>读取 %1 的键</translation>
    </message>
    <message>
        <source>Key %1 on %2: %3</source>
        <translation>%2 上的键 %1：%3</translation>
    </message>
</context>
<context>
    <name>rcs::backup::ReplicationStream</name>
    <message>
        <source>Read the RDB of %1</source>
        <translation>读取 %1 的 RDB</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <source>%1 refused the password: %2</source>
        <translation>%1 拒绝了密码：%2</translation>
    </message>
    <message>
        <source>%1 refused REPLCONF: %2. The user needs permission for REPLCONF and SYNC.</source>
        <translation>%1 拒绝了 REPLCONF：%2。该用户需要 REPLCONF 和 SYNC 的权限。</translation>
    </message>
    <message>
        <source>Wait for %1 to prepare its RDB</source>
        <translation>等待 %1 准备好 RDB</translation>
    </message>
    <message>
        <source>%1 answered SYNC with something that is not an RDB transfer.</source>
        <translation>%1 对 SYNC 的回复不是 RDB 传输。</translation>
    </message>
    <message>
        <source>%1 refused SYNC: %2. A master gives its data to a user allowed to run SYNC; a replica only once it is in sync.</source>
        <translation>%1 拒绝了 SYNC：%2。主节点只把数据交给有权运行 SYNC 的用户；从节点只有在同步完成后才会给出数据。</translation>
    </message>
    <message>
        <source>%1 answered SYNC with &quot;%2&quot; instead of an RDB transfer.</source>
        <translation>%1 对 SYNC 的回复是“%2”，而不是 RDB 传输。</translation>
    </message>
    <message>
        <source>%1 announced an RDB with a malformed end marker.</source>
        <translation>%1 声明的 RDB 结束标记格式错误。</translation>
    </message>
    <message>
        <source>%1 announced an RDB of a size that is not a number.</source>
        <translation>%1 声明的 RDB 大小不是数字。</translation>
    </message>
    <message>
        <source>The RDB %1 sent is damaged: %2</source>
        <translation>%1 发送的 RDB 已损坏：%2</translation>
    </message>
    <message>
        <source>The RDB %1 sent is incomplete: %2</source>
        <translation>%1 发送的 RDB 不完整：%2</translation>
    </message>
    <message>
        <source>The link to %1 closed after %2 bytes of its RDB: %3</source>
        <translation>到 %1 的连接在其 RDB 传输了 %2 字节后关闭：%3</translation>
    </message>
    <message>
        <source>Cannot connect to %1: no answer within %2 ms.</source>
        <translation>无法连接到 %1：%2 毫秒内没有应答。</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 s while it should send its RDB (after %3 bytes); check that it can fork and write its snapshot.</source>
        <translation>%1 在应发送 RDB 时 %2 秒没有发送任何数据（已收到 %3 字节）；请检查它能否 fork 并写出快照。</translation>
    </message>
</context>
<context>
    <name>rcs::backup::RestoreJob</name>
    <message numerus="yes">
        <source>Restore %1 into %n master(s)</source>
        <translation>
            <numerusform>将 %1 还原到 %n 个主节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot restore: %1 slots are served by no master of the target; their keys would have nowhere to go. Fix the cluster first (check --fix).</source>
        <translation>无法还原：目标中有 %1 个槽没有任何主节点提供服务，这些槽的键无处可放。请先修复集群（check --fix）。</translation>
    </message>
    <message>
        <source>Cannot restore into %1 masters.</source>
        <translation>无法还原到 %1 个主节点。</translation>
    </message>
    <message>
        <source>Cannot restore %1: %2 Nothing was written.</source>
        <translation>无法还原 %1：%2 没有写入任何内容。</translation>
    </message>
    <message>
        <source>%1 keys restored before cancel (commands in flight may have been applied too).</source>
        <translation>取消前已还原 %1 个键（发送中的命令也可能已生效）。</translation>
    </message>
    <message>
        <source>%1 keys were restored before the error.</source>
        <translation>出错前已还原 %1 个键。</translation>
    </message>
    <message>
        <source>%1 verified: %2 keys from %3 masters, taken %4.</source>
        <translation>%1 已校验：%2 个键，来自 %3 个主节点，备份于 %4。</translation>
    </message>
    <message>
        <source>Ask the target&apos;s masters which server they run</source>
        <translation>询问目标的主节点运行的是哪种服务器</translation>
    </message>
    <message>
        <source>Cannot restore into %1: %2 is older than Redis 5.0, whose RESTORE … ABSTTL the restore needs.</source>
        <translation>无法还原到 %1：%2 早于 Redis 5.0，而还原需要其 RESTORE … ABSTTL。</translation>
    </message>
    <message>
        <source>Check that the target holds no key</source>
        <translation>检查目标中没有任何键</translation>
    </message>
    <message>
        <source>%1 holds %2 keys</source>
        <translation>%1 有 %2 个键</translation>
    </message>
    <message>
        <source>Cannot restore into a cluster that holds keys (%1); nothing was written.</source>
        <translation>无法还原到已有键的集群（%1）；没有写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>%1 changed since it was verified: it lacks %2.</source>
        <translation>%1 在校验之后发生了变化：缺少 %2。</translation>
    </message>
    <message>
        <source>Restore %1 keys into %2 masters</source>
        <translation>将 %1 个键还原到 %2 个主节点</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 changed since it was verified: %2</source>
        <translation>%1 在校验之后发生了变化：%2</translation>
    </message>
    <message>
        <source>Cannot restore key %1 into %2: %3.</source>
        <translation>无法把键 %1 还原到 %2：%3。</translation>
    </message>
    <message>
        <source>Restore the keys of %1: %2 of %3 answered</source>
        <translation>还原 %1 的键：%3 个中已应答 %2 个</translation>
    </message>
    <message>
        <source>Cannot load a function library of the backup: %1</source>
        <translation>无法加载备份中的函数库：%1</translation>
    </message>
</context>
<context>
    <name>rcs::backup::Text</name>
    <message>
        <source>An LZF-compressed string is damaged: %1.</source>
        <translation>一个 LZF 压缩的字符串已损坏：%1。</translation>
    </message>
    <message>
        <source>a ziplist shorter than its header</source>
        <translation>ziplist 比其头部还短</translation>
    </message>
    <message>
        <source>a ziplist whose header says %1 bytes in a string of %2</source>
        <translation>ziplist 头部声明 %1 字节，但字符串只有 %2 字节</translation>
    </message>
    <message>
        <source>a ziplist without its end marker</source>
        <translation>ziplist 缺少结束标记</translation>
    </message>
    <message>
        <source>a ziplist entry cut off</source>
        <translation>ziplist 条目被截断</translation>
    </message>
    <message>
        <source>a ziplist entry with a bad length</source>
        <translation>ziplist 条目长度错误</translation>
    </message>
    <message>
        <source>a ziplist string runs past the end</source>
        <translation>ziplist 字符串超出末尾</translation>
    </message>
    <message>
        <source>a ziplist entry with unknown encoding 0x%1</source>
        <translation>ziplist 条目的编码 0x%1 未知</translation>
    </message>
    <message>
        <source>a ziplist integer runs past the end</source>
        <translation>ziplist 整数超出末尾</translation>
    </message>
    <message>
        <source>bytes after a ziplist&apos;s end marker</source>
        <translation>ziplist 结束标记之后还有字节</translation>
    </message>
    <message>
        <source>a listpack shorter than its header</source>
        <translation>listpack 比其头部还短</translation>
    </message>
    <message>
        <source>a listpack whose header says %1 bytes in a string of %2</source>
        <translation>listpack 头部声明 %1 字节，但字符串只有 %2 字节</translation>
    </message>
    <message>
        <source>a listpack without its end marker</source>
        <translation>listpack 缺少结束标记</translation>
    </message>
    <message>
        <source>a listpack entry cut off</source>
        <translation>listpack 条目被截断</translation>
    </message>
    <message>
        <source>a listpack entry with unknown encoding 0x%1</source>
        <translation>listpack 条目的编码 0x%1 未知</translation>
    </message>
    <message>
        <source>a listpack string runs past the end</source>
        <translation>listpack 字符串超出末尾</translation>
    </message>
    <message>
        <source>bytes after a listpack&apos;s end marker</source>
        <translation>listpack 结束标记之后还有字节</translation>
    </message>
    <message>
        <source>an intset shorter than its header</source>
        <translation>intset 比其头部还短</translation>
    </message>
    <message>
        <source>an intset with element size %1</source>
        <translation>intset 的元素大小为 %1</translation>
    </message>
    <message>
        <source>an intset whose count does not match its size</source>
        <translation>intset 的元素个数与其大小不符</translation>
    </message>
    <message>
        <source>an empty zipmap</source>
        <translation>空的 zipmap</translation>
    </message>
    <message>
        <source>a zipmap without its end marker</source>
        <translation>zipmap 缺少结束标记</translation>
    </message>
    <message>
        <source>a zipmap key runs past the end</source>
        <translation>zipmap 键超出末尾</translation>
    </message>
    <message>
        <source>a zipmap value cut off</source>
        <translation>zipmap 值被截断</translation>
    </message>
    <message>
        <source>a zipmap value runs past the end</source>
        <translation>zipmap 值超出末尾</translation>
    </message>
    <message>
        <source>bytes after a zipmap&apos;s end marker</source>
        <translation>zipmap 结束标记之后还有字节</translation>
    </message>
    <message>
        <source>unknown length encoding 0x%1</source>
        <translation>未知的长度编码 0x%1</translation>
    </message>
    <message>
        <source>an encoded string where a length belongs</source>
        <translation>应为长度的位置出现了编码字符串</translation>
    </message>
    <message>
        <source>a count of %1 items exceeds the reader&apos;s limit</source>
        <translation>%1 个元素的数量超出读取器的上限</translation>
    </message>
    <message>
        <source>a string of %1 bytes exceeds the reader&apos;s limit of %2</source>
        <translation>%1 字节的字符串超出读取器 %2 字节的上限</translation>
    </message>
    <message>
        <source>a compressed string of %1 bytes exceeds the reader&apos;s limit of %2</source>
        <translation>%1 字节的压缩字符串超出读取器 %2 字节的上限</translation>
    </message>
    <message>
        <source>a compressed string claims %1 bytes from %2</source>
        <translation>压缩字符串声称由 %2 字节解压为 %1 字节</translation>
    </message>
    <message>
        <source>unknown string encoding %1</source>
        <translation>未知的字符串编码 %1</translation>
    </message>
    <message>
        <source>a score that is not a number</source>
        <translation>分数不是数字</translation>
    </message>
    <message>
        <source>%1 bytes after the value</source>
        <translation>值之后多出 %1 字节</translation>
    </message>
    <message>
        <source>A value of RDB type %1 is cut off after %2 bytes.</source>
        <translation>RDB 类型 %1 的值在 %2 字节后被截断。</translation>
    </message>
    <message>
        <source>A value of RDB type %1 is damaged at its byte %2: %3.</source>
        <translation>RDB 类型 %1 的值在第 %2 字节处损坏：%3。</translation>
    </message>
    <message>
        <source>unknown module data opcode %1</source>
        <translation>未知的模块数据操作码 %1</translation>
    </message>
    <message>
        <source>RDB record at byte %1: %2.</source>
        <translation>位于第 %1 字节的 RDB 记录：%2。</translation>
    </message>
    <message>
        <source>%1 bytes follow the end of the RDB data</source>
        <translation>RDB 数据结束后还有 %1 字节</translation>
    </message>
    <message>
        <source>the data is truncated: it ends after %1 bytes, before the end-of-file marker and checksum (an interrupted transfer or a partial file)</source>
        <translation>数据不完整：在 %1 字节后结束，缺少文件结束标记和校验和（传输中断或文件不完整）</translation>
    </message>
    <message>
        <source>%1 (at byte %2)</source>
        <translation>%1（第 %2 字节）</translation>
    </message>
    <message>
        <source>the record needs %1 bytes, more than the reader&apos;s limit of %2</source>
        <translation>该记录需要 %1 字节，超出读取器 %2 字节的上限</translation>
    </message>
    <message>
        <source>not an RDB file (it does not start with &quot;REDIS&quot;)</source>
        <translation>不是 RDB 文件（开头不是“REDIS”）</translation>
    </message>
    <message>
        <source>not an RDB file (bad version field)</source>
        <translation>不是 RDB 文件（版本字段错误）</translation>
    </message>
    <message>
        <source>RDB version %1 is newer than this reader supports (up to %2)</source>
        <translation>RDB 版本 %1 比本读取器支持的版本（最高 %2）更新</translation>
    </message>
    <message>
        <source>the checksum does not match (stored %1, computed %2): the data is damaged</source>
        <translation>校验和不匹配（存储值 %1，计算值 %2）：数据已损坏</translation>
    </message>
    <message>
        <source>database number %1 is out of range</source>
        <translation>数据库编号 %1 超出范围</translation>
    </message>
    <message>
        <source>a function record of a Redis 7.0 release candidate, which this reader does not read</source>
        <translation>Redis 7.0 候选版本的函数记录，本读取器不读取此格式</translation>
    </message>
    <message>
        <source>module data of &quot;%1&quot; in an unknown layout</source>
        <translation>模块“%1”的数据布局未知</translation>
    </message>
    <message>
        <source>unknown value type %1 (the file is damaged or written by a newer server)</source>
        <translation>未知的值类型 %1（文件已损坏或由更新的服务器写入）</translation>
    </message>
    <message>
        <source>a sorted set with a member without a score</source>
        <translation>有序集合中有成员缺少分数</translation>
    </message>
    <message>
        <source>a sorted set score that is not a number</source>
        <translation>有序集合的分数不是数字</translation>
    </message>
    <message>
        <source>a stream entry cut off</source>
        <translation>stream 条目被截断</translation>
    </message>
    <message>
        <source>a stream node key of %1 bytes instead of 16</source>
        <translation>stream 节点键为 %1 字节而不是 16 字节</translation>
    </message>
    <message>
        <source>a stream consumer owns an entry missing from its group&apos;s pending list</source>
        <translation>stream 消费者持有的条目不在其消费组的待处理列表中</translation>
    </message>
    <message>
        <source>a hash with a field without a value</source>
        <translation>哈希中有字段缺少值</translation>
    </message>
    <message>
        <source>a list node of unknown kind %1</source>
        <translation>列表节点的种类 %1 未知</translation>
    </message>
    <message>
        <source>an empty list node</source>
        <translation>空的列表节点</translation>
    </message>
    <message>
        <source>a value of the module type &quot;%1&quot; (module values cannot be read or restored without that module; byte %2)</source>
        <translation>模块类型“%1”的值（没有该模块就无法读取或恢复模块值；第 %2 字节）</translation>
    </message>
    <message>
        <source>unknown value type %1</source>
        <translation>未知的值类型 %1</translation>
    </message>
    <message>
        <source>a stream node with a damaged field template</source>
        <translation>stream 节点的字段模板已损坏</translation>
    </message>
    <message>
        <source>a stream node whose field template is not terminated</source>
        <translation>stream 节点的字段模板没有结束</translation>
    </message>
    <message>
        <source>Cannot %1 %2: %3.</source>
        <translation>无法%1 %2：%3。</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file or pass --force to replace it.</source>
        <translation>%1 已存在；请选择其他文件，或加 --force 替换它。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>flush to disk</source>
        <translation>刷新到磁盘</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: %3.</source>
        <translation>无法将 %1 重命名为 %2：%3。</translation>
    </message>
    <message>
        <source>at its start</source>
        <translation>在开头</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>在 %1 之后</translation>
    </message>
    <message>
        <source>The archive is truncated: it ends %1 without tar&apos;s end blocks.</source>
        <translation>归档不完整：它%1结束，缺少 tar 的结束块。</translation>
    </message>
    <message>
        <source>The archive is damaged: the tar header at byte %1 (%2) fails its checksum; it is not a backup made by this studio, or it was altered.</source>
        <translation>归档已损坏：第 %1 字节处的 tar 头（%2）校验失败；它不是本程序生成的备份，或已被修改。</translation>
    </message>
    <message>
        <source>The archive is damaged: %1 has no readable size.</source>
        <translation>归档已损坏：%1 没有可读的大小。</translation>
    </message>
    <message>
        <source>The archive is truncated: %1 holds %2 of its %3 bytes.</source>
        <translation>归档不完整：%1 只有 %3 字节中的 %2 字节。</translation>
    </message>
    <message>
        <source>The archive is truncated after %1.</source>
        <translation>归档在 %1 之后被截断。</translation>
    </message>
    <message>
        <source>%1 holds %2 bytes; the manifest says %3.</source>
        <translation>%1 有 %2 字节；清单记录为 %3。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 已损坏：%2</translation>
    </message>
    <message>
        <source>%1 differs from the manifest&apos;s SHA-256: the archive was altered or damaged.</source>
        <translation>%1 与清单中的 SHA-256 不符：归档已被修改或损坏。</translation>
    </message>
    <message>
        <source>%1 is incomplete: %2</source>
        <translation>%1 不完整：%2</translation>
    </message>
    <message>
        <source>%1 holds %2 keys; the manifest says %3.</source>
        <translation>%1 有 %2 个键；清单记录为 %3。</translation>
    </message>
    <message>
        <source>%1 has keys in other slots than the manifest lists.</source>
        <translation>%1 中有键位于清单未列出的槽中。</translation>
    </message>
    <message>
        <source>%1: the digest of slot %2 differs from the manifest&apos;s.</source>
        <translation>%1：槽 %2 的摘要与清单中的不符。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <source>The archive holds no manifest.json: it is not a finished backup of this studio.</source>
        <translation>归档中没有清单 manifest.json：它不是本程序完成的备份。</translation>
    </message>
    <message>
        <source>manifest.json is too large to be a backup manifest (%1 bytes).</source>
        <translation>manifest.json 太大，不可能是备份清单（%1 字节）。</translation>
    </message>
    <message>
        <source>manifest.json: %1 claims slots another shard claims too.</source>
        <translation>清单 manifest.json：%1 声明的槽也被另一个分片声明。</translation>
    </message>
    <message>
        <source>The archive lacks %1, which the manifest lists.</source>
        <translation>归档中缺少清单列出的 %1。</translation>
    </message>
    <message>
        <source>Cannot back up: master %1 (%2) serves slots but is %3; recover the cluster first.</source>
        <translation>无法备份：主节点 %1（%2）负责槽，但%3；请先恢复集群。</translation>
    </message>
    <message>
        <source>flagged as failing</source>
        <translation>被标记为故障</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <source>Cannot back up: no master serves slots.</source>
        <translation>无法备份：没有主节点负责槽。</translation>
    </message>
    <message>
        <source>Cannot back up: %1 slots are served by no master; a backup would miss their keys. Fix the cluster first (check --fix).</source>
        <translation>无法备份：%1 个槽没有主节点负责，备份会遗漏其中的键。请先修复集群（check --fix）。</translation>
    </message>
    <message>
        <source>manifest.json: %1</source>
        <translation>清单 manifest.json：%1</translation>
    </message>
    <message>
        <source>not a JSON object (%1).</source>
        <translation>不是 JSON 对象（%1）。</translation>
    </message>
    <message>
        <source>not the manifest of a Redis Cluster Studio backup.</source>
        <translation>不是 Redis Cluster Studio 备份的清单。</translation>
    </message>
    <message>
        <source>format %1 is not one this version reads (1 to %2); use a newer studio.</source>
        <translation>本版本不能读取格式 %1（只支持 1 到 %2）；请使用更新的版本。</translation>
    </message>
    <message>
        <source>it lists no shard.</source>
        <translation>其中没有列出任何分片。</translation>
    </message>
    <message>
        <source>shard %1 is listed out of order.</source>
        <translation>分片 %1 的顺序不对。</translation>
    </message>
    <message>
        <source>%1 has a slot range that is not valid.</source>
        <translation>%1 的槽范围无效。</translation>
    </message>
    <message>
        <source>%1 lacks its size, key count or SHA-256.</source>
        <translation>%1 缺少大小、键数量或 SHA-256。</translation>
    </message>
    <message>
        <source>%1 has a slot digest that is not valid (slot &quot;%2&quot;).</source>
        <translation>%1 的槽摘要无效（槽“%2”）。</translation>
    </message>
    <message>
        <source>Unexpected reply while reading %1.</source>
        <translation>读取 %1 时收到意外的回复。</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a sorted set score</source>
        <translation>有序集合分数</translation>
    </message>
    <message>
        <source>A key of type %1 cannot be digested (a module&apos;s type?).</source>
        <translation>无法计算类型为 %1 的键的摘要（模块类型？）。</translation>
    </message>
    <message>
        <source>a stream entry</source>
        <translation>stream 条目</translation>
    </message>
    <message>
        <source>a stream&apos;s groups</source>
        <translation>stream 的消费组</translation>
    </message>
    <message>
        <source>%1: key %2 is in database %3; a cluster node has only database 0.</source>
        <translation>%1：键 %2 位于数据库 %3；集群节点只有数据库 0。</translation>
    </message>
    <message>
        <source>%1: key %2 is in slot %3, which its shard did not serve.</source>
        <translation>%1：键 %2 位于槽 %3，该分片并不负责这个槽。</translation>
    </message>
    <message>
        <source>%1: the value of key %2 cannot be read: %3</source>
        <translation>%1：无法读取键 %2 的值：%3</translation>
    </message>
    <message>
        <source>Verifying %1</source>
        <translation>正在校验 %1</translation>
    </message>
    <message>
        <source>The check of the archive was cancelled.</source>
        <translation>归档文件的检查已取消。</translation>
    </message>
    <message>
        <source>Cannot restore: master %1 (%2) serves slots but is %3; recover the cluster first.</source>
        <translation>无法还原：主节点 %1（%2）提供槽服务，但%3；请先恢复集群。</translation>
    </message>
    <message>
        <source>Cannot restore: no master serves slots; create the cluster first.</source>
        <translation>无法还原：没有主节点提供槽服务；请先创建集群。</translation>
    </message>
    <message>
        <source>Cannot restore: %1 slots are served by no master; their keys would have nowhere to go. Fix the cluster first (check --fix).</source>
        <translation>无法还原：有 %1 个槽没有任何主节点提供服务，这些槽的键无处可放。请先修复集群（check --fix）。</translation>
    </message>
    <message>
        <source>Cannot connect to %1 with TLS: %2</source>
        <translation>无法通过 TLS 连接到 %1：%2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>A value of RDB type %1 (%2) cannot be restored into a server of RDB version %3: %4.</source>
        <translation>RDB 类型为 %1（%2）的值无法还原到 RDB 版本为 %3 的服务器：%4。</translation>
    </message>
    <message>
        <source>the value is cut off</source>
        <translation>值被截断</translation>
    </message>
    <message>
        <source>the value has %1 bytes after its end</source>
        <translation>值结束后还有 %1 个字节</translation>
    </message>
    <message>
        <source>module values are not restored</source>
        <translation>不还原模块的值</translation>
    </message>
    <message>
        <source>the type is unknown</source>
        <translation>类型未知</translation>
    </message>
    <message>
        <source>streams need RDB 9 (Redis 5.0) or newer</source>
        <translation>流需要 RDB 9（Redis 5.0）或更新的版本</translation>
    </message>
    <message>
        <source>its plain form, type %1, is newer than the server</source>
        <translation>它的普通形式（类型 %1）比服务器更新</translation>
    </message>
    <message>
        <source>A DUMP payload of %1 bytes is too short to hold a value.</source>
        <translation>%1 字节的 DUMP 载荷太短，装不下一个值。</translation>
    </message>
    <message>
        <source>A DUMP payload&apos;s CRC-64 does not match its bytes.</source>
        <translation>DUMP 载荷的 CRC-64 与其字节不符。</translation>
    </message>
    <message>
        <source>%1 answered RESTORE with a reply that is not a status: %2</source>
        <translation>%1 对 RESTORE 的应答不是状态：%2</translation>
    </message>
    <message>
        <source>%1 refused the password: %2</source>
        <translation>%1 拒绝了密码：%2</translation>
    </message>
    <message>
        <source>%1 sent a reply to no command.</source>
        <translation>%1 发来了一个不对应任何命令的应答。</translation>
    </message>
    <message>
        <source>%1 refused RESTORE of key %2: %3</source>
        <translation>%1 拒绝了键 %2 的 RESTORE：%3</translation>
    </message>
    <message>
        <source>The link to %1 closed with %2 RESTORE commands unanswered: %3</source>
        <translation>到 %1 的连接已关闭，还有 %2 条 RESTORE 命令未应答：%3</translation>
    </message>
    <message>
        <source>%1 answered none of %2 RESTORE commands for %3 s.</source>
        <translation>%1 在 %3 秒内没有应答 %2 条 RESTORE 命令中的任何一条。</translation>
    </message>
    <message>
        <source>Cannot connect to %1: no answer within %2 ms.</source>
        <translation>无法连接到 %1：%2 毫秒内没有应答。</translation>
    </message>
</context>
<context>
    <name>rcs::crypto::Certificates</name>
    <message>
        <source>OpenSSL could not generate a key for the CA %1.</source>
        <translation>OpenSSL 无法为 CA 证书 %1 生成私钥。</translation>
    </message>
    <message>
        <source>The CA certificate or its key cannot be read; both must be PEM.</source>
        <translation>无法读取 CA 证书或其私钥；两者都必须是 PEM 格式。</translation>
    </message>
    <message>
        <source>The CA key does not belong to the CA certificate.</source>
        <translation>CA 私钥与 CA 证书不匹配。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; a certificate can name only IP addresses as IP entries.</source>
        <translation>“%1”不是 IP 地址；证书的 IP 条目只能是 IP 地址。</translation>
    </message>
    <message>
        <source>OpenSSL could not generate a key for %1.</source>
        <translation>OpenSSL 无法为 %1 生成私钥。</translation>
    </message>
    <message>
        <source>The text holds no PEM certificate.</source>
        <translation>该文本中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>The certificate&apos;s expiry date cannot be read.</source>
        <translation>无法读取证书的到期日期。</translation>
    </message>
</context>
<context>
    <name>rcs::observe::ClusterSampleJob</name>
    <message>
        <source>Sampling the cluster</source>
        <translation>正在采样集群</translation>
    </message>
    <message>
        <source>There is no node to sample: the cluster has no reachable node.</source>
        <translation>没有可采样的节点：集群中没有可达的节点。</translation>
    </message>
    <message>
        <source>The connections were closed before the sampling began.</source>
        <translation>采样开始前连接已关闭。</translation>
    </message>
    <message>
        <source>Reading INFO of every node (%1)</source>
        <translation>正在读取每个节点的 INFO（%1 个）</translation>
    </message>
    <message>
        <source>No node answered INFO: %1</source>
        <translation>没有节点应答 INFO：%1</translation>
    </message>
</context>
<context>
    <name>rcs::observe::KeyScan</name>
    <message>
        <source>SCAN answered %1 instead of a cursor and a list of keys.</source>
        <translation>SCAN 应答了 %1，而不是游标和键列表。</translation>
    </message>
    <message>
        <source>SCAN listed a key that is not a string.</source>
        <translation>SCAN 列出了一个不是字符串的键。</translation>
    </message>
    <message>
        <source>CONFIG GET %1 answered %2.</source>
        <translation>CONFIG GET %1 应答了 %2。</translation>
    </message>
    <message>
        <source>Hot keys need an LFU eviction policy but maxmemory-policy is %1, so this node was not scanned: run CONFIG SET maxmemory-policy allkeys-lfu, or upgrade --set maxmemory-policy=allkeys-lfu on Kubernetes.</source>
        <translation>热键需要 LFU 淘汰策略，但 maxmemory-policy 为 %1，因此未扫描此节点：请运行 CONFIG SET maxmemory-policy allkeys-lfu，或在 Kubernetes 上运行 upgrade --set maxmemory-policy=allkeys-lfu。</translation>
    </message>
    <message>
        <source>CLUSTER SLOT-STATS answered %1.</source>
        <translation>CLUSTER SLOT-STATS 应答了 %1。</translation>
    </message>
</context>
<context>
    <name>rcs::observe::KeyScanJob</name>
    <message>
        <source>Finding the big keys</source>
        <translation>正在查找大键</translation>
    </message>
    <message>
        <source>Finding the hot keys</source>
        <translation>正在查找热键</translation>
    </message>
    <message>
        <source>There is no master to scan: the cluster has no reachable master.</source>
        <translation>没有可扫描的主节点：集群中没有可达的主节点。</translation>
    </message>
    <message>
        <source>The connections were closed before the keys were scanned.</source>
        <translation>在扫描键之前连接已关闭。</translation>
    </message>
    <message>
        <source>A key scan needs a COUNT, a top, a rate and a time bound of at least 1.</source>
        <translation>键扫描需要至少为 1 的 COUNT、数量上限、速率和时间上限。</translation>
    </message>
    <message>
        <source>Scanning %1 masters (SCAN COUNT %2, at most %3 calls per second each, %4 s at most)</source>
        <translation>正在扫描 %1 个主节点（SCAN COUNT %2，每个每秒最多 %3 次调用，最多 %4 秒）</translation>
    </message>
    <message>
        <source>No master could be scanned: %1</source>
        <translation>没有主节点能被扫描：%1</translation>
    </message>
    <message>
        <source>The scan stopped after %1 s (--max-seconds): the result covers the keys scanned so far.</source>
        <translation>扫描在 %1 秒后停止（--max-seconds）：结果涵盖目前已扫描的键。</translation>
    </message>
</context>
<context>
    <name>rcs::observe::NodeSample</name>
    <message>
        <source>The INFO field %1 is &apos;%2&apos;, not a number; the server sent a reply this version of the studio cannot read.</source>
        <translation>INFO 字段 %1 的值为“%2”，不是数字；服务器发送的应答本版本工作室无法读取。</translation>
    </message>
    <message>
        <source>The INFO reply has no run_id or total_commands_processed; the node did not answer with its server and stats sections.</source>
        <translation>INFO 应答中没有 run_id 或 total_commands_processed；节点没有返回其 server 和 stats 部分。</translation>
    </message>
</context>
<context>
    <name>rcs::observe::SlotHeatJob</name>
    <message>
        <source>Counting the keys per slot</source>
        <translation>正在统计每个槽的键数</translation>
    </message>
    <message>
        <source>There is no master with slots to count: the cluster has no reachable master that owns a slot.</source>
        <translation>没有带槽的主节点可统计：集群中没有拥有槽的可达主节点。</translation>
    </message>
    <message>
        <source>The connections were closed before the slots were counted.</source>
        <translation>在统计槽之前连接已关闭。</translation>
    </message>
    <message>
        <source>Counting the keys of %1 slots on %2 masters</source>
        <translation>正在统计 %2 个主节点上 %1 个槽的键</translation>
    </message>
    <message>
        <source>No master&apos;s slots could be counted: %1</source>
        <translation>没有主节点的槽能被统计：%1</translation>
    </message>
</context>
<context>
    <name>rcs::observe::SlowLog</name>
    <message>
        <source>The reply of %1 does not have the documented shape; the node may run a server this version of the studio does not know.</source>
        <translation>%1 的应答格式与文档不符；该节点运行的服务器可能是本版本工作室不认识的。</translation>
    </message>
    <message>
        <source>… (%1 more)</source>
        <translation>…（另外 %1 个）</translation>
    </message>
</context>
<context>
    <name>rcs::observe::SlowLogJob</name>
    <message>
        <source>Reading the slow logs</source>
        <translation>正在读取慢日志</translation>
    </message>
    <message>
        <source>There is no node to read: the cluster has no reachable node.</source>
        <translation>没有可读取的节点：集群中没有可达的节点。</translation>
    </message>
    <message>
        <source>The connections were closed before the slow logs were read.</source>
        <translation>读取慢日志前连接已关闭。</translation>
    </message>
    <message>
        <source>Reading SLOWLOG GET and LATENCY LATEST of every node (%1)</source>
        <translation>正在读取每个节点的 SLOWLOG GET 和 LATENCY LATEST（%1 个）</translation>
    </message>
    <message>
        <source>latency: %1 (max %2 ms)</source>
        <translation>延迟：%1（最大 %2 毫秒）</translation>
    </message>
    <message>
        <source>No node&apos;s slow log could be read: %1</source>
        <translation>无法读取任何节点的慢日志：%1</translation>
    </message>
</context>
<context>
    <name>rcs::ops::EndpointOperationJob</name>
    <message>
        <source>Formed and verified in %1 s.</source>
        <translation>已在 %1 秒内组建并验证。</translation>
    </message>
    <message>
        <source>Finding every reachable node</source>
        <translation>查找每个可达的节点</translation>
    </message>
    <message>
        <source>Added %1 (%2) as a master.</source>
        <translation>已将 %1（%2）添加为主节点。</translation>
    </message>
    <message>
        <source>Added %1 (%2) as a replica.</source>
        <translation>已将 %1（%2）添加为从节点。</translation>
    </message>
    <message>
        <source>Removed %1; it is blank now and can be shut down.</source>
        <translation>已移除 %1；它现在是空白节点，可以关闭。</translation>
    </message>
    <message>
        <source>%1 is now the master; %2 follows it.</source>
        <translation>%1 现在是主节点；%2 跟随它。</translation>
    </message>
    <message>
        <source>Reading every node</source>
        <translation>读取每个节点</translation>
    </message>
    <message>
        <source>Checking slots, agreement and links</source>
        <translation>检查槽、一致性和链路</translation>
    </message>
    <message>
        <source>The cluster is healthy.</source>
        <translation>集群健康。</translation>
    </message>
    <message>
        <source>The check found errors (%1); the details list them.</source>
        <translation>检查发现了错误（%1 个）；详细信息列出了它们。</translation>
    </message>
    <message>
        <source>Recovered in %1 s with %2 MEETs.</source>
        <translation>已在 %1 秒内恢复，发送了 %2 个 CLUSTER MEET。</translation>
    </message>
    <message>
        <source>move %1 slots %2 from %3 to %4</source>
        <translation>将 %1 个槽 %2 从 %3 迁移到 %4</translation>
    </message>
    <message>
        <source>Would move %1 slots:</source>
        <translation>将迁移 %1 个槽：</translation>
    </message>
    <message>
        <source>Moved %1 slots and %2 keys in %3 s.</source>
        <translation>已在 %3 秒内迁移 %1 个槽和 %2 个键。</translation>
    </message>
    <message>
        <source>Reading the cluster as it is now</source>
        <translation>读取集群的当前状态</translation>
    </message>
</context>
<context>
    <name>rcs::ops::EndpointTls</name>
    <message>
        <source>A CA, client certificate, key or SNI name was given without TLS; turn TLS on (--tls) or leave them out.</source>
        <translation>未启用 TLS 却给出了 CA 证书、客户端证书、私钥或 SNI 名称；请启用 TLS（--tls）或去掉它们。</translation>
    </message>
    <message>
        <source>A client certificate needs its key and a key its certificate; give both (--cert and --key) or neither.</source>
        <translation>客户端证书需要对应的私钥，私钥也需要对应的证书；请同时给出（--cert 和 --key）或都不给。</translation>
    </message>
</context>
<context>
    <name>rcs::ops::KeyResult</name>
    <message>
        <source>scan stopped: %1</source>
        <translation>扫描已停止：%1</translation>
    </message>
    <message>
        <source>%1 of %2 keys scanned%3</source>
        <translation>已扫描 %2 个键中的 %1 个%3</translation>
    </message>
    <message>
        <source> (not to the end)</source>
        <translation>（未扫描到底）</translation>
    </message>
    <message>
        <source>Partial: the time bound (--max-seconds) ran out after %1 s; the ranking covers the keys scanned until then.
</source>
        <translation>部分结果：时间上限（--max-seconds）在 %1 秒后用尽；排名涵盖在此之前扫描的键。
</translation>
    </message>
    <message>
        <source>No key found; %1 keys scanned.</source>
        <translation>未找到键；已扫描 %1 个键。</translation>
    </message>
    <message>
        <source>Biggest key: %1 (%2 bytes); %3 keys scanned.</source>
        <translation>最大的键：%1（%2 字节）；已扫描 %3 个键。</translation>
    </message>
    <message>
        <source>Hottest key: %1 (LFU counter %2); %3 keys scanned.</source>
        <translation>最热的键：%1（LFU 计数 %2）；已扫描 %3 个键。</translation>
    </message>
    <message>
        <source>Partial: the time bound ran out.</source>
        <translation>部分结果：时间上限已用尽。</translation>
    </message>
    <message>
        <source>not counted: %1</source>
        <translation>未统计：%1</translation>
    </message>
    <message>
        <source>
%1 keys in all. Hottest slots:
</source>
        <translation>
共 %1 个键。最热的槽：
</translation>
    </message>
    <message>
        <source>%1 keys counted; the hottest slot holds %2.</source>
        <translation>已统计 %1 个键；最热的槽有 %2 个。</translation>
    </message>
</context>
<context>
    <name>rcs::ops::OperationJob</name>
    <message>
        <source>Give at least one node address (HOST:PORT).</source>
        <translation>请至少给出一个节点地址（HOST:PORT）。</translation>
    </message>
    <message>
        <source>The number of replicas per master must be 0 or more.</source>
        <translation>每个主节点的从节点数必须为 0 或更多。</translation>
    </message>
    <message>
        <source>Give the address of the node to add (HOST:PORT).</source>
        <translation>请给出要添加的节点地址（HOST:PORT）。</translation>
    </message>
    <message>
        <source>A master to follow applies only to a node added as a replica.</source>
        <translation>要跟随的主节点只适用于作为从节点添加的节点。</translation>
    </message>
    <message>
        <source>Name the node to remove (its id or a unique prefix).</source>
        <translation>请指明要移除的节点（其 ID 或唯一前缀）。</translation>
    </message>
    <message>
        <source>Name the replica to promote (its id or a unique prefix).</source>
        <translation>请指明要提升的从节点（其 ID 或唯一前缀）。</translation>
    </message>
    <message>
        <source>A reshard needs the receiving master and a slot count from 1 to 16384.</source>
        <translation>重新分片需要接收的主节点和 1 到 16384 之间的槽数。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Create cluster</source>
        <translation>创建集群</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Remove node</source>
        <translation>移除节点</translation>
    </message>
    <message>
        <source>Rebalance</source>
        <translation>重新平衡</translation>
    </message>
    <message>
        <source>Reshard</source>
        <translation>重新分片</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <source>Name the pod of the replica to promote.</source>
        <translation>请指定要提升的从节点所在的 Pod。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Finding what Cleanup would delete</source>
        <translation>正在查找清理将删除的内容</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>%1 works on a StatefulSet: choose a Kubernetes target or the local sandbox.</source>
        <translation>%1 作用于 StatefulSet：请选择 Kubernetes 目标或本地沙箱。</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Rolling restart</source>
        <translation>滚动重启</translation>
    </message>
    <message>
        <source>Say what the upgrade changes: a new image, CPU, memory or a setting (a restart with nothing changed is rolling-restart).</source>
        <translation>请说明升级要更改的内容：新镜像、CPU、内存或某个设置（不做任何更改的重启请用 rolling-restart）。</translation>
    </message>
    <message>
        <source>Rotate password</source>
        <translation>轮换密码</translation>
    </message>
    <message>
        <source>Slow-log entries: %1.</source>
        <translation>慢日志记录：%1 条。</translation>
    </message>
    <message>
        <source>Samples taken: %1.</source>
        <translation>已采集样本：%1 个。</translation>
    </message>
    <message>
        <source>top needs an interval of at least 0.1 s and a sample count of 0 (until stopped) or more.</source>
        <translation>top 需要至少 0.1 秒的间隔，以及 0（直到停止）或更多的采样次数。</translation>
    </message>
    <message>
        <source>--reload loads the certificates the Secret holds: it cannot be combined with --ca or --drop-old-ca.</source>
        <translation>--reload 加载 Secret 中现有的证书：不能与 --ca 或 --drop-old-ca 同时使用。</translation>
    </message>
    <message>
        <source>A certificate&apos;s validity must be from 1 to 3650 days.</source>
        <translation>证书有效期必须在 1 到 3650 天之间。</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Slow log</source>
        <translation>慢日志</translation>
    </message>
    <message>
        <source>Rotate the certificates</source>
        <translation>轮换证书</translation>
    </message>
    <message>
        <source>%1 is the start of more than one node id; give more of it.</source>
        <translation>%1 是多个节点 ID 的开头；请给出更多字符。</translation>
    </message>
    <message>
        <source>No node of the cluster has the id (or pod name) %1; status lists them (or give HOST:PORT).</source>
        <translation>集群中没有 ID（或 Pod 名）为 %1 的节点；status 会列出它们（或给出 HOST:PORT）。</translation>
    </message>
    <message>
        <source>No master with slots answered the status read, so the command has nowhere to go; check the addresses, or name one node with --node.</source>
        <translation>状态读取时没有带槽的主节点应答，因此命令无处可发；请检查地址，或用 --node 指定一个节点。</translation>
    </message>
    <message>
        <source>Console: sending %1 to %2.</source>
        <translation>控制台：正在把 %1 发送到 %2。</translation>
    </message>
    <message>
        <source>%1 answered.</source>
        <translation>%1 已应答。</translation>
    </message>
    <message>
        <source>%1 refused the command: %2</source>
        <translation>%1 拒绝了该命令：%2</translation>
    </message>
    <message>
        <source>Give the command to send after --, e.g. exec -- GET key.</source>
        <translation>请在 -- 之后给出要发送的命令，例如 exec -- GET key（键）。</translation>
    </message>
    <message>
        <source>%1 Confirm to run it (--yes on the command line).</source>
        <translation>%1 请确认后再运行（命令行上用 --yes）。</translation>
    </message>
    <message>
        <source>A key scan needs --count, --top, --rate and --max-seconds of at least 1.</source>
        <translation>键扫描需要 --count、--top、--rate 和 --max-seconds 至少为 1。</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Big keys</source>
        <translation>大键</translation>
    </message>
    <message>
        <source>Hot keys</source>
        <translation>热键</translation>
    </message>
    <message>
        <source>Slot heat</source>
        <translation>槽热度</translation>
    </message>
    <message>
        <source>Give the file to write the backup to (--to FILE).</source>
        <translation>请给出备份要写入的文件（--to FILE）。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Target master %1 (slots %2)</source>
        <translation>目标主节点 %1（槽 %2）</translation>
    </message>
    <message numerus="yes">
        <source>restore --replace would put every key of %1 into the %n master(s) listed above, overwriting the value of each key they already hold under the same name</source>
        <translation>
            <numerusform>restore --replace 将把 %1 的每个键放入上面列出的 %n 个主节点，覆盖它们已有的同名键的值</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the backup archive to restore (--from FILE).</source>
        <translation>请给出要还原的备份归档（--from FILE）。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原备份</translation>
    </message>
</context>
<context>
    <name>rcs::ops::ResultForms</name>
    <message>
        <source>slots %1 (%2)</source>
        <translation>槽 %1（%2）</translation>
    </message>
    <message>
        <source>replica of %1</source>
        <translation>%1 的从节点</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <source>UNREACHABLE</source>
        <translation>不可达</translation>
    </message>
    <message>
        <source>link down</source>
        <translation>链路断开</translation>
    </message>
    <message>
        <source>cluster_state: %1 — %2 nodes, %3 masters, %4 of 16384 slots covered</source>
        <translation>cluster_state: %1 — %2 个节点，%3 个主节点，16384 个槽中覆盖了 %4 个</translation>
    </message>
    <message>
        <source>? %1 did not answer</source>
        <translation>? %1 没有应答</translation>
    </message>
    <message>
        <source>Situation: %1. %2</source>
        <translation>状况：%1。%2</translation>
    </message>
    <message>
        <source>POD</source>
        <comment>column heading</comment>
        <translation>Pod</translation>
    </message>
    <message>
        <source>IP</source>
        <comment>column heading</comment>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>NODE</source>
        <comment>column heading</comment>
        <translation>Kubernetes 节点</translation>
    </message>
    <message>
        <source>PHASE</source>
        <comment>column heading</comment>
        <translation>阶段</translation>
    </message>
    <message>
        <source>READY</source>
        <comment>column heading</comment>
        <translation>就绪</translation>
    </message>
    <message>
        <source>RESTARTS</source>
        <comment>column heading</comment>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>ROLE</source>
        <comment>column heading</comment>
        <translation>角色</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Situation: %1</source>
        <translation>状况：%1</translation>
    </message>
    <message>
        <source>Namespace %1, StatefulSet %2 (%3 replicas), context %4</source>
        <translation>命名空间 %1，StatefulSet %2（%3 个副本），上下文 %4</translation>
    </message>
    <message>
        <source>Rollout in progress: %1 of %2 pods run the update revision %3; not yet: %4.</source>
        <translation>发布正在进行：%2 个 Pod 中有 %1 个运行更新修订版本 %3；尚未运行的：%4。</translation>
    </message>
    <message>
        <source>Mixed server versions: %1 (an upgrade half done, or a pod started from another image).</source>
        <translation>服务器版本不一致：%1（升级只完成了一半，或有 Pod 从其他镜像启动）。</translation>
    </message>
    <message>
        <source>Backed up %1 masters, %2 keys, to %3 (%4 bytes).</source>
        <translation>已将 %1 个主节点、%2 个键备份到 %3（%4 字节）。</translation>
    </message>
    <message>
        <source>%1 is a complete backup taken %2: %3 masters, %4 keys; every RDB, checksum and slot digest checked.
</source>
        <translation>%1 是一份完整的备份，生成于 %2：%3 个主节点，%4 个键；每个 RDB、校验和与槽摘要都已检查。
</translation>
    </message>
    <message>
        <source>Existing keys left as they were: %1%2
</source>
        <translation>保持原样的已有键：%1%2
</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 以及另外 %1 个</translation>
    </message>
    <message>
        <source>%1 function libraries skipped: the target is older than Redis 7.0.
</source>
        <translation>跳过了 %1 个函数库：目标早于 Redis 7.0。
</translation>
    </message>
    <message>
        <source>Restored %1 keys of %2 into %3 masters in %4 s (%5 keys/s)</source>
        <translation>已在 %4 秒内把 %2 的 %1 个键还原到 %3 个主节点（每秒 %5 个键）</translation>
    </message>
    <message>
        <source>; %1 skipped (their TTL had passed)</source>
        <translation>；跳过 %1 个（TTL 已过）</translation>
    </message>
    <message>
        <source>; %1 existing keys left as they were</source>
        <translation>；%1 个已有键保持原样</translation>
    </message>
    <message>
        <source>; %1 function libraries loaded, %2 already there</source>
        <translation>；加载了 %1 个函数库，%2 个已存在</translation>
    </message>
</context>
<context>
    <name>rcs::ops::WorkflowOperationJob</name>
    <message>
        <source>Deploy %1/%2</source>
        <translation>部署 %1/%2</translation>
    </message>
    <message>
        <source>Starting the local sandbox</source>
        <translation>正在启动本地沙箱</translation>
    </message>
    <message>
        <source>The studio is closing.</source>
        <translation>本程序正在关闭。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::ActionPolicy</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Choose a kubeconfig and context, or the local sandbox, to see a cluster.</source>
        <translation>选择 kubeconfig 和上下文，或选择本地沙箱，以查看集群。</translation>
    </message>
    <message>
        <source>Not deployed</source>
        <translation>未部署</translation>
    </message>
    <message>
        <source>Nothing is deployed in this namespace yet: use Deploy to create the pods.</source>
        <translation>此命名空间中尚未部署任何内容：使用“部署”创建 Pod。</translation>
    </message>
    <message>
        <source>Pods not ready</source>
        <translation>Pod 未就绪</translation>
    </message>
    <message>
        <source>Some pods are not Ready yet; wait, or look at the pod details for the reason.</source>
        <translation>部分 Pod 尚未就绪；请等待，或在 Pod 详情中查看原因。</translation>
    </message>
    <message>
        <source>Cluster not created</source>
        <translation>集群未创建</translation>
    </message>
    <message>
        <source>The pods run but form no cluster yet: use Create cluster.</source>
        <translation>Pod 已在运行，但尚未组成集群：使用“创建集群”。</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Every slot is served and every node agrees.</source>
        <translation>每个槽都有节点服务，所有节点看法一致。</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Some nodes are failing or unreachable; Check explains what is wrong, Recover repairs addresses.</source>
        <translation>部分节点故障或不可达；“检查”会说明问题所在，“恢复”会修复地址。</translation>
    </message>
    <message>
        <source>Total failure</source>
        <translation>全体节点故障</translation>
    </message>
    <message>
        <source>Every pod restarted with a new IP and the nodes lost each other: use Recover.</source>
        <translation>所有 Pod 都以新 IP 重启，节点之间失去联系：使用“恢复”。</translation>
    </message>
    <message>
        <source>Open slots</source>
        <translation>有打开的槽</translation>
    </message>
    <message>
        <source>A slot migration was interrupted; Check finds and fixes the open slots.</source>
        <translation>槽迁移被中断；“检查”会找出并修复打开的槽。</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Create cluster</source>
        <translation>创建集群</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Remove node</source>
        <translation>移除节点</translation>
    </message>
    <message>
        <source>Rebalance</source>
        <translation>重新平衡</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>Choose a target (kubeconfig and context, or the local sandbox) first.</source>
        <translation>请先选择目标（kubeconfig 和上下文，或本地沙箱）。</translation>
    </message>
    <message>
        <source>Wait until “%1” finishes.</source>
        <translation>请等待“%1”完成。</translation>
    </message>
    <message>
        <source>Redis is already deployed here; use Cleanup first to deploy it again.</source>
        <translation>此处已部署 Redis；要重新部署，请先使用“清理”。</translation>
    </message>
    <message>
        <source>Deploy the pods first.</source>
        <translation>请先部署 Pod。</translation>
    </message>
    <message>
        <source>Wait until every pod is Ready.</source>
        <translation>请等待所有 Pod 就绪。</translation>
    </message>
    <message>
        <source>The cluster is already created.</source>
        <translation>集群已经创建。</translation>
    </message>
    <message>
        <source>The cluster is healthy: there is nothing to recover.</source>
        <translation>集群健康：没有需要恢复的内容。</translation>
    </message>
    <message>
        <source>There is no cluster to recover yet.</source>
        <translation>还没有可恢复的集群。</translation>
    </message>
    <message>
        <source>Recover repairs failed nodes; fix the open slots with Check first.</source>
        <translation>“恢复”修复故障节点；请先用“检查”修复打开的槽。</translation>
    </message>
    <message>
        <source>Create the cluster first.</source>
        <translation>请先创建集群。</translation>
    </message>
    <message>
        <source>The cluster must be healthy first; use Recover or Check.</source>
        <translation>集群必须先恢复健康；请使用“恢复”或“检查”。</translation>
    </message>
    <message>
        <source>A failover needs a reachable master and replica; use Recover or Check first.</source>
        <translation>故障转移需要可访问的主节点和从节点；请先使用“恢复”或“检查”。</translation>
    </message>
    <message>
        <source>There is no cluster to check yet.</source>
        <translation>还没有可检查的集群。</translation>
    </message>
    <message>
        <source>Nothing is deployed here.</source>
        <translation>此处尚未部署任何内容。</translation>
    </message>
    <message>
        <source>There is no topology to export yet.</source>
        <translation>还没有可导出的拓扑图。</translation>
    </message>
    <message>
        <source>Click %1.</source>
        <comment>suggested operation: the button&apos;s name</comment>
        <translation>请点击“%1”。</translation>
    </message>
    <message>
        <source>Start it again and confirm it in the dialog to go ahead.</source>
        <translation>请重新开始，并在对话框中确认以继续。</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file in the target bar, or the local sandbox.</source>
        <translation>请在目标栏中选择 kubeconfig 文件，或选择本地沙箱。</translation>
    </message>
    <message>
        <source>Choose a context in the target bar.</source>
        <translation>请在目标栏中选择上下文。</translation>
    </message>
    <message>
        <source>Enter at least one node address (HOST:PORT) in the target bar.</source>
        <translation>请在目标栏中至少输入一个节点地址（HOST:PORT）。</translation>
    </message>
    <message>
        <source>If the master is down, force it from the command line: &apos;redis-cluster-studio failover --force&apos;.</source>
        <translation>如果主节点已宕机，请在命令行中强制执行：&apos;redis-cluster-studio failover --force&apos;。</translation>
    </message>
    <message>
        <source>Upgrade / restart</source>
        <translation>升级 / 重启</translation>
    </message>
    <message>
        <source>Rotate password</source>
        <translation>轮换密码</translation>
    </message>
    <message>
        <source>Rotate certificates</source>
        <translation>轮换证书</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>There is no cluster to back up yet.</source>
        <translation>还没有可备份的集群。</translation>
    </message>
    <message>
        <source>Every slot must be served by a reachable master; use Recover or Check first.</source>
        <translation>每个槽都必须由一个可达的主节点提供服务；请先使用“恢复”或“检查”。</translation>
    </message>
    <message>
        <source>Restore into an empty cluster, or choose in the Restore dialog to keep the keys it holds or to overwrite them.</source>
        <translation>请还原到空集群，或在“还原备份”对话框中选择保留或覆盖集群已有的键。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原备份</translation>
    </message>
    <message>
        <source>Create the cluster first, then restore into it.</source>
        <translation>请先创建集群，再还原到其中。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::ApplyPage</name>
    <message>
        <source>Deploying</source>
        <translation>正在部署</translation>
    </message>
    <message>
        <source>Applying the manifests and waiting until every pod is Ready.</source>
        <translation>正在应用清单并等待所有 Pod 就绪。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Deploy %1/%2</source>
        <translation>部署 %1/%2</translation>
    </message>
    <message>
        <source>Every pod is Ready.</source>
        <translation>所有 Pod 均已就绪。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::CertificateRotationDialog</name>
    <message>
        <source>Renew the servers&apos; certificate (signed by the studio&apos;s CA)</source>
        <translation>续签服务器证书（由本程序的 CA 证书签发）</translation>
    </message>
    <message>
        <source>Only reload the files of the TLS Secret (your own certificates)</source>
        <translation>只重新加载 TLS Secret 中的文件（您自己的证书）</translation>
    </message>
    <message>
        <source>Renew the CA too</source>
        <translation>同时续签 CA 证书</translation>
    </message>
    <message>
        <source>Stop trusting the old CAs</source>
        <translation>不再信任旧的 CA 证书</translation>
    </message>
    <message>
        <source>Rotate certificates</source>
        <translation>轮换证书</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Every node trusts the new CA beside the old one first, so no link is refused while the certificates change.</source>
        <translation>每个节点先在旧 CA 证书之外同时信任新的 CA 证书，因此在证书更换期间不会拒绝任何连接。</translation>
    </message>
    <message>
        <source>ca.crt keeps only the CA that signs now: whatever an old CA signed is refused from then on. You confirm this with the plan in front of you.</source>
        <translation>ca.crt 只保留当前签发用的 CA 证书：此后由旧 CA 证书签发的一切都会被拒绝。您会在看到计划后再确认。</translation>
    </message>
    <message>
        <source>For a deployment that uses your own CA and certificate: put the new files into its Secret first; every node then loads them live.</source>
        <translation>适用于使用您自己的 CA 证书和证书的部署：请先把新文件放入它的 Secret；随后每个节点会在线加载它们。</translation>
    </message>
    <message>
        <source>Every node loads the new certificate live (CONFIG SET tls-cert-file): no restart, and links made before keep their session.</source>
        <translation>每个节点在线加载新证书（CONFIG SET tls-cert-file）：无需重启，之前建立的连接保持其会话。</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>Show the plan…</source>
        <translation>显示计划…</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续签</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>rcs::ui::ConfirmationDialog</name>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>rcs::ui::ConsolePanel</name>
    <message>
        <source>Send to:</source>
        <translation>发送到：</translation>
    </message>
    <message>
        <source>Whole cluster (follows MOVED/ASK)</source>
        <translation>整个集群（跟随 MOVED/ASK）</translation>
    </message>
    <message>
        <source>A Redis command, e.g. GET key (Up/Down: history)</source>
        <translation>Redis 命令，例如 GET key（键）（上/下：历史）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Run %1?</source>
        <translation>运行 %1？</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>命令：%1</translation>
    </message>
    <message>
        <source>Sent to: %1</source>
        <translation>发送到：%1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>%1: not run (not confirmed).</source>
        <translation>%1：未运行（未确认）。</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
</context>
<context>
    <name>rcs::ui::CoreBackend</name>
    <message>
        <source>Choose a target first.</source>
        <translation>请先选择目标。</translation>
    </message>
    <message>
        <source>The new node&apos;s address “%1” is not host:port: %2</source>
        <translation>新节点的地址“%1”不是 主机:端口 形式：%2</translation>
    </message>
    <message>
        <source>Select the node to remove in the picture first.</source>
        <translation>请先在图中选择要移除的节点。</translation>
    </message>
    <message>
        <source>Select a replica (or a master that has one) to fail over.</source>
        <translation>请选择一个从节点（或有从节点的主节点）进行故障转移。</translation>
    </message>
    <message>
        <source>%1 works on a StatefulSet; choose a Kubernetes target or the local sandbox.</source>
        <translation>%1 作用于 StatefulSet；请选择 Kubernetes 目标或本地沙箱。</translation>
    </message>
    <message>
        <source>%1 works on a StatefulSet: choose a Kubernetes target or the local sandbox.</source>
        <translation>%1 作用于 StatefulSet：请选择 Kubernetes 目标或本地沙箱。</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>连接测试</translation>
    </message>
    <message>
        <source>Storage classes are listed for Kubernetes targets only.</source>
        <translation>仅对 Kubernetes 目标列出存储类。</translation>
    </message>
    <message>
        <source>Cleanup deletes Kubernetes objects; plain endpoints have none.</source>
        <translation>清理删除的是 Kubernetes 对象；普通端点没有这些对象。</translation>
    </message>
    <message>
        <source>Select the replica to promote (or a master that has one) in the picture.</source>
        <translation>在图中选择要提升的从节点（或有从节点的主节点）。</translation>
    </message>
    <message>
        <source>%1 on Kubernetes is not in this build yet; the headless command may have it.</source>
        <translation>此版本尚未提供 Kubernetes 上的%1；无界面命令可能已支持。</translation>
    </message>
    <message>
        <source>Plain endpoints have no Kubernetes API to ask.</source>
        <translation>普通端点没有可查询的 Kubernetes API。</translation>
    </message>
    <message>
        <source>%1 updates the deployment&apos;s Secret as well as the nodes: choose a Kubernetes target or the local sandbox.</source>
        <translation>%1 会同时更新部署的 Secret 和各节点：请选择 Kubernetes 目标或本地沙箱。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::DeployParameters</name>
    <message>
        <source>The namespace “%1” is not a valid Kubernetes name: use at most 63 lowercase letters, digits and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation>命名空间“%1”不是有效的 Kubernetes 名称：最多 63 个小写字母、数字和 &apos;-&apos;，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>The StatefulSet name “%1” is not valid: use at most 52 lowercase letters, digits and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation>StatefulSet 名称“%1”无效：最多 52 个小写字母、数字和 &apos;-&apos;，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>The number of replicas per master cannot be negative.</source>
        <translation>每个主节点的从节点数不能为负数。</translation>
    </message>
    <message>
        <source>%1 pods with %2 per master make only %3; a Redis Cluster needs at least 3 masters, so use at least %4 pods.</source>
        <translation>%1 个 Pod、每个主节点 %2 个从节点，只能组成 %3；Redis 集群至少需要 3 个主节点，因此请至少使用 %4 个 Pod。</translation>
    </message>
    <message>
        <source>Enter a container image such as redis:5.0.5 (no spaces).</source>
        <translation>请输入容器镜像，例如 redis:5.0.5（不含空格）。</translation>
    </message>
    <message>
        <source>The storage size “%1” is not a Kubernetes quantity; write it like 1Gi or 500Mi.</source>
        <translation>存储大小“%1”不是 Kubernetes 数量；请写成 1Gi 或 500Mi 这样的形式。</translation>
    </message>
    <message>
        <source>The storage class “%1” is not a valid name.</source>
        <translation>存储类“%1”不是有效的名称。</translation>
    </message>
    <message>
        <source>The CPU request “%1” is not a quantity; write it like 100m or 0.5.</source>
        <translation>CPU 请求“%1”不是数量；请写成 100m 或 0.5 这样的形式。</translation>
    </message>
    <message>
        <source>The memory request “%1” is not a quantity; write it like 512Mi or 1Gi.</source>
        <translation>内存请求“%1”不是数量；请写成 512Mi 或 1Gi 这样的形式。</translation>
    </message>
    <message>
        <source>The password cannot contain spaces or quotes: redis.conf would misread it.</source>
        <translation>密码不能包含空格或引号：redis.conf 会读错。</translation>
    </message>
    <message>
        <source>Give all three TLS files (CA, certificate and key), or choose another source.</source>
        <translation>请给出全部三个 TLS 文件（CA 证书、证书和私钥），或选择其他来源。</translation>
    </message>
    <message>
        <source>The Secret name “%1” is not a valid Kubernetes name.</source>
        <translation>Secret 名称“%1”不是有效的 Kubernetes 名称。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::DeployWizard</name>
    <message>
        <source>Deploy Redis Cluster</source>
        <translation>部署 Redis 集群</translation>
    </message>
</context>
<context>
    <name>rcs::ui::DetailsPanel</name>
    <message>
        <source>Node id</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>槽</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Masters</source>
        <translation>主节点</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>从节点</translation>
    </message>
    <message>
        <source>Cluster state</source>
        <translation>集群状态</translation>
    </message>
    <message>
        <source>Slots ok</source>
        <translation>正常的槽</translation>
    </message>
    <message>
        <source>Known nodes</source>
        <translation>已知节点</translation>
    </message>
    <message>
        <source>Current epoch</source>
        <translation>当前纪元</translation>
    </message>
    <message>
        <source>Select a node in the picture to see its details.</source>
        <translation>在图中选择一个节点以查看其详情。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Replica of</source>
        <translation>从节点的主节点</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kubernetes node</source>
        <translation>Kubernetes 节点</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Pod phase</source>
        <translation>Pod 阶段</translation>
    </message>
    <message>
        <source>, ready</source>
        <translation>，已就绪</translation>
    </message>
    <message>
        <source>, not ready</source>
        <translation>，未就绪</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>Slot count</source>
        <translation>槽数量</translation>
    </message>
    <message>
        <source>Open slots</source>
        <translation>有打开的槽</translation>
    </message>
    <message>
        <source>%1 migrating, %2 importing</source>
        <translation>%1 个迁出，%2 个导入</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Config epoch</source>
        <translation>配置纪元</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>%1 (old)</source>
        <translation>%1（旧）</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1（新）</translation>
    </message>
</context>
<context>
    <name>rcs::ui::FinishPage</name>
    <message>
        <source>Create the cluster now (assign slots, join the nodes, attach replicas)</source>
        <translation>立即创建集群（分配槽、连接节点、挂接从节点）</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>已部署</translation>
    </message>
    <message>
        <source>%1 pods of %2 run in namespace %3. They do not form a cluster yet: creating it makes %4 masters with %5 replicas.</source>
        <translation>%1 个 %2 的 Pod 正在命名空间 %3 中运行。它们尚未组成集群：创建后将有 %4 个主节点和 %5 个从节点。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::JobProgressPanel</name>
    <message>
        <source>Operations you start appear here with their steps and a Cancel button.</source>
        <translation>你启动的操作会显示在这里，附带其步骤和“取消”按钮。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::JobRunWidget</name>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this operation at the next safe point</source>
        <translation>在下一个安全点停止此操作</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Done in %1.</source>
        <translation>已完成，用时 %1。</translation>
    </message>
    <message>
        <source>Failed step: %1</source>
        <translation>失败的步骤：%1</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>错误代码：%1</translation>
    </message>
    <message>
        <source>Stopping at the next safe point…</source>
        <translation>正在下一个安全点停止…</translation>
    </message>
</context>
<context>
    <name>rcs::ui::KeysDialog</name>
    <message>
        <source>Cancel scan</source>
        <translation>取消扫描</translation>
    </message>
    <message>
        <source>Slot heat</source>
        <translation>槽热度</translation>
    </message>
    <message>
        <source>Analyze keys</source>
        <translation>分析键</translation>
    </message>
    <message>
        <source>Big keys</source>
        <translation>大键</translation>
    </message>
    <message>
        <source>Hot keys</source>
        <translation>热键</translation>
    </message>
    <message>
        <source>Scans every master with SCAN, paced and bounded; changes nothing.</source>
        <translation>用 SCAN 扫描每个主节点，限速且有上限；不做任何更改。</translation>
    </message>
    <message>
        <source>Counts the keys of every slot and shows them as a strip under the slot bar.</source>
        <translation>统计每个槽的键数，并在槽条下方显示为一条色带。</translation>
    </message>
    <message>
        <source>SCAN&apos;s COUNT: keys asked per call.</source>
        <translation>SCAN 的 COUNT：每次调用请求的键数。</translation>
    </message>
    <message>
        <source> calls/s per node</source>
        <translation> 次调用/秒（每个节点）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Find big keys</source>
        <translation>查找大键</translation>
    </message>
    <message>
        <source>Find hot keys</source>
        <translation>查找热键</translation>
    </message>
    <message>
        <source>Keys per SCAN:</source>
        <translation>每次 SCAN 的键数：</translation>
    </message>
    <message>
        <source>Keys to list:</source>
        <translation>列出的键数：</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>最多：</translation>
    </message>
    <message>
        <source>Stop after:</source>
        <translation>在此之后停止：</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>LFU counter</source>
        <translation>LFU 计数</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Hot keys need maxmemory-policy allkeys-lfu or volatile-lfu (OBJECT FREQ).</source>
        <translation>热键需要 maxmemory-policy 为 allkeys-lfu 或 volatile-lfu（OBJECT FREQ）。</translation>
    </message>
    <message>
        <source>%1 of %2 keys</source>
        <translation>%2 个键中的 %1 个</translation>
    </message>
    <message>
        <source>Reading the cluster…</source>
        <translation>正在读取集群…</translation>
    </message>
    <message>
        <source>%1: the scan stopped: %2</source>
        <translation>%1：扫描已停止：%2</translation>
    </message>
    <message>
        <source>Partial: %1 of %2 keys scanned before the time bound ran out.</source>
        <translation>部分结果：时间上限用尽前已扫描 %2 个键中的 %1 个。</translation>
    </message>
    <message>
        <source>%1 of %2 keys scanned.</source>
        <translation>已扫描 %2 个键中的 %1 个。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::KubeconfigDialog</name>
    <message>
        <source>Choose a kubeconfig</source>
        <translation>选择 kubeconfig</translation>
    </message>
</context>
<context>
    <name>rcs::ui::LogModel</name>
    <message>
        <source>debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Equivalent command (double-click or Ctrl+C to copy):
%1</source>
        <translation>等效命令（双击或按 Ctrl+C 复制）：
%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Equivalent command</source>
        <translation>等效命令</translation>
    </message>
</context>
<context>
    <name>rcs::ui::LogPanel</name>
    <message>
        <source>All messages</source>
        <translation>所有消息</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Show messages at or above this level</source>
        <translation>显示此级别及以上的消息</translation>
    </message>
    <message>
        <source>Filter messages and commands</source>
        <translation>筛选消息和命令</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the shown messages to a text file</source>
        <translation>将显示的消息保存到文本文件</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the panel (the saved history stays in memory)</source>
        <translation>清空面板（已保存的历史仍保留在内存中）</translation>
    </message>
    <message>
        <source>Equivalent command</source>
        <translation>等效命令</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation>将命令复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>复制选中的行</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>保存日志…</translation>
    </message>
    <message>
        <source>Could not open %1 for writing: %2.</source>
        <translation>无法打开 %1 进行写入：%2。</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>rcs::ui::MainWindow</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Deploy Redis pods into the namespace (wizard)</source>
        <translation>将 Redis Pod 部署到命名空间中（向导）</translation>
    </message>
    <message>
        <source>Form the cluster: assign slots, join the nodes, attach replicas</source>
        <translation>组建集群：分配槽、连接节点、挂接从节点</translation>
    </message>
    <message>
        <source>Reconnect every node at its current pod IP after pods restarted</source>
        <translation>Pod 重启后，按每个节点当前的 Pod IP 重新连接它们</translation>
    </message>
    <message>
        <source>Scale the StatefulSet up by one and join the new node</source>
        <translation>将 StatefulSet 扩容一个并让新节点加入</translation>
    </message>
    <message>
        <source>Drain and remove the highest pod</source>
        <translation>清空并移除编号最大的 Pod</translation>
    </message>
    <message>
        <source>Move slots so that every master serves about the same number</source>
        <translation>迁移槽，使每个主节点服务的槽数大致相同</translation>
    </message>
    <message>
        <source>Promote a replica of the selected master</source>
        <translation>提升所选主节点的一个从节点</translation>
    </message>
    <message>
        <source>Check slots, agreement and reachability; fix open slots</source>
        <translation>检查槽、一致性和可达性；修复打开的槽</translation>
    </message>
    <message>
        <source>Delete what Deploy created</source>
        <translation>删除“部署”创建的对象</translation>
    </message>
    <message>
        <source>Read the cluster again now</source>
        <translation>立即重新读取集群</translation>
    </message>
    <message>
        <source>Save the topology picture as PNG or SVG</source>
        <translation>将拓扑图保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>About Redis Cluster Studio</source>
        <translation>关于 Redis Cluster Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Redis Cluster Studio %1&lt;/h3&gt;&lt;p&gt;Deploys Redis Cluster on Kubernetes, draws it, and runs create, recover, add and remove node, rebalance, failover and cleanup.&lt;/p&gt;&lt;p&gt;Every action is also a headless command: run &lt;tt&gt;redis-cluster-studio help&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Redis Cluster Studio %1&lt;/h3&gt;&lt;p&gt;在 Kubernetes 上部署 Redis 集群、绘制其拓扑，并执行创建、恢复、添加和移除节点、重新平衡、故障转移以及清理。&lt;/p&gt;&lt;p&gt;每个操作也都有对应的无界面命令：运行 &lt;tt&gt;redis-cluster-studio help&lt;/tt&gt; 查看。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>保存日志…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Refresh every</source>
        <translation>刷新间隔(&amp;R)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Redis Cluster Studio</source>
        <translation>关于 Redis Cluster Studio(&amp;A)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Deploy and create the default cluster (6 pods)</source>
        <translation>部署并创建默认集群（6 个 Pod）</translation>
    </message>
    <message>
        <source>Refreshed 00:00:00</source>
        <translation>已刷新 00:00:00</translation>
    </message>
    <message>
        <source>Refreshed %1</source>
        <translation>已刷新 %1</translation>
    </message>
    <message>
        <source>Not refreshed</source>
        <translation>未刷新</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>刷新失败</translation>
    </message>
    <message>
        <source>%1 — Redis Cluster Studio</source>
        <translation>%1 — Redis Cluster Studio</translation>
    </message>
    <message>
        <source>Redis Cluster Studio</source>
        <translation>Redis Cluster Studio</translation>
    </message>
    <message>
        <source>Add a node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Address of the new, empty Redis node (host:port):</source>
        <translation>新的空 Redis 节点的地址（主机:端口）：</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Saved the topology picture to %1.</source>
        <translation>已将拓扑图保存到 %1。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>second</source>
        <comment>count</comment>
        <translation>秒</translation>
    </message>
    <message>
        <source>seconds</source>
        <comment>count</comment>
        <translation>秒</translation>
    </message>
    <message>
        <source>Restart the pods one at a time, masters handed over first, with a new image or resources</source>
        <translation>逐个重启 Pod，主节点先交出，可使用新镜像或新资源</translation>
    </message>
    <message>
        <source>Give a user a new password on every node and in the Secret, then remove the old one</source>
        <translation>在每个节点和 Secret 中为用户设置新密码，然后移除旧密码</translation>
    </message>
    <message>
        <source>Renew the servers&apos; TLS certificates and have every node load them live</source>
        <translation>续签服务器的 TLS 证书，并让每个节点在线加载</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>安全(&amp;S)</translation>
    </message>
    <message>
        <source>Console on this node</source>
        <translation>在此节点上打开控制台</translation>
    </message>
    <message>
        <source>Fail over to this replica</source>
        <translation>故障转移到此从节点</translation>
    </message>
    <message>
        <source>Remove this node…</source>
        <translation>移除此节点…</translation>
    </message>
    <message>
        <source>Show pod log</source>
        <translation>显示 Pod 日志</translation>
    </message>
    <message>
        <source>Log of %1</source>
        <translation>%1 的日志</translation>
    </message>
    <message>
        <source>Reading the last %1 lines…</source>
        <translation>正在读取最后 %1 行…</translation>
    </message>
    <message>
        <source>The pod has written nothing yet.</source>
        <translation>该 Pod 尚未输出任何内容。</translation>
    </message>
    <message>
        <source>The pod&apos;s log could not be read: %1</source>
        <translation>无法读取该 Pod 的日志：%1</translation>
    </message>
    <message>
        <source>Analyze keys…</source>
        <translation>分析键…</translation>
    </message>
    <message>
        <source>The biggest and the most used keys of the cluster (a paced, bounded scan).</source>
        <translation>集群中最大和最常用的键（限速且有上限的扫描）。</translation>
    </message>
    <message>
        <source>Slot heat</source>
        <translation>槽热度</translation>
    </message>
    <message>
        <source>Counts the keys of every slot and shows them under the slot bar.</source>
        <translation>统计每个槽的键数，并显示在槽条下方。</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Slow log</source>
        <translation>慢日志</translation>
    </message>
    <message>
        <source>Studio backups (*.rcsbackup);;All files (*)</source>
        <translation>Studio 备份 (*.rcsbackup);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>校验备份</translation>
    </message>
    <message>
        <source>Save every master&apos;s data and the cluster&apos;s shape into one archive file</source>
        <translation>把每个主节点的数据和集群的结构保存到一个归档文件中</translation>
    </message>
    <message>
        <source>Verify backup…</source>
        <translation>校验备份…</translation>
    </message>
    <message>
        <source>Check a backup file completely: its structure, checksums and every slot&apos;s digest. Changes nothing.</source>
        <translation>完整检查一个备份文件：结构、校验和以及每个槽的摘要。不做任何更改。</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>从文件还原</translation>
    </message>
    <message>
        <source>Put a backup&apos;s keys back into this cluster, each on the master that owns its slot</source>
        <translation>把备份的键放回这个集群，每个键放到拥有其槽的主节点上</translation>
    </message>
</context>
<context>
    <name>rcs::ui::MetricsChart</name>
    <message>
        <source>No samples yet</source>
        <translation>尚无样本</translation>
    </message>
    <message numerus="yes">
        <source>last %n min</source>
        <translation>
            <numerusform>最近 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n s</source>
        <translation>
            <numerusform>最近 %n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rcs::ui::MetricsDock</name>
    <message>
        <source>Whole cluster</source>
        <translation>整个集群</translation>
    </message>
    <message>
        <source>Show the sums of every node instead of the node selected in the topology</source>
        <translation>显示所有节点的总和，而不是拓扑中选中的节点</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save every node&apos;s kept samples as CSV (one row per sample per node)</source>
        <translation>把每个节点保留的样本保存为 CSV（每个节点每个样本一行）</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Connected clients</source>
        <translation>已连接客户端</translation>
    </message>
    <message>
        <source>Keyspace</source>
        <translation>键空间</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>misses</source>
        <translation>未命中</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>in</source>
        <translation>入</translation>
    </message>
    <message>
        <source>out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Keys removed</source>
        <translation>移除的键</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>evicted</source>
        <translation>淘汰</translation>
    </message>
    <message>
        <source>CPU (of one core)</source>
        <translation>CPU（单核）</translation>
    </message>
    <message numerus="yes">
        <source>Whole cluster (sums of every node), %n sample(s)</source>
        <translation>
            <numerusform>整个集群（所有节点的总和），%n 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Node %1, %n sample(s)</source>
        <translation>
            <numerusform>节点 %1，%n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Largest replica lag</source>
        <translation>最大从节点延迟</translation>
    </message>
    <message>
        <source>Replica lag</source>
        <translation>从节点延迟</translation>
    </message>
    <message>
        <source>Longest replica silence</source>
        <translation>从节点最长静默</translation>
    </message>
    <message>
        <source>Replica lag (time)</source>
        <translation>从节点延迟（时间）</translation>
    </message>
    <message>
        <source>There are no metrics to export yet: refresh a cluster first.</source>
        <translation>还没有可导出的指标：请先刷新一个集群。</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or free some space.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹或释放一些空间。</translation>
    </message>
    <message>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
</context>
<context>
    <name>rcs::ui::NodeCard</name>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>迁移中</translation>
    </message>
    <message>
        <source>handshake</source>
        <translation>握手中</translation>
    </message>
    <message>
        <source>stale address</source>
        <translation>地址过期</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <source>pfail</source>
        <translation>疑似故障</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>pod down</source>
        <translation>Pod 异常</translation>
    </message>
    <message>
        <source>master</source>
        <translation>主节点</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>从节点</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无角色</translation>
    </message>
</context>
<context>
    <name>rcs::ui::ParametersPage</name>
    <message>
        <source>Keep data on PersistentVolumeClaims</source>
        <translation>将数据保存在 PersistentVolumeClaim 上</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>What to deploy. The defaults are the classic 3 masters with one replica each.</source>
        <translation>要部署的内容。默认是经典的 3 个主节点、每个主节点 1 个从节点。</translation>
    </message>
    <message>
        <source> pods</source>
        <translation> 个 Pod</translation>
    </message>
    <message>
        <source> per master</source>
        <translation> 个/主节点</translation>
    </message>
    <message>
        <source>Empty uses the cluster&apos;s default StorageClass</source>
        <translation>留空则使用集群的默认 StorageClass</translation>
    </message>
    <message>
        <source>cluster default</source>
        <translation>集群默认</translation>
    </message>
    <message>
        <source>none (no AUTH)</source>
        <translation>无（不启用 AUTH）</translation>
    </message>
    <message>
        <source>Set as requirepass and masterauth; never shown in the log</source>
        <translation>设为 requirepass 和 masterauth；不会显示在日志中</translation>
    </message>
    <message>
        <source>Replicas:</source>
        <translation>从节点：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>StatefulSet name:</source>
        <translation>StatefulSet 名称：</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>命名空间：</translation>
    </message>
    <message>
        <source>Pods:</source>
        <translation>Pod 数：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Storage class:</source>
        <translation>存储类：</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>资源请求：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source> (one master gets an extra replica)</source>
        <translation>（有 1 个主节点多一个从节点）</translation>
    </message>
    <message>
        <source> (%1 masters get an extra replica)</source>
        <translation>（有 %1 个主节点各多一个从节点）</translation>
    </message>
    <message>
        <source>master</source>
        <comment>count</comment>
        <translation>个主节点</translation>
    </message>
    <message>
        <source>masters</source>
        <comment>count</comment>
        <translation>个主节点</translation>
    </message>
    <message>
        <source>replica</source>
        <comment>count</comment>
        <translation>个从节点</translation>
    </message>
    <message>
        <source>replicas</source>
        <comment>count</comment>
        <translation>个从节点</translation>
    </message>
    <message>
        <source>TLS for clients, replication and the cluster bus (Redis 6.0 or later)</source>
        <translation>客户端、复制和集群总线使用 TLS（Redis 6.0 或更高版本）</translation>
    </message>
    <message>
        <source>not asked for</source>
        <translation>不要求</translation>
    </message>
    <message>
        <source>checked when given</source>
        <translation>提供时验证</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必须提供</translation>
    </message>
    <message>
        <source>tls-auth-clients: whether clients must show a certificate</source>
        <translation>tls-auth-clients：客户端是否必须出示证书</translation>
    </message>
    <message>
        <source>a new CA and certificate, valid one year</source>
        <translation>新的 CA 证书和服务器证书，有效期一年</translation>
    </message>
    <message>
        <source>my CA, certificate and key files</source>
        <translation>我的 CA 证书、证书和私钥文件</translation>
    </message>
    <message>
        <source>an existing Secret</source>
        <translation>现有的 Secret</translation>
    </message>
    <message>
        <source>CA certificate file (PEM)</source>
        <translation>CA 证书文件（PEM）</translation>
    </message>
    <message>
        <source>server certificate file (PEM)</source>
        <translation>服务器证书文件（PEM）</translation>
    </message>
    <message>
        <source>private key file (PEM)</source>
        <translation>私钥文件（PEM）</translation>
    </message>
    <message>
        <source>Secret with ca.crt, tls.crt and tls.key</source>
        <translation>包含 ca.crt、tls.crt 和 tls.key（私钥）的 Secret</translation>
    </message>
    <message>
        <source>Client certificates:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>证书：</translation>
    </message>
</context>
<context>
    <name>rcs::ui::PasswordRotationDialog</name>
    <message>
        <source>Generate a new password</source>
        <translation>生成新密码</translation>
    </message>
    <message>
        <source>Type the new password:</source>
        <translation>输入新密码：</translation>
    </message>
    <message>
        <source>Rotate password</source>
        <translation>轮换密码</translation>
    </message>
    <message>
        <source>The user the studio logs in as (the operator; &apos;default&apos; where there is none)</source>
        <translation>本程序登录所用的用户（运维用户；没有运维用户时为 &apos;default&apos;）</translation>
    </message>
    <message>
        <source>&apos;default&apos; (the user the applications log in as)</source>
        <translation>&apos;default&apos;（应用程序登录所用的用户）</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>A random password; it is kept in the deployment&apos;s Secret, where the applications&apos; configuration can read it.</source>
        <translation>随机密码；它保存在部署的 Secret 中，应用程序的配置可以从那里读取。</translation>
    </message>
    <message>
        <source>Every node accepts the new password beside the old one while the replicas and the Secret change over, so no replication link drops; then the old one is removed. You see the plan before anything changes.</source>
        <translation>在从节点和 Secret 切换期间，每个节点同时接受新旧密码，因此不会断开任何复制连接；随后移除旧密码。在做任何更改之前，您会先看到计划。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <source>Show the plan…</source>
        <translation>显示计划…</translation>
    </message>
    <message>
        <source>Type a password of at least %1 characters, or let the studio generate one.</source>
        <translation>请输入至少 %1 个字符的密码，或让本程序生成一个。</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same one twice.</source>
        <translation>两次输入的密码不同：请输入相同的密码两次。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>These manifests will be applied (server-side, forced). The commands below do the same by hand.</source>
        <translation>将应用这些清单（服务端应用，强制）。下面的命令以手动方式完成同样的操作。</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Equivalent commands:</source>
        <translation>等效命令：</translation>
    </message>
</context>
<context>
    <name>rcs::ui::SequenceJob</name>
    <message>
        <source>A step could not start.</source>
        <translation>某个步骤无法开始。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::SlowLogDock</name>
    <message>
        <source>Whole cluster</source>
        <translation>整个集群</translation>
    </message>
    <message>
        <source>Show the entries of every node instead of the node selected in the topology</source>
        <translation>显示所有节点的条目，而不是拓扑中选中的节点</translation>
    </message>
    <message numerus="yes">
        <source>Every %n s</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read the slow logs again every %n seconds while this dock is open</source>
        <translation>
            <numerusform>此面板打开时每 %n 秒重新读取慢日志</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read SLOWLOG GET and LATENCY LATEST of every node (changes nothing)</source>
        <translation>读取每个节点的 SLOWLOG GET 和 LATENCY LATEST（不做任何更改）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Command or latency event</source>
        <translation>命令或延迟事件</translation>
    </message>
    <message>
        <source>A latency event (LATENCY LATEST), not a command: the latest and the highest latency the node&apos;s latency monitor saw</source>
        <translation>延迟事件（LATENCY LATEST），不是命令：该节点延迟监视器看到的最近一次和最高的延迟</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message numerus="yes">
        <source>Whole cluster, %n row(s)</source>
        <translation>
            <numerusform>整个集群，%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Node %1, %n row(s)</source>
        <translation>
            <numerusform>节点 %1，%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the slow logs of every node…</source>
        <translation>正在读取每个节点的慢日志…</translation>
    </message>
    <message>
        <source>The slow logs could not be read: %1</source>
        <translation>无法读取慢日志：%1</translation>
    </message>
    <message>
        <source>Read at %1, newest first.</source>
        <translation>读取于 %1，最新的在前。</translation>
    </message>
    <message>
        <source>Choose a cluster first.</source>
        <translation>请先选择一个集群。</translation>
    </message>
    <message>
        <source>Not read yet: press Refresh.</source>
        <translation>尚未读取：请按“刷新”。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not read:</source>
        <translation>未读取：</translation>
    </message>
</context>
<context>
    <name>rcs::ui::StudioBackend</name>
    <message>
        <source>Reading kubeconfig files is not available.</source>
        <translation>无法读取 kubeconfig 文件。</translation>
    </message>
    <message>
        <source>This build has no Kubernetes workflows yet; use the headless commands.</source>
        <translation>此版本尚无 Kubernetes 工作流；请使用无界面命令。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::StudioController</name>
    <message>
        <source>Clean up %1?</source>
        <translation>清理 %1？</translation>
    </message>
    <message>
        <source>This deletes what Deploy created for %1. Data on the persistent volumes survives unless you also delete the PVCs.</source>
        <translation>这将删除“部署”为 %1 创建的对象。除非同时删除 PVC，否则持久卷上的数据会保留。</translation>
    </message>
    <message>
        <source>Also delete the PersistentVolumeClaims (all data is lost)</source>
        <translation>同时删除 PersistentVolumeClaim（所有数据都将丢失）</translation>
    </message>
    <message>
        <source>Also delete the namespace %1</source>
        <translation>同时删除命名空间 %1</translation>
    </message>
    <message>
        <source>Finding what Cleanup would delete…</source>
        <translation>正在查找清理将删除的内容…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>object</source>
        <comment>count</comment>
        <translation>个对象</translation>
    </message>
    <message>
        <source>objects</source>
        <comment>count</comment>
        <translation>个对象</translation>
    </message>
    <message>
        <source>No pod to remove.</source>
        <translation>没有可移除的 Pod。</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>移除 %1？</translation>
    </message>
    <message>
        <source>The StatefulSet %1 shrinks by one, so pod %2 (%3) is removed. %4 Its PVC is kept for a later scale-up unless you delete it.</source>
        <translation>StatefulSet %1 缩容一个，因此将移除 Pod %2（%3）。%4 除非你删除它，否则它的 PVC 会保留，供以后扩容使用。</translation>
    </message>
    <message>
        <source>Also delete its PersistentVolumeClaim</source>
        <translation>同时删除它的 PersistentVolumeClaim</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Its %1 move to the other masters (%2) before it leaves.</source>
        <translation>它离开前，其 %1会迁移到其他主节点（%2）。</translation>
    </message>
    <message>
        <source>slot</source>
        <comment>count</comment>
        <translation>个槽</translation>
    </message>
    <message>
        <source>slots</source>
        <comment>count</comment>
        <translation>个槽</translation>
    </message>
    <message>
        <source>It is a replica of %1; no slots move.</source>
        <translation>它是 %1 的从节点；不迁移槽。</translation>
    </message>
    <message>
        <source>It serves no slots.</source>
        <translation>它不持有槽。</translation>
    </message>
    <message>
        <source>Select the node to remove in the picture.</source>
        <translation>在图中选择要移除的节点。</translation>
    </message>
    <message>
        <source>%1 leaves the cluster: every other node forgets it and it is reset to a blank node. %2</source>
        <translation>%1 将离开集群：其他所有节点都会忘记它，它会被重置为空白节点。%2</translation>
    </message>
    <message>
        <source>Add %1?</source>
        <translation>添加 %1？</translation>
    </message>
    <message>
        <source>%1 joins the cluster as a master and receives its share of slots, or as a replica of the master with the fewest replicas on another host.</source>
        <translation>%1 将作为主节点加入集群并分得相应的槽，或作为另一主机上从节点最少的主节点的从节点加入。</translation>
    </message>
    <message>
        <source>Add it as a replica instead of a master</source>
        <translation>作为从节点而不是主节点添加</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>%1 has no replica to promote.</source>
        <translation>%1 没有可提升的从节点。</translation>
    </message>
    <message>
        <source>A replica of %1 (%2) becomes master of its %3; %1 becomes its replica.</source>
        <translation>%1 的一个从节点（%2）将成为其 %3的主节点；%1 成为它的从节点。</translation>
    </message>
    <message>
        <source>%1 becomes master in place of %2, which becomes its replica.</source>
        <translation>%1 将取代 %2 成为主节点，%2 成为它的从节点。</translation>
    </message>
    <message>
        <source>Fail over?</source>
        <translation>故障转移？</translation>
    </message>
    <message>
        <source>Fail over</source>
        <translation>故障转移</translation>
    </message>
    <message>
        <source>Add a node?</source>
        <translation>添加节点？</translation>
    </message>
    <message>
        <source>The StatefulSet %1 grows to %2 pods; the new pod %1-%3 joins the cluster as a master and receives its share of slots, or as a replica of the master with the fewest replicas on another Kubernetes node.</source>
        <translation>StatefulSet %1 将扩容到 %2 个 Pod；新的 Pod %1-%3 将作为主节点加入集群并分得相应的槽，或作为另一 Kubernetes 节点上从节点最少的主节点的从节点加入。</translation>
    </message>
    <message>
        <source>Looking at %1.</source>
        <translation>正在查看 %1。</translation>
    </message>
    <message>
        <source>Choose a target above.</source>
        <translation>请在上方选择目标。</translation>
    </message>
    <message>
        <source>cluster_state: %1</source>
        <translation>cluster_state：%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>slots ok: %1</source>
        <translation>正常的槽：%1</translation>
    </message>
    <message>
        <source>known nodes: %1</source>
        <translation>已知节点：%1</translation>
    </message>
    <message>
        <source>current epoch: %1</source>
        <translation>当前纪元：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>masters, replicas</comment>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>master</source>
        <comment>count</comment>
        <translation>个主节点</translation>
    </message>
    <message>
        <source>masters</source>
        <comment>count</comment>
        <translation>个主节点</translation>
    </message>
    <message>
        <source>replica</source>
        <comment>count</comment>
        <translation>个从节点</translation>
    </message>
    <message>
        <source>replicas</source>
        <comment>count</comment>
        <translation>个从节点</translation>
    </message>
    <message>
        <source>Choose a target above to see a cluster.</source>
        <translation>请在上方选择目标以查看集群。</translation>
    </message>
    <message>
        <source>Reading the cluster…</source>
        <translation>正在读取集群…</translation>
    </message>
    <message>
        <source>Select the master (or the replica) to fail over in the picture.</source>
        <translation>在图中选择要故障转移的主节点（或从节点）。</translation>
    </message>
    <message>
        <source>Deploy and create the default cluster</source>
        <translation>部署并创建默认集群</translation>
    </message>
    <message>
        <source>%1 is not available.</source>
        <translation>%1 不可用。</translation>
    </message>
    <message>
        <source>%1 finished.</source>
        <translation>%1 已完成。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Finding the plan…</source>
        <translation>正在查找计划…</translation>
    </message>
    <message>
        <source>The plan could not be found: %1</source>
        <translation>无法得出计划：%1</translation>
    </message>
    <message>
        <source>Finding the plan: %1…</source>
        <translation>正在查找计划：%1…</translation>
    </message>
    <message>
        <source>There is nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
    <message>
        <source>Restart every pod of %1?</source>
        <translation>重启 %1 的每个 Pod？</translation>
    </message>
    <message>
        <source>Each pod restarts in turn, replicas first; a master hands its slots to an in-sync replica by a failover before it restarts. Nothing else changes.</source>
        <translation>每个 Pod 依次重启，从节点优先；主节点在重启前通过故障转移把它的槽交给一个已同步的从节点。其他内容不变。</translation>
    </message>
    <message>
        <source>Restart pods</source>
        <translation>重启 Pod</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>CPU request %1</source>
        <translation>CPU 请求 %1</translation>
    </message>
    <message>
        <source>memory request %1</source>
        <translation>内存请求 %1</translation>
    </message>
    <message>
        <source>Upgrade %1?</source>
        <translation>升级 %1？</translation>
    </message>
    <message>
        <source>The StatefulSet gets %1; then each pod restarts in turn, replicas first; a master hands its slots to an in-sync replica by a failover before it restarts.</source>
        <translation>StatefulSet 获得%1；然后每个 Pod 依次重启，从节点优先；主节点在重启前通过故障转移把它的槽交给一个已同步的从节点。</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Cancel in the progress panel stops between two pods.</source>
        <translation>在进度面板中点击取消，会在两个 Pod 之间停止。</translation>
    </message>
    <message>
        <source>setting %1 %2</source>
        <translation>设置 %1 %2</translation>
    </message>
    <message>
        <source>%1: the settings CONFIG SET accepts are applied live on every node with no restart; for the others each pod restarts in turn, replicas first, a master handing its slots to an in-sync replica by a failover before it restarts. The plan says which.</source>
        <translation>%1：CONFIG SET 接受的设置会在每个节点上在线生效，无需重启；其他设置则需要每个 Pod 依次重启，从节点优先，主节点在重启前通过故障转移把它的槽交给一个已同步的从节点。计划中会说明哪些是哪种。</translation>
    </message>
    <message>
        <source>the studio&apos;s user</source>
        <translation>本程序的用户</translation>
    </message>
    <message>
        <source>A new password is generated and kept in Secret %1.</source>
        <translation>将生成新密码并保存在 Secret %1 中。</translation>
    </message>
    <message>
        <source>The password you typed is kept in Secret %1.</source>
        <translation>您输入的密码将保存在 Secret %1 中。</translation>
    </message>
    <message>
        <source>Rotate the password of %1?</source>
        <translation>轮换 %1 的密码？</translation>
    </message>
    <message>
        <source>Rotate the password?</source>
        <translation>轮换密码？</translation>
    </message>
    <message>
        <source>%1 Every node accepts it beside the old one until the replicas and the Secret use it; then the old password of %2 stops working: whatever logs in with it is refused from then on.</source>
        <translation>%1 在从节点和 Secret 改用新密码之前，每个节点同时接受新旧密码；之后 %2 的旧密码失效：此后用它登录的一切都会被拒绝。</translation>
    </message>
    <message>
        <source>Rotate password</source>
        <translation>轮换密码</translation>
    </message>
    <message>
        <source>Stop trusting the old CAs?</source>
        <translation>不再信任旧的 CA 证书？</translation>
    </message>
    <message>
        <source>After the renewal, ca.crt of %1 keeps only the CA that signs now. Every client, replica or tool whose certificate an old CA signed is refused from then on, and anything that verifies the servers with an old CA alone no longer connects.</source>
        <translation>续签之后，%1 的 ca.crt 只保留当前签发用的 CA 证书。此后，凡是证书由旧 CA 证书签发的客户端、从节点或工具都会被拒绝，只用旧 CA 证书验证服务器的一切也无法再连接。</translation>
    </message>
    <message>
        <source>Renew and drop the old CAs</source>
        <translation>续签并移除旧的 CA 证书</translation>
    </message>
    <message>
        <source>Back up the data to a file first (you choose the file next)</source>
        <translation>先把数据备份到文件（接下来选择文件）</translation>
    </message>
    <message>
        <source>Back up to %1</source>
        <translation>备份到 %1</translation>
    </message>
    <message>
        <source>%1 did not start: it waits for a backup, and no backup file was chosen.</source>
        <translation>%1 没有开始：它要等备份完成，而没有选择备份文件。</translation>
    </message>
    <message>
        <source>%1 after a backup to %2</source>
        <translation>先备份到 %2，再%1</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>校验 %1</translation>
    </message>
    <message>
        <source>%1 from %2, taken %3</source>
        <translation>%1，来自 %2，备份于 %3</translation>
    </message>
    <message>
        <source>key</source>
        <comment>count</comment>
        <translation>个键</translation>
    </message>
    <message>
        <source>keys</source>
        <comment>count</comment>
        <translation>个键</translation>
    </message>
    <message>
        <source>%1: %2 (%3), %4</source>
        <translation>%1：%2（%3），%4</translation>
    </message>
    <message>
        <source>Restore %1 into %2?</source>
        <translation>将 %1 还原到 %2？</translation>
    </message>
    <message>
        <source>Every key of the backup is written with RESTORE, its TTL kept, onto the master of %1 that owns its slot. The file is checked completely first: a damaged one is refused and nothing is written. When the cluster holds keys already, nothing is written either unless you choose what happens to them.</source>
        <translation>备份中的每个键都用 RESTORE 写入 %1 中拥有其槽的主节点，并保留 TTL。文件会先被完整检查：损坏的文件会被拒绝，不写入任何内容。如果集群中已经有键，除非你选择如何处理它们，否则同样不写入任何内容。</translation>
    </message>
    <message>
        <source>Keep the keys the cluster holds already (they are named afterwards)</source>
        <translation>保留集群已有的键（之后会列出它们）</translation>
    </message>
    <message>
        <source>Overwrite the keys the cluster holds already with the backup&apos;s values (their current values are lost)</source>
        <translation>用备份中的值覆盖集群已有的键（它们当前的值会丢失）</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原备份</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>还原 %1</translation>
    </message>
    <message>
        <source>This file cannot be restored: %1</source>
        <translation>这个文件无法还原：%1</translation>
    </message>
    <message>
        <source>%1 finished: %2</source>
        <translation>%1 已完成：%2</translation>
    </message>
</context>
<context>
    <name>rcs::ui::StudioTarget</name>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>%1/%2 in the local sandbox</source>
        <translation>本地沙箱中的 %1/%2</translation>
    </message>
    <message>
        <source>%1/%2 on %3</source>
        <translation>%3 上的 %1/%2</translation>
    </message>
    <message>
        <source>the current context</source>
        <translation>当前上下文</translation>
    </message>
</context>
<context>
    <name>rcs::ui::TargetBar</name>
    <message>
        <source>Local sandbox</source>
        <translation>本地沙箱</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes 集群</translation>
    </message>
    <message>
        <source>Redis nodes</source>
        <translation>Redis 节点</translation>
    </message>
    <message>
        <source>Where the cluster runs: the built-in local sandbox, a Kubernetes cluster from a kubeconfig, or Redis nodes reached at their addresses</source>
        <translation>集群运行的位置：内置的本地沙箱、kubeconfig 中的 Kubernetes 集群，或按地址访问的 Redis 节点</translation>
    </message>
    <message>
        <source>Kubeconfig</source>
        <translation>kubeconfig</translation>
    </message>
    <message>
        <source>The kubeconfig file; empty uses $KUBECONFIG or ~/.kube/config</source>
        <translation>kubeconfig 文件；留空则使用 $KUBECONFIG 或 ~/.kube/config</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file</source>
        <translation>选择 kubeconfig 文件</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>(current context)</source>
        <translation>（当前上下文）</translation>
    </message>
    <message>
        <source>The kubeconfig context (cluster and user)</source>
        <translation>kubeconfig 上下文（集群和用户）</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>StatefulSet</source>
        <translation>StatefulSet</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>One or more node addresses; the rest of the cluster is discovered from them</source>
        <translation>一个或多个节点地址；集群的其余部分会通过它们发现</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问方式</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直连</translation>
    </message>
    <message>
        <source>Tunnel</source>
        <translation>隧道</translation>
    </message>
    <message>
        <source>How the studio reaches the pods: directly at their IPs, through a port-forward over the Kubernetes API (tunnel), or directly where that works and tunnelled elsewhere (auto)</source>
        <translation>本程序如何连接 Pod：直接连接 Pod 的 IP（直连），经 Kubernetes API 的端口转发（隧道），或能直连时直连、否则走隧道（自动）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>The ACL user name for AUTH (Redis 6 and newer); empty for the default user</source>
        <translation>AUTH 使用的 ACL 用户名（Redis 6 及更新版本）；留空则使用默认用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The password for AUTH; empty when the nodes need none. Kept until the studio closes, never saved</source>
        <translation>AUTH 使用的密码；节点不需要密码时留空。只保留到本程序关闭，从不保存</translation>
    </message>
    <message>
        <source>Speak TLS to the nodes (servers with tls-port, Redis 6 and newer)</source>
        <translation>与节点之间使用 TLS（配置了 tls-port 的服务器，Redis 6 及更新版本）</translation>
    </message>
    <message>
        <source>The CA certificate file (PEM) the nodes&apos; certificates must lead to; empty trusts the system&apos;s CAs</source>
        <translation>节点证书必须追溯到的 CA 证书文件（PEM）；留空则信任系统的 CA 证书</translation>
    </message>
    <message>
        <source>A client certificate file (PEM), for nodes with tls-auth-clients yes; with its key</source>
        <translation>客户端证书文件（PEM），用于 tls-auth-clients yes 的节点；需同时给出其私钥</translation>
    </message>
    <message>
        <source>The client certificate&apos;s private key file (PEM)</source>
        <translation>客户端证书的私钥文件（PEM）</translation>
    </message>
    <message>
        <source>server name</source>
        <translation>服务器名称</translation>
    </message>
    <message>
        <source>The name the nodes&apos; certificate must carry; empty uses the address connected to</source>
        <translation>节点证书必须包含的名称；留空则使用所连接的地址</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>使用 TLS</translation>
    </message>
</context>
<context>
    <name>rcs::ui::TargetPage</name>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Where to deploy</source>
        <translation>部署位置</translation>
    </message>
    <message>
        <source>Choose the Kubernetes cluster: the built-in local sandbox, or a context of a kubeconfig file.</source>
        <translation>选择 Kubernetes 集群：内置的本地沙箱，或 kubeconfig 文件中的某个上下文。</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>本地沙箱</translation>
    </message>
    <message>
        <source>Kubernetes (kubeconfig)</source>
        <translation>Kubernetes 集群（kubeconfig）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation>集群：</translation>
    </message>
    <message>
        <source>Kubeconfig:</source>
        <translation>kubeconfig：</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>The sandbox runs on this machine: its pods are real redis-server processes on loopback addresses. It starts on demand.</source>
        <translation>沙箱运行在本机上：它的 Pod 是运行在回环地址上的真实 redis-server 进程。需要时会自动启动。</translation>
    </message>
    <message>
        <source>(current context)</source>
        <translation>（当前上下文）</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected: the API server answered and the credentials work.</source>
        <translation>已连接：API 服务器已应答，凭据有效。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::TopologyView</name>
    <message>
        <source>No cluster to show yet.</source>
        <translation>还没有可显示的集群。</translation>
    </message>
    <message>
        <source>There is no topology to export yet.</source>
        <translation>还没有可导出的拓扑图。</translation>
    </message>
    <message>
        <source>Redis Cluster topology</source>
        <translation>Redis 集群拓扑</translation>
    </message>
    <message>
        <source>Exported by Redis Cluster Studio</source>
        <translation>由 Redis Cluster Studio 导出</translation>
    </message>
    <message>
        <source>Could not write %1: check that the folder exists and is writable.</source>
        <translation>无法写入 %1：请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .svg.</source>
        <translation>请选择以 .png 或 .svg 结尾的文件名。</translation>
    </message>
</context>
<context>
    <name>rcs::ui::UpgradeDialog</name>
    <message>
        <source>Upgrade: change the Redis container</source>
        <translation>升级：更改 Redis 容器</translation>
    </message>
    <message>
        <source>Restart only: every pod restarts, nothing changes</source>
        <translation>仅重启：每个 Pod 都重启，不做任何更改</translation>
    </message>
    <message>
        <source>Upgrade / restart</source>
        <translation>升级 / 重启</translation>
    </message>
    <message>
        <source>e.g. redis:7.2 (empty: keep it)</source>
        <translation>例如 redis:7.2（留空：保持不变）</translation>
    </message>
    <message>
        <source>e.g. 500m (empty: keep it)</source>
        <translation>例如 500m（留空：保持不变）</translation>
    </message>
    <message>
        <source>e.g. 1Gi (empty: keep it)</source>
        <translation>例如 1Gi（留空：保持不变）</translation>
    </message>
    <message>
        <source>One pod at a time, replicas first; each master hands its slots to an in-sync replica by a failover before it restarts. You see the plan before anything changes.</source>
        <translation>每次一个 Pod，从节点优先；每个主节点在重启前通过故障转移把它的槽交给一个已同步的从节点。在做任何更改之前，您会先看到计划。</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>CPU request:</source>
        <translation>CPU 请求：</translation>
    </message>
    <message>
        <source>Memory request:</source>
        <translation>内存请求：</translation>
    </message>
    <message>
        <source>Show the plan…</source>
        <translation>显示计划…</translation>
    </message>
    <message>
        <source>e.g. maxmemory-policy allkeys-lru (one per line; empty: none)</source>
        <translation>例如 maxmemory-policy allkeys-lru（每行一个；留空：无）</translation>
    </message>
    <message>
        <source>redis.conf settings. Those the servers accept through CONFIG SET are applied live on every node without a restart; the others are read by the pods as they restart one by one. The plan says which.</source>
        <translation>redis.conf 设置。服务器可通过 CONFIG SET 接受的设置会在每个节点上在线生效，无需重启；其他设置由 Pod 在逐个重启时读取。计划中会说明哪些是哪种。</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <source>Give a new image, CPU or memory request, a setting, or choose Restart only.</source>
        <translation>请给出新镜像、CPU 或内存请求、某个设置，或者选择“仅重启”。</translation>
    </message>
    <message>
        <source>Give a master without a replica a temporary one while it restarts</source>
        <translation>为没有从节点的主节点在其重启期间提供临时从节点</translation>
    </message>
    <message>
        <source>Otherwise such a master is refused. An extra pod is added at the new revision, takes the slots over, hands them back once the master&apos;s pod is upgraded and in sync, and is removed at the end.</source>
        <translation>否则这样的主节点会被拒绝。会以新修订版本添加一个额外的 Pod，由它接管槽，待主节点的 Pod 升级并同步后交还，最后将其移除。</translation>
    </message>
</context>
</TS>
