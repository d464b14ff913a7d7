#include "key_result.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace rcs::ops {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ops::KeyResult)
};

bool big(const observe::KeyScanResult &result)
{
    return result.mode == observe::KeyScanMode::BigKeys;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

qint64 scannedOf(const observe::KeyScanResult &result)
{
    qint64 scanned = 0;
    for (const observe::NodeScan &node : result.nodes)
        scanned += node.scanned;
    return scanned;
}
} // namespace

QJsonObject keyScanToJson(const observe::KeyScanResult &result)
{
    const QString measure = big(result) ? QStringLiteral("bytes") : QStringLiteral("freq");
    QJsonArray keys;
    for (const observe::RankedKey &key : result.keys) {
        keys.append(QJsonObject{{QStringLiteral("key"), observe::displayKey(key.key)},
                                {QStringLiteral("node"), key.node.address.toString()},
                                {QStringLiteral("pod"), key.node.pod},
                                {QStringLiteral("type"), key.type},
                                {measure, key.value}});
    }
    QJsonArray nodes;
    qint64 total = 0;
    for (const observe::NodeScan &node : result.nodes) {
        total += node.total;
        nodes.append(QJsonObject{{QStringLiteral("node"), node.node.address.toString()},
                                 {QStringLiteral("pod"), node.node.pod},
                                 {QStringLiteral("scanned"), node.scanned},
                                 {QStringLiteral("total"), node.total},
                                 {QStringLiteral("complete"), node.complete},
                                 {QStringLiteral("skipped"), node.skipped},
                                 {QStringLiteral("error"), node.error}});
    }
    return {{QStringLiteral("mode"), big(result) ? QStringLiteral("bigkeys") : QStringLiteral("hotkeys")},
            {QStringLiteral("partial"), result.partial},
            {QStringLiteral("elapsed_ms"), result.elapsedMs},
            {QStringLiteral("scanned"), scannedOf(result)},
            {QStringLiteral("total"), total},
            {QStringLiteral("keys"), keys},
            {QStringLiteral("nodes"), nodes}};
}

QString keyScanToText(const observe::KeyScanResult &result)
{
    QString text = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                       .arg(QStringLiteral("#"), 3)
                       .arg(big(result) ? QStringLiteral("bytes") : QStringLiteral("freq"), 12)
                       .arg(QStringLiteral("type"), -8)
                       .arg(QStringLiteral("node"), -22)
                       .arg(QStringLiteral("pod"), -14)
                       .arg(QStringLiteral("key"));
    int rank = 0;
    for (const observe::RankedKey &key : result.keys) {
        text += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                    .arg(++rank, 3)
                    .arg(key.value, 12)
                    .arg(orDash(key.type), -8)
                    .arg(key.node.address.toString(), -22)
                    .arg(orDash(key.node.pod), -14)
                    .arg(observe::displayKey(key.key, 80));
    }
    text += QLatin1Char('\n');
    for (const observe::NodeScan &node : result.nodes) {
        QString state;
        if (!node.skipped.isEmpty())
            state = node.skipped;
        else if (!node.error.isEmpty())
            state = Text::tr("scan stopped: %1").arg(node.error);
        else
            state = Text::tr("%1 of %2 keys scanned%3")
                        .arg(node.scanned)
                        .arg(node.total)
                        .arg(node.complete ? QString() : Text::tr(" (not to the end)"));
        text += QStringLiteral("%1 %2 %3\n")
                    .arg(node.node.address.toString(), -22)
                    .arg(orDash(node.node.pod), -14)
                    .arg(state);
    }
    if (result.partial)
        text += Text::tr("Partial: the time bound (--max-seconds) ran out after %1 s; the ranking covers the "
                         "keys scanned until then.\n")
                    .arg(result.elapsedMs / 1000.0, 0, 'f', 1);
    return text;
}

QString keyScanSummary(const observe::KeyScanResult &result)
{
    const qint64 scanned = scannedOf(result);
    QString text;
    if (result.keys.isEmpty())
        text = Text::tr("No key found; %1 keys scanned.").arg(scanned);
    else if (big(result))
        text = Text::tr("Biggest key: %1 (%2 bytes); %3 keys scanned.")
                   .arg(observe::displayKey(result.keys.constFirst().key, 60))
                   .arg(result.keys.constFirst().value)
                   .arg(scanned);
    else
        text = Text::tr("Hottest key: %1 (LFU counter %2); %3 keys scanned.")
                   .arg(observe::displayKey(result.keys.constFirst().key, 60))
                   .arg(result.keys.constFirst().value)
                   .arg(scanned);
    if (result.partial)
        text += QLatin1Char(' ') + Text::tr("Partial: the time bound ran out.");
    return text;
}

QJsonObject slotHeatToJson(const observe::SlotHeat &heat)
{
    QJsonArray counts;
    for (qint64 count : heat.keys)
        counts.append(count);
    QJsonArray nodes;
    for (const observe::HeatNode &node : heat.nodes) {
        nodes.append(QJsonObject{{QStringLiteral("node"), node.node.address.toString()},
                                 {QStringLiteral("pod"), node.node.pod},
                                 {QStringLiteral("slots"), node.slotCount},
                                 {QStringLiteral("keys"), node.keys},
                                 {QStringLiteral("method"), node.method},
                                 {QStringLiteral("error"), node.error}});
    }
    return {{QStringLiteral("total_keys"), heat.totalKeys()},
            {QStringLiteral("hottest"), heat.hottest()},
            {QStringLiteral("slots"), counts},
            {QStringLiteral("nodes"), nodes}};
}

QString slotHeatToText(const observe::SlotHeat &heat, int hottestSlots)
{
    QString text = QStringLiteral("%1 %2 %3 %4\n")
                       .arg(QStringLiteral("node"), -22)
                       .arg(QStringLiteral("pod"), -14)
                       .arg(QStringLiteral("slots"), 6)
                       .arg(QStringLiteral("keys / method"));
    for (const observe::HeatNode &node : heat.nodes) {
        const QString state = node.error.isEmpty() ? QStringLiteral("%1 (%2)").arg(node.keys).arg(node.method)
                                                   : Text::tr("not counted: %1").arg(node.error);
        text += QStringLiteral("%1 %2 %3 %4\n")
                    .arg(node.node.address.toString(), -22)
                    .arg(orDash(node.node.pod), -14)
                    .arg(node.slotCount, 6)
                    .arg(state);
    }
    std::vector<int> order(heat.keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&heat](int a, int b) { return heat.keys[a] > heat.keys[b]; });
    text += Text::tr("\n%1 keys in all. Hottest slots:\n").arg(heat.totalKeys());
    for (int i = 0; i < hottestSlots && i < int(order.size()) && heat.keys[order[i]] > 0; ++i)
        text += QStringLiteral("%1 %2\n").arg(order[i], 6).arg(heat.keys[order[i]], 10);
    return text;
}

QString slotHeatSummary(const observe::SlotHeat &heat)
{
    return Text::tr("%1 keys counted; the hottest slot holds %2.").arg(heat.totalKeys()).arg(heat.hottest());
}

} // namespace rcs::ops
