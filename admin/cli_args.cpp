#include "cli_args.h"

#include <charconv>
#include <sstream>

namespace khlang::admin {

Expected<Args> Args::parse(const CommandSpec& spec, const std::vector<std::string>& argv) {
  Args args;
  bool options_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (options_done || a.size() < 2 || a[0] != '-' || a[1] != '-') {
      args.positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "--help") {
      args.help_ = true;
      continue;
    }
    std::string name = a;
    std::optional<std::string> inline_value;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
    }
    const OptionSpec* option = nullptr;
    for (const OptionSpec& o : spec.options) {
      if (o.name == name) option = &o;
    }
    if (!option) return Error{spec.name + ": unknown option " + name + " (see khlang-admin " + spec.name + " --help)"};
    if (option->value.empty()) {
      if (inline_value) return Error{spec.name + ": " + name + " takes no value"};
      args.values_[name] = "";
    } else if (inline_value) {
      args.values_[name] = *inline_value;
    } else if (i + 1 < argv.size()) {
      args.values_[name] = argv[++i];
    } else {
      return Error{spec.name + ": " + name + " needs a value (" + option->value + ")"};
    }
  }
  return args;
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

Expected<double> Args::number_or(const std::string& name, double fallback, double min, double max) const {
  auto text = get(name);
  if (!text) return fallback;
  double value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    std::ostringstream msg;
    msg << name << " must be a number from " << min << " to " << max << ", not '" << *text << "'";
    return Error{msg.str()};
  }
  return value;
}

std::string format_help(const CommandSpec& spec) {
  std::ostringstream out;
  out << "usage: khlang-admin " << spec.usage << "\n\n" << spec.summary << "\n";
  if (!spec.options.empty()) out << "\noptions:\n";
  for (const OptionSpec& o : spec.options) {
    std::string left = "  " + o.name + (o.value.empty() ? "" : " " + o.value);
    if (left.size() < 26) left.resize(26, ' ');
    else left += "  ";
    out << left << o.help << "\n";
  }
  out << "  --help                  show this help\n";
  return out.str();
}

}  // namespace khlang::admin
