# The layering rules of DESIGN.md §2, checked on every #include of the sources under ROOT:
#   core/ never includes a widget, ui/ or app/;
#   core/common includes no other layer, core/crypto (certificates) none but common;
#   core/redis and core/kube never include each other, and
#   neither includes core/workflows; core/workflows never includes core/operations (the layer above it);
#   core/observe (metrics) and core/backup (the RDB format) include neither core/kube nor core/workflows or
#   core/operations;
#   ui/ never includes hiredis, yaml-cpp or QNetworkAccessManager (it reaches core's jobs only);
#   sandbox/ includes nothing of core but common/ and crypto/, and nothing of ui/ or app/.
# Usage: cmake -DROOT=<source folder> -P check_layers.cmake — exits non-zero naming every violation.
# With -DEXPECT=<file;file;…> (the test of the check itself) it succeeds only when each named file is
# reported as a violation, and fails naming the ones that slipped through.
if(NOT ROOT)
  message(FATAL_ERROR "check_layers.cmake: pass -DROOT=<the source folder to check>")
endif()

set(widget_headers "QtWidgets|QWidget|QApplication|QMainWindow|QDialog|QGraphics|QLabel|QPushButton|QAbstractButton")
# Each rule: folder ; regular expression of forbidden include targets ; why.
set(rules
  "core\;(ui|app)/|<(${widget_headers})\;core is widget-free and knows no front end"
  "core/common\;\"(redis|kube|workflows|operations)/\;common is the bottom layer"
  "core/crypto\;\"(redis|kube|workflows|operations)/\;crypto sits beside common, below every layer that uses it"
  "core/redis\;\"(kube|workflows|operations)/\;core/redis and core/kube never include each other or the layers above"
  "core/kube\;\"(redis|workflows|operations)/\;core/redis and core/kube never include each other or the layers above"
  "core/backup\;\"(kube|workflows|operations)/\;the backup format reads Redis data only, the layers above use it"
  "core/observe\;\"(kube|workflows|operations)/\;metrics read Redis only, the layers above use them"
  "core/workflows\;\"operations/\;the workflows sit below the operations layer, which makes their jobs"
  "ui\;<(hiredis|yaml-cpp|QNetworkAccessManager|QNetworkReply|QtNetwork)\;widgets reach the network only through core's jobs"
  "sandbox\;\"(redis|kube|workflows|ui|app)/\;kube-sandbox shares only core/common and core/crypto with the studio")

set(violations "")
foreach(rule IN LISTS rules)
  list(GET rule 0 folder)
  list(GET rule 1 forbidden)
  list(GET rule 2 why)
  file(GLOB_RECURSE sources "${ROOT}/${folder}/*.cpp" "${ROOT}/${folder}/*.h")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*" "" target "${line}")
      if(target MATCHES "^[\"<]" AND target MATCHES "^(${forbidden})|^[\"<](${forbidden})")
        file(RELATIVE_PATH relative "${ROOT}" "${source}")
        string(APPEND violations "  ${relative}: #include ${target} (${why})\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(EXPECT)
  set(missed "")
  foreach(expected IN LISTS EXPECT)
    string(FIND "${violations}" "${expected}" at)
    if(at EQUAL -1)
      string(APPEND missed "  ${expected}\n")
    endif()
  endforeach()
  if(missed)
    message(FATAL_ERROR "These planted violations were not caught:\n${missed}Reported:\n${violations}")
  endif()
  message(STATUS "layering: every planted violation was caught:\n${violations}")
  return()
endif()
if(violations)
  message(FATAL_ERROR "Forbidden includes (DESIGN.md §2):\n${violations}")
endif()
message(STATUS "layering: no forbidden include under ${ROOT}")
