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

extern const CommandSpec kRenderTextSpec;
int run_render_text(const Args& args);

// Every command, in the order `khlang-admin --help` lists them.
const std::vector<Command>& all_commands();

}  // namespace khlang::admin
