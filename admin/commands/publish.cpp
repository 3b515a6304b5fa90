// publish: the next bundle of a content folder, packed and signed straight into the folder that
// Syncthing carries to the kiosks (docs/fleet.md); the last sequence number used is kept beside
// the secret key (fleet/publish.h).
#include <cstdio>

#include "commands.h"
#include "fleet/publish.h"

namespace khlang::admin {

const CommandSpec kPublishSpec{
    "publish", "publish DIR --to FOLDER --secret FILE [--channel NAME] [--seq N]",
    "Packs the next sequence number of a content folder into the folder that syncs to the kiosks.",
    {{"--to", "FOLDER", "the publish folder (Syncthing sends it to the kiosks)"},
     {"--secret", "FILE", "the secret key (from keygen); NAME.publish beside it keeps the last number used"},
     {"--channel", "NAME", "channel the kiosks take (default main)"},
     {"--seq", "N", "use this number instead of the next one (it must be above the last one used)"}}};

int run_publish(const Args& args) {
  const auto to = args.get("--to"), secret = args.get("--secret");
  if (args.positional().size() != 1 || !to || !secret) return fail("publish", "usage: " + kPublishSpec.usage);
  fleet::PublishRequest request{args.positional()[0], *to, *secret, args.get_or("--channel", "main"), std::nullopt};
  if (args.has("--seq")) {
    auto seq = args.number_or("--seq", 0, 1, 9e15);
    if (!seq) return fail("publish", seq.error().message);
    request.seq = static_cast<int64_t>(seq.value());
  }
  auto published = fleet::publish(request);
  if (!published) return fail("publish", published.error().message);
  std::printf("published %s (seq %lld, channel %s), signed by %s; last number kept in %s\n",
              published->bundle_path.c_str(), static_cast<long long>(published->seq), request.channel.c_str(),
              published->key_id.c_str(), published->state_path.c_str());
  for (const std::string& old : published->removed) std::printf("removed the older %s\n", old.c_str());
  return 0;
}

}  // namespace khlang::admin
