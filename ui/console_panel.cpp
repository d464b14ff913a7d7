#include "console_panel.h"

#include "common/job.h"
#include "confirmation.h"
#include "observe/slow_log.h"
#include "operations/operation_request.h"
#include "redis/console_command.h"
#include "studio_backend.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
// Enough for a session; the oldest commands go first.
constexpr qsizetype MaxHistory = 200;

QString scopeText(const NodeCard &node)
{
    const QString name =
        node.podName.isEmpty() ? node.address : node.podName + QLatin1String(" · ") + node.address;
    return QStringLiteral("%1 (%2)").arg(name, roleName(node.role));
}
} // namespace

ConsolePanel::ConsolePanel(StudioBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_scope(new QComboBox(this))
    , m_input(new QLineEdit(this))
    , m_run(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_clear(new QPushButton(this))
    , m_output(new QPlainTextEdit(this))
    , m_scopeLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("consolePanel"));
    m_scope->setObjectName(QStringLiteral("consoleScope"));
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_output->setObjectName(QStringLiteral("consoleOutput"));
    m_cancel->setObjectName(QStringLiteral("consoleCancel"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_input->setFont(fixed);
    m_output->setFont(fixed);
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(5000);
    m_input->installEventFilter(this);
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scope->addItem(QString(), QString());

    auto *top = new QHBoxLayout;
    top->addWidget(m_scopeLabel);
    top->addWidget(m_scope, 1);
    top->addWidget(m_clear);
    auto *line = new QHBoxLayout;
    line->addWidget(m_input, 1);
    line->addWidget(m_run);
    line->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_output, 1);
    layout->addLayout(line);

    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePanel::run);
    connect(m_run, &QPushButton::clicked, this, &ConsolePanel::run);
    connect(m_cancel, &QPushButton::clicked, this, &ConsolePanel::cancel);
    connect(m_clear, &QPushButton::clicked, this, &ConsolePanel::clearOutput);
    retranslateUi();
    updateState();
}

ConsolePanel::~ConsolePanel()
{
    if (m_job)
        m_job->cancel();
}

void ConsolePanel::retranslateUi()
{
    m_scopeLabel->setText(tr("Send to:"));
    m_scope->setItemText(0, tr("Whole cluster (follows MOVED/ASK)"));
    m_input->setPlaceholderText(tr("A Redis command, e.g. GET key (Up/Down: history)"));
    m_run->setText(tr("Run"));
    m_cancel->setText(tr("Cancel"));
    m_clear->setText(tr("Clear"));
}

void ConsolePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ConsolePanel::setTarget(const StudioTarget &target)
{
    m_target = target;
}

void ConsolePanel::setNodes(const QList<NodeCard> &nodes)
{
    const QString chosen = focusedNode();
    while (m_scope->count() > 1)
        m_scope->removeItem(1);
    for (const NodeCard &node : nodes) {
        if (!node.address.isEmpty())
            m_scope->addItem(scopeText(node), node.key());
    }
    focusNode(chosen);
}

void ConsolePanel::focusNode(const QString &key)
{
    const int index = key.isEmpty() ? 0 : m_scope->findData(key);
    m_scope->setCurrentIndex(index < 0 ? 0 : index);
}

QString ConsolePanel::focusedNode() const
{
    return m_scope->currentData().toString();
}

bool ConsolePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            browseHistory(key == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConsolePanel::browseHistory(int step)
{
    if (m_historyIndex == m_history.size())
        m_draft = m_input->text();
    const qsizetype next = qBound<qsizetype>(0, m_historyIndex + step, m_history.size());
    if (next == m_historyIndex)
        return;
    m_historyIndex = next;
    m_input->setText(m_historyIndex == m_history.size() ? m_draft : m_history.at(m_historyIndex));
}

void ConsolePanel::run()
{
    if (isRunning())
        return;
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    if (m_history.isEmpty() || m_history.last() != text)
        m_history.append(text);
    if (m_history.size() > MaxHistory)
        m_history.removeFirst();
    m_historyIndex = m_history.size();
    m_draft.clear();
    m_input->clear();

    // Words split like a shell splits them ("a b" is one word), as redis-cli reads its prompt.
    QList<QByteArray> words;
    for (const QString &word : QProcess::splitCommand(text))
        words.append(word.toUtf8());
    if (words.isEmpty())
        return;
    // What the pane and the confirmation show: passwords redacted (the line itself is in the history
    // of this session only).
    const QString shown = observe::displayCommand(words, 64, 200);
    const QString effect = destructiveEffect(words, focusedNode().isEmpty());
    if (effect.isEmpty())
        return send(words, shown, false);

    const QString name = QString::fromUtf8(words.first()).toUpper();
    auto *confirmation =
        new Confirmation(QStringLiteral("consoleConfirmation"), tr("Run %1?").arg(name), effect, this);
    confirmation->setItems({tr("Command: %1").arg(shown), tr("Sent to: %1").arg(m_scope->currentText())});
    confirmation->setAcceptText(tr("Run %1").arg(name), true);
    connect(confirmation, &Confirmation::accepted, this, [this, words, shown] { send(words, shown, true); });
    connect(confirmation, &Confirmation::rejected, this, [this, shown] {
        append(tr("%1: not run (not confirmed).").arg(shown));
        Q_EMIT commandFinished(false);
    });
    Q_EMIT confirmationRequested(confirmation);
}

void ConsolePanel::send(const QList<QByteArray> &words, const QString &shown, bool confirmed)
{
    if (isRunning())
        return;
    const QString node = focusedNode();
    append(QStringLiteral("%1> %2").arg(node.isEmpty() ? tr("cluster") : m_scope->currentText(), shown));
    rcs::ops::OperationRequest request;
    request.kind = rcs::ops::OperationKind::Exec;
    request.commandWords = words;
    request.nodeId = node;
    request.confirmed = confirmed;
    QString why;
    rcs::Job *job = m_backend->createExecJob(
        m_target, request,
        [this](const QString &reply) {
            m_replied = true;
            append(reply.trimmed());
        },
        &why);
    if (!job) {
        append(why);
        Q_EMIT commandFinished(false);
        return;
    }
    m_job = job;
    m_replied = false;
    connect(job, &rcs::Job::finished, this, [this](rcs::Job *done) {
        // An error reply was printed as the reply; other failures (no node answered, cancelled) say why.
        if (done->hasError() && !m_replied)
            append(done->errorString());
        m_job = nullptr;
        updateState();
        Q_EMIT commandFinished(!done->hasError());
    });
    updateState();
    job->start();
}

void ConsolePanel::cancel()
{
    if (m_job)
        m_job->cancel();
}

void ConsolePanel::clearOutput()
{
    m_output->clear();
}

void ConsolePanel::append(const QString &text)
{
    m_output->appendPlainText(text);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void ConsolePanel::updateState()
{
    m_run->setEnabled(!isRunning());
    m_cancel->setEnabled(isRunning());
}

} // namespace rcs::ui
