#pragma once

#include "ui/node_card.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace rcs::test {

// What the operation-path tests (tst_operation_paths, tst_operation_paths_kube) share to compare the
// command line's road with the studio's.

// Runs the command `name` of the command library in-process; its exit code, -1 when there is none.
int runCommandInProcess(const QString &name, const QStringList &args);
// The equivalent commands logged while run() runs, node ids blanked (a re-created cluster has new
// ones) and sorted (parallel steps log in any order).
QStringList commandsLoggedBy(const std::function<void()> &run);
// The same blanking and order for a list of commands from elsewhere (a plan).
QStringList normalisedCommands(QStringList commands);
// What run() wrote to stdout (the in-process command prints there), through a temporary file.
QByteArray stdoutOf(const std::function<void()> &run);
// A status document with its "nodes" keyed by id instead of listed (discovery order varies from one
// read to the next); every field is kept.
QJsonObject comparableStatus(QJsonObject status);
// "id role slots" per node of a status document, sorted: the cluster's shape as the cards draw it.
QStringList statusShape(const QJsonObject &status);
// The same for the studio's cards, with core's role names.
QStringList snapshotShape(const ui::TopologySnapshot &snapshot);

} // namespace rcs::test
