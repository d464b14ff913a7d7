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
