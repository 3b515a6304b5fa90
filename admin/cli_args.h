// [SECTION] Command-line arguments of khlang-admin's commands.
// Each command declares its options once (name, whether it takes a value, help text); parsing,
// --help output and the error for an unknown or incomplete option all come from that list.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/error.h"

namespace khlang::admin {

struct OptionSpec {
  std::string name;   // "--size"
  std::string value;  // "PX", or empty for a flag
  std::string help;
};

struct CommandSpec {
  std::string name;
  std::string usage;    // "render-text [options] TEXT"
  std::string summary;  // one line
  std::vector<OptionSpec> options;
};

class Args {
 public:
  // Parses argv (the command's own arguments). `--help` is recognized by every command.
  static Expected<Args> parse(const CommandSpec& spec, const std::vector<std::string>& argv);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  // A number option within [min, max]; the error names the option and what was given.
  Expected<double> number_or(const std::string& name, double fallback, double min, double max) const;
  const std::vector<std::string>& positional() const { return positional_; }
  bool help() const { return help_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

std::string format_help(const CommandSpec& spec);

}  // namespace khlang::admin
