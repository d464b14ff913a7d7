// The Simplified Chinese translation is complete, follows translations/GLOSSARY.md, and reaches the
// windows (including Qt's own dialogs), while the headless commands stay English.
#include "redis/failover_job.h"
#include "redis/node_address.h"
#include "redis/redis_pool.h"
#include "support/program_run.h"
#include "support/studio_process.h"
#include "ui/language.h"
#include "ui/situation.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace rcs::ui;

namespace {
struct Message {
    QString context;
    QString source;
    QString comment;
    QString translation;
    QString type; // "unfinished", "vanished", "obsolete" or empty
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // A numerus message holds its forms as <numerusform> children (Chinese has one).
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return messages;
}

QString sourceDir()
{
    return qEnvironmentVariable("RCS_SOURCE_DIR");
}

QString tsPath()
{
    return sourceDir() + QStringLiteral("/translations/redis-cluster-studio_zh_CN.ts");
}

struct Glossary {
    struct Term {
        QStringList english;
        QStringList chinese;
    };
    QList<Term> terms;
    QStringList kept; // names that stay as they are
};

// The rows of GLOSSARY.md whose first cell has terms in backticks.
Glossary readGlossary(QString *error)
{
    QFile file(sourceDir() + QStringLiteral("/translations/GLOSSARY.md"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read GLOSSARY.md: %1").arg(file.errorString());
        return {};
    }
    Glossary glossary;
    static const QRegularExpression backticked(QStringLiteral("`([^`]+)`"));
    const auto ticks = [](const QString &cell) {
        QStringList items;
        for (auto it = backticked.globalMatch(cell); it.hasNext();)
            items << it.next().captured(1);
        return items;
    };
    QString section;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("## ")))
            section = line.mid(3).trimmed();
        if (!line.startsWith(QLatin1Char('|')) || line.startsWith(QLatin1String("|---")))
            continue;
        const QStringList cells = line.mid(1).split(QLatin1Char('|'));
        if (cells.size() < 2)
            continue;
        const QStringList english = ticks(cells.at(0));
        if (english.isEmpty())
            continue;
        if (section == QLatin1String("Terms"))
            glossary.terms.append({english, ticks(cells.at(1))});
        else if (section == QLatin1String("Kept as is"))
            glossary.kept << english;
    }
    std::sort(glossary.kept.begin(), glossary.kept.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return glossary;
}

// Words of an English text that a translation keeps as they are and the glossary does not govern:
// quoted commands and values, <tt> code, options (--fix, -n), paths, key=value and snake_case tokens,
// capitalised protocol words (CLUSTER MEET), and the names kept as is.
QString proseOf(QString text, const QStringList &kept)
{
    for (const QString &name : kept)
        text.replace(name, QStringLiteral(" "));
    text.replace(QRegularExpression(QStringLiteral("'[^']*'")), QStringLiteral(" "));
    text.replace(QRegularExpression(QStringLiteral("<tt>.*?</tt>")), QStringLiteral(" "));
    QStringList words = text.split(QLatin1Char(' '));
    static const QRegularExpression code(QStringLiteral("[a-z][-_/=:][a-z]|^-|/"));
    for (QString &word : words) {
        if (code.match(word).hasMatch())
            word.clear();
    }
    text = words.join(QLatin1Char(' '));
    text.replace(QRegularExpression(QStringLiteral("\\b[A-Z]{2,}\\b")), QStringLiteral(" "));
    return text;
}

QRegularExpression wordPattern(const QString &term, bool anyCase)
{
    return QRegularExpression(
        QStringLiteral("(?<![\\w-])") + QRegularExpression::escape(term) + QStringLiteral("(e?s)?(?![\\w-])"),
        anyCase ? QRegularExpression::CaseInsensitiveOption : QRegularExpression::NoPatternOption);
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    static const QRegularExpression placeholder(QStringLiteral("%\\d"));
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

QStringList tags(const QString &text)
{
    QStringList found;
    static const QRegularExpression tag(QStringLiteral("</?([a-z0-9]+)"));
    for (auto it = tag.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    return found;
}

QString describe(const Message &m)
{
    return QStringLiteral("[%1] \"%2\"%3 → \"%4\"")
        .arg(m.context, m.source, m.comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.comment),
             m.translation);
}

// Fails with the list, so one run names every offending text.
void failOn(const QStringList &problems, const char *what)
{
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 (%2):\n  ").arg(QLatin1String(what)).arg(problems.size()) +
                         problems.join(QStringLiteral("\n  "))));
}
} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(tsPath()), qPrintable(tsPath()));
        QString error;
        m_glossary = readGlossary(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_glossary.terms.size() > 20);
        QVERIFY(m_glossary.kept.contains(QStringLiteral("StatefulSet")));

        // lupdate over the same sources as the build, into a copy: a text added to the code since the
        // .ts was last updated shows up as unfinished below.
        QVERIFY(m_dir.isValid());
        m_current = m_dir.filePath(QStringLiteral("current_zh_CN.ts"));
        QVERIFY(QFile::copy(tsPath(), m_current));
        QFile::setPermissions(m_current, QFile::ReadOwner | QFile::WriteOwner);
        rcs::test::ProgramOptions options;
        options.timeoutMs = 120'000;
        options.mergeChannels = true;
        const rcs::test::ProgramRun lupdate = rcs::test::runProgram(
            QStringLiteral(RCS_LUPDATE),
            {QStringLiteral("@") + QStringLiteral(RCS_TRANSLATED_SOURCES), QStringLiteral("-ts"), m_current,
             QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")},
            options);
        const QString output = lupdate.out;
        QVERIFY2(lupdate.exitCode == 0, qPrintable(lupdate.describe()));
        // lupdate warns about tr() in classes without Q_OBJECT: their texts would be looked up in
        // another context at run time and never be translated.
        QVERIFY2(!output.contains(QLatin1String("lacks Q_OBJECT")) &&
                     !output.contains(QLatin1String("Cannot invoke tr()")),
                 qPrintable(output));
        m_messages = readTs(m_current, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_messages.size() > 900, qPrintable(QString::number(m_messages.size())));
    }

    // The committed .ts holds exactly the texts of the code: nothing new, nothing dropped.
    void tsMatchesTheCode()
    {
        QString error;
        const QList<Message> committed = readTs(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> before;
        for (const Message &m : committed)
            before.insert(m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment);
        QStringList added;
        QSet<QString> after;
        for (const Message &m : m_messages) {
            const QString key = m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment;
            after.insert(key);
            if (!before.contains(key))
                added << describe(m);
        }
        QStringList dropped;
        for (const Message &m : committed) {
            if (!after.contains(m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment))
                dropped << describe(m);
        }
        failOn(added, "texts in the code but not in the .ts: run `cmake --build build --target "
                      "update_translations` and translate them");
        failOn(dropped, "texts in the .ts that the code no longer has: run `cmake --build build --target "
                        "update_translations`");
    }

    void everyTextIsTranslated()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            if (!m.type.isEmpty() || m.translation.trimmed().isEmpty())
                problems << describe(m) + QStringLiteral(" [%1]").arg(
                                              m.type.isEmpty() ? QStringLiteral("empty") : m.type);
        }
        failOn(problems, "untranslated texts");
    }

    // A translation may equal its source only when the source is nothing but kept names, placeholders
    // and punctuation ("StatefulSet", "Kubernetes %1", "%1%").
    void noTranslationEqualsItsSource()
    {
        QStringList problems;
        static const QRegularExpression letter(QStringLiteral("\\p{L}"));
        for (const Message &m : std::as_const(m_messages)) {
            if (m.translation != m.source)
                continue;
            QString rest = m.source;
            for (const QString &name : std::as_const(m_glossary.kept))
                rest.replace(name, QString());
            rest.remove(QRegularExpression(QStringLiteral("%\\d")));
            if (letter.match(rest).hasMatch())
                problems << describe(m);
        }
        failOn(problems, "translations equal to their English source");
    }

    void placeholdersAndMarkupSurvive()
    {
        QStringList problems;
        static const QRegularExpression accelerator(QStringLiteral("&\\w"));
        for (const Message &m : std::as_const(m_messages)) {
            if (m.type.isEmpty() &&
                (placeholders(m.source) != placeholders(m.translation) ||
                 tags(m.source) != tags(m.translation) ||
                 (accelerator.match(m.source).hasMatch() && !accelerator.match(m.translation).hasMatch())))
                problems << describe(m);
        }
        failOn(problems, "translations that lose a %N placeholder, a tag or a menu accelerator");
    }

    void glossaryIsFollowed()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            if (!m.type.isEmpty())
                continue;
            const QString prose = proseOf(m.source, m_glossary.kept);
            for (const Glossary::Term &term : std::as_const(m_glossary.terms)) {
                for (const QString &english : term.english) {
                    if (!wordPattern(english, english.at(0).isLower()).match(prose).hasMatch())
                        continue;
                    const bool followed =
                        std::any_of(term.chinese.cbegin(), term.chinese.cend(),
                                    [&](const QString &zh) { return m.translation.contains(zh); });
                    if (!followed)
                        problems << QStringLiteral("%1 (\"%2\" → %3)")
                                        .arg(describe(m), english, term.chinese.join(QStringLiteral(" / ")));
                }
            }
            // A kept name in the English text is in the translation too, spelled the same.
            const QString codeFree = proseOf(m.source, {});
            for (const QString &name : std::as_const(m_glossary.kept)) {
                if (wordPattern(name, false).match(codeFree).hasMatch() && !m.translation.contains(name))
                    problems << QStringLiteral("%1 (keeps \"%2\")").arg(describe(m), name);
            }
        }
        failOn(problems, "translations that do not follow translations/GLOSSARY.md");
    }

    // The .qm built into rcs_ui answers for texts of every kind of context: a ui table (ActionPolicy),
    // a core QObject's tr() (FailoverJob) and a core file's Text::tr() (NodeAddress).
    void translationReachesCodeAtRunTime()
    {
        QString why;
        QVERIFY2(Language::install(Language::Chinese, &why), qPrintable(why));
        QCOMPARE(Language::current(), Language::Chinese);
        QCOMPARE(situationTitle(Situation::TotalFailure), QStringLiteral("全体节点故障"));
        QCOMPARE(actionTitle(Action::Recover), QStringLiteral("恢复"));
        rcs::RedisPool pool;
        rcs::FailoverJob failover({}, QStringLiteral("abc"), &pool);
        QCOMPARE(failover.title(), QStringLiteral("故障转移到从节点"));
        const auto parsed = rcs::NodeAddress::parse(QStringLiteral("10.0.0.1:99999"));
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message().contains(QStringLiteral("不是节点地址")),
                 qPrintable(parsed.error().message()));

        QVERIFY(Language::install(Language::English));
        QCOMPARE(situationTitle(Situation::TotalFailure), QStringLiteral("Total failure"));
        rcs::FailoverJob english({}, QStringLiteral("abc"), &pool);
        QCOMPARE(english.title(), QStringLiteral("Fail over to a replica"));
    }

    // File dialogs and message boxes are Qt's: they speak Chinese through qtbase_zh_CN.qm.
    void qtOwnDialogsFollow()
    {
        QVERIFY(Language::install(Language::Chinese));
        if (!Language::qtTranslationLoaded())
            QSKIP("qtbase_zh_CN.qm is not installed (Debian: qt6-translations-l10n, see "
                  "scripts/install-deps.sh); Qt's own dialogs stay English without it");
        QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Save);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
        QCOMPARE(box.button(QDialogButtonBox::Save)->text(), QStringLiteral("保存"));
        QVERIFY(Language::install(Language::English));
        QDialogButtonBox english(QDialogButtonBox::Cancel);
        QCOMPARE(english.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
                 QStringLiteral("Cancel"));
    }

    void languageChoice_data()
    {
        QTest::addColumn<QString>("commandLine");
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("system zh_CN") << QString() << QString() << "zh_CN"
                                      << "zh_CN";
        QTest::newRow("system zh_SG") << QString() << QString() << "zh_SG"
                                      << "zh_CN";
        QTest::newRow("system zh_TW stays English") << QString() << QString() << "zh_TW"
                                                    << "en";
        QTest::newRow("system zh_HK stays English") << QString() << QString() << "zh_HK"
                                                    << "en";
        QTest::newRow("system de_DE") << QString() << QString() << "de_DE"
                                      << "en";
        QTest::newRow("saved overrides system") << QString() << "en"
                                                << "zh_CN"
                                                << "en";
        QTest::newRow("saved zh_CN") << QString() << "zh_CN"
                                     << "en_US"
                                     << "zh_CN";
        QTest::newRow("--lang overrides saved") << "zh_CN"
                                                << "en"
                                                << "en_US"
                                                << "zh_CN";
        QTest::newRow("--lang en") << "en"
                                   << "zh_CN"
                                   << "zh_CN"
                                   << "en";
        QTest::newRow("--lang zh-Hans") << "zh-Hans" << QString() << "en_US"
                                        << "zh_CN";
        QTest::newRow("unknown --lang falls through") << "fr"
                                                      << "zh_CN"
                                                      << "en_US"
                                                      << "zh_CN";
    }

    void languageChoice()
    {
        QFETCH(QString, commandLine);
        QFETCH(QString, saved);
        QFETCH(QString, system);
        QFETCH(QString, expected);
        QCOMPARE(Language::choose(commandLine, saved, QLocale(system)), expected);
    }

    // The headless commands never load a translation, whatever the locale says: scripts parse them.
    void commandLineStaysEnglish()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
        const QString missing = m_dir.filePath(QStringLiteral("no-such-kubeconfig"));
        const rcs::test::StudioRun run = rcs::test::runStudio(
            {QStringLiteral("status"), QStringLiteral("--kubeconfig"), missing}, 60'000, env);
        const QString output = run.all();
        QVERIFY2(run.ran(), qPrintable(run.describe()));
        QVERIFY2(run.exitCode != 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("The kubeconfig file %1 does not exist.").arg(missing)),
                 qPrintable(output));
        QVERIFY2(!output.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
                 qPrintable(output));
    }

private:
    QTemporaryDir m_dir;
    QString m_current;
    QList<Message> m_messages;
    Glossary m_glossary;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
