#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;

namespace rcs::ui {

class TopologyModel;

// Everything known about the selected Redis node and its pod; the cluster summary when none is selected.
class DetailsPanel final : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(TopologyModel *model, QWidget *parent = nullptr);

    // The value shown for a field label ("Pod", "Address", …); for tests.
    QString fieldText(const QString &label) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void setField(const QString &label, const QString &value);

    TopologyModel *m_model;
    QLabel *m_heading;
    QLabel *m_subheading;
    QFormLayout *m_form;
    QLabel *m_hint;
};

} // namespace rcs::ui
