#!/usr/bin/env bash
# Fails if C++ sources under DIR hold SQL: a string literal with an SQL statement (its keywords
# in capitals, as this project writes SQL, or a lowercase INSERT/DELETE/CREATE/PRAGMA form), or a
# call of the database wrapper's SQL entry points (prepare, exec, query_int, query_text). The
# kiosk reads through the store's typed queries (shared/store/) instead.
# It first checks itself: a planted query must be caught and UI prose must pass.
# usage: check_no_sql.sh DIR
set -euo pipefail
dir=$1

sql_in() {  # prints file:line: text for each finding under $1
  local literal='"([^"\\]|\\.)*"'
  local statement='\b(SELECT|INSERT INTO|INSERT OR|UPDATE [A-Za-z_]+ SET|DELETE FROM|REPLACE INTO|CREATE (TABLE|INDEX|UNIQUE INDEX|VIEW|TRIGGER|VIRTUAL TABLE)|DROP (TABLE|INDEX|VIEW|TRIGGER)|ALTER TABLE|PRAGMA|BEGIN( IMMEDIATE| EXCLUSIVE| DEFERRED| TRANSACTION)?|COMMIT|ROLLBACK|ATTACH DATABASE|WITH RECURSIVE)\b|\b(insert into|delete from|create table|create index|pragma [a-z_]+)\b'
  local api='(\.|->)(prepare|exec|query_int|query_text)\('
  grep -rnE --include='*.cpp' --include='*.h' -o "$literal" "$1" | grep -E "$statement" || true
  grep -rnE --include='*.cpp' --include='*.h' "$api" "$1" || true
}

# Self-check.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'auto s = db.prepare("SELECT key_id FROM content_state WHERE id = 1");\n' > "$tmp/planted.cpp"
printf 'const char* q = "insert into t values (1)";\n' > "$tmp/lower.cpp"
printf 'draw_text(f, "Select a category from the list, then update it", style);\n// SELECT in a comment\n' > "$tmp/prose.cpp"
found=$(sql_in "$tmp")
for f in planted.cpp lower.cpp; do
  grep -q "$f" <<<"$found" || { echo "check_no_sql.sh: the check itself missed the SQL in $f"; exit 2; }
done
if grep -q prose.cpp <<<"$found"; then echo "check_no_sql.sh: the check itself took prose for SQL"; exit 2; fi

found=$(sql_in "$dir")
if [[ -n $found ]]; then
  echo "SQL under $dir (move it into a typed query in shared/store/):"
  echo "$found"
  exit 1
fi
echo "no SQL under $dir"
