// libFuzzer target: the CLUSTER INFO / INFO field parsers read text any reachable Redis node sends us.
#include "redis/cluster_info_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto info = rcs::parseClusterInfo(text);
    if (!info)
        (void)info.error().message();
    (void)rcs::parseInfoFields(text).size();
    return 0;
}
