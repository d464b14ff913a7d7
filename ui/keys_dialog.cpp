#include "keys_dialog.h"

#include "operations/operation_job.h"
#include "studio_backend.h"
#include "studio_controller.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rcs::ui {

using rcs::observe::KeyScanMode;
using rcs::observe::KeyScanOptions;

namespace {
QSpinBox *spin(int minimum, int maximum, int value, const QString &suffix = {})
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
} // namespace

KeysDialog::KeysDialog(StudioController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_tabs(new QTabWidget(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel scan"), this))
    , m_heat(new QPushButton(tr("Slot heat"), this))
{
    setObjectName(QStringLiteral("keysDialog"));
    setWindowTitle(tr("Analyze keys"));
    m_tabs->addTab(makePage(m_big, KeyScanMode::BigKeys), tr("Big keys"));
    m_tabs->addTab(makePage(m_hot, KeyScanMode::HotKeys), tr("Hot keys"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Scans every master with SCAN, paced and bounded; changes nothing."));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_cancel->setObjectName(QStringLiteral("cancelScan"));
    m_heat->setObjectName(QStringLiteral("slotHeat"));
    m_heat->setToolTip(tr("Counts the keys of every slot and shows them as a strip under the slot bar."));
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    connect(m_heat, &QPushButton::clicked, this, &KeysDialog::slotHeatRequested);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_heat);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addLayout(bottom);
    setScanning(false);
    resize(820, 520);
}

KeysDialog::~KeysDialog()
{
    if (m_job)
        m_job->cancel();
}

QWidget *KeysDialog::makePage(Page &page, KeyScanMode mode)
{
    auto *widget = new QWidget;
    const KeyScanOptions defaults;
    page.count = spin(1, 100000, defaults.count);
    page.count->setToolTip(tr("SCAN's COUNT: keys asked per call."));
    page.top = spin(1, 10000, defaults.top);
    page.rate = spin(1, 100000, defaults.rate, tr(" calls/s per node"));
    page.maxSeconds = spin(1, 86400, defaults.maxSeconds, tr(" s"));
    page.start = new QPushButton(mode == KeyScanMode::BigKeys ? tr("Find big keys") : tr("Find hot keys"));
    page.start->setObjectName(mode == KeyScanMode::BigKeys ? QStringLiteral("startBigKeys")
                                                           : QStringLiteral("startHotKeys"));
    connect(page.start, &QPushButton::clicked, this, [this, mode] { start(mode); });
    auto *form = new QFormLayout;
    form->addRow(tr("Keys per SCAN:"), page.count);
    form->addRow(tr("Keys to list:"), page.top);
    form->addRow(tr("At most:"), page.rate);
    form->addRow(tr("Stop after:"), page.maxSeconds);
    auto *options = new QHBoxLayout;
    options->addLayout(form);
    options->addStretch(1);
    options->addWidget(page.start, 0, Qt::AlignBottom);
    page.table = new QTableWidget(0, 6);
    page.table->setObjectName(mode == KeyScanMode::BigKeys ? QStringLiteral("bigKeysTable")
                                                           : QStringLiteral("hotKeysTable"));
    page.table->setHorizontalHeaderLabels({tr("#"), tr("Key"), tr("Type"),
                                           mode == KeyScanMode::BigKeys ? tr("Bytes") : tr("LFU counter"),
                                           tr("Node"), tr("Pod")});
    page.table->verticalHeader()->hide();
    page.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    page.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    page.table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    page.notes = new QLabel;
    page.notes->setWordWrap(true);
    page.notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (mode == KeyScanMode::HotKeys)
        page.notes->setText(tr("Hot keys need maxmemory-policy allkeys-lfu or volatile-lfu (OBJECT FREQ)."));
    auto *layout = new QVBoxLayout(widget);
    layout->addLayout(options);
    layout->addWidget(page.table, 1);
    layout->addWidget(page.notes);
    return widget;
}

void KeysDialog::start(KeyScanMode mode)
{
    if (m_job)
        return;
    const Page &page = pageOf(mode);
    rcs::ops::OperationRequest request;
    request.kind =
        mode == KeyScanMode::BigKeys ? rcs::ops::OperationKind::BigKeys : rcs::ops::OperationKind::HotKeys;
    request.keyScan.count = page.count->value();
    request.keyScan.top = page.top->value();
    request.keyScan.rate = page.rate->value();
    request.keyScan.maxSeconds = page.maxSeconds->value();
    QString why;
    rcs::Job *job = m_controller->backend()->createObserveJob(m_controller->target(), request, &why);
    if (!job) {
        m_status->setText(why);
        return;
    }
    m_job = job;
    connect(job, &rcs::Job::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(1000 * done / total));
        m_progress->setFormat(tr("%1 of %2 keys").arg(done).arg(total));
    });
    connect(job, &rcs::Job::stepChanged, m_status, &QLabel::setText);
    connect(job, &rcs::Job::finished, this, &KeysDialog::finished);
    setScanning(true);
    m_status->setText(tr("Reading the cluster…"));
    job->start();
}

void KeysDialog::finished(rcs::Job *job)
{
    m_job.clear();
    setScanning(false);
    const auto *operation = static_cast<rcs::ops::OperationJob *>(job);
    if (job->hasError()) {
        m_status->setText(job->errorString());
        return;
    }
    if (operation->keyScan())
        showResult(*operation->keyScan());
    m_status->setText(operation->summary());
}

void KeysDialog::showResult(const rcs::observe::KeyScanResult &result)
{
    Page &page = pageOf(result.mode);
    m_tabs->setCurrentIndex(result.mode == KeyScanMode::BigKeys ? 0 : 1);
    page.table->setRowCount(int(result.keys.size()));
    for (int row = 0; row < int(result.keys.size()); ++row) {
        const rcs::observe::RankedKey &key = result.keys.at(row);
        const QStringList cells = {
            QString::number(row + 1),      rcs::observe::displayKey(key.key), key.type,
            QLocale().toString(key.value), key.node.address.toString(),       key.node.pod};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 0 || column == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            page.table->setItem(row, column, item);
        }
    }
    for (int column : {0, 2, 3, 4, 5})
        page.table->resizeColumnToContents(column);
    QStringList notes;
    qint64 scanned = 0;
    qint64 total = 0;
    for (const rcs::observe::NodeScan &node : result.nodes) {
        scanned += node.scanned;
        total += node.total;
        if (!node.skipped.isEmpty())
            notes << QStringLiteral("%1: %2").arg(node.node.address.toString(), node.skipped);
        else if (!node.error.isEmpty())
            notes << tr("%1: the scan stopped: %2").arg(node.node.address.toString(), node.error);
    }
    notes.prepend(
        result.partial
            ? tr("Partial: %1 of %2 keys scanned before the time bound ran out.").arg(scanned).arg(total)
            : tr("%1 of %2 keys scanned.").arg(scanned).arg(total));
    page.notes->setText(notes.join(QLatin1Char('\n')));
    m_progress->setRange(0, 1000);
    m_progress->setValue(total > 0 ? int(1000 * scanned / std::max<qint64>(total, scanned)) : 1000);
    m_progress->setFormat(tr("%1 of %2 keys").arg(scanned).arg(total));
}

void KeysDialog::setScanning(bool scanning)
{
    m_cancel->setEnabled(scanning);
    m_heat->setEnabled(!scanning);
    for (Page *page : {&m_big, &m_hot})
        page->start->setEnabled(!scanning);
}

void KeysDialog::done(int result)
{
    if (m_job)
        m_job->cancel();
    QDialog::done(result);
}

rcs::Job *makeSlotHeatJob(StudioController *controller, QObject *context,
                          const std::function<void(std::vector<qint64>)> &show, QString *why)
{
    rcs::ops::OperationRequest request;
    request.kind = rcs::ops::OperationKind::SlotHeat;
    rcs::Job *job = controller->backend()->createObserveJob(controller->target(), request, why);
    if (!job)
        return nullptr;
    QObject::connect(job, &rcs::Job::finished, context, [show](rcs::Job *done) {
        const auto *operation = static_cast<rcs::ops::OperationJob *>(done);
        if (!done->hasError() && operation->slotHeat())
            show(operation->slotHeat()->keys);
    });
    return job;
}

} // namespace rcs::ui
