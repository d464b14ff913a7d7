#include "yaml_json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <limits>
#include <optional>

#include <yaml-cpp/yaml.h>

namespace rcs::yamljson {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::YamlJson)
};
} // namespace

namespace {

// An integer as Go's strconv.ParseInt(text, 0, 64) reads it after go-yaml dropped the underscores:
// optional sign, then 0x (hex), 0o (octal), 0b (binary), a leading 0 (octal) or decimal digits.
std::optional<qint64> goInteger(QString text)
{
    text.remove(QLatin1Char('_'));
    static const QRegularExpression shape(
        QStringLiteral("^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString digits = match.captured(2);
    int base = 10;
    if (digits.size() > 1 && digits.at(0) == u'0') {
        const QChar prefix = digits.at(1).toLower();
        base = prefix == u'x' ? 16 : prefix == u'o' ? 8 : prefix == u'b' ? 2 : 8;
        digits = digits.mid(base == 8 && prefix != u'o' ? 1 : 2);
    }
    bool ok = false;
    const quint64 magnitude = digits.toULongLong(&ok, base);
    const bool negative = match.captured(1) == QLatin1String("-");
    if (!ok || magnitude > (negative ? quint64(1) << 63 : quint64(std::numeric_limits<qint64>::max())))
        return std::nullopt; // too large for int64: go-yaml then tries a float
    return negative ? qint64(0 - magnitude) : qint64(magnitude);
}

// The type of a plain (unquoted, untagged) scalar the way the Kubernetes API server and kubectl read
// YAML: sigs.k8s.io/yaml over go-yaml v2, which follows YAML 1.1. So yes/no/on/off (and y/n) are
// booleans, 0123 is octal, 1_000 is 1000; timestamps stay strings. .inf and .nan stay strings too:
// JSON cannot carry them (the API server rejects such a body).
QJsonValue plainScalar(const QString &text)
{
    static const QRegularExpression nullRe(QStringLiteral("^(~|null|Null|NULL)?$"));
    static const QRegularExpression trueRe(QStringLiteral("^(y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE)$"));
    static const QRegularExpression falseRe(QStringLiteral("^(n|N|no|No|NO|off|Off|OFF|false|False|FALSE)$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (nullRe.match(text).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (trueRe.match(text).hasMatch())
        return true;
    if (falseRe.match(text).hasMatch())
        return false;
    if (const std::optional<qint64> integer = goInteger(text))
        return *integer;
    const QString plain = QString(text).remove(QLatin1Char('_'));
    if (floatRe.match(plain).hasMatch()) {
        bool ok = false;
        const double value = plain.toDouble(&ok);
        if (ok)
            return value;
    }
    return text;
}

QJsonValue typedScalar(const YAML::Node &node)
{
    const QString text = QString::fromStdString(node.Scalar());
    // A quoted scalar (yaml-cpp's tag "!") and one tagged !!str are strings, whatever they look like.
    if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
        return text;
    return plainScalar(text);
}

QJsonValue toJson(const YAML::Node &node, Scalars scalars)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar:
        return scalars == Scalars::Strings ? QJsonValue(QString::fromStdString(node.Scalar()))
                                           : typedScalar(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &item : node)
            array.append(toJson(item, scalars));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &pair : node)
            object.insert(QString::fromStdString(pair.first.as<std::string>()), toJson(pair.second, scalars));
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

bool needsQuotes(const QString &text)
{
    // Re-reading the emitted text must give the same string back, so anything our reader (the API
    // server's rules) would turn into another type is quoted, and so is what a YAML 1.2 reader would
    // (.inf, .nan); yaml-cpp itself quotes what is not a valid plain scalar.
    static const QRegularExpression special(QStringLiteral("^([-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$"));
    return text.isEmpty() || !plainScalar(text).isString() || text.trimmed() != text ||
           special.match(text).hasMatch();
}

void emitValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << (value.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number)))
            out << static_cast<long long>(number);
        else
            out << number;
        break;
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        const std::string utf8 = text.toStdString();
        if (text.contains(QLatin1Char('\n')))
            out << YAML::Literal << utf8;
        else if (needsQuotes(text))
            out << YAML::DoubleQuoted << utf8;
        else
            out << utf8;
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : array)
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    }
}

} // namespace

namespace {

struct DocumentText {
    std::string text;
    int firstLine = 0; // 0-based line of the document's first line in the whole stream
};

bool isMarkerLine(const QByteArray &line, const char *marker)
{
    return line.startsWith(marker) &&
           (line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t' || line.at(3) == '\r');
}

// yaml-cpp 0.7's LoadAll never returns on some malformed inputs (its parser reports a new empty
// document forever without consuming input, so memory grows until the process dies; found by
// tests/fuzz, inputs in tests/fuzz/corpus/kubeconfig/hang-*). The stream is therefore split here at
// the document markers ("---" starts and "..." ends a document; at column 0 they always do, even
// after a block scalar) and each document is loaded alone with YAML::Load, which reads one.
QList<DocumentText> splitDocuments(const QByteArray &text)
{
    QList<DocumentText> documents;
    DocumentText current;
    bool hasLines = false;
    int lineNumber = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (isMarkerLine(line, "---") && hasLines) {
            documents.append(current);
            current = {{}, lineNumber};
            hasLines = false;
        }
        current.text.append(line.constData(), size_t(line.size()));
        current.text.push_back('\n');
        hasLines = true;
        ++lineNumber;
        if (isMarkerLine(line, "...")) {
            documents.append(current);
            current = {{}, lineNumber};
            hasLines = false;
        }
    }
    if (hasLines)
        documents.append(current);
    return documents;
}

} // namespace

Result<QList<QJsonObject>> parseDocuments(const QByteArray &text, const QString &sourceName, Scalars scalars)
{
    QList<QJsonObject> documents;
    int firstLine = 0;
    try {
        int index = 0;
        for (const DocumentText &document : splitDocuments(text)) {
            firstLine = document.firstLine;
            const YAML::Node node = YAML::Load(document.text);
            ++index;
            if (node.IsNull())
                continue;
            if (!node.IsMap())
                return Error(ErrorCode::InvalidInput,
                             Text::tr("%1: document %2 is not a YAML mapping (an object with keys).")
                                 .arg(sourceName)
                                 .arg(index));
            documents.append(toJson(node, scalars).toObject());
        }
    } catch (const YAML::Exception &e) {
        const int line = firstLine + e.mark.line + 1;
        const QString reason = QString::fromStdString(e.msg);
        return Error(ErrorCode::InvalidInput,
                     Text::tr("%1: YAML error at line %2, column %3: %4.")
                         .arg(sourceName)
                         .arg(line)
                         .arg(e.mark.column + 1)
                         .arg(reason),
                     QStringLiteral("yaml: line %1: %2").arg(line).arg(reason));
    } catch (const std::exception &e) {
        return Error(
            ErrorCode::InvalidInput,
            Text::tr("%1: cannot read the YAML: %2.").arg(sourceName, QString::fromLocal8Bit(e.what())));
    }
    return documents;
}

QString toYaml(const QList<QJsonObject> &documents)
{
    QString text;
    for (const QJsonObject &document : documents) {
        YAML::Emitter out;
        out.SetIndent(2);
        out.SetSeqFormat(YAML::Block);
        emitValue(out, document);
        text += QStringLiteral("---\n") + QString::fromUtf8(out.c_str()) + QLatin1Char('\n');
    }
    return text;
}

} // namespace rcs::yamljson
