#include "fleet/publish.h"

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundle/bundle_file.h"
#include "bundle/minisign.h"
#include "util/safe_file.h"

namespace khlang::fleet {
namespace {

constexpr uint64_t kMaxSmallFile = 64 << 10;

struct Published {
  std::string bundle_path;
  int64_t seq = 0;
  std::string channel;
};

// The bundles in `folder` signed by `key_id` (by their signatures' signed comments).
std::vector<Published> bundles_of_key(const std::string& folder, const std::string& key_id) {
  std::vector<Published> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || !name.ends_with(".khb.minisig")) continue;
    auto text = bundle::read_untrusted(entry.path().string(), kMaxSmallFile, "signature");
    if (!text) continue;
    auto sig = bundle::parse_signature(text.value(), entry.path().string());
    if (!sig || bundle::key_id_hex(sig->id) != key_id) continue;
    const bundle::TrustedFields f = bundle::parse_trusted_comment(sig->trusted_comment);
    if (!f.seq) continue;
    const std::string sig_path = entry.path().string();
    found.push_back({sig_path.substr(0, sig_path.size() - std::string(".minisig").size()), *f.seq,
                     f.channel.value_or("main")});
  }
  return found;
}

Expected<std::string> read_small(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open"};
  std::stringstream ss;
  ss << in.rdbuf();
  if (ss.str().size() > kMaxSmallFile) return Error{path + ": too large"};
  return ss.str();
}

}  // namespace

std::string publish_state_path(const std::string& secret_key_path) {
  return (std::filesystem::path(secret_key_path).parent_path() /
          (std::filesystem::path(secret_key_path).stem().string() + ".publish"))
      .string();
}

Expected<int64_t> last_published_seq(const std::string& secret_key_path, const std::string& key_id) {
  const std::string path = publish_state_path(secret_key_path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return int64_t{0};
  KHLANG_TRY_AS(auto text, read_small(path));
  std::istringstream lines(text);
  std::string line, state_key;
  std::optional<int64_t> seq;
  bool header = false, end = false;
  while (std::getline(lines, line)) {
    if (line == "khlang-publish 1") header = true;
    else if (line == "end") end = true;
    else if (line.starts_with("key_id=")) state_key = line.substr(7);
    else if (line.starts_with("last_seq=")) {
      int64_t n = 0;
      const std::string v = line.substr(9);
      auto [p, e] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (e == std::errc() && p == v.data() + v.size()) seq = n;
    }
  }
  if (!header || !end || !seq) {
    return Error{path + " is damaged (it keeps the last published sequence number): put back a copy from a backup, "
                        "or remove it and publish with --seq above the number the kiosks show"};
  }
  if (state_key != key_id) {
    return Error{path + " belongs to key " + state_key + ", not " + key_id + ": is it the state of another key?"};
  }
  return *seq;
}

Expected<PublishResult> publish(const PublishRequest& request) {
  std::error_code ec;
  if (!std::filesystem::is_directory(request.content_folder, ec)) {
    return Error{request.content_folder + ": not a content folder (no such directory)"};
  }
  if (!std::filesystem::is_directory(request.publish_folder, ec)) {
    return Error{"publish folder " + request.publish_folder + " not found (make it, or set up the fleet: docs/fleet.md)"};
  }
  if (request.channel.empty() || request.channel.find_first_of(" \t\n/") != std::string::npos) {
    return Error{"the channel must be one word, not '" + request.channel + "'"};
  }
  KHLANG_TRY_AS(auto secret_text, read_small(request.secret_key_path));
  KHLANG_TRY_AS(auto secret, bundle::parse_secret_key(secret_text, request.secret_key_path));
  PublishResult result;
  result.key_id = bundle::key_id_hex(secret.id);
  result.state_path = publish_state_path(request.secret_key_path);

  KHLANG_TRY_AS(auto last, last_published_seq(request.secret_key_path, result.key_id));
  int64_t highest = last;
  const std::vector<Published> existing = bundles_of_key(request.publish_folder, result.key_id);
  for (const Published& p : existing) highest = std::max(highest, p.seq);
  if (request.seq && *request.seq <= highest) {
    return Error{"--seq " + std::to_string(*request.seq) + " is not above the last number used with this key (" +
                 std::to_string(highest) + "): kiosks would refuse it"};
  }
  result.seq = request.seq.value_or(highest + 1);

  bundle::BundleLabel label;
  label.channel = request.channel;
  label.seq = result.seq;
  label.created_at = bundle::now_utc_iso();
  char name[96];
  std::snprintf(name, sizeof name, "khlang-%s-%08lld.khb", request.channel.c_str(), static_cast<long long>(result.seq));
  result.bundle_path = (std::filesystem::path(request.publish_folder) / name).string();
  const std::string sig_name = std::string(name) + ".minisig";
  // Packed in private (the temporary directory), which checks the content before a number is
  // used up; then the number is saved beside the key, and the pair copied in whole through
  // safe_file: the bundle first, then its signature, which completes the pair a kiosk takes.
  KHLANG_TRY_AS(auto private_folder, safe_file::PrivateFolder::make("khlang-publish"));
  const std::string packed = private_folder.file(name);
  Status s = safe_file::check_replaceable(request.publish_folder, name);
  if (s) s = safe_file::check_replaceable(request.publish_folder, sig_name);
  if (s) {
    if (auto counts = bundle::pack_content_folder(request.content_folder, label, secret, packed); !counts) {
      return counts.error();
    }
  }
  const std::string state = "khlang-publish 1\nkey_id=" + result.key_id + "\nlast_seq=" + std::to_string(result.seq) +
                            "\nchannel=" + request.channel + "\npublished_at=" + bundle::now_utc_iso() + "\nend\n";
  const std::filesystem::path state_path(result.state_path);
  if (s) {
    if (auto saved = safe_file::write_into(state_path.parent_path().empty() ? "." : state_path.parent_path().string(),
                                           state_path.filename().string(), state);
        !saved) {
      return Error{"cannot save the sequence number beside the key: " + saved.error().message};
    }
  }
  if (s) s = safe_file::copy_into(request.publish_folder, name, packed);
  if (s) s = safe_file::copy_into(request.publish_folder, sig_name, bundle::signature_path(packed));
  if (!s) {
    if (std::filesystem::exists(result.bundle_path, ec) && !std::filesystem::exists(bundle::signature_path(result.bundle_path), ec)) {
      std::filesystem::remove(result.bundle_path, ec);  // a bundle without its signature is no use to anyone
    }
    return Error{"cannot publish into " + request.publish_folder + ": " + s.error().message};
  }
  // The kiosks need only the newest bundle of their channel: older ones leave the folder.
  for (const Published& p : existing) {
    if (p.channel != request.channel || p.seq >= result.seq) continue;
    std::filesystem::remove(bundle::signature_path(p.bundle_path), ec);
    std::filesystem::remove(p.bundle_path, ec);
    result.removed.push_back(p.bundle_path);
  }
  return result;
}

}  // namespace khlang::fleet
