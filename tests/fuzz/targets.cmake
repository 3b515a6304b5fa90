# The fuzz targets, one source each (fuzz_<name>.cpp), and how long CI runs each. Included by
# tests/fuzz (which builds them in a sanitizer tree) and by tests/sanitize (which runs them).
set(KHLANG_FUZZ_TARGETS bundle_import minisign markdown csv front_matter text search image)
# Seconds per target in CI (ctest label "fuzz"); tools/fuzz.sh runs them longer.
set(KHLANG_FUZZ_CI_SECONDS 30)
