#include "job_progress_panel.h"

#include "common/job.h"
#include "operations/operation_job.h"
#include "theme.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
QString formatElapsed(qint64 ms)
{
    if (ms < 60'000)
        return QObject::tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 1));
    return QObject::tr("%1 min %2 s").arg(ms / 60'000).arg((ms / 1000) % 60);
}

QIcon stateIcon(QStyle::StandardPixmap pixmap)
{
    return QApplication::style()->standardIcon(pixmap);
}
} // namespace

JobRunWidget::JobRunWidget(rcs::Job *job, QWidget *parent)
    : QWidget(parent)
    , m_job(job)
    , m_title(job->title().isEmpty() ? tr("Operation") : job->title())
    , m_titleLabel(new QLabel(this))
    , m_stateIcon(new QLabel(this))
    , m_stepLabel(new QLabel(this))
    , m_elapsedLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_steps(new QListWidget(this))
    , m_cancel(new QPushButton(this))
    , m_close(new QToolButton(this))
    , m_result(new QLabel(this))
    , m_detailsToggle(new QToolButton(this))
    , m_details(new QPlainTextEdit(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("jobRun"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#jobRun { border: 1px solid palette(mid); border-radius: 8px; "
                                 "background: palette(base); }"));

    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 1);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setText(m_title);
    m_titleLabel->setWordWrap(true); // long titles wrap instead of widening the dock
    m_titleLabel->setMinimumWidth(80);
    m_stateIcon->setPixmap(stateIcon(QStyle::SP_BrowserReload).pixmap(16, 16));
    m_elapsedLabel->setForegroundRole(QPalette::PlaceholderText);
    m_stepLabel->setWordWrap(true);
    m_stepLabel->setText(tr("Starting…"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_steps->setFrameShape(QFrame::NoFrame);
    m_steps->setMaximumHeight(110);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->viewport()->setAutoFillBackground(false);
    m_steps->setIconSize(QSize(14, 14));
    m_steps->setTextElideMode(Qt::ElideRight);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cancel->setIcon(stateIcon(QStyle::SP_DialogCancelButton));
    m_close->setIcon(stateIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setVisible(false);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setArrowType(Qt::RightArrow);
    m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToggle->setAutoRaise(true);
    m_detailsToggle->setVisible(false);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setMaximumHeight(140);
    m_details->setVisible(false);
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_stateIcon);
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_elapsedLabel);
    header->addWidget(m_close);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_detailsToggle);
    footer->addStretch(1);
    footer->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_steps);
    layout->addWidget(m_result);
    layout->addWidget(m_details);
    layout->addLayout(footer);
    m_steps->setVisible(false);

    connect(job, &rcs::Job::stepChanged, this, &JobRunWidget::onStep);
    connect(job, &rcs::Job::progress, this, &JobRunWidget::onProgress);
    connect(job, &rcs::Job::infoMessage, this,
            [this](const QString &message) { m_stepLabel->setText(message); });
    connect(job, &rcs::Job::finished, this, &JobRunWidget::onFinished);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_job)
            return;
        m_cancel->setEnabled(false);
        // An operation with a safe point (an upgrade: between two pods) goes on until there; any
        // other job stops now.
        auto *operation = qobject_cast<rcs::ops::OperationJob *>(m_job.data());
        m_stopping = operation && operation->stopAtSafePoint();
        retranslateUi();
        if (!m_stopping)
            m_job->cancel();
    });
    connect(m_close, &QToolButton::clicked, this, [this] { Q_EMIT closeRequested(this); });
    connect(m_ticker, &QTimer::timeout, this, &JobRunWidget::updateElapsed);
    m_ticker->start(250);
    if (!job->currentStep().isEmpty())
        onStep(job->currentStep());
    updateElapsed();
    retranslateUi();
}

void JobRunWidget::retranslateUi()
{
    // The steps and messages came from the job in the language of their moment; the controls follow.
    m_cancel->setText(m_cancel->isEnabled() ? tr("Cancel")
                      : m_stopping          ? tr("Stopping at the next safe point…")
                                            : tr("Cancelling…"));
    m_cancel->setToolTip(tr("Stop this operation at the next safe point"));
    m_close->setToolTip(tr("Remove from the list"));
    m_detailsToggle->setText(tr("Details"));
}

void JobRunWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void JobRunWidget::onStep(const QString &step)
{
    if (step.isEmpty())
        return;
    // The previous step is done: tick it; the new one is current.
    if (m_steps->count() > 0) {
        QListWidgetItem *last = m_steps->item(m_steps->count() - 1);
        last->setIcon(stateIcon(QStyle::SP_DialogApplyButton));
        last->setForeground(QApplication::palette().color(QPalette::PlaceholderText));
    }
    auto *item = new QListWidgetItem(stateIcon(QStyle::SP_MediaPlay), step, m_steps);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    if (m_steps->count() > 1) {
        QFont plain = m_steps->item(m_steps->count() - 2)->font();
        plain.setBold(false);
        m_steps->item(m_steps->count() - 2)->setFont(plain);
    }
    m_steps->setVisible(true);
    m_steps->scrollToBottom();
    m_stepLabel->setText(step);
}

void JobRunWidget::onProgress(qint64 done, qint64 total)
{
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    // QProgressBar holds ints; scale large totals (bytes, keys) down.
    const qint64 scale = total > 1'000'000 ? total / 1'000'000 + 1 : 1;
    m_progress->setRange(0, int(total / scale));
    m_progress->setValue(int(qBound<qint64>(0, done, total) / scale));
    m_progress->setTextVisible(false);
}

void JobRunWidget::updateElapsed()
{
    if (m_job)
        m_elapsedMs = m_job->elapsedMs();
    m_elapsedLabel->setText(formatElapsed(m_elapsedMs));
}

void JobRunWidget::onFinished(rcs::Job *job)
{
    updateElapsed();
    m_ticker->stop();
    m_running = false;
    m_succeeded = !job->hasError();
    m_cancel->setVisible(false);
    m_close->setVisible(true);
    m_progress->setVisible(false);
    if (m_steps->count() > 0 && m_succeeded)
        m_steps->item(m_steps->count() - 1)->setIcon(stateIcon(QStyle::SP_DialogApplyButton));
    else if (m_steps->count() > 0)
        m_steps->item(m_steps->count() - 1)->setIcon(stateIcon(QStyle::SP_MessageBoxCritical));

    const rcs::Error &error = job->error();
    const bool cancelled = error.code() == rcs::ErrorCode::Cancelled;
    QColor color = Theme::stateColor(m_succeeded ? NodeCard::State::Connected : NodeCard::State::Fail);
    if (cancelled)
        color = Theme::mutedText();
    m_stateIcon->setPixmap(stateIcon(m_succeeded ? QStyle::SP_DialogApplyButton
                                     : cancelled ? QStyle::SP_DialogCancelButton
                                                 : QStyle::SP_MessageBoxCritical)
                               .pixmap(16, 16));
    if (m_succeeded) {
        m_stepLabel->setText(tr("Done in %1.").arg(formatElapsed(m_elapsedMs)));
        m_result->setVisible(false);
    } else {
        m_stepLabel->setVisible(false);
        m_result->setText(error.message());
        m_result->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));
        m_result->setVisible(true);
        QString detail = error.detail();
        if (m_steps->count() > 0 && !cancelled)
            detail = tr("Failed step: %1").arg(m_steps->item(m_steps->count() - 1)->text()) +
                     (detail.isEmpty() ? QString() : QStringLiteral("\n\n") + detail);
        detail += (detail.isEmpty() ? QString() : QStringLiteral("\n")) +
                  tr("Error code: %1").arg(rcs::errorCodeName(error.code()));
        m_details->setPlainText(detail);
        m_detailsToggle->setVisible(true);
    }
}

QString JobRunWidget::resultText() const
{
    return m_result->isVisible() || !m_succeeded ? m_result->text() : m_stepLabel->text();
}

QString JobRunWidget::detailText() const
{
    return m_details->toPlainText();
}

QStringList JobRunWidget::steps() const
{
    QStringList list;
    for (int i = 0; i < m_steps->count(); ++i)
        list.append(m_steps->item(i)->text());
    return list;
}

JobProgressPanel::JobProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_runs(new QVBoxLayout)
    , m_placeholder(new QLabel(this))
{
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMargin(16);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(8, 8, 8, 8);
    contentLayout->setSpacing(8);
    m_runs->setSpacing(8);
    contentLayout->addWidget(m_placeholder);
    contentLayout->addLayout(m_runs);
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    retranslateUi();
}

void JobProgressPanel::retranslateUi()
{
    m_placeholder->setText(tr("Operations you start appear here with their steps and a Cancel button."));
}

void JobProgressPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

JobRunWidget *JobProgressPanel::addJob(rcs::Job *job)
{
    auto *run = new JobRunWidget(job, this);
    m_runs->insertWidget(0, run);
    connect(run, &JobRunWidget::closeRequested, this, [](JobRunWidget *closed) { closed->deleteLater(); });
    connect(run, &QObject::destroyed, this, [this] {
        // The layout drops the widget on destruction; count again afterwards.
        QTimer::singleShot(0, this, &JobProgressPanel::updatePlaceholder);
    });
    connect(job, &rcs::Job::finished, this, [this, run] { Q_EMIT runFinished(run); });
    // Keep the list bounded: finished runs beyond the tenth go.
    const QList<JobRunWidget *> all = runs();
    for (qsizetype i = 10; i < all.size(); ++i) {
        if (!all.at(i)->isRunning())
            all.at(i)->deleteLater();
    }
    updatePlaceholder();
    return run;
}

QList<JobRunWidget *> JobProgressPanel::runs() const
{
    QList<JobRunWidget *> list;
    for (int i = 0; i < m_runs->count(); ++i) {
        if (auto *run = qobject_cast<JobRunWidget *>(m_runs->itemAt(i)->widget()))
            list.append(run);
    }
    return list;
}

int JobProgressPanel::runningCount() const
{
    int count = 0;
    for (JobRunWidget *run : runs())
        count += run->isRunning() ? 1 : 0;
    return count;
}

void JobProgressPanel::updatePlaceholder()
{
    m_placeholder->setVisible(m_runs->count() == 0);
}

} // namespace rcs::ui
