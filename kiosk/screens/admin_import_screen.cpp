#include "screens/admin_import_screen.h"

#include "admin/admin_session.h"
#include "admin/admin_widgets.h"
#include "bundle/bundle_file.h"
#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "platform/removable_media.h"
#include <filesystem>

#include "screens/screen_helpers.h"

namespace khlang::kiosk {
namespace {

std::string describe_diff(const bundle::BundleDiff& d, Lang lang) {
  std::string out = say(Str::ImportDiffHead, lang, {std::to_string(d.label.seq), d.label.created_at}) + " — ";
  bool any = false;
  for (const auto& [table, t] : d.tables) {
    if (t.added == 0 && t.changed == 0 && t.removed == 0) continue;
    out += (any ? "; " : "") + table + " +" + std::to_string(t.added) + " ~" + std::to_string(t.changed) + " -" +
           std::to_string(t.removed);
    any = true;
  }
  return out + (any ? "" : say(Str::ImportNoChange, lang));
}

}  // namespace

void AdminImportScreen::scan(FrameContext& f) {
  bundles_.clear();
  for (const FoundFile& file : find_files(f.admin.media_roots(), ".khb")) {
    Found b{file.path, file.name, f.say(Str::ImportNoSignature), false};
    auto text = bundle::read_untrusted(bundle::signature_path(file.path), 4096, "signature");
    if (text) {
      auto sig = bundle::parse_signature(text.value(), file.path);
      if (!sig) {
        b.signature = f.say(Str::ImportBadSignature, {sig.error().message});
      } else if (auto key = bundle::find_trusted_key(f.db, sig->id); !key) {
        b.signature = f.say(Str::ImportKeyNotTrusted, {bundle::key_id_hex(sig->id)});
      } else if (auto comment = bundle::verify_trusted_comment(sig.value(), key->key); !comment) {
        // Anyone can write a trusted key's id and any comment into a .minisig: not shown as trusted.
        b.signature = f.say(Str::ImportSignatureForged, {key->key_id, comment.error().message});
      } else {
        b.trusted = true;
        b.signature = f.say(Str::ImportSignedTrusted, {key->key_id + (key->comment.empty() ? "" : " (" + key->comment + ")")}) +
                      " — " + sig->trusted_comment;
      }
    }
    bundles_.push_back(std::move(b));
  }
}

void AdminImportScreen::check(FrameContext& f, const Found& b) {
  chosen_ = b.path;
  checking_ = true;
  const std::string db_path = f.admin.db_path(), path = b.path;
  f.admin.clear_job();
  f.admin.start(f.say(Str::JobChecking, {b.name}),
                [db_path, path, lang = f.lang](const auto& progress) -> Expected<std::string> {
                  bundle::ImportOptions options;
                  options.progress = progress;
                  KHLANG_TRY_AS(auto diff, bundle::diff_bundle(db_path, path, options));
                  return describe_diff(diff, lang);
                },
                false);
}

void AdminImportScreen::draw(FrameContext& f, const ImRect& area) {
  if (f.now - scanned_at_ >= 2.0 && !f.admin.job().running) {
    scan(f);
    scanned_at_ = f.now;
  }
  const float margin = f.px(f.portrait ? 32 : 56);
  const float w = area.GetWidth() - 2 * margin;
  const float x = area.Min.x + margin;
  float y = area.Min.y + f.px(24);
  y += section_heading(f, ImVec2(x, y), f.say(Str::ImportBundlesFound), w);
  if (bundles_.empty()) {
    y += draw_text(f, ImVec2(x, y),
                   f.say(Str::ImportNoBundles),
                   f.style(28), w, f.colors().text_muted) + f.px(16);
  }
  const AdminSession::JobState job = f.admin.job();
  for (const Found& b : bundles_) {
    const float text_w = w - f.px(48);
    const float h = text_height(f, b.name, f.style(30, text::Weight::Bold, 1.3f), text_w) +
                    text_height(f, b.signature, f.style(24, text::Weight::Regular, 1.35f), text_w) + f.px(36);
    const ImRect r(x, y, x + w, y + h);
    if (card(f, r, b.name) && !job.running) check(f, b);
    if (b.path == chosen_) f.draw_list->AddRect(r.Min, r.Max, f.colors().heading, f.px(12), 0, f.px(4));
    float ty = y + f.px(16);
    ty += draw_text(f, ImVec2(x + f.px(24), ty), b.name, f.style(30, text::Weight::Bold, 1.3f), text_w, f.colors().heading);
    draw_text(f, ImVec2(x + f.px(24), ty), b.signature, f.style(24, text::Weight::Regular, 1.35f), text_w,
              b.trusted ? f.colors().text : f.colors().behind);
    y += h + f.px(12);
  }
  y += f.px(8);
  y += draw_job(f, ImVec2(x, y), w);
  // After a good check, the import itself.
  const bool checked = checking_ && job.finished && job.ok;
  if (checked && button(f, ImRect(x, y, x + std::min(w, f.px(560)), y + f.px(96)), f.say(Str::ImportThisBundle))) {
    const std::string db_path = f.admin.db_path(), path = chosen_;
    f.admin.clear_job();
    checking_ = false;
    f.admin.start(f.say(Str::JobImporting, {std::filesystem::path(path).filename().string()}),
                  [db_path, path, lang = f.lang](const auto& progress) -> Expected<std::string> {
                    bundle::ImportOptions options;
                    options.progress = progress;
                    KHLANG_TRY_AS(auto report, bundle::import_bundle(db_path, path, options));
                    int64_t rows = 0;
                    for (const auto& [table, n] : report.counts) rows += n;
                    return say(Str::JobImported, lang,
                                {std::to_string(report.label.seq), std::to_string(rows), report.label.organization});
                  },
                  true);
  }
}

}  // namespace khlang::kiosk
