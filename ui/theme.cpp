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

QPalette Theme::lightPalette()
{
    QPalette p;
    const QColor window(0xf5, 0xf6, 0xf8);
    const QColor base(0xff, 0xff, 0xff);
    const QColor text(0x1f, 0x23, 0x28);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf3, 0xf5, 0xf8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf4));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x91, 0x99));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Mid, QColor(0xc9, 0xcd, 0xd2));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa5, 0xab));
    p.setColor(QPalette::Shadow, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Highlight, accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent().darker(110));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa5, 0xab));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x23, 0x26, 0x2b);
    const QColor base(0x1b, 0x1d, 0x21);
    const QColor text(0xe6, 0xe8, 0xeb);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x39));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x86, 0x8e));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x31, 0x37));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3c, 0x41, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x38, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::Dark, QColor(0x17, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent().lighter(130));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6c, 0x72, 0x7a));
    return p;
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

} // namespace rcs::ui
