#include "text_fit.h"

#include "ui/host_group_item.h"
#include "ui/legend_item.h"
#include "ui/node_card_item.h"
#include "ui/slot_bar_item.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QGraphicsScene>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStyleOptionGraphicsItem>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>

namespace rcs::ui::test {

namespace {
QString where(const QWidget *w)
{
    QString path = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        path += QStringLiteral("#") + w->objectName();
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_"))) {
            path += QStringLiteral(" in ") + QString::fromLatin1(p->metaObject()->className()) +
                    QStringLiteral("#") + p->objectName();
            break;
        }
    }
    return path;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    return doc.toPlainText();
}

QString problem(const QWidget *w, const QString &text, const QString &why)
{
    return QStringLiteral("%1 \"%2\": %3").arg(where(w), plain(text).simplified(), why);
}

QString room(int needed, int has)
{
    return QStringLiteral("needs %1 px, has %2").arg(needed).arg(has);
}

// Data and code a translation leaves alone: addresses, pod and host names, paths, options, numbers.
bool looksLikeData(const QString &word)
{
    static const QRegularExpression data(QStringLiteral("[0-9_./:@$~=\\-]|^[A-Z]{2,}s?$"));
    return data.match(word).hasMatch();
}

void checkLabel(QLabel *label, QStringList &problems)
{
    if (label->text().isEmpty() || !label->pixmap().isNull())
        return;
    if (label->wordWrap()) {
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height() + 1)
            problems << problem(
                label, label->text(),
                QStringLiteral("wrapped, needs %1 px of height, has %2").arg(needed).arg(label->height()));
        return;
    }
    const QSize hint = label->sizeHint();
    if (hint.width() > label->width() + 1)
        problems << problem(label, label->text(), room(hint.width(), label->width()));
    else if (hint.height() > label->height() + 1)
        problems << problem(
            label, label->text(),
            QStringLiteral("needs %1 px of height, has %2").arg(hint.height()).arg(label->height()));
}

void checkCombo(QComboBox *combo, QStringList &problems)
{
    const QString text = combo->currentText();
    if (text.isEmpty() || combo->isEditable())
        return;
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = false;
    option.frame = combo->hasFrame();
    option.currentText = text;
    option.currentIcon = combo->itemIcon(combo->currentIndex());
    option.iconSize = combo->iconSize();
    const QRect field =
        combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
    const int needed = combo->fontMetrics().horizontalAdvance(text) +
                       (option.currentIcon.isNull() ? 0 : option.iconSize.width() + 4);
    if (needed > field.width() + 1)
        problems << problem(combo, text, room(needed, field.width()));
}

void checkPlaceholder(QLineEdit *edit, QStringList &problems)
{
    const QString text = edit->placeholderText();
    // A path or address placeholder depends on the machine, not on the language.
    if (!edit->text().isEmpty() || text.isEmpty() || text.contains(QLatin1Char('/')) ||
        text.contains(QLatin1Char(':')))
        return;
    const QMargins margins = edit->textMargins();
    const int frame = edit->hasFrame() ? edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) : 0;
    const int available = edit->width() - margins.left() - margins.right() - 2 * frame - 4;
    const int needed = edit->fontMetrics().horizontalAdvance(text);
    if (needed > available + 1)
        problems << problem(edit, text, room(needed, available));
}

void checkHeader(QHeaderView *header, QStringList &problems)
{
    if (header->orientation() != Qt::Horizontal || !header->model())
        return;
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int i = 0; i < header->count(); ++i) {
        if (header->isSectionHidden(i))
            continue;
        const QString text = header->model()->headerData(i, Qt::Horizontal).toString();
        const int needed = header->fontMetrics().horizontalAdvance(text) + 2 * margin;
        if (needed > header->sectionSize(i) + 1)
            problems << problem(header, text, room(needed, header->sectionSize(i)));
    }
}
} // namespace

QStringList clippedTexts(QWidget *root)
{
    QStringList problems;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            checkLabel(label, problems);
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            auto *tool = qobject_cast<QToolButton *>(button);
            if (button->text().isEmpty() || (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly))
                continue;
            if (button->sizeHint().width() > button->width() + 1)
                problems << problem(button, button->text(),
                                    room(button->sizeHint().width(), button->width()));
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            const int needed = group->fontMetrics().horizontalAdvance(group->title()) + 20;
            if (!group->title().isEmpty() && needed > group->width())
                problems << problem(group, group->title(), room(needed, group->width()));
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            checkCombo(combo, problems);
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            checkPlaceholder(edit, problems);
        } else if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
            if (spin->sizeHint().width() > spin->width() + 1)
                problems << problem(spin, spin->text(), room(spin->sizeHint().width(), spin->width()));
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            checkHeader(header, problems);
        } else if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            // The title bar also holds the float and close buttons.
            const int needed = dock->fontMetrics().horizontalAdvance(dock->windowTitle()) + 56;
            if (needed > dock->width())
                problems << problem(dock, dock->windowTitle(), room(needed, dock->width()));
        } else if (auto *menuBar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *action : menuBar->actions()) {
                const QRect geometry = menuBar->actionGeometry(action);
                if (action->isVisible() && (geometry.isEmpty() || geometry.right() > menuBar->width()))
                    problems << problem(menuBar, action->text(), QStringLiteral("does not fit the menu bar"));
            }
        } else if (auto *toolBar = qobject_cast<QToolBar *>(w)) {
            auto *extension = toolBar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
            if (extension && extension->isVisible())
                problems << problem(toolBar, toolBar->windowTitle(),
                                    QStringLiteral("some actions are hidden behind the extension button"));
        }
    }
    return problems;
}

namespace {
struct TextRun {
    QString text;
    QRectF rect; // in the item's coordinates
    QRectF clip; // the painter's clip when it was drawn, null without clipping
    qreal baseline;
    qreal ascent;
};

// Records where text lands instead of drawing it.
class RecordingEngine final : public QPaintEngine {
public:
    RecordingEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {}
    QList<TextRun> runs;

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPath(const QPainterPath &) override {}
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QTransform transform = painter()->transform();
        const QRectF run(p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent());
        runs.append({item.text(), transform.mapRect(run),
                     painter()->hasClipping() ? transform.mapRect(painter()->clipBoundingRect()) : QRectF(),
                     transform.map(p).y(), item.ascent()});
    }
    Type type() const override { return QPaintEngine::User; }
};

class RecordingDevice final : public QPaintDevice {
public:
    explicit RecordingDevice(QSize size)
        : m_size(size)
    {}
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QList<TextRun> runs() const { return m_engine.runs; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96; // the offscreen screen's, so painting and QFontMetrics agree
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable RecordingEngine m_engine;
};

// The band where a run's glyphs are: between the baseline and most of the ascent. The line box is
// taller (CJK fonts have generous ascent and descent) without any ink being cut.
bool inkInside(const TextRun &run, const QRectF &box)
{
    const qreal top = run.baseline - 0.7 * run.ascent;
    return run.rect.left() >= box.left() - 1 && run.rect.right() <= box.right() + 1 && top >= box.top() - 1 &&
           run.baseline <= box.bottom() + 1;
}
} // namespace

QStringList clippedItemTexts(QGraphicsItem *item, const QString &name)
{
    const QRectF bounds = item->boundingRect();
    RecordingDevice device(bounds.size().toSize() + QSize(2, 2));
    {
        QPainter painter(&device);
        QStyleOptionGraphicsItem option;
        option.exposedRect = bounds;
        item->paint(&painter, &option, nullptr);
    }
    const QList<TextRun> runs = device.runs();
    QStringList problems;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const TextRun &run = runs.at(i);
        if (run.text.trimmed().isEmpty())
            continue;
        if (!run.clip.isNull() && !inkInside(run, run.clip))
            problems << QStringLiteral("%1 \"%2\": cut by its box (needs %3 px, has %4)")
                            .arg(name, run.text)
                            .arg(qCeil(run.rect.width()))
                            .arg(qFloor(run.clip.width()));
        else if (!inkInside(run, bounds))
            problems << QStringLiteral("%1 \"%2\": drawn outside the item").arg(name, run.text);
        for (qsizetype j = i + 1; j < runs.size(); ++j) {
            const TextRun &other = runs.at(j);
            const QRectF overlap = run.rect.intersected(other.rect);
            const bool sameLine = qAbs(run.baseline - other.baseline) < 0.5 * run.ascent;
            if (!other.text.trimmed().isEmpty() && sameLine && overlap.width() > 2)
                problems << QStringLiteral("%1 \"%2\" and \"%3\" overlap").arg(name, run.text, other.text);
        }
    }
    return problems;
}

QStringList englishTexts(QWidget *root, const QStringList &keptNames)
{
    QStringList texts;
    const auto add = [&](const QWidget *w, const QString &text) {
        if (!text.isEmpty())
            texts << where(w) + QStringLiteral("\x1f") + text;
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible() && !qobject_cast<QMenu *>(w))
            continue;
        if (w->isWindow())
            add(w, w->windowTitle());
        add(w, w->toolTip());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(w, label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, button->text());
        else if (auto *group = qobject_cast<QGroupBox *>(w))
            add(w, group->title());
        else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(w, combo->itemText(i));
        } else if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(w, edit->placeholderText());
        else if (auto *spin = qobject_cast<QSpinBox *>(w))
            add(w, spin->suffix());
        else if (auto *dock = qobject_cast<QDockWidget *>(w))
            add(w, dock->windowTitle());
        else if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model()) {
            for (int i = 0; i < header->count(); ++i)
                add(w, header->model()->headerData(i, header->orientation()).toString());
        }
        for (QAction *action : w->actions()) {
            add(w, action->text());
            add(w, action->toolTip());
            add(w, action->statusTip());
            if (action->menu())
                add(w, action->menu()->title());
        }
    }
    QStringList english;
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z'\\-]{2,}"));
    for (const QString &entry : std::as_const(texts)) {
        const qsizetype split = entry.indexOf(QLatin1Char('\x1f'));
        QString text = plain(entry.mid(split + 1));
        for (const QString &name : keptNames)
            text.replace(name, QStringLiteral(" "));
        text.replace(QRegularExpression(QStringLiteral("'[^']*'")), QStringLiteral(" ")); // quoted commands
        QStringList words = text.split(QRegularExpression(QStringLiteral("[\\s,;()（）“”\"':：，；。·…—]+")),
                                       Qt::SkipEmptyParts);
        words.erase(std::remove_if(words.begin(), words.end(), looksLikeData), words.end());
        const QString rest = words.join(QLatin1Char(' '));
        if (word.match(rest).hasMatch())
            english << QStringLiteral("%1: \"%2\"").arg(entry.left(split), entry.mid(split + 1).simplified());
    }
    english.removeDuplicates();
    return english;
}

QStringList clippedSceneTexts(TopologyView *view)
{
    QStringList problems;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (!item->isVisible())
            continue;
        QString name;
        if (auto *card = qgraphicsitem_cast<NodeCardItem *>(item))
            name = QStringLiteral("card %1").arg(card->card().displayName());
        else if (auto *group = dynamic_cast<HostGroupItem *>(item))
            name = QStringLiteral("box %1").arg(group->name());
        else if (dynamic_cast<LegendItem *>(item))
            name = QStringLiteral("legend");
        else if (dynamic_cast<SlotBarItem *>(item))
            name = QStringLiteral("slot bar");
        else
            continue;
        problems << clippedItemTexts(item, name);
    }
    return problems;
}

} // namespace rcs::ui::test
