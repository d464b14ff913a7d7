#pragma once

// TestSandboxApiUnits's class and the JSON and protobuf builders its parts share.
#include "api/field_validation.h"
#include "api/managed_fields.h"
#include "api/object_defaults.h"
#include "api/patches.h"
#include "api/protobuf_body.h"
#include "api/query_selectors.h"
#include "api/resource_types.h"
#include "api/table_printer.h"
#include "net/credentials.h"
#include "net/http_message.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sandbox;

namespace sandbox_api_units_test {

inline QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

inline QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 byte = value & 0x7f;
        value >>= 7;
        if (value)
            byte |= 0x80;
        out.append(char(byte));
    } while (value);
    return out;
}

inline QByteArray field(int number, const QByteArray &bytes)
{
    return varint(quint64(number) << 3 | 2) + varint(quint64(bytes.size())) + bytes;
}

inline QByteArray intField(int number, quint64 value)
{
    return varint(quint64(number) << 3) + varint(value);
}

} // namespace sandbox_api_units_test

using namespace sandbox_api_units_test;

class TestSandboxApiUnits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void labelQuery_data();
    void labelQuery();
    void labelQueryErrors();
    void fieldQuery_data();
    void fieldQuery();
    void fieldLabelsPerResource();
    void strategicMergePatch_data();
    void strategicMergePatch();
    void mergePatch();
    void jsonPatch_data();
    void jsonPatch();
    void serverSideApplyOwnership();
    void updateTakesOwnership();
    void chunkedBody_data();
    void chunkedBody();
    void requestHead();
    void protobufConfigMap();
    void protobufServiceDropsZeroFields();
    void protobufUnsupportedKind();
    void unknownFields_data();
    void unknownFields();
    void humanDuration_data();
    void humanDuration();
    void credentialsTrustOnlyTheirCa();
    void podRestartsCell();
    void qosClass_data();
    void qosClass();
};
