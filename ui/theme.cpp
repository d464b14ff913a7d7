#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

#include <cmath>

namespace rcs::ui {

namespace {
Theme::Mode g_mode = Theme::Mode::System;
QPalette g_systemPalette;
bool g_captured = false;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

void Theme::apply(QApplication &app, Mode mode)
{
    if (!g_captured) {
        g_systemPalette = app.palette();
        g_captured = true;
    }
    g_mode = mode;
    // Fusion everywhere: it renders the same on every desktop, offscreen and under Xvfb, and takes our
    // palettes faithfully. "System" follows whether the desktop's own palette is dark.
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    bool dark = mode == Mode::Dark;
    if (mode == Mode::System)
        dark = g_systemPalette.color(QPalette::Window).lightness() < 128;
    app.setPalette(dark ? darkPalette() : lightPalette());
}

Theme::Mode Theme::mode()
{
    return g_mode;
}

bool Theme::isDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QString Theme::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Theme::Mode Theme::modeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Mode::Light;
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

namespace {
// The colours in which the light and dark palettes differ; everything else is shared.
struct PaletteColors {
    QColor window, base, text, alternateBase, toolTipBase, placeholder, button;
    QColor light, midlight, mid, dark, shadow, link, disabledText;
};

QPalette paletteOf(const PaletteColors &c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.midlight);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.shadow);
    p.setColor(QPalette::Highlight, Theme::accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, c.link);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    return p;
}
} // namespace

QPalette Theme::lightPalette()
{
    return paletteOf({QColor(0xf5, 0xf6, 0xf8), QColor(0xff, 0xff, 0xff), QColor(0x1f, 0x23, 0x28),
                      QColor(0xf3, 0xf5, 0xf8), QColor(0xff, 0xff, 0xf4), QColor(0x8a, 0x91, 0x99),
                      QColor(0xfb, 0xfb, 0xfc), QColor(Qt::white), QColor(0xe6, 0xe8, 0xeb),
                      QColor(0xc9, 0xcd, 0xd2), QColor(0xa0, 0xa5, 0xab), QColor(0x60, 0x60, 0x60),
                      accent().darker(110), QColor(0xa0, 0xa5, 0xab)});
}

QPalette Theme::darkPalette()
{
    return paletteOf({QColor(0x23, 0x26, 0x2b), QColor(0x1b, 0x1d, 0x21), QColor(0xe6, 0xe8, 0xeb),
                      QColor(0x26, 0x29, 0x2e), QColor(0x30, 0x33, 0x39), QColor(0x80, 0x86, 0x8e),
                      QColor(0x2d, 0x31, 0x37), QColor(0x3c, 0x41, 0x48), QColor(0x34, 0x38, 0x3e),
                      QColor(0x26, 0x29, 0x2e), QColor(0x17, 0x19, 0x1c), QColor(Qt::black),
                      accent().lighter(130), QColor(0x6c, 0x72, 0x7a)});
}

QColor Theme::accent()
{
    return QColor(0xd8, 0x2c, 0x20); // Redis red, used sparingly
}

QColor Theme::stateColor(NodeCard::State state)
{
    switch (state) {
    case NodeCard::State::Connected:
        return QColor(0x2f, 0xa8, 0x5a);
    case NodeCard::State::Migrating:
        return QColor(0x00, 0x97, 0xa7);
    case NodeCard::State::Handshake:
        return QColor(0x7e, 0x57, 0xc2);
    case NodeCard::State::StaleAddress:
        return QColor(0xef, 0x7d, 0x00);
    case NodeCard::State::Disconnected:
        return QColor(0x8a, 0x91, 0x99);
    case NodeCard::State::PFail:
        return QColor(0xe6, 0xa7, 0x00);
    case NodeCard::State::Fail:
        return QColor(0xd9, 0x3b, 0x30);
    case NodeCard::State::PodDown:
        return QColor(0x9e, 0x2a, 0x2b);
    }
    return Qt::gray;
}

QColor Theme::ownerColor(int index)
{
    // Evenly spread hues, stepped by the golden angle so that neighbours differ even with many masters.
    const int hue = int(std::fmod(205.0 + index * 137.508, 360.0));
    return QColor::fromHsv(hue, isDark() ? 150 : 170, isDark() ? 225 : 205);
}

QColor Theme::situationColor(Situation situation)
{
    switch (situation) {
    case Situation::Healthy:
        return stateColor(NodeCard::State::Connected);
    case Situation::Degraded:
    case Situation::OpenSlots:
    case Situation::PodsNotReady:
        return stateColor(NodeCard::State::PFail);
    case Situation::TotalFailure:
        return stateColor(NodeCard::State::Fail);
    case Situation::NotCreated:
    case Situation::NotDeployed:
        return QColor(0x3d, 0x7e, 0xd8);
    case Situation::Unknown:
        break;
    }
    return stateColor(NodeCard::State::Disconnected);
}

QColor Theme::sceneBackground()
{
    return QApplication::palette().color(QPalette::Base);
}

QColor Theme::cardBackground()
{
    const QPalette p = QApplication::palette();
    return isDark() ? mix(p.color(QPalette::Base), Qt::white, 0.07) : QColor(Qt::white);
}

QColor Theme::groupBackground()
{
    const QPalette p = QApplication::palette();
    return isDark() ? mix(p.color(QPalette::Base), Qt::white, 0.03) : QColor(0xf4, 0xf6, 0xf9);
}

QColor Theme::groupBorder()
{
    return isDark() ? QColor(0x3a, 0x3f, 0x46) : QColor(0xd9, 0xdd, 0xe3);
}

QColor Theme::mutedText()
{
    return isDark() ? QColor(0x9a, 0xa1, 0xaa) : QColor(0x6a, 0x72, 0x7c);
}

QString Theme::colored(const QColor &color, const QString &text)
{
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(color.name(), text.toHtmlEscaped());
}

} // namespace rcs::ui
