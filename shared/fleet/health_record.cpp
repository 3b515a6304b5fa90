#include "fleet/health_record.h"

#include <sys/statvfs.h>

#include <charconv>
#include <filesystem>
#include <map>
#include <variant>
#include <vector>

#include "bundle/bundle_file.h"
#include "stats/stats_file.h"
#include "store/content_queries.h"
#include "store/settings.h"

#ifndef KHLANG_VERSION
#define KHLANG_VERSION "unknown"
#endif

namespace khlang::fleet {
namespace {

constexpr std::string_view kMagic = "khlang-health";

// One field of the record: its key and where it lives in HealthRecord.
using FieldRef = std::variant<std::string HealthRecord::*, int64_t HealthRecord::*, std::optional<int64_t> HealthRecord::*,
                              std::optional<uint64_t> HealthRecord::*, bool HealthRecord::*>;
struct Field {
  std::string_view key;
  FieldRef ref;
  bool required = false;
};

const std::vector<Field>& fields() {
  static const std::vector<Field> list = {
      {"kiosk_id", &HealthRecord::kiosk_id, true},
      {"name", &HealthRecord::name},
      {"location", &HealthRecord::location},
      {"organization", &HealthRecord::organization},
      {"program_version", &HealthRecord::program_version},
      {"channel", &HealthRecord::channel},
      {"content_seq", &HealthRecord::content_seq},
      {"content_created_at", &HealthRecord::content_created_at},
      {"content_key_id", &HealthRecord::content_key_id},
      {"last_import_at", &HealthRecord::last_import_at},
      {"last_import_result", &HealthRecord::last_import_result},
      {"last_import_message", &HealthRecord::last_import_message},
      {"last_import_bundle", &HealthRecord::last_import_bundle},
      {"last_import_seq", &HealthRecord::last_import_seq},
      {"uptime_seconds", &HealthRecord::uptime_seconds},
      {"disk_free_bytes", &HealthRecord::disk_free_bytes},
      {"disk_total_bytes", &HealthRecord::disk_total_bytes},
      {"written_at", &HealthRecord::written_at, true},
      {"write_interval_seconds", &HealthRecord::write_interval_seconds},
      {"last_error", &HealthRecord::last_error},
      {"last_error_at", &HealthRecord::last_error_at},
      {"opening_hours", &HealthRecord::opening_hours},
      {"auto_import", &HealthRecord::auto_import},
      {"usage_events", &HealthRecord::usage_events},
  };
  return list;
}

std::string escape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

std::optional<std::string> unescape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\') {
      out += value[i];
      continue;
    }
    if (++i == value.size()) return std::nullopt;
    switch (value[i]) {
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Sets `field` of `record` from `value`; false when the value is not of the field's kind.
bool assign(HealthRecord& record, const FieldRef& field, const std::string& value) {
  struct Visitor {
    HealthRecord& r;
    const std::string& v;
    bool operator()(std::string HealthRecord::*m) const { return (r.*m = v, true); }
    bool operator()(int64_t HealthRecord::*m) const {
      auto n = parse_number<int64_t>(v);
      return n && (r.*m = *n, true);
    }
    bool operator()(std::optional<int64_t> HealthRecord::*m) const {
      if (v.empty()) return (r.*m = std::nullopt, true);
      auto n = parse_number<int64_t>(v);
      return n && (r.*m = *n, true);
    }
    bool operator()(std::optional<uint64_t> HealthRecord::*m) const {
      if (v.empty()) return (r.*m = std::nullopt, true);
      auto n = parse_number<uint64_t>(v);
      return n && (r.*m = *n, true);
    }
    bool operator()(bool HealthRecord::*m) const {
      if (v != "0" && v != "1") return false;
      return (r.*m = v == "1", true);
    }
  };
  return std::visit(Visitor{record, value}, field);
}

std::string value_of(const HealthRecord& record, const FieldRef& field) {
  struct Visitor {
    const HealthRecord& r;
    std::string operator()(std::string HealthRecord::*m) const { return escape(r.*m); }
    std::string operator()(int64_t HealthRecord::*m) const { return std::to_string(r.*m); }
    std::string operator()(std::optional<int64_t> HealthRecord::*m) const {
      return (r.*m) ? std::to_string(*(r.*m)) : "";
    }
    std::string operator()(std::optional<uint64_t> HealthRecord::*m) const {
      return (r.*m) ? std::to_string(*(r.*m)) : "";
    }
    std::string operator()(bool HealthRecord::*m) const { return (r.*m) ? "1" : "0"; }
  };
  return std::visit(Visitor{record}, field);
}

}  // namespace

std::string program_version() { return KHLANG_VERSION; }

std::string format_health(const HealthRecord& record) {
  std::string out = std::string(kMagic) + " " + std::to_string(kHealthFormatVersion) + "\n";
  for (const Field& f : fields()) out += std::string(f.key) + "=" + value_of(record, f.ref) + "\n";
  return out + "end\n";
}

Expected<HealthRecord> parse_health(std::string_view text, const std::string& name) {
  auto fail = [&](const std::string& what) { return Error{name + ": " + what}; };
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (lines.empty() || !lines[0].starts_with(kMagic)) return fail("not a Khlang health record");
  const auto version = parse_number<int>(lines[0].substr(std::min(lines[0].size(), kMagic.size() + 1)));
  if (lines[0].size() <= kMagic.size() || lines[0][kMagic.size()] != ' ' || !version) {
    return fail("not a Khlang health record (first line '" + std::string(lines[0]) + "')");
  }
  if (*version > kHealthFormatVersion) {
    return fail("health record format " + std::to_string(*version) + " is newer than this khlang-admin reads (" +
                std::to_string(kHealthFormatVersion) + "): update khlang-admin");
  }
  if (lines.back() != "end") return fail("incomplete health record (no 'end' line): was it cut short?");
  HealthRecord record;
  std::map<std::string_view, bool> seen;
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return fail("line " + std::to_string(i + 1) + " is not key=value");
    const std::string_view key = line.substr(0, eq);
    if (seen[key]) return fail("'" + std::string(key) + "' is given twice");
    seen[key] = true;
    for (const Field& f : fields()) {
      if (f.key != key) continue;
      auto value = unescape(line.substr(eq + 1));
      if (!value || !assign(record, f.ref, *value)) {
        return fail("line " + std::to_string(i + 1) + ": '" + std::string(key) + "' has a value this kind of field cannot hold");
      }
    }
  }
  for (const Field& f : fields()) {
    if (f.required && !seen[f.key]) return fail("'" + std::string(f.key) + "' is missing");
  }
  return record;
}

Expected<HealthRecord> collect_health(sqlite::Database& kiosk, const HealthInputs& inputs) {
  HealthRecord r;
  KHLANG_TRY_AS(auto id, stats::kiosk_id(kiosk));
  r.kiosk_id = id;
  r.name = store::get_setting(kiosk, "kiosk_name", "");
  r.location = store::get_setting(kiosk, "kiosk_location", "");
  r.opening_hours = store::get_setting(kiosk, "opening_hours", "");
  r.channel = store::get_setting(kiosk, "channel", "main");
  r.auto_import = store::get_setting(kiosk, "auto_import", "0") == "1";
  r.program_version = inputs.program_version.empty() ? program_version() : inputs.program_version;
  if (auto org = store::load_organization(kiosk); org && org.value()) r.organization = org.value()->name_th;
  if (auto summary = store::load_summary(kiosk); summary) {
    r.content_seq = summary->bundle_seq;
    r.content_created_at = summary->bundle_created_at;
  }
  if (auto key = kiosk.query_text("SELECT coalesce((SELECT key_id FROM content_state WHERE id = 1), '')"); key) {
    r.content_key_id = key.value();
  }
  KHLANG_TRY_AS(auto last, kiosk.prepare("SELECT at, result, message, bundle, seq FROM import_log ORDER BY id DESC LIMIT 1"));
  if (auto row = last.step(); row && row.value()) {
    r.last_import_at = last.column_text(0);
    r.last_import_result = last.column_text(1);
    r.last_import_message = last.column_text(2);
    r.last_import_bundle = std::filesystem::path(last.column_text(3)).filename().string();
    if (!last.column_is_null(4)) r.last_import_seq = last.column_int(4);
  }
  if (auto n = kiosk.query_int("SELECT count(*) FROM usage_event"); n) r.usage_events = n.value();
  struct statvfs fs{};
  const std::string dir = std::filesystem::path(kiosk.path()).parent_path().string();
  if (::statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0) {
    r.disk_free_bytes = static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
    r.disk_total_bytes = static_cast<uint64_t>(fs.f_blocks) * fs.f_frsize;
  }
  r.uptime_seconds = inputs.uptime_seconds;
  r.write_interval_seconds = inputs.write_interval_seconds;
  r.last_error = inputs.last_error;
  r.last_error_at = inputs.last_error_at;
  r.written_at = bundle::now_utc_iso();
  return r;
}

}  // namespace khlang::fleet
