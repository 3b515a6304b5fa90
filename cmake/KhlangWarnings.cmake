# khlang_warnings: the warning set every target of ours compiles with. Our code builds without a
# single warning; third-party headers come in as SYSTEM includes so theirs do not count.
add_library(khlang_warnings INTERFACE)
target_compile_options(khlang_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
option(KHLANG_WERROR "Treat warnings as errors" OFF)
if(KHLANG_WERROR)
  target_compile_options(khlang_warnings INTERFACE -Werror)
endif()
