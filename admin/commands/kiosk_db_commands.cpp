// import, diff, rollback, export: the kiosk database from the command line (the kiosk's admin
// mode runs the same pipeline).
#include <cstdio>

#include "bundle/importer.h"
#include "commands.h"
#include "content/content_folder.h"
#include "store/schema.h"

namespace khlang::admin {

const CommandSpec kImportSpec{"import", "import BUNDLE --db DB",
                              "Verifies and imports a bundle into a kiosk database (keys from 'trust').",
                              {{"--db", "DB", "the kiosk database"}}};
const CommandSpec kDiffSpec{"diff", "diff BUNDLE --db DB",
                            "Shows what importing BUNDLE would add, change and remove.",
                            {{"--db", "DB", "the kiosk database"}}};
const CommandSpec kRollbackSpec{"rollback", "rollback --db DB",
                                "Puts back the content from before the last import.",
                                {{"--db", "DB", "the kiosk database"}}};
const CommandSpec kExportSpec{"export", "export --db DB --out DIR",
                              "Writes a kiosk database's content back to a content folder.",
                              {{"--db", "DB", "the kiosk database"}, {"--out", "DIR", "the folder to write"}}};

int run_import(const Args& args) {
  const auto db = args.get("--db");
  if (args.positional().size() != 1 || !db) return fail("import", "usage: " + kImportSpec.usage);
  auto report = bundle::import_bundle(*db, args.positional()[0]);
  if (!report) return fail("import", args.positional()[0] + ": " + report.error().message);
  std::printf("imported %s: seq %lld from %s, %lld articles, %lld announcements\n", args.positional()[0].c_str(),
              static_cast<long long>(report->label.seq), report->key_id.c_str(),
              static_cast<long long>(report->counts["article"]), static_cast<long long>(report->counts["announcement"]));
  if (!report->note.empty()) std::fprintf(stderr, "khlang-admin import: note: %s\n", report->note.c_str());
  return 0;
}

int run_diff(const Args& args) {
  const auto db = args.get("--db");
  if (args.positional().size() != 1 || !db) return fail("diff", "usage: " + kDiffSpec.usage);
  auto diff = bundle::diff_bundle(*db, args.positional()[0]);
  if (!diff) return fail("diff", args.positional()[0] + ": " + diff.error().message);
  std::printf("bundle seq %lld (%s)\n", static_cast<long long>(diff->label.seq), diff->label.organization.c_str());
  for (const auto& [table, d] : diff->tables) {
    if (d.added + d.changed + d.removed == 0) continue;
    std::printf("  %-18s +%lld ~%lld -%lld", table.c_str(), static_cast<long long>(d.added),
                static_cast<long long>(d.changed), static_cast<long long>(d.removed));
    for (const auto& e : d.examples) std::printf("  %s", e.c_str());
    std::printf("\n");
  }
  return 0;
}

int run_rollback(const Args& args) {
  const auto db = args.get("--db");
  if (!db) return fail("rollback", "usage: " + kRollbackSpec.usage);
  if (auto s = bundle::rollback_import(*db); !s) return fail("rollback", s.error().message);
  std::printf("rolled back to the previous content\n");
  return 0;
}

int run_export(const Args& args) {
  const auto db_path = args.get("--db"), out = args.get("--out");
  if (!db_path || !out) return fail("export", "usage: " + kExportSpec.usage);
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("export", db.error().message);
  auto set = content::read_content(db.value());
  if (!set) return fail("export", set.error().message);
  set->tables.erase("bundle_info");
  if (set->count("organization") == 0) return fail("export", *db_path + " has no content yet");
  if (auto s = content::write_content_folder(set.value(), *out); !s) return fail("export", s.error().message);
  std::printf("exported %zu articles, %zu announcements, %zu images to %s\n", set->count("article"),
              set->count("announcement"), set->count("media"), out->c_str());
  return 0;
}

}  // namespace khlang::admin
