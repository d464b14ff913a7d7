#pragma once

#include "node_card.h"

#include <QColor>
#include <QPalette>

class QApplication;

namespace rcs::ui {

// Colours and palettes in one place, so that the view, the legend and the exported pictures agree.
class Theme final {
public:
    enum class Mode { System, Light, Dark };

    static void apply(QApplication &app, Mode mode);
    static Mode mode();
    static bool isDark(); // of the palette in effect
    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name);

    static QPalette lightPalette();
    static QPalette darkPalette();

    static QColor stateColor(NodeCard::State state);
    // A distinct, stable colour per master (its index among masters), for slot bar and card stripes.
    static QColor ownerColor(int index);
    static QColor situationColor(Situation situation);
    static QColor accent();
    // text (escaped) in color, as rich text for a QLabel.
    static QString colored(const QColor &color, const QString &text);

    // Scene colours that follow the palette.
    static QColor sceneBackground();
    static QColor cardBackground();
    static QColor groupBackground();
    static QColor groupBorder();
    static QColor mutedText();
};

} // namespace rcs::ui
