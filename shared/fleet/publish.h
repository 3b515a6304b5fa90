// [SECTION] Publishing at the office: the next bundle of a content folder, packed and signed in
// private, then copied whole (util/safe_file.h) into the folder Syncthing carries to the kiosks:
// the bundle first, then its signature, which completes the pair a kiosk takes.
//
// The sequence number: kiosks take a bundle only when its number is above the last one they
// imported with the same key, so the numbers belong to the signing key. The last one used is
// kept beside the secret key (NAME.publish for NAME.sec: `khlang-publish 1`, `key_id=`, `last_seq=`,
// `end`), so it travels and is backed up with the key, and a lost or recreated publish folder
// cannot make the office go back to 1 (which every kiosk would refuse). The next number is one
// above the larger of that and the highest number in the publish folder signed by the key. The
// state is saved before the bundle is written: a crash between the two skips a number (harmless)
// instead of giving two different bundles one number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/error.h"

namespace khlang::fleet {

struct PublishRequest {
  std::string content_folder, publish_folder, secret_key_path;
  std::string channel = "main";
  std::optional<int64_t> seq;  // a number asked for (must be above the last one used)
};

struct PublishResult {
  std::string bundle_path;
  int64_t seq = 0;
  std::string key_id;
  std::vector<std::string> removed;  // older bundles of the channel taken out of the folder
  std::string state_path;
};

Expected<PublishResult> publish(const PublishRequest& request);

std::string publish_state_path(const std::string& secret_key_path);  // NAME.sec -> NAME.publish
// The last number used with the key at `secret_key_path` (0 when none).
Expected<int64_t> last_published_seq(const std::string& secret_key_path, const std::string& key_id);

}  // namespace khlang::fleet
