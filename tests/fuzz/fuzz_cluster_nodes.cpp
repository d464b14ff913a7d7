// libFuzzer target: the CLUSTER NODES parser reads text that any reachable Redis node sends us.
#include "redis/cluster_nodes_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto nodes = rcs::parseClusterNodes(text);
    if (nodes) {
        // Touch every parsed value so a bad index or an uninitialised field shows up under ASan/UBSan.
        qsizetype total = 0;
        for (const auto &node : *nodes)
            total += node.id.size();
        (void)total;
    } else {
        (void)nodes.error().message();
    }
    return 0;
}
