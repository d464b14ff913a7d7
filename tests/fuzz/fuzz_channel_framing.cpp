// libFuzzer target: kube-sandbox's channel.k8s.io WebSocket framing decoder, which reads whatever a
// client sends on a port-forward or exec stream. The first byte picks binary/text and base64 or not.
#include "streams/channel_framing.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool base64 = data[0] & 1;
    const bool text = data[0] & 2;
    const sandbox::ChannelFraming framing(base64 ? QStringLiteral("v4.base64.channel.k8s.io")
                                                 : QStringLiteral("v4.channel.k8s.io"));
    const QByteArray message =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    quint8 channel = 0;
    QByteArray payload;
    if (text)
        (void)framing.decodeText(QString::fromUtf8(message), &channel, &payload);
    else
        (void)framing.decodeBinary(message, &channel, &payload);
    return 0;
}
