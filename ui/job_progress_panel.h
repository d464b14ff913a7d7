#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace rcs {
class Job;
}

namespace rcs::ui {

// One run of a workflow: its title, the steps so far with the current one marked, elapsed time,
// progress, a Cancel button, and at the end the result in plain words with the raw details on demand.
class JobRunWidget final : public QWidget {
    Q_OBJECT
public:
    explicit JobRunWidget(rcs::Job *job, QWidget *parent = nullptr);

    bool isRunning() const { return m_running; }
    bool succeeded() const { return m_succeeded; }
    QString title() const { return m_title; }
    QString resultText() const;
    QString detailText() const;
    QStringList steps() const;
    QPushButton *cancelButton() const { return m_cancel; }
    QToolButton *detailsButton() const { return m_detailsToggle; }

Q_SIGNALS:
    void closeRequested(rcs::ui::JobRunWidget *run);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onStep(const QString &step);
    void onProgress(qint64 done, qint64 total);
    void onFinished(rcs::Job *job);
    void updateElapsed();

    QPointer<rcs::Job> m_job;
    QString m_title;
    bool m_running = true;
    bool m_succeeded = false;
    qint64 m_elapsedMs = 0;
    QLabel *m_titleLabel;
    QLabel *m_stateIcon;
    QLabel *m_stepLabel;
    QLabel *m_elapsedLabel;
    QProgressBar *m_progress;
    QListWidget *m_steps;
    QPushButton *m_cancel;
    bool m_stopping = false; // Cancel asked the operation to stop at its safe point
    QToolButton *m_close;
    QLabel *m_result;
    QToolButton *m_detailsToggle;
    QPlainTextEdit *m_details;
    QTimer *m_ticker;
};

// The runs of this session, newest on top, in a dock.
class JobProgressPanel final : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressPanel(QWidget *parent = nullptr);

    // Follows the job until it finishes; call before job->start() so no signal is missed.
    JobRunWidget *addJob(rcs::Job *job);
    QList<JobRunWidget *> runs() const;
    int runningCount() const;

Q_SIGNALS:
    void runFinished(rcs::ui::JobRunWidget *run);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updatePlaceholder();

    QVBoxLayout *m_runs;
    QLabel *m_placeholder;
};

} // namespace rcs::ui
