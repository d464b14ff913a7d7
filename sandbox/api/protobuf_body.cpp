#include "api/protobuf_body.h"

#include <QJsonArray>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

// The field numbers come from k8s.io/api/core/v1/generated.proto and
// k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto.
enum class Kind { String, Bytes, Int, Bool, Message, StringMap, BytesMap, IntOrString, Skip };

struct Message;
struct Field {
    int number;
    const char *name;
    Kind kind;
    bool repeated = false;
    const Message *message = nullptr;
};
struct Message {
    QList<Field> fields;
};

const Message kOwnerReference{{{1, "kind", Kind::String},
                               {3, "name", Kind::String},
                               {4, "uid", Kind::String},
                               {5, "apiVersion", Kind::String},
                               {6, "controller", Kind::Bool},
                               {7, "blockOwnerDeletion", Kind::Bool}}};
const Message kObjectMeta{{{1, "name", Kind::String},
                           {2, "generateName", Kind::String},
                           {3, "namespace", Kind::String},
                           {5, "uid", Kind::String},
                           {6, "resourceVersion", Kind::String},
                           {8, "creationTimestamp", Kind::Skip},
                           {11, "labels", Kind::StringMap},
                           {12, "annotations", Kind::StringMap},
                           {13, "ownerReferences", Kind::Message, true, &kOwnerReference},
                           {14, "finalizers", Kind::String, true}}};
const Message kNamespaceSpec{{{1, "finalizers", Kind::String, true}}};
const Message kNamespace{{{1, "metadata", Kind::Message, false, &kObjectMeta},
                          {2, "spec", Kind::Message, false, &kNamespaceSpec}}};
const Message kConfigMap{{{1, "metadata", Kind::Message, false, &kObjectMeta},
                          {2, "data", Kind::StringMap},
                          {3, "binaryData", Kind::BytesMap},
                          {4, "immutable", Kind::Bool}}};
const Message kSecret{{{1, "metadata", Kind::Message, false, &kObjectMeta},
                       {2, "data", Kind::BytesMap},
                       {3, "type", Kind::String},
                       {4, "stringData", Kind::StringMap},
                       {5, "immutable", Kind::Bool}}};
const Message kServicePort{{{1, "name", Kind::String},
                            {2, "protocol", Kind::String},
                            {3, "port", Kind::Int},
                            {4, "targetPort", Kind::IntOrString},
                            {5, "nodePort", Kind::Int},
                            {6, "appProtocol", Kind::String}}};
const Message kServiceSpec{{{1, "ports", Kind::Message, true, &kServicePort},
                            {2, "selector", Kind::StringMap},
                            {3, "clusterIP", Kind::String},
                            {4, "type", Kind::String},
                            {5, "externalIPs", Kind::String, true},
                            {7, "sessionAffinity", Kind::String},
                            {8, "loadBalancerIP", Kind::String},
                            {10, "externalName", Kind::String},
                            {11, "externalTrafficPolicy", Kind::String},
                            {13, "publishNotReadyAddresses", Kind::Bool},
                            {17, "ipFamilyPolicy", Kind::String},
                            {18, "clusterIPs", Kind::String, true},
                            {19, "ipFamilies", Kind::String, true},
                            {22, "internalTrafficPolicy", Kind::String}}};
const Message kService{
    {{1, "metadata", Kind::Message, false, &kObjectMeta}, {2, "spec", Kind::Message, false, &kServiceSpec}}};

class Reader final {
public:
    explicit Reader(const QByteArray &data)
        : m_data(data)
    {}
    bool atEnd() const { return m_pos >= m_data.size(); }
    bool failed() const { return m_failed; }

    quint64 varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd()) {
                m_failed = true;
                return 0;
            }
            const auto byte = static_cast<quint8>(m_data.at(m_pos++));
            value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        m_failed = true;
        return 0;
    }
    QByteArray bytes()
    {
        const quint64 length = varint();
        if (m_failed || length > quint64(m_data.size() - m_pos)) {
            m_failed = true;
            return {};
        }
        const QByteArray out = m_data.mid(m_pos, qsizetype(length));
        m_pos += qsizetype(length);
        return out;
    }
    void skip(int wireType)
    {
        switch (wireType) {
        case 0:
            varint();
            break;
        case 1:
            m_pos += 8;
            break;
        case 2:
            bytes();
            break;
        case 5:
            m_pos += 4;
            break;
        default:
            m_failed = true;
        }
        if (m_pos > m_data.size())
            m_failed = true;
    }

private:
    const QByteArray m_data;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

QJsonObject decodeMessage(const QByteArray &data, const Message &message, bool *ok);

QJsonValue decodeIntOrString(const QByteArray &data, bool *ok)
{
    Reader reader(data);
    qint64 type = 0;
    qint64 intValue = 0;
    QString stringValue;
    while (!reader.atEnd() && !reader.failed()) {
        const quint64 tag = reader.varint();
        const int number = int(tag >> 3);
        if (number == 1)
            type = qint64(reader.varint());
        else if (number == 2)
            intValue = qint64(reader.varint());
        else if (number == 3)
            stringValue = QString::fromUtf8(reader.bytes());
        else
            reader.skip(int(tag & 7));
    }
    *ok = *ok && !reader.failed();
    return type == 1 ? QJsonValue(stringValue) : QJsonValue(intValue);
}

QJsonObject decodeMessage(const QByteArray &data, const Message &message, bool *ok)
{
    QJsonObject out;
    Reader reader(data);
    while (!reader.atEnd() && !reader.failed()) {
        const quint64 tag = reader.varint();
        const int number = int(tag >> 3);
        const int wireType = int(tag & 7);
        const Field *field = nullptr;
        for (const Field &f : message.fields) {
            if (f.number == number)
                field = &f;
        }
        if (!field || field->kind == Kind::Skip) {
            reader.skip(wireType);
            continue;
        }
        const QString name = QString::fromLatin1(field->name);
        QJsonValue value;
        switch (field->kind) {
        case Kind::String:
            value = QString::fromUtf8(reader.bytes());
            break;
        case Kind::Bytes:
            value = QString::fromLatin1(reader.bytes().toBase64());
            break;
        case Kind::Int:
            value = qint64(reader.varint());
            break;
        case Kind::Bool:
            value = reader.varint() != 0;
            break;
        case Kind::IntOrString:
            value = decodeIntOrString(reader.bytes(), ok);
            break;
        case Kind::Message:
            value = decodeMessage(reader.bytes(), *field->message, ok);
            break;
        case Kind::StringMap:
        case Kind::BytesMap: {
            Reader entry(reader.bytes());
            QString key;
            QByteArray raw;
            while (!entry.atEnd() && !entry.failed()) {
                const quint64 entryTag = entry.varint();
                if ((entryTag >> 3) == 1)
                    key = QString::fromUtf8(entry.bytes());
                else if ((entryTag >> 3) == 2)
                    raw = entry.bytes();
                else
                    entry.skip(int(entryTag & 7));
            }
            *ok = *ok && !entry.failed();
            QJsonObject map = out.value(name).toObject();
            map.insert(key, field->kind == Kind::StringMap ? QString::fromUtf8(raw)
                                                           : QString::fromLatin1(raw.toBase64()));
            out.insert(name, map);
            continue;
        }
        case Kind::Skip:
            break;
        }
        if (field->repeated) {
            QJsonArray array = out.value(name).toArray();
            array.append(value);
            out.insert(name, array);
            continue;
        }
        // Go structs are encoded with every field, zero or not; the JSON form omits empty ones.
        const bool empty = (value.isString() && value.toString().isEmpty()) ||
                           (value.isDouble() && value.toInteger() == 0) ||
                           (value.isBool() && !value.toBool()) ||
                           (value.isObject() && value.toObject().isEmpty());
        if (!empty)
            out.insert(name, value);
    }
    *ok = *ok && !reader.failed();
    return out;
}

} // namespace

rcs::Result<QJsonObject> decodeProtobufObject(const QByteArray &body)
{
    static const QByteArray magic("k8s\0", 4);
    if (!body.startsWith(magic))
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("the protobuf body lacks the \"k8s\\0\" prefix"));
    Reader envelope(body.mid(4));
    QString apiVersion;
    QString kind;
    QByteArray raw;
    while (!envelope.atEnd() && !envelope.failed()) {
        const quint64 tag = envelope.varint();
        const int number = int(tag >> 3);
        if (number == 1) {
            Reader typeMeta(envelope.bytes());
            while (!typeMeta.atEnd() && !typeMeta.failed()) {
                const quint64 t = typeMeta.varint();
                if ((t >> 3) == 1)
                    apiVersion = QString::fromUtf8(typeMeta.bytes());
                else if ((t >> 3) == 2)
                    kind = QString::fromUtf8(typeMeta.bytes());
                else
                    typeMeta.skip(int(t & 7));
            }
        } else if (number == 2) {
            raw = envelope.bytes();
        } else {
            envelope.skip(int(tag & 7));
        }
    }
    if (envelope.failed())
        return Error(ErrorCode::InvalidInput, QStringLiteral("the protobuf envelope is truncated"));
    const Message *message = kind == u"Namespace"   ? &kNamespace
                             : kind == u"ConfigMap" ? &kConfigMap
                             : kind == u"Secret"    ? &kSecret
                             : kind == u"Service"   ? &kService
                                                    : nullptr;
    if (!message || apiVersion != u"v1")
        return Error(
            ErrorCode::InvalidInput,
            QStringLiteral("kube-sandbox reads protobuf bodies only for v1 Namespace, ConfigMap, Secret and "
                           "Service, not %1 %2; write the object as YAML and use kubectl create -f")
                .arg(apiVersion, kind));
    bool ok = true;
    QJsonObject object = decodeMessage(raw, *message, &ok);
    if (!ok)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("the protobuf %1 is truncated or malformed").arg(kind));
    object.insert(QStringLiteral("apiVersion"), apiVersion);
    object.insert(QStringLiteral("kind"), kind);
    return object;
}

} // namespace sandbox
