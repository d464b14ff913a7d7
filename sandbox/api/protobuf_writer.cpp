#include "api/protobuf_writer.h"

#include <QtEndian>

#include <cstring>

namespace sandbox {

QByteArray ProtobufWriter::varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 byte = value & 0x7f;
        value >>= 7;
        if (value != 0)
            byte |= 0x80;
        out.append(char(byte));
    } while (value != 0);
    return out;
}

QByteArray ProtobufWriter::tag(int field, WireType type)
{
    return varint((quint64(field) << 3) | type);
}

void ProtobufWriter::addLengthDelimited(int field, const QByteArray &value)
{
    m_data += tag(field, LengthDelimited);
    m_data += varint(quint64(value.size()));
    m_data += value;
}

void ProtobufWriter::addBytes(int field, const QByteArray &value)
{
    if (!value.isEmpty())
        addLengthDelimited(field, value);
}

void ProtobufWriter::addRepeatedString(int field, const QString &value)
{
    addLengthDelimited(field, value.toUtf8());
}

void ProtobufWriter::addBool(int field, bool value)
{
    if (!value)
        return;
    m_data += tag(field, Varint);
    m_data += char(1);
}

void ProtobufWriter::addInt64(int field, qint64 value)
{
    if (value == 0)
        return;
    m_data += tag(field, Varint);
    m_data += varint(quint64(value)); // negative int64 values take ten bytes, as in every encoder
}

void ProtobufWriter::addDouble(int field, double value)
{
    if (value == 0)
        return;
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    char bytes[8];
    qToLittleEndian(bits, bytes);
    m_data += tag(field, Fixed64);
    m_data.append(bytes, 8);
}

void ProtobufWriter::addMessage(int field, const ProtobufWriter &message)
{
    addLengthDelimited(field, message.m_data);
}

} // namespace sandbox
