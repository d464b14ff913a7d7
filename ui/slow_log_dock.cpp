#include "slow_log_dock.h"

#include "common/job.h"
#include "operations/operation_job.h"
#include "operations/operation_request.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
// What a column sorts by (the time and the duration as numbers, not as their text).
constexpr int SortRole = Qt::UserRole + 1;
// The node column's "host:port", which the selection filter matches exactly.
constexpr int AddressRole = Qt::UserRole + 2;
// True on a latency event's command cell (its mark and tooltip).
constexpr int LatencyRole = Qt::UserRole + 3;
// The command line's --timeout defaults (slowlog on nodes: 30 s; on Kubernetes: 60 s).
constexpr int EndpointTimeoutMs = 30000;
constexpr int KubernetesTimeoutMs = 60000;

QStandardItem *cell(const QString &text, const QVariant &sortKey)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(sortKey, SortRole);
    return item;
}
} // namespace

SlowLogReading slowLogReadingFromJson(const QJsonObject &json)
{
    SlowLogReading reading;
    const QJsonArray entries = json.value(QLatin1String("entries")).toArray();
    reading.rows.reserve(entries.size());
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const rcs::Result<rcs::NodeAddress> node =
            rcs::NodeAddress::parse(entry.value(QLatin1String("node")).toString());
        if (!node.ok())
            continue;
        rcs::observe::SlowLogRow row;
        row.timeUnix = entry.value(QLatin1String("time")).toInteger();
        row.node = node.value();
        row.pod = entry.value(QLatin1String("pod")).toString();
        row.durationUs = entry.value(QLatin1String("duration_us")).toInteger();
        // Already core's displayCommand(): the secrets are redacted there and are never re-read here.
        row.command = entry.value(QLatin1String("command")).toString();
        row.isLatencyEvent = entry.value(QLatin1String("latency_event")).toBool();
        reading.rows.append(row);
    }
    for (const QJsonValue &value : json.value(QLatin1String("unread")).toArray()) {
        const QJsonObject node = value.toObject();
        reading.unread.append(
            {node.value(QLatin1String("node")).toString(), node.value(QLatin1String("error")).toString()});
    }
    return reading;
}

SlowLogDock::SlowLogDock(StudioBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_subject(new QLabel(this))
    , m_cluster(new QCheckBox(this))
    , m_auto(new QCheckBox(this))
    , m_refresh(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_unread(new QLabel(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("slowLogDock"));
    m_table->setObjectName(QStringLiteral("slowLogTable"));
    m_refresh->setObjectName(QStringLiteral("slowLogRefresh"));
    m_cancel->setObjectName(QStringLiteral("slowLogCancel"));
    m_unread->setObjectName(QStringLiteral("slowLogUnread"));
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setTextFormat(Qt::PlainText);
    m_unread->setTextFormat(Qt::PlainText);
    m_unread->setWordWrap(true);
    m_unread->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_unread->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterRole(AddressRole);
    m_proxy->setFilterKeyColumn(NodeColumn);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    auto *header = new QHBoxLayout;
    header->addWidget(m_subject, 1);
    header->addWidget(m_cluster);
    header->addWidget(m_auto);
    header->addWidget(m_refresh);
    header->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_unread);

    m_timer->setInterval(AutoRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A closed dock reads nothing: its table would not be seen.
        if (isVisible())
            refresh();
    });
    connect(m_auto, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_timer->start();
        else
            m_timer->stop();
    });
    connect(m_cluster, &QCheckBox::toggled, this, &SlowLogDock::applyFilter);
    connect(m_refresh, &QPushButton::clicked, this, &SlowLogDock::refresh);
    connect(m_cancel, &QPushButton::clicked, this, &SlowLogDock::cancel);
    retranslateUi();
    applyFilter();
}

SlowLogDock::~SlowLogDock()
{
    if (m_job)
        m_job->cancel();
}

void SlowLogDock::retranslateUi()
{
    m_cluster->setText(tr("Whole cluster"));
    m_cluster->setToolTip(tr("Show the entries of every node instead of the node selected in the topology"));
    m_auto->setText(tr("Every %n s", nullptr, AutoRefreshMs / 1000));
    m_auto->setToolTip(tr("Read the slow logs again every %n seconds while this dock is open", nullptr,
                          AutoRefreshMs / 1000));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read SLOWLOG GET and LATENCY LATEST of every node (changes nothing)"));
    m_cancel->setText(tr("Cancel"));
    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Node"), tr("Pod"), tr("Duration"), tr("Command or latency event")});
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *command = m_model->item(row, CommandColumn);
        if (command->data(LatencyRole).toBool())
            command->setToolTip(latencyToolTip());
    }
    applyFilter();
    updateState();
}

QString SlowLogDock::latencyToolTip()
{
    return tr("A latency event (LATENCY LATEST), not a command: the latest and the highest latency the "
              "node's latency monitor saw");
}

void SlowLogDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SlowLogDock::setTarget(const StudioTarget &target)
{
    cancel();
    m_target = target;
    m_model->removeRows(0, m_model->rowCount());
    m_unreadNodes.clear();
    m_read = false;
    m_error.clear();
    updateState();
}

void SlowLogDock::setSelectedNode(const QString &address, const QString &displayName)
{
    m_node = address;
    m_nodeName = displayName.isEmpty() ? address : displayName;
    applyFilter();
}

void SlowLogDock::setWholeCluster(bool whole)
{
    m_cluster->setChecked(whole);
}

bool SlowLogDock::wholeCluster() const
{
    return m_cluster->isChecked();
}

bool SlowLogDock::showsCluster() const
{
    return m_cluster->isChecked() || m_node.isEmpty();
}

void SlowLogDock::setAutoRefresh(bool on)
{
    m_auto->setChecked(on);
}

bool SlowLogDock::autoRefresh() const
{
    return m_auto->isChecked();
}

void SlowLogDock::setAutoRefreshInterval(int ms)
{
    m_timer->setInterval(ms);
}

void SlowLogDock::refresh()
{
    if (isRunning() || !m_target.isSet())
        return;
    rcs::ops::OperationRequest request;
    request.kind = rcs::ops::OperationKind::SlowLog;
    request.timeoutMs = m_target.usesKubernetes() ? KubernetesTimeoutMs : EndpointTimeoutMs;
    QString why;
    rcs::Job *job = m_backend->createObserveJob(m_target, request, &why);
    if (!job) {
        m_error = why;
        updateState();
        Q_EMIT refreshed(false);
        return;
    }
    m_job = job;
    m_error.clear();
    connect(job, &rcs::Job::finished, this, [this](rcs::Job *done) {
        const auto *operation = qobject_cast<rcs::ops::OperationJob *>(done);
        if (done->hasError())
            m_error = done->errorString();
        else if (operation && operation->hasResult())
            showReading(slowLogReadingFromJson(operation->resultJson()));
        m_job = nullptr;
        updateState();
        Q_EMIT refreshed(!done->hasError());
    });
    updateState();
    job->start();
}

void SlowLogDock::cancel()
{
    if (m_job)
        m_job->cancel();
}

void SlowLogDock::showReading(const SlowLogReading &reading)
{
    const QIcon latency = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_model->removeRows(0, m_model->rowCount());
    for (const rcs::observe::SlowLogRow &row : reading.rows) {
        const QDateTime time = QDateTime::fromSecsSinceEpoch(row.timeUnix);
        const QString address = row.node.toString();
        QList<QStandardItem *> items{
            cell(time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), row.timeUnix), cell(address, address),
            cell(row.pod.isEmpty() ? QStringLiteral("–") : row.pod, row.pod),
            cell(tr("%1 ms").arg(row.durationUs / 1000.0, 0, 'f', 1), row.durationUs),
            cell(row.command, row.command)};
        items.at(NodeColumn)->setData(address, AddressRole);
        items.at(DurationColumn)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (row.isLatencyEvent) {
            items.at(CommandColumn)->setIcon(latency);
            items.at(CommandColumn)->setData(true, LatencyRole);
            items.at(CommandColumn)->setToolTip(latencyToolTip());
        }
        m_model->appendRow(items);
    }
    m_unreadNodes = reading.unread;
    m_read = true;
    m_readAt = QDateTime::currentDateTime();
    for (int column = 0; column < CommandColumn; ++column)
        m_table->resizeColumnToContents(column);
    applyFilter();
}

void SlowLogDock::applyFilter()
{
    const bool cluster = showsCluster();
    m_proxy->setFilterRegularExpression(cluster ? QRegularExpression()
                                                : QRegularExpression(QRegularExpression::anchoredPattern(
                                                      QRegularExpression::escape(m_node))));
    if (cluster)
        m_subject->setText(tr("Whole cluster, %n row(s)", nullptr, m_proxy->rowCount()));
    else
        m_subject->setText(tr("Node %1, %n row(s)", nullptr, m_proxy->rowCount()).arg(m_nodeName));
}

void SlowLogDock::updateState()
{
    m_refresh->setEnabled(!isRunning() && m_target.isSet());
    m_cancel->setEnabled(isRunning());
    if (isRunning())
        m_status->setText(tr("Reading the slow logs of every node…"));
    else if (!m_error.isEmpty())
        m_status->setText(tr("The slow logs could not be read: %1").arg(m_error));
    else if (m_read)
        m_status->setText(tr("Read at %1, newest first.").arg(m_readAt.toString(QStringLiteral("HH:mm:ss"))));
    else if (!m_target.isSet())
        m_status->setText(tr("Choose a cluster first."));
    else
        m_status->setText(tr("Not read yet: press Refresh."));

    QStringList unread;
    for (const auto &[node, why] : std::as_const(m_unreadNodes))
        unread << tr("%1: %2").arg(node, why);
    m_unread->setText(tr("Not read:") + QLatin1Char('\n') + unread.join(QLatin1Char('\n')));
    m_unread->setVisible(!unread.isEmpty());
}

} // namespace rcs::ui
