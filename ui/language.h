#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace rcs::ui {

// The languages the studio's windows speak, and the loading of their translations. Only the GUI loads
// one: the headless commands stay English, because scripts parse what they print.
class Language final {
public:
    static inline const QString English = QStringLiteral("en");
    static inline const QString Chinese = QStringLiteral("zh_CN");

    static QStringList codes(); // English first
    // "English", "简体中文": each language named in its own script, as language menus do.
    static QString nativeName(const QString &code);
    // Maps "zh", "zh_CN", "zh-Hans", "zh_SG", "en_GB"… onto a language the studio has; empty otherwise.
    static QString normalise(const QString &name);
    // --lang wins, then the View → Language choice, then the system locale; English when none of them
    // names a language the studio has.
    static QString choose(const QString &commandLine, const QString &saved, const QLocale &system);

    // The View → Language choice (QSettings ui/language); empty follows the system.
    static QString saved();
    static void save(const QString &code);

    // Makes the application speak code: the studio's translation from the resources, Qt's own (file
    // dialogs, message boxes) from Qt's translations folder, and the default locale for numbers and
    // dates. Widgets receive QEvent::LanguageChange. English removes the translations. False with *why
    // when the studio's translation cannot be loaded; Qt's own is optional (without the
    // qt6-translations-l10n package Qt's dialogs stay English), qtTranslationLoaded() tells.
    static bool install(const QString &code, QString *why = nullptr);
    static QString current();
    static bool qtTranslationLoaded();
};

} // namespace rcs::ui
