#pragma once

#include "node_card.h"
#include "studio_target.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace rcs {
class Job;
}

namespace rcs::ui {

class Confirmation;
class StudioBackend;

// The console dock: a command line with history (Up/Down), a target selector (the whole cluster,
// following MOVED/ASK like redis-cli -c, or one node) and an output pane with the replies as redis-cli
// prints them. Each command is core's exec operation made by the backend (the command line's road),
// run as a job: the window never waits, and Cancel stops a command still running. A command that
// deletes or stops something (FLUSHALL, SHUTDOWN …, core's destructiveEffect) is first put to the user
// as a Confirmation naming what it does; the window shows it like every other confirmation.
class ConsolePanel final : public QWidget {
    Q_OBJECT
public:
    // The backend must outlive the panel.
    explicit ConsolePanel(StudioBackend *backend, QWidget *parent = nullptr);
    ~ConsolePanel() override;

    void setTarget(const StudioTarget &target);
    // The nodes a command may be sent to alone (the picture's cards); the choice survives a refresh.
    void setNodes(const QList<NodeCard> &nodes);
    // Sends the next commands to this node (a NodeCard::key()); empty: the whole cluster.
    void focusNode(const QString &key);
    // The chosen node's key, empty for the whole cluster.
    QString focusedNode() const;

    QLineEdit *commandLine() const { return m_input; }
    QPlainTextEdit *output() const { return m_output; }
    QComboBox *scopeSelector() const { return m_scope; }
    QPushButton *cancelButton() const { return m_cancel; }
    const QStringList &history() const { return m_history; }
    bool isRunning() const { return !m_job.isNull(); }

public Q_SLOTS:
    // Sends what the command line holds (asking first when the command is destructive).
    void run();
    void cancel();
    void clearOutput();

Q_SIGNALS:
    void confirmationRequested(rcs::ui::Confirmation *confirmation);
    // A command ended (ok false: an error reply, a refusal or a failure); tests wait on it.
    void commandFinished(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void send(const QList<QByteArray> &words, const QString &shown, bool confirmed);
    void browseHistory(int step);
    void append(const QString &text);
    void updateState();
    void retranslateUi();

    StudioBackend *m_backend;
    StudioTarget m_target;
    QComboBox *m_scope;
    QLineEdit *m_input;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_clear;
    QPlainTextEdit *m_output;
    QLabel *m_scopeLabel;
    QPointer<rcs::Job> m_job;
    bool m_replied = false; // the running command's reply was shown
    QStringList m_history;
    qsizetype m_historyIndex = 0; // m_history.size(): the line being typed (m_draft)
    QString m_draft;
};

} // namespace rcs::ui
