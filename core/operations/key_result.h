#pragma once

#include "observe/key_scan.h"
#include "observe/slot_heat_job.h"

#include <QJsonObject>
#include <QString>

namespace rcs::ops {

// `bigkeys --json` / `hotkeys --json`: {"mode": "bigkeys" | "hotkeys", "partial", "elapsed_ms",
// "scanned", "total", "keys": [{"key", "node", "pod", "type", "bytes" | "freq"}],
// "nodes": [{"node", "pod", "scanned", "total", "complete", "skipped", "error"}]} (skipped: the
// sentence of a node without an LFU policy; error: why its scan stopped; both empty else).
QJsonObject keyScanToJson(const observe::KeyScanResult &result);
// The ranked keys as a table, then one line per master (scanned of total, skipped, error), then the
// partial sentence.
QString keyScanToText(const observe::KeyScanResult &result);
// "Biggest key: … (N bytes); 1200 keys scanned." / "… partial …".
QString keyScanSummary(const observe::KeyScanResult &result);

// `slot-heat --json`: {"total_keys", "hottest", "slots": [16384 counts, -1 where unread],
// "nodes": [{"node", "pod", "slots", "keys", "method", "error"}]}.
QJsonObject slotHeatToJson(const observe::SlotHeat &heat);
// One line per master (slots, keys, method), then the hottest slots.
QString slotHeatToText(const observe::SlotHeat &heat, int hottestSlots = 20);
QString slotHeatSummary(const observe::SlotHeat &heat);

} // namespace rcs::ops
