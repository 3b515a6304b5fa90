// khlang-admin: the office-side CLI. Dispatches to one command per file in commands/.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"

namespace khlang::admin {

const std::vector<Command>& all_commands() {
  static const std::vector<Command> commands = {
      {kKeygenSpec, run_keygen},       {kPackSpec, run_pack},         {kVerifySpec, run_verify},
      {kInspectSpec, run_inspect},     {kTrustSpec, run_trust},       {kImportSpec, run_import},
      {kDiffSpec, run_diff},           {kRollbackSpec, run_rollback}, {kExportSpec, run_export},
      {kGenSyntheticSpec, run_gen_synthetic}, {kSearchSpec, run_search},     {kStatsSpec, run_stats},
      {kReportSpec, run_report},       {kPublishSpec, run_publish},   {kFleetSpec, run_fleet},
      {kPinSpec, run_pin},             {kSettingsSpec, run_settings}, {kRenderTextSpec, run_render_text},
  };
  return commands;
}

int fail(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "khlang-admin %s: %s\n", command.c_str(), message.c_str());
  return 1;
}

Expected<std::string> read_text_file(const std::string& path) {
  // A key file may come on a stick: a FIFO, a device or a huge file is refused before reading.
  constexpr uintmax_t kMaxKeyFile = 64 << 10;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Error{path + ": cannot open (not found)"};
  if (!std::filesystem::is_regular_file(status)) return Error{path + ": not a regular file"};
  if (std::filesystem::file_size(path, ec) > kMaxKeyFile || ec) return Error{path + ": too large for a key file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open"};
  std::string text(kMaxKeyFile + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxKeyFile) return Error{path + ": too large for a key file"};
  return text;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  return out + "\"";
}

namespace {

void print_overview() {
  std::printf("usage: khlang-admin COMMAND [options]\n\nKhlang's office tool: content bundles, previews, statistics.\n\n"
              "commands:\n");
  for (const Command& c : all_commands()) std::printf("  %-14s %s\n", c.spec.name.c_str(), c.spec.summary.c_str());
  std::printf("\n'khlang-admin COMMAND --help' shows a command's options; 'khlang-admin --version' the version.\n");
}

int dispatch(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
    print_overview();
    return argc < 2 ? 2 : 0;
  }
  const std::string name = argv[1];
  if (name == "--version") {
    std::printf("khlang-admin %s\n", KHLANG_VERSION);
    return 0;
  }
  for (const Command& c : all_commands()) {
    if (c.spec.name != name) continue;
    auto args = Args::parse(c.spec, std::vector<std::string>(argv + 2, argv + argc));
    if (!args) {
      std::fprintf(stderr, "khlang-admin %s\n", args.error().message.c_str());
      return 2;
    }
    if (args->help()) {
      std::fputs(format_help(c.spec).c_str(), stdout);
      return 0;
    }
    return c.run(args.value());
  }
  std::fprintf(stderr, "khlang-admin: unknown command '%s' (see khlang-admin --help)\n", name.c_str());
  return 2;
}

}  // namespace
}  // namespace khlang::admin

int main(int argc, char** argv) { return khlang::admin::dispatch(argc, argv); }
