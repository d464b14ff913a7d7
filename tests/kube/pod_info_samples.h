#pragma once

// Pod JSON as API servers return it. Kept out of the test source: moc mis-lexes raw strings.

inline constexpr char kReadyPod[] = R"({"metadata":{"name":"redis-app-10","namespace":"redis-cluster"},
 "spec":{"nodeName":"node-2"},
 "status":{"phase":"Running","podIP":"10.244.2.9","hostIP":"192.168.0.2",
  "conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"True"}],
  "containerStatuses":[{"name":"redis","ready":true,"restartCount":2,"state":{"running":{}}}]}})";

inline constexpr char kTerminatingPod[] =
    R"({"metadata":{"name":"redis-app-1","deletionTimestamp":"2024-01-01T00:00:00Z"},
 "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}})";

inline constexpr char kCrashingPod[] = R"({"metadata":{"name":"redis-app-2"},
 "status":{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],
  "containerStatuses":[{"restartCount":5,"state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s"}}}]}})";

inline constexpr char kUnschedulablePod[] = R"({"metadata":{"name":"redis-app-0"},
 "status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"Unschedulable",
  "message":"pod has unbound immediate PersistentVolumeClaims"}]}})";

inline constexpr char kImagePullPod[] = R"({"metadata":{"name":"redis-app-3"},
 "status":{"phase":"Pending","containerStatuses":[{"state":{"waiting":{"reason":"ImagePullBackOff","message":"not found"}}}]}})";
