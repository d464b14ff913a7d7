#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace rcs::ui {

namespace {
const QString kSettingsKey = QStringLiteral("ui/language");

struct Installed {
    QString code = Language::English;
    QTranslator *studio = nullptr;
    QTranslator *qt = nullptr;
    QLocale systemLocale = QLocale::system();
};

Installed &installed()
{
    static Installed state;
    return state;
}

void remove(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}
} // namespace

QStringList Language::codes()
{
    return {English, Chinese};
}

QString Language::nativeName(const QString &code)
{
    if (code == Chinese)
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString Language::normalise(const QString &name)
{
    const QString lower = name.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (lower.isEmpty())
        return {};
    // Simplified Chinese is what zh, zh_CN, zh_SG and zh_Hans mean; zh_TW/zh_HK (Traditional) are not
    // offered rather than shown in the wrong script.
    if (lower == QLatin1String("zh") || lower.startsWith(QLatin1String("zh_cn")) ||
        lower.startsWith(QLatin1String("zh_sg")) || lower.startsWith(QLatin1String("zh_hans")))
        return Chinese;
    if (lower == QLatin1String("en") || lower.startsWith(QLatin1String("en_")) ||
        lower == QLatin1String("c") || lower == QLatin1String("posix"))
        return English;
    return {};
}

QString Language::choose(const QString &commandLine, const QString &saved, const QLocale &system)
{
    if (const QString chosen = normalise(commandLine); !chosen.isEmpty())
        return chosen;
    if (const QString chosen = normalise(saved); !chosen.isEmpty())
        return chosen;
    // QLocale names Simplified Chinese zh_CN (or zh_SG) and gives the script for the rest.
    if (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript &&
        system.territory() != QLocale::Taiwan && system.territory() != QLocale::HongKong &&
        system.territory() != QLocale::Macao)
        return Chinese;
    return English;
}

QString Language::saved()
{
    return normalise(QSettings().value(kSettingsKey).toString());
}

void Language::save(const QString &code)
{
    QSettings settings;
    if (normalise(code).isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, normalise(code));
}

bool Language::install(const QString &code, QString *why)
{
    Installed &state = installed();
    const QString language = normalise(code).isEmpty() ? English : normalise(code);
    remove(state.studio);
    remove(state.qt);
    state.code = English;
    const QLocale locale = language == Chinese ? QLocale(QLocale::Chinese, QLocale::China)
                                               : QLocale(QLocale::English, QLocale::UnitedStates);
    // Numbers and dates follow the system unless the chosen language is another one.
    QLocale::setDefault(state.systemLocale.language() == locale.language() ? state.systemLocale : locale);
    if (language == English) {
        // Removing a translator sends LanguageChange too: the widgets speak English again.
        return true;
    }
    auto *studio = new QTranslator(QCoreApplication::instance());
    const QString resource = QStringLiteral(":/i18n/redis-cluster-studio_%1.qm").arg(language);
    if (!studio->load(resource)) {
        delete studio;
        if (why)
            *why = QStringLiteral("The %1 translation (%2) is missing from this build; the studio stays in "
                                  "English. Rebuild with Qt's LinguistTools (qt6-tools-dev, qt6-l10n-tools).")
                       .arg(nativeName(language), resource);
        return false;
    }
    // Qt's own strings first, the studio's last: the last installed translator is asked first.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        state.qt = qt;
    } else {
        delete qt;
    }
    QCoreApplication::installTranslator(studio);
    state.studio = studio;
    state.code = language;
    return true;
}

QString Language::current()
{
    return installed().code;
}

bool Language::qtTranslationLoaded()
{
    return installed().qt != nullptr;
}

} // namespace rcs::ui
