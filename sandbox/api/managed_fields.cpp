#include "api/managed_fields.h"

#include "api/patches.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <functional>

namespace sandbox {

namespace {

// A field path is its FieldsV1 elements ("f:spec", "k:{\"name\":\"redis\"}") joined by a separator
// that cannot occur in field names.
constexpr QChar kSeparator = u'\x1f';
using FieldSet = QSet<QString>;

const QStringList &untrackedMetadata()
{
    static const QStringList fields{QStringLiteral("name"),
                                    QStringLiteral("namespace"),
                                    QStringLiteral("uid"),
                                    QStringLiteral("resourceVersion"),
                                    QStringLiteral("generation"),
                                    QStringLiteral("creationTimestamp"),
                                    QStringLiteral("deletionTimestamp"),
                                    QStringLiteral("deletionGracePeriodSeconds"),
                                    QStringLiteral("managedFields"),
                                    QStringLiteral("selfLink")};
    return fields;
}

QString keyElement(const QString &key, const QJsonValue &value)
{
    return QStringLiteral("k:") +
           QString::fromUtf8(QJsonDocument(QJsonObject{{key, value}}).toJson(QJsonDocument::Compact));
}

void collectLeaves(const QJsonValue &value, const QString &field, const QString &prefix, FieldSet *out)
{
    const auto join = [&](const QString &element) {
        return prefix.isEmpty() ? element : prefix + kSeparator + element;
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty() && !prefix.isEmpty()) {
            out->insert(prefix);
            return;
        }
        for (auto it = object.begin(); it != object.end(); ++it)
            collectLeaves(it.value(), it.key(), join(QStringLiteral("f:") + it.key()), out);
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const QString key = listMergeKey(field, array);
        bool keyed = !key.isEmpty() && !array.isEmpty();
        for (const QJsonValue &item : array)
            keyed = keyed && item.isObject() && item.toObject().contains(key);
        if (!keyed) {
            out->insert(prefix); // atomic list
            return;
        }
        for (const QJsonValue &item : array)
            collectLeaves(item, {}, prefix + kSeparator + keyElement(key, item.toObject().value(key)), out);
        return;
    }
    out->insert(prefix);
}

// The fields an object sets, without identity, status and type fields.
FieldSet leafFields(const QJsonObject &object)
{
    QJsonObject tracked = object;
    tracked.remove(QLatin1String("apiVersion"));
    tracked.remove(QLatin1String("kind"));
    tracked.remove(QLatin1String("status"));
    QJsonObject metadata = tracked.value(QLatin1String("metadata")).toObject();
    for (const QString &field : untrackedMetadata())
        metadata.remove(field);
    if (metadata.isEmpty())
        tracked.remove(QLatin1String("metadata"));
    else
        tracked.insert(QLatin1String("metadata"), metadata);
    FieldSet out;
    collectLeaves(tracked, {}, {}, &out);
    out.remove(QString());
    return out;
}

// Navigates a path; nothing when absent.
std::optional<QJsonValue> valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    for (const QString &element : path.split(kSeparator)) {
        if (element.startsWith(QLatin1String("f:"))) {
            const QJsonObject o = current.toObject();
            const QString name = element.mid(2);
            if (!current.isObject() || !o.contains(name))
                return std::nullopt;
            current = o.value(name);
        } else if (element.startsWith(QLatin1String("k:"))) {
            const QJsonObject keyObject = QJsonDocument::fromJson(element.mid(2).toUtf8()).object();
            const QString key = keyObject.keys().value(0);
            bool found = false;
            for (const QJsonValue &item : current.toArray()) {
                if (item.toObject().value(key) == keyObject.value(key)) {
                    current = item;
                    found = true;
                    break;
                }
            }
            if (!found)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    return current;
}

// Removes the field at path; removing the key field of a keyed list item removes the whole item.
QJsonValue removeAt(const QJsonValue &node, const QStringList &elements, qsizetype depth,
                    const QString &itemKey)
{
    const QString &element = elements.at(depth);
    const bool last = depth == elements.size() - 1;
    if (element.startsWith(QLatin1String("f:")) && node.isObject()) {
        QJsonObject object = node.toObject();
        const QString name = element.mid(2);
        if (!object.contains(name))
            return node;
        if (last) {
            if (name == itemKey)
                return QJsonValue::Undefined; // the caller drops the list item
            object.remove(name);
        } else {
            const QJsonValue child = removeAt(object.value(name), elements, depth + 1, {});
            object.insert(name, child);
        }
        return object;
    }
    if (element.startsWith(QLatin1String("k:")) && node.isArray()) {
        const QJsonObject keyObject = QJsonDocument::fromJson(element.mid(2).toUtf8()).object();
        const QString key = keyObject.keys().value(0);
        QJsonArray array = node.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).toObject().value(key) != keyObject.value(key))
                continue;
            const QJsonValue child =
                last ? QJsonValue::Undefined : removeAt(array.at(i), elements, depth + 1, key);
            if (child.isUndefined())
                array.removeAt(i);
            else
                array.replace(i, child);
            break;
        }
        return array;
    }
    return node;
}

QJsonObject encodeFields(const FieldSet &fields)
{
    // Build the nested FieldsV1 maps; list items get "." as the API server writes them.
    QJsonObject root;
    const std::function<QJsonObject(QJsonObject, const QStringList &, qsizetype)> insert =
        [&](QJsonObject node, const QStringList &elements, qsizetype depth) {
            if (depth == elements.size())
                return node;
            const QString &element = elements.at(depth);
            QJsonObject child = node.value(element).toObject();
            if (element.startsWith(QLatin1String("k:")))
                child.insert(QStringLiteral("."), QJsonObject{});
            node.insert(element, insert(child, elements, depth + 1));
            return node;
        };
    QStringList sorted(fields.begin(), fields.end());
    sorted.sort();
    for (const QString &path : sorted)
        root = insert(root, path.split(kSeparator), 0);
    return root;
}

void decodeFields(const QJsonObject &node, const QString &prefix, FieldSet *out)
{
    bool hasChildren = false;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == u".")
            continue;
        hasChildren = true;
        decodeFields(it.value().toObject(), prefix.isEmpty() ? it.key() : prefix + kSeparator + it.key(),
                     out);
    }
    if (!hasChildren && !prefix.isEmpty())
        out->insert(prefix);
}

struct ManagerEntry {
    QString manager;
    QString operation;
    QString subresource;
    QString apiVersion;
    QString time;
    FieldSet fields;
};

QList<ManagerEntry> readEntries(const QJsonObject &object)
{
    QList<ManagerEntry> entries;
    const QJsonArray array =
        object.value(QLatin1String("metadata")).toObject().value(QLatin1String("managedFields")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject e = value.toObject();
        ManagerEntry entry{
            e.value(QLatin1String("manager")).toString(),     e.value(QLatin1String("operation")).toString(),
            e.value(QLatin1String("subresource")).toString(), e.value(QLatin1String("apiVersion")).toString(),
            e.value(QLatin1String("time")).toString(),        {}};
        decodeFields(e.value(QLatin1String("fieldsV1")).toObject(), {}, &entry.fields);
        entries.append(entry);
    }
    return entries;
}

QJsonObject writeEntries(QJsonObject object, const QList<ManagerEntry> &entries)
{
    QJsonArray array;
    for (const ManagerEntry &entry : entries) {
        if (entry.fields.isEmpty())
            continue;
        QJsonObject e{{QStringLiteral("manager"), entry.manager},
                      {QStringLiteral("operation"), entry.operation},
                      {QStringLiteral("apiVersion"), entry.apiVersion},
                      {QStringLiteral("time"), entry.time},
                      {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                      {QStringLiteral("fieldsV1"), encodeFields(entry.fields)}};
        if (!entry.subresource.isEmpty())
            e.insert(QStringLiteral("subresource"), entry.subresource);
        array.append(e);
    }
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (array.isEmpty())
        metadata.remove(QLatin1String("managedFields"));
    else
        metadata.insert(QLatin1String("managedFields"), array);
    object.insert(QLatin1String("metadata"), metadata);
    return object;
}

ManagerEntry &entryFor(QList<ManagerEntry> &entries, const QString &manager, const QString &operation,
                       const QString &subresource, const QString &apiVersion)
{
    for (ManagerEntry &entry : entries) {
        if (entry.manager == manager && entry.operation == operation && entry.subresource == subresource) {
            entry.apiVersion = apiVersion;
            return entry;
        }
    }
    entries.append({manager, operation, subresource, apiVersion, {}, {}});
    return entries.last();
}

// ".spec.template.spec.containers[name=\"redis\"].image", as the API server words conflicts.
QString readablePath(const QString &path)
{
    QString out;
    for (const QString &element : path.split(kSeparator)) {
        if (element.startsWith(QLatin1String("f:"))) {
            out += u'.' + element.mid(2);
        } else {
            const QJsonObject key = QJsonDocument::fromJson(element.mid(2).toUtf8()).object();
            const QString name = key.keys().value(0);
            const QJsonValue v = key.value(name);
            out += u'[' + name + u'=' +
                   (v.isString() ? u'"' + v.toString() + u'"' : QString::number(v.toDouble())) + u']';
        }
    }
    return out;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

ApplyOutcome serverSideApply(const QJsonObject &current, const QJsonObject &applied, const QString &manager,
                             bool force, const QString &subresource)
{
    const QString apiVersion = applied.value(QLatin1String("apiVersion")).toString();
    QList<ManagerEntry> entries = readEntries(current);
    const FieldSet applying = leafFields(applied);

    ApplyOutcome outcome;
    for (ManagerEntry &entry : entries) {
        // Only this manager's own apply entry is exempt: its earlier Update writes (kubectl scale
        // is manager "kubectl" too) conflict like anyone else's, as in structured-merge-diff.
        if (entry.manager == manager && entry.operation == u"Apply" && entry.subresource == subresource)
            continue;
        QStringList taken;
        for (const QString &path : entry.fields) {
            if (!applying.contains(path))
                continue;
            if (valueAt(current, path) != valueAt(applied, path))
                taken.append(path);
        }
        taken.sort();
        for (const QString &path : taken) {
            if (force) {
                entry.fields.remove(path);
            } else {
                outcome.conflictFields.append(readablePath(path));
                outcome.conflictManagers.append(entry.manager);
            }
        }
    }
    if (!outcome.conflictFields.isEmpty())
        return outcome;

    ManagerEntry &mine = entryFor(entries, manager, QStringLiteral("Apply"), subresource, apiVersion);
    FieldSet ownedByOthers;
    for (const ManagerEntry &entry : entries) {
        if (&entry != &mine)
            ownedByOthers.unite(entry.fields);
    }
    QJsonValue base = current;
    QStringList dropped(mine.fields.begin(), mine.fields.end());
    dropped.sort();
    for (const QString &path : dropped) {
        if (!applying.contains(path) && !ownedByOthers.contains(path))
            base = removeAt(base, path.split(kSeparator), 0, {});
    }
    QJsonObject applyConfig = applied;
    applyConfig.remove(QLatin1String("status"));
    QJsonObject appliedMetadata = applyConfig.value(QLatin1String("metadata")).toObject();
    appliedMetadata.remove(QLatin1String("managedFields"));
    applyConfig.insert(QLatin1String("metadata"), appliedMetadata);
    QJsonObject merged = applyStrategicMergePatch(base.toObject(), applyConfig);
    mine.fields = applying;
    mine.time = now();
    outcome.object = writeEntries(merged, entries);
    return outcome;
}

QJsonObject recordUpdate(const QJsonObject &old, const QJsonObject &updated, const QString &manager,
                         const QString &subresource)
{
    const QString apiVersion = updated.value(QLatin1String("apiVersion")).toString();
    QList<ManagerEntry> entries = readEntries(old);
    const FieldSet newFields = leafFields(updated);
    FieldSet changed;
    for (const QString &path : newFields) {
        if (valueAt(old, path) != valueAt(updated, path))
            changed.insert(path);
    }
    // Fields that disappeared belong to nobody any more.
    const FieldSet oldFields = leafFields(old);
    FieldSet removed = oldFields;
    removed.subtract(newFields);
    for (ManagerEntry &entry : entries) {
        entry.fields.subtract(removed);
        entry.fields.subtract(changed);
    }
    if (!changed.isEmpty()) {
        ManagerEntry &mine = entryFor(entries, manager.isEmpty() ? QStringLiteral("unknown") : manager,
                                      QStringLiteral("Update"), subresource, apiVersion);
        mine.fields.unite(changed);
        mine.time = now();
    }
    return writeEntries(updated, entries);
}

} // namespace sandbox
