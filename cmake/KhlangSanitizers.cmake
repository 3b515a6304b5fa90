# KHLANG_SANITIZE: every target of this tree with AddressSanitizer and UndefinedBehaviorSanitizer
# (clang or gcc); any report aborts the program, so a test that trips one fails.
# KHLANG_BUILD_FUZZERS: also instrument everything for libFuzzer (clang only) and build
# tests/fuzz. Both are meant for a second build tree; tests/sanitize makes one from ctest.
option(KHLANG_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KHLANG_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (clang; implies KHLANG_SANITIZE)" OFF)

if(KHLANG_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KHLANG_BUILD_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  set(KHLANG_SANITIZE ON CACHE BOOL "" FORCE)
  # Coverage instrumentation for the fuzzers' guidance; the fuzz targets add the libFuzzer main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(KHLANG_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
