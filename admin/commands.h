// [SECTION] The commands of khlang-admin, one file each under commands/.
// Each returns the process exit status and writes errors to stderr as one line a person can act on.
#pragma once

#include <string>
#include <vector>

#include "cli_args.h"

namespace khlang::admin {

struct Command {
  const CommandSpec& spec;
  int (*run)(const Args& args);
};

extern const CommandSpec kRenderTextSpec, kKeygenSpec, kPackSpec, kVerifySpec, kInspectSpec, kTrustSpec,
    kImportSpec, kDiffSpec, kRollbackSpec, kExportSpec, kGenSyntheticSpec, kSearchSpec, kStatsSpec, kReportSpec, kFleetSpec, kPublishSpec, kPinSpec,
    kSettingsSpec;
int run_render_text(const Args& args);
int run_keygen(const Args& args);
int run_pack(const Args& args);
int run_verify(const Args& args);
int run_inspect(const Args& args);
int run_trust(const Args& args);
int run_import(const Args& args);
int run_diff(const Args& args);
int run_rollback(const Args& args);
int run_export(const Args& args);
int run_gen_synthetic(const Args& args);
int run_search(const Args& args);
int run_stats(const Args& args);
int run_report(const Args& args);
int run_fleet(const Args& args);
int run_publish(const Args& args);
int run_pin(const Args& args);
int run_settings(const Args& args);

// Shared by the commands: "khlang-admin CMD: message" on stderr, exit status 1.
int fail(const std::string& command, const std::string& message);
Expected<std::string> read_text_file(const std::string& path);
std::string json_string(const std::string& s);

// Every command, in the order `khlang-admin --help` lists them.
const std::vector<Command>& all_commands();

}  // namespace khlang::admin
