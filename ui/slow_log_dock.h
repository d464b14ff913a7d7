#pragma once

#include "observe/slow_log.h"
#include "studio_backend.h"
#include "studio_target.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QJsonObject;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace rcs {
class Job;
}

namespace rcs::ui {

// What the slowlog operation read: the merged rows (newest first, commands already redacted and cut by
// core's displayCommand) and the nodes that could not be read, as (address, why) pairs.
struct SlowLogReading {
    QList<rcs::observe::SlowLogRow> rows;
    QList<std::pair<QString, QString>> unread;
};

// The slowlog operation's JSON result (ops::slowLogToJson: "entries" and "unread") back as rows; an entry
// whose node is not an address is dropped.
SlowLogReading slowLogReadingFromJson(const QJsonObject &json);

// View → Slow log: the merged SLOWLOG GET and LATENCY LATEST of every node (core's slowlog operation,
// the request the command line builds, made by the backend and run as a job: the window never waits,
// Cancel stops it). The table is newest first and sorts by any column (duration among them); latency
// events are marked. It shows the node selected in the topology, or every node with the toggle on (or
// nothing selected); the nodes that could not be read are listed under it. The commands are core's
// rows as they come (secrets redacted there): nothing here turns raw arguments into text.
class SlowLogDock final : public QWidget {
    Q_OBJECT
public:
    enum Column { TimeColumn, NodeColumn, PodColumn, DurationColumn, CommandColumn, ColumnCount };
    // How often the optional auto-refresh reads again.
    static constexpr int AutoRefreshMs = 10000;

    // The backend must outlive the dock.
    explicit SlowLogDock(StudioBackend *backend, QWidget *parent = nullptr);
    ~SlowLogDock() override;

    // A new target empties the table (and cancels a reading still running).
    void setTarget(const StudioTarget &target);
    // The selected node's cluster address ("host:port"); empty when none is selected.
    void setSelectedNode(const QString &address, const QString &displayName = QString());
    void setWholeCluster(bool whole);
    bool wholeCluster() const;
    // True when every node's rows are shown (the toggle, or no node selected).
    bool showsCluster() const;
    void setAutoRefresh(bool on);
    bool autoRefresh() const;
    // Another period than AutoRefreshMs (tests); the check box still says AutoRefreshMs.
    void setAutoRefreshInterval(int ms);

    bool isRunning() const { return !m_job.isNull(); }
    bool hasRead() const { return m_read; }
    // The rows as shown (filtered and sorted).
    QTableView *table() const { return m_table; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *unreadLabel() const { return m_unread; }

public Q_SLOTS:
    // Reads the slow logs again (nothing when a reading runs or there is no target).
    void refresh();
    void cancel();

Q_SIGNALS:
    // A reading ended (ok false: refused, failed or cancelled); tests wait on it.
    void refreshed(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showReading(const SlowLogReading &reading);
    static QString latencyToolTip();
    void applyFilter();
    void updateState();
    void retranslateUi();

    StudioBackend *m_backend;
    StudioTarget m_target;
    QString m_node;
    QString m_nodeName;
    QLabel *m_subject;
    QCheckBox *m_cluster;
    QCheckBox *m_auto;
    QPushButton *m_refresh;
    QPushButton *m_cancel;
    QLabel *m_status;
    QTableView *m_table;
    QLabel *m_unread;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTimer *m_timer;
    QPointer<rcs::Job> m_job;
    bool m_read = false; // a reading succeeded since the target was set
    QString m_error;     // why the last reading failed (core's sentence); empty when it did not
    QDateTime m_readAt;  // when the last reading succeeded
    QList<std::pair<QString, QString>> m_unreadNodes;
};

} // namespace rcs::ui
