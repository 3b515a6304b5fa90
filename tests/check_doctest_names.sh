#!/bin/sh
# ctest cuts a test name at each ';' (a CMake list), and doctest, given a part of a name, runs no
# test case and still passes: a test named "a; b" would never run. So no test case may have one.
names=$("$1" --list-test-cases) || exit 1
bad=$(printf '%s\n' "$names" | grep -F ';')
if [ -n "$bad" ]; then
  echo "test case names with ';' never run under ctest; reword them:" >&2
  printf '%s\n' "$bad" >&2
  exit 1
fi
echo "$(printf '%s\n' "$names" | grep -c .) names checked"
