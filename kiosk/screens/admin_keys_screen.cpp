#include "screens/admin_keys_screen.h"

#include "admin/admin_session.h"
#include "admin/admin_widgets.h"
#include "bundle/bundle_file.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

void AdminKeysScreen::load(sqlite::Database& db) {
  if (auto keys = bundle::trusted_keys(db); keys) keys_ = std::move(keys.value());
}

void AdminKeysScreen::draw(FrameContext& f, const ImRect& area) {
  if (f.now - scanned_at_ >= 2.0) {
    key_files_ = find_files(f.admin.media_roots(), ".pub");
    scanned_at_ = f.now;
  }
  const float margin = f.px(f.portrait ? 32 : 56);
  const float w = area.GetWidth() - 2 * margin, x = area.Min.x + margin;
  const float bw = f.px(520), bh = f.px(80);
  float y = area.Min.y + f.px(24);
  if (!message_.empty()) {
    y += draw_text(f, ImVec2(x, y), message_, f.style(26), w, message_is_error_ ? theme::kBehind : theme::kDone) + f.px(12);
  }
  y += section_heading(f, ImVec2(x, y), both(Str::AdminTrustedKeys), w);
  std::string removed;
  for (const bundle::TrustedKey& k : keys_) {
    const std::string line = k.key_id + (k.comment.empty() ? "" : "  " + k.comment) + "  (" + k.added_at + ")";
    const float h = std::max(bh, text_height(f, line, f.style(26), w - bw - f.px(24)));
    draw_text(f, ImVec2(x, y + f.px(16)), line, f.style(26), w - bw - f.px(24), theme::kText);
    if (confirm_button(f, ImRect(x + w - bw, y, x + w, y + bh), both(Str::KeysRemove), armed_, k.key_id)) removed = k.key_id;
    y += h + f.px(12);
  }
  if (keys_.empty()) y += draw_text(f, ImVec2(x, y), both(Str::KeysNone), f.style(26), w, theme::kBehind);
  if (!removed.empty()) {
    auto s = bundle::distrust_key(f.db, removed);
    message_ = s ? both(Str::KeysRemoved, {removed}) : s.error().message;
    message_is_error_ = !s;
    load(f.db);
  }
  y += f.px(24);
  y += section_heading(f, ImVec2(x, y), both(Str::KeysFiles), w);
  for (const FoundFile& file : key_files_) {
    draw_text(f, ImVec2(x, y + f.px(16)), file.name, f.style(26), w - bw - f.px(24), theme::kText);
    if (button(f, ImRect(x + w - bw, y, x + w, y + bh), both(Str::KeysAdd), quiet_button())) {
      auto text = bundle::read_untrusted(file.path, 4096, "key file");
      auto key = text ? bundle::parse_public_key(text.value(), file.path) : Expected<bundle::PublicKey>(text.error());
      Status s = key ? bundle::trust_key(f.db, key.value(), file.name) : Status(key.error());
      message_ = s ? both(Str::KeysAdded, {bundle::key_id_hex(key->id), file.name})
                   : both(Str::KeysNotAdded, {s.error().message});
      message_is_error_ = !s;
      load(f.db);
    }
    y += bh + f.px(12);
  }
  if (key_files_.empty()) draw_text(f, ImVec2(x, y), both(Str::KeysNoFiles), f.style(26), w, theme::kTextMuted);
}

}  // namespace khlang::kiosk
