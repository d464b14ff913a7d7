#pragma once

// Status bodies as real API servers send them. Kept out of the test source: moc mis-lexes raw strings
// with escaped quotes.

inline constexpr char kStatusSample0[] =
    R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods is forbidden: User \"x\" cannot list resource \"pods\" in the namespace \"demo\"","reason":"Forbidden","code":403})";
inline constexpr char kStatusSample1[] =
    R"({"kind":"Status","status":"Failure","message":"statefulsets.apps \"redis\" not found","reason":"NotFound","code":404})";
inline constexpr char kStatusSample2[] =
    R"({"kind":"Status","status":"Failure","message":"namespaces \"nope\" not found","reason":"NotFound","code":404})";
inline constexpr char kStatusSample3[] =
    R"({"kind":"Status","status":"Failure","message":"Apply failed with 1 conflict: conflict with \"kubectl\" using apps/v1: .spec.replicas","reason":"Conflict","code":409,"details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"kubectl\" using apps/v1","field":".spec.replicas"}]}})";
inline constexpr char kStatusSample4[] =
    R"({"kind":"Status","status":"Failure","message":"namespaces \"demo\" already exists","reason":"AlreadyExists","code":409})";
inline constexpr char kStatusSample5[] =
    R"({"kind":"Status","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401})";
inline constexpr char kStatusSample6[] =
    R"({"kind":"Status","status":"Failure","message":"StatefulSet.apps \"redis\" is invalid","reason":"Invalid","code":422,"details":{"causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1","field":"spec.replicas"}]}})";
inline constexpr char kStatusSample7[] =
    R"({"kind":"Status","status":"Failure","message":"x not found","reason":"NotFound","code":404})";
