// pack, verify, inspect: making and checking signed bundles at the office.
#include <cstdio>
#include <filesystem>

#include "bundle/bundle_file.h"
#include "bundle/importer.h"
#include "commands.h"
#include "content/content_folder.h"

namespace khlang::admin {

const CommandSpec kPackSpec{
    "pack", "pack DIR --out BUNDLE --seq N --secret FILE [--channel NAME]",
    "Packs a content folder into a bundle and signs it (writes BUNDLE and BUNDLE.minisig).",
    {{"--out", "BUNDLE", "the bundle file to write"},
     {"--seq", "N", "sequence number; each bundle must have a higher one than the last"},
     {"--secret", "FILE", "the secret key (from keygen)"},
     {"--channel", "NAME", "channel the kiosks take (default main)"}}};

const CommandSpec kVerifySpec{"verify", "verify BUNDLE --public FILE",
                              "Checks a bundle's signature and contents against a public key.",
                              {{"--public", "FILE", "the public key"}}};

const CommandSpec kInspectSpec{"inspect", "inspect BUNDLE [--json]",
                               "Shows a bundle's organization, sequence number, channel, signer and row counts.",
                               {{"--json", "", "print JSON"}}};

int run_pack(const Args& args) {
  if (args.positional().size() != 1) return fail("pack", "give one content folder (usage: " + kPackSpec.usage + ")");
  const auto out = args.get("--out"), secret_path = args.get("--secret");
  if (!out || !secret_path || !args.has("--seq")) return fail("pack", "--out, --seq and --secret are required");
  std::error_code ec;
  if (!std::filesystem::is_directory(args.positional()[0], ec)) {
    return fail("pack", args.positional()[0] + ": not a content folder (no such directory)");
  }
  auto seq = args.number_or("--seq", 0, 1, 9e15);
  if (!seq) return fail("pack", seq.error().message);
  auto secret_text = read_text_file(*secret_path);
  if (!secret_text) return fail("pack", secret_text.error().message);
  auto secret = bundle::parse_secret_key(secret_text.value(), *secret_path);
  if (!secret) return fail("pack", secret.error().message);
  bundle::BundleLabel label;
  label.channel = args.get_or("--channel", "main");
  label.seq = static_cast<int64_t>(seq.value());
  label.created_at = bundle::now_utc_iso();
  if (label.channel.empty() || label.channel.find_first_of(" \t\n") != std::string::npos) {
    return fail("pack", "--channel must be one word, not '" + label.channel + "'");
  }
  auto packed = bundle::pack_content_folder(args.positional()[0], label, secret.value(), *out);
  if (!packed) return fail("pack", packed.error().message);
  std::printf("packed %s (seq %lld, channel %s, %zu articles, %zu announcements, %zu images), signed by %s\n",
              out->c_str(), static_cast<long long>(label.seq), label.channel.c_str(), packed->articles,
              packed->announcements, packed->images, bundle::key_id_hex(secret->id).c_str());
  return 0;
}

int run_verify(const Args& args) {
  const auto pub_path = args.get("--public");
  if (args.positional().size() != 1 || !pub_path) return fail("verify", "usage: " + kVerifySpec.usage);
  auto text = read_text_file(*pub_path);
  if (!text) return fail("verify", text.error().message);
  auto key = bundle::parse_public_key(text.value(), *pub_path);
  if (!key) return fail("verify", key.error().message);
  auto facts = bundle::read_bundle_facts(args.positional()[0], &key.value());
  if (!facts) return fail("verify", args.positional()[0] + ": " + facts.error().message);
  std::printf("%s: good signature by %s, seq %lld, channel %s\n", args.positional()[0].c_str(), facts->key_id.c_str(),
              static_cast<long long>(facts->label.seq), facts->label.channel.c_str());
  return 0;
}

int run_inspect(const Args& args) {
  if (args.positional().size() != 1) return fail("inspect", "usage: " + kInspectSpec.usage);
  auto facts = bundle::read_bundle_facts(args.positional()[0], nullptr);
  if (!facts) return fail("inspect", args.positional()[0] + ": " + facts.error().message);
  const bundle::BundleFacts& f = facts.value();
  if (args.has("--json")) {
    std::string counts;
    for (const auto& [table, n] : f.counts) {
      counts += (counts.empty() ? "" : ", ") + json_string(table) + ": " + std::to_string(n);
    }
    std::printf("{\"organization\": %s, \"seq\": %lld, \"channel\": %s, \"created_at\": %s, \"signer\": %s, "
                "\"trusted_comment\": %s, \"counts\": {%s}}\n",
                json_string(f.label.organization).c_str(), static_cast<long long>(f.label.seq),
                json_string(f.label.channel).c_str(), json_string(f.label.created_at).c_str(),
                json_string(f.key_id).c_str(), json_string(f.trusted_comment).c_str(), counts.c_str());
    return 0;
  }
  std::printf("organization: %s\nseq: %lld\nchannel: %s\ncreated: %s\nsigner: %s\n", f.label.organization.c_str(),
              static_cast<long long>(f.label.seq), f.label.channel.c_str(), f.label.created_at.c_str(),
              f.key_id.empty() ? "(unsigned)" : f.key_id.c_str());
  for (const auto& [table, n] : f.counts) std::printf("  %-18s %lld\n", table.c_str(), static_cast<long long>(n));
  return 0;
}

}  // namespace khlang::admin
