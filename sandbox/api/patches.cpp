#include "api/patches.h"

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

const QLatin1String kPatchDirective("$patch");
const QLatin1String kRetainKeys("$retainKeys");
const QLatin1String kSetElementOrder("$setElementOrder/");
const QLatin1String kDeleteFromPrimitiveList("$deleteFromPrimitiveList/");

QJsonValue stripDirectives(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.key().startsWith(u'$'))
                out.insert(it.key(), stripDirectives(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject() && item.toObject().value(kPatchDirective).toString() == u"delete")
                continue;
            out.append(stripDirectives(item));
        }
        return out;
    }
    return value;
}

QJsonObject mergeStrategic(const QJsonObject &target, const QJsonObject &patch);

QJsonArray mergeKeyedList(const QJsonArray &target, const QJsonArray &patch, const QString &key)
{
    QJsonArray out = target;
    for (const QJsonValue &value : patch) {
        const QJsonObject item = value.toObject();
        const QString directive = item.value(kPatchDirective).toString();
        if (directive == u"replace") // the list is replaced by the patch's other items
            return stripDirectives(patch).toArray();
        const QJsonValue keyValue = item.value(key);
        qsizetype found = -1;
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (out.at(i).toObject().value(key) == keyValue) {
                found = i;
                break;
            }
        }
        if (directive == u"delete") {
            if (found >= 0)
                out.removeAt(found);
            continue;
        }
        if (found >= 0)
            out.replace(found, mergeStrategic(out.at(found).toObject(), item));
        else
            out.append(stripDirectives(item));
    }
    return out;
}

QJsonArray orderList(const QJsonArray &list, const QJsonArray &order, const QString &key)
{
    QJsonArray out;
    QList<bool> used(list.size(), false);
    for (const QJsonValue &wanted : order) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonValue candidate = key.isEmpty() ? list.at(i) : list.at(i).toObject().value(key);
            const QJsonValue expected = key.isEmpty() ? wanted : wanted.toObject().value(key);
            if (!used[i] && candidate == expected) {
                used[i] = true;
                out.append(list.at(i));
                break;
            }
        }
    }
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!used[i])
            out.append(list.at(i));
    }
    return out;
}

QJsonObject mergeStrategic(const QJsonObject &target, const QJsonObject &patch)
{
    if (patch.value(kPatchDirective).toString() == u"replace")
        return stripDirectives(patch).toObject();
    QJsonObject out = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString key = it.key();
        if (key.startsWith(kDeleteFromPrimitiveList)) {
            const QString field = key.mid(kDeleteFromPrimitiveList.size());
            QJsonArray list = out.value(field).toArray();
            for (const QJsonValue &remove : it.value().toArray()) {
                for (qsizetype i = list.size() - 1; i >= 0; --i) {
                    if (list.at(i) == remove)
                        list.removeAt(i);
                }
            }
            out.insert(field, list);
            continue;
        }
        if (key.startsWith(u'$'))
            continue;
        const QJsonValue value = it.value();
        if (value.isNull()) {
            out.remove(key);
        } else if (value.isObject() && out.value(key).isObject()) {
            out.insert(key, mergeStrategic(out.value(key).toObject(), value.toObject()));
        } else if (value.isArray() && out.value(key).isArray()) {
            QJsonArray sample = out.value(key).toArray();
            for (const QJsonValue &v : value.toArray())
                sample.append(v);
            const QString mergeKey = listMergeKey(key, sample);
            if (mergeKey.isEmpty())
                out.insert(key, stripDirectives(value));
            else
                out.insert(key, mergeKeyedList(out.value(key).toArray(), value.toArray(), mergeKey));
        } else {
            out.insert(key, stripDirectives(value));
        }
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (!it.key().startsWith(kSetElementOrder))
            continue;
        const QString field = it.key().mid(kSetElementOrder.size());
        const QJsonArray list = out.value(field).toArray();
        out.insert(field, orderList(list, it.value().toArray(), listMergeKey(field, list)));
    }
    if (patch.contains(kRetainKeys)) {
        const QJsonArray keep = patch.value(kRetainKeys).toArray();
        for (const QString &key : out.keys()) {
            if (!keep.contains(key))
                out.remove(key);
        }
    }
    return out;
}

// JSON pointer helpers (RFC 6901) over QJsonValue trees.
QStringList pointerSegments(const QString &pointer)
{
    QStringList segments = pointer.split(u'/');
    segments.removeFirst(); // the part before the leading '/'
    for (QString &s : segments)
        s.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
    return segments;
}

std::optional<QJsonValue> valueAt(const QJsonValue &root, const QStringList &path)
{
    QJsonValue current = root;
    for (const QString &segment : path) {
        if (current.isObject()) {
            if (!current.toObject().contains(segment))
                return std::nullopt;
            current = current.toObject().value(segment);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = segment.toInt(&ok);
            if (!ok || index < 0 || index >= current.toArray().size())
                return std::nullopt;
            current = current.toArray().at(index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

enum class Edit { Add, Replace, Remove };

// Returns false when the path does not exist (or the index is out of range).
bool editAt(QJsonValue &node, const QStringList &path, qsizetype depth, Edit edit, const QJsonValue &value)
{
    const QString &segment = path.at(depth);
    const bool last = depth == path.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (edit != Edit::Add && !object.contains(segment))
                return false;
            if (edit == Edit::Remove)
                object.remove(segment);
            else
                object.insert(segment, value);
        } else {
            if (!object.contains(segment))
                return false;
            QJsonValue child = object.value(segment);
            if (!editAt(child, path, depth + 1, edit, value))
                return false;
            object.insert(segment, child);
        }
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        bool ok = false;
        qsizetype index = segment == u"-" ? array.size() : segment.toInt(&ok);
        if (segment == u"-")
            ok = true;
        if (!ok || index < 0 || index > array.size())
            return false;
        if (last) {
            if (edit == Edit::Add) {
                array.insert(index, value);
            } else {
                if (index >= array.size())
                    return false;
                if (edit == Edit::Remove)
                    array.removeAt(index);
                else
                    array.replace(index, value);
            }
        } else {
            if (index >= array.size())
                return false;
            QJsonValue child = array.at(index);
            if (!editAt(child, path, depth + 1, edit, value))
                return false;
            array.replace(index, child);
        }
        node = array;
        return true;
    }
    return false;
}

} // namespace

QString listMergeKey(const QString &field, const QJsonArray &items)
{
    static const QStringList byName{QStringLiteral("containers"),
                                    QStringLiteral("initContainers"),
                                    QStringLiteral("ephemeralContainers"),
                                    QStringLiteral("volumes"),
                                    QStringLiteral("env"),
                                    QStringLiteral("imagePullSecrets")};
    if (byName.contains(field))
        return QStringLiteral("name");
    if (field == u"volumeMounts")
        return QStringLiteral("mountPath");
    if (field == u"volumeDevices")
        return QStringLiteral("devicePath");
    if (field == u"conditions")
        return QStringLiteral("type");
    if (field == u"ownerReferences")
        return QStringLiteral("uid");
    if (field == u"hostAliases")
        return QStringLiteral("ip");
    if (field == u"topologySpreadConstraints")
        return QStringLiteral("topologyKey");
    if (field == u"ports") {
        for (const QJsonValue &item : items) {
            if (item.toObject().contains(QLatin1String("containerPort")))
                return QStringLiteral("containerPort");
        }
        return QStringLiteral("port");
    }
    return {};
}

QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject out = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else if (it.value().isObject())
            out.insert(it.key(), applyMergePatch(out.value(it.key()).toObject(), it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject applyStrategicMergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    return mergeStrategic(target, patch);
}

rcs::Result<QJsonObject> applyJsonPatch(const QJsonObject &target, const QJsonArray &operations)
{
    QJsonValue root = target;
    for (const QJsonValue &operationValue : operations) {
        const QJsonObject operation = operationValue.toObject();
        const QString op = operation.value(QLatin1String("op")).toString();
        const QString pathText = operation.value(QLatin1String("path")).toString();
        const QStringList path = pointerSegments(pathText);
        const auto fail = [&](const QString &why) {
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("json patch %1 %2: %3").arg(op, pathText, why));
        };
        if (path.isEmpty())
            return fail(QStringLiteral("the path must not be the document root"));
        if (op == u"add" || op == u"replace") {
            if (!editAt(root, path, 0, op == u"add" ? Edit::Add : Edit::Replace,
                        operation.value(QLatin1String("value"))))
                return fail(QStringLiteral("the path does not exist"));
        } else if (op == u"remove") {
            if (!editAt(root, path, 0, Edit::Remove, {}))
                return fail(QStringLiteral("the path does not exist"));
        } else if (op == u"test") {
            const auto current = valueAt(root, path);
            if (!current || *current != operation.value(QLatin1String("value")))
                return fail(QStringLiteral("test failed"));
        } else if (op == u"move" || op == u"copy") {
            const QString fromText = operation.value(QLatin1String("from")).toString();
            const QStringList from = pointerSegments(fromText);
            const auto value = valueAt(root, from);
            if (!value || from.isEmpty())
                return fail(QStringLiteral("the from path %1 does not exist").arg(fromText));
            if (op == u"move")
                editAt(root, from, 0, Edit::Remove, {});
            if (!editAt(root, path, 0, Edit::Add, *value))
                return fail(QStringLiteral("the path does not exist"));
        } else {
            return fail(QStringLiteral("unknown operation"));
        }
    }
    return root.toObject();
}

} // namespace sandbox
