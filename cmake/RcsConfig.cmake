# One INTERFACE target carries the language level, warnings and strict Qt defines; every target links it.
add_library(rcs_config INTERFACE)
target_compile_features(rcs_config INTERFACE cxx_std_20)
target_compile_options(rcs_config INTERFACE -Wall -Wextra)
target_compile_definitions(rcs_config INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_USE_QSTRINGBUILDER)
if(RCS_SANITIZE)
  target_compile_options(rcs_config INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(rcs_config INTERFACE -fsanitize=address,undefined)
endif()

# Each library exports only its own include folder (DESIGN.md §2): <build>/include/<target>/<name> is a
# link to the library's folder, and that root is all its users get, so `#include "kube/…"` compiles
# only where rcs_kube is linked — core/redis cannot reach core/kube, ui cannot reach sandbox/ or app/.
# The compiler enforces what tst_layering reads from the sources.
function(rcs_export_own_folder target name)
  set(root ${CMAKE_BINARY_DIR}/include/${target})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${root}/${name} SYMBOLIC)
  target_include_directories(${target} PUBLIC ${root})
endfunction()
