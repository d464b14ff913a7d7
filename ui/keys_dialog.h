#pragma once

#include "observe/key_scan.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace rcs {
class Job;
}

namespace rcs::ui {

class StudioController;

// Cluster → Analyze keys…: the big keys and the hot keys of the cluster (core's bigkeys and hotkeys
// operations, with the command line's options), with progress, Cancel and a result table per tab, and a
// button that runs slot-heat for the picture's heat strip. One scan at a time; closing the dialog
// cancels it. Nothing here blocks: the scan is a job on the event loop.
class KeysDialog final : public QDialog {
    Q_OBJECT
public:
    explicit KeysDialog(StudioController *controller, QWidget *parent = nullptr);
    ~KeysDialog() override;

    // Shows a finished scan's result in its tab (what a run ends with; tests use it directly).
    void showResult(const rcs::observe::KeyScanResult &result);
    bool isScanning() const { return !m_job.isNull(); }

Q_SIGNALS:
    // The Slot heat button: the window runs slot-heat and draws the strip.
    void slotHeatRequested();

protected:
    void done(int result) override;

private:
    struct Page {
        QTableWidget *table = nullptr;
        QSpinBox *count = nullptr;
        QSpinBox *top = nullptr;
        QSpinBox *rate = nullptr;
        QSpinBox *maxSeconds = nullptr;
        QPushButton *start = nullptr;
        QLabel *notes = nullptr;
    };
    QWidget *makePage(Page &page, rcs::observe::KeyScanMode mode);
    void start(rcs::observe::KeyScanMode mode);
    void finished(rcs::Job *job);
    void setScanning(bool scanning);
    Page &pageOf(rcs::observe::KeyScanMode mode)
    {
        return mode == rcs::observe::KeyScanMode::BigKeys ? m_big : m_hot;
    }

    StudioController *m_controller;
    QTabWidget *m_tabs;
    Page m_big;
    Page m_hot;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    QPushButton *m_heat;
    QPointer<rcs::Job> m_job;
};

// The slot-heat job on the controller's target, not started (the window runs it in its operations
// panel, with progress and Cancel); when it succeeds, show receives the keys per slot (the strip).
// nullptr with *why when it cannot be made.
rcs::Job *makeSlotHeatJob(StudioController *controller, QObject *context,
                          const std::function<void(std::vector<qint64>)> &show, QString *why);

} // namespace rcs::ui
