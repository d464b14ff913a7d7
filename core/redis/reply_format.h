#pragma once

#include <QJsonValue>
#include <QString>

namespace rcs {

class RedisReply;

// A reply as redis-cli prints it on a terminal (its cliFormatReplyTTY), so that what the console shows
// reads like what an operator knows: `OK`, `(integer) 1`, `(nil)`, `(error) ERR …`, `"text"` with
// bytes escaped like redis-cli's sdscatrepr (\n, \", \xHH for what is not printable ASCII), arrays as
// `1) …` with the index right-aligned and nested arrays indented under their parent, `(empty array)`.
// Every line ends with a newline.
QString formatReplyCli(const RedisReply &reply);

// One bulk string as redis-cli quotes it: "a\x00b".
QString quoteBytesCli(const QByteArray &bytes);

// The JSON form: strings (bytes that are not valid UTF-8 in their redis-cli escaped form, unquoted)
// and status texts as strings, integers as numbers, nil as null, arrays as arrays, an error as
// {"error": "ERR …"}.
QJsonValue replyToJson(const RedisReply &reply);

} // namespace rcs
