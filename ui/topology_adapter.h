#pragma once

#include "node_card.h"

namespace rcs {
class ClusterTopology;
}

namespace rcs::ui {

// The one place where the view-model meets the core's ClusterTopology: every card field comes from here.
TopologySnapshot snapshotFromTopology(const rcs::ClusterTopology &topology);

// The situation as far as Redis alone tells it (no pods known): used on plain endpoints and until the
// workflows' status names the situation with the pods included.
Situation situationFromTopology(const rcs::ClusterTopology &topology);

} // namespace rcs::ui
