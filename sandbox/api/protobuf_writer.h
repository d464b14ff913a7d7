#pragma once

#include <QByteArray>
#include <QString>

namespace sandbox {

// The protobuf wire format (https://protobuf.dev/programming-guides/encoding/), written by hand for the
// few messages kube-sandbox sends. Fields follow proto3: a scalar equal to its default (empty, 0,
// false) is left out, unless it is an element of a repeated field; a nested message is written
// whenever the caller adds it, because its presence matters to readers (gnostic's Properties).
class ProtobufWriter final {
public:
    enum WireType : quint8 { Varint = 0, Fixed64 = 1, LengthDelimited = 2 };

    void addString(int field, const QString &value) { addBytes(field, value.toUtf8()); }
    void addBytes(int field, const QByteArray &value);
    void addRepeatedString(int field, const QString &value); // written even when empty
    void addBool(int field, bool value);
    void addInt64(int field, qint64 value);
    void addDouble(int field, double value);
    void addMessage(int field, const ProtobufWriter &message);

    const QByteArray &data() const { return m_data; }

    static QByteArray varint(quint64 value);
    static QByteArray tag(int field, WireType type);

private:
    void addLengthDelimited(int field, const QByteArray &value);

    QByteArray m_data;
};

} // namespace sandbox
