# The fuzz targets, one source each (fuzz_<name>.cpp), and how long CI runs each. Included by
# tests/fuzz (which builds them in a sanitizer tree) and by tests/sanitize (which runs them).
set(KHLANG_FUZZ_TARGETS bundle_import minisign markdown csv front_matter text search image)
# Seconds per target in CI (ctest label "fuzz"; two run at once under ctest -j2): what CI can
# afford on 2 cores, a smoke test that the targets run clean; tools/fuzz.sh runs them longer.
set(KHLANG_FUZZ_CI_SECONDS 10)
