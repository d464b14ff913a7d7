#pragma once

#include <QStringList>

class QGraphicsItem;
class QWidget;

namespace rcs::ui {
class TopologyView;
}

namespace rcs::ui::test {

// Every shown text of the widget tree under root that does not fit the room its widget has after
// layout, one sentence each (empty when all fit): labels (one line, wrapped or rich), buttons and
// check boxes, group box titles, combo box texts, line edit placeholders, spin boxes with their
// suffix, header sections, dock titles, menu bar entries, and tool bars that hid actions behind
// their extension button. Hidden widgets and texts a widget elides on purpose (item views) are left
// out.
QStringList clippedTexts(QWidget *root);

// The texts a graphics item paints that are cut by its clipping (QPainter clips drawText to the given
// rectangle when the text exceeds it), drawn outside its bounding rectangle, or drawn over one another.
QStringList clippedItemTexts(QGraphicsItem *item, const QString &name);
// clippedItemTexts of every visible card, Kubernetes node box, legend and slot bar of the view.
QStringList clippedSceneTexts(TopologyView *view);

// The visible texts of a window (labels, buttons, actions and their tooltips, menu and dock titles,
// combo box items, headers, placeholders, window titles) that still contain English words once
// the names kept as is and the data (pod names, addresses, host names) are taken out; for a window
// built in Chinese, each one is a string that was not routed through the translation.
QStringList englishTexts(QWidget *root, const QStringList &keptNames);

} // namespace rcs::ui::test
