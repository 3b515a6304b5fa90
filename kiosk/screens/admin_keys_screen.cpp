#include "screens/admin_keys_screen.h"

#include "admin/admin_session.h"
#include "admin/admin_widgets.h"
#include "bundle/bundle_file.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {
namespace {

// Lines one under the other, each a text block of its own (a block is one paragraph); their height.
float draw_lines(FrameContext& f, ImVec2 at, const std::vector<std::string>& lines, float width, ImU32 color) {
  float h = 0;
  for (const std::string& line : lines) h += draw_text(f, ImVec2(at.x, at.y + h), line, f.style(26), width, color);
  return h;
}

}  // namespace

void AdminKeysScreen::load(sqlite::Database& db) {
  if (auto keys = bundle::trusted_keys(db); keys) keys_ = std::move(keys.value());
}

void AdminKeysScreen::scan(FrameContext& f) {
  key_files_.clear();
  for (FoundFile& file : find_files(f.admin.media_roots(), ".pub")) {
    KeyFile k{std::move(file), std::nullopt, "", bundle::KeyStanding::New, ""};
    auto text = bundle::read_untrusted(k.file.path, 4096, "key file");
    auto key = text ? bundle::parse_public_key(text.value(), k.file.name) : Expected<bundle::PublicKey>(text.error());
    auto check = key ? bundle::check_key(f.db, key.value()) : Expected<bundle::KeyCheck>(key.error());
    if (!check) {
      k.problem = f.say(Str::KeysUnreadable, {check.error().message});
    } else {
      k.key = key.value();
      k.fingerprint = bundle::key_fingerprint(key.value());
      k.standing = check->standing;
      if (const std::string why = bundle::refusal(check.value(), key.value()); !why.empty()) {
        k.problem = f.say(check->standing == bundle::KeyStanding::SameIdOtherKey ? Str::KeysSameIdOtherKey
                                                                                 : Str::KeysSameKeyOtherId,
                         {why});
      }
    }
    key_files_.push_back(std::move(k));
  }
}

void AdminKeysScreen::draw(FrameContext& f, const ImRect& area) {
  if (f.now - scanned_at_ >= 2.0) {
    scan(f);
    scanned_at_ = f.now;
  }
  const float margin = f.px(f.portrait ? 32 : 56);
  const float w = area.GetWidth() - 2 * margin, x = area.Min.x + margin;
  const float bw = f.px(520), bh = std::max(f.px(80), f.min_target_px());
  float y = area.Min.y + f.px(24);
  if (!message_.empty()) {
    y += draw_text(f, ImVec2(x, y), message_, f.style(26), w, message_is_error_ ? f.colors().behind : f.colors().done) + f.px(12);
  }
  y += section_heading(f, ImVec2(x, y), f.say(Str::AdminTrustedKeys), w);
  std::string removed;
  for (const bundle::TrustedKey& k : keys_) {
    const std::vector<std::string> lines = {
        k.key_id + (k.comment.empty() ? "" : "  " + k.comment) + "  (" + k.added_at + ")",
        f.say(Str::KeysFingerprint, {k.fingerprint})};
    const float h = std::max(bh, f.px(16) + draw_lines(f, ImVec2(x, y + f.px(16)), lines, w - bw - f.px(24), f.colors().text));
    if (confirm_button(f, ImRect(x + w - bw, y, x + w, y + bh), f.say(Str::KeysRemove), armed_, k.key_id)) removed = k.key_id;
    y += h + f.px(12);
  }
  if (keys_.empty()) y += draw_text(f, ImVec2(x, y), f.say(Str::KeysNone), f.style(26), w, f.colors().behind);
  if (!removed.empty()) {
    auto s = bundle::distrust_key(f.db, removed);
    message_ = s ? f.say(Str::KeysRemoved, {removed}) : s.error().message;
    message_is_error_ = !s;
    load(f.db);
    scanned_at_ = -1e9;  // the files' standing changed
  }
  y += f.px(24);
  y += section_heading(f, ImVec2(x, y), f.say(Str::KeysFiles), w);
  for (const KeyFile& k : key_files_) {
    std::vector<std::string> lines = {k.file.name};
    if (k.key) lines.push_back(bundle::key_id_hex(k.key->id) + "  " + f.say(Str::KeysFingerprint, {k.fingerprint}));
    if (k.standing == bundle::KeyStanding::Trusted) lines.push_back(f.say(Str::KeysAlreadyTrusted));
    if (!k.problem.empty()) lines.push_back(k.problem);
    const float h = std::max(bh, f.px(16) + draw_lines(f, ImVec2(x, y + f.px(16)), lines, w - bw - f.px(24),
                                                       k.problem.empty() ? f.colors().text : f.colors().behind));
    // Add trusts the key that was read and shown, never the file read again.
    const bool addable = k.key && k.standing == bundle::KeyStanding::New;
    if (addable && button(f, ImRect(x + w - bw, y, x + w, y + bh), f.say(Str::KeysAdd), quiet_button(f))) {
      const Status s = bundle::trust_key(f.db, *k.key, k.file.name);
      message_ = s ? f.say(Str::KeysAdded, {bundle::key_id_hex(k.key->id), k.fingerprint, k.file.name})
                   : f.say(Str::KeysNotAdded, {s.error().message});
      message_is_error_ = !s;
      load(f.db);
      scanned_at_ = -1e9;
    }
    y += h + f.px(12);
  }
  if (key_files_.empty()) draw_text(f, ImVec2(x, y), f.say(Str::KeysNoFiles), f.style(26), w, f.colors().text_muted);
}

}  // namespace khlang::kiosk
