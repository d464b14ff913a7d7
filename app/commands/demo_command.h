#pragma once

#include <QStringList>

namespace rcs::cli {

// `demo [--data-dir DIR]`: the product's main job, headless, on a throw-away kube-sandbox — the seed's
// story: kube-sandbox started, deploy, create, status, every pod deleted at once, status (total
// failure), recover, status — each step with its equivalent commands and its time — then the sandbox
// stopped and (without --data-dir) its folder removed. 0 when the cluster ends healthy.
int runDemo(const QStringList &args);

} // namespace rcs::cli
