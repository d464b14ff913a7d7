#pragma once

#include "store/object_store.h"

#include <QHash>
#include <QMap>
#include <QTimer>

#include <deque>

namespace sandbox {

// The ObjectStore of kube-sandbox: objects in memory, persisted as one JSON file (written shortly
// after a change, and on flush()), and a bounded history of events so that watches can resume from a
// resourceVersion.
class MemoryObjectStore final : public ObjectStore {
    Q_OBJECT
public:
    // statePath empty: no persistence (tests).
    explicit MemoryObjectStore(const QString &statePath, QObject *parent = nullptr);
    ~MemoryObjectStore() override;

    // Reads the state file if it exists. Fails when it exists but cannot be parsed.
    rcs::Result<void> load();
    // Writes pending changes now.
    void flush();

    std::optional<QJsonObject> get(const QString &resource, const QString &ns,
                                   const QString &name) const override;
    QList<QJsonObject> list(const QString &resource, const QString &ns) const override;
    rcs::Result<QJsonObject> create(const QString &resource, QJsonObject object) override;
    rcs::Result<QJsonObject> update(const QString &resource, QJsonObject object,
                                    bool checkVersion = true) override;
    rcs::Result<QJsonObject> remove(const QString &resource, const QString &ns, const QString &name) override;
    qint64 currentResourceVersion() const override { return m_resourceVersion; }

    // A change together with the object's state before it (empty for Added): watches with selectors
    // need both to tell an object entering or leaving the selection.
    struct Change {
        WatchEvent event;
        QJsonObject previous;
    };
    // Every change after resourceVersion, oldest first; nothing when that version is older than the
    // history reaches back (the watcher must re-list: 410 Expired).
    std::optional<QList<Change>> eventsSince(qint64 resourceVersion) const;

Q_SIGNALS:
    // Emitted with changed(), after it.
    void changedFrom(const sandbox::MemoryObjectStore::Change &change);

public:
    qint64 oldestResumableVersion() const { return m_historyStart; }

private:
    void record(const WatchEvent &event, const QJsonObject &previous);
    void scheduleSave();

    QString m_statePath;
    QHash<QString, QMap<QString, QJsonObject>> m_objects; // resource -> "ns/name" -> object
    qint64 m_resourceVersion = 0;
    qint64 m_historyStart = 0; // events with a version above this are in m_history
    std::deque<Change> m_history;
    QTimer m_saveTimer;
};

} // namespace sandbox
