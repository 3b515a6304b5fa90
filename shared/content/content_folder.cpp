#include "content/content_folder.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "content/content_limits.h"
#include "content/csv.h"
#include "content/front_matter.h"
#include "content/plan_checks.h"
#include "image/image_decoder.h"
#include "image/thumbnail.h"
#include "text/utf8.h"
#include "util/limits.h"
#include "util/ordered_pipeline.h"
#include "util/system_error.h"

namespace fs = std::filesystem;

namespace khlang::content {
namespace {

enum class SourceKind { Csv, MarkdownFile, MarkdownDir, MediaDir };
struct Source {
  const char* table;
  SourceKind kind;
  const char* path;
  const char* body_column;  // Markdown sources: where the body goes
};
constexpr Source kSources[] = {
    {"organization", SourceKind::MarkdownFile, "organization.md", "about_th"},
    {"media", SourceKind::MediaDir, "media", nullptr},
    {"category", SourceKind::Csv, "categories.csv", nullptr},
    {"person", SourceKind::Csv, "people.csv", nullptr},
    {"article", SourceKind::MarkdownDir, "articles", "body_md"},
    {"announcement", SourceKind::MarkdownDir, "announcements", "body_md"},
    {"plan", SourceKind::Csv, "plans.csv", nullptr},
    {"plan_activity", SourceKind::Csv, "activities.csv", nullptr},
    {"progress", SourceKind::Csv, "progress.csv", nullptr},
    {"community", SourceKind::Csv, "communities.csv", nullptr},
    {"community_member", SourceKind::Csv, "community_members.csv", nullptr},
};
// `what` says what the file is and its limit, for the error ("an image may have at most ...").
Expected<std::string> read_file(const fs::path& path, uintmax_t limit, const char* what) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return system_error(path.string() + ": cannot read", ec);
  if (size > limit) {
    return Error{path.string() + ": " + limits::with_thousands(size) + " bytes is too large (" + what + " may have at most " +
                 limits::with_thousands(limit) + " bytes)"};
  }
  std::ifstream in(path, std::ios::binary);
  std::string data(size, '\0');
  if (!in.read(data.data(), static_cast<std::streamsize>(size))) return Error{path.string() + ": cannot read"};
  return data;
}

Status write_file(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return Error{"cannot write " + path.string()};
  return Ok{};
}

bool is_kind(const content::ColumnSpec& c, std::string_view kind) { return std::string_view(c.type).starts_with(kind); }
bool required(const content::ColumnSpec& c) {
  const std::string_view t = c.type;
  return t.find("NOT NULL") != std::string_view::npos && t.find("DEFAULT") == std::string_view::npos;
}
// The DEFAULT of a column as a cell (nullopt when it has none: NULL).
Cell column_default(const content::ColumnSpec& c) {
  const std::string_view t = c.type;
  const size_t d = t.find("DEFAULT ");
  if (d == std::string_view::npos) return std::nullopt;
  std::string_view v = t.substr(d + 8);
  if (v.starts_with("'")) return std::string(v.substr(1, v.find('\'', 1) - 1));
  return std::string(v.substr(0, v.find(' ')));
}
// "category(id)" from "TEXT REFERENCES category(id)".
std::optional<std::string> referenced_table(const content::ColumnSpec& c) {
  const std::string_view t = c.type;
  const size_t r = t.find("REFERENCES ");
  if (r == std::string_view::npos) return std::nullopt;
  const std::string_view rest = t.substr(r + 11);
  return std::string(rest.substr(0, rest.find('(')));
}

std::string allowed_list(const content::ColumnSpec& c) {
  std::string out;
  for (std::string_view v : c.allowed) {
    if (v.empty()) continue;
    out += (out.empty() ? "" : ", ") + std::string(v);
  }
  const bool empty_ok = std::find(c.allowed.begin(), c.allowed.end(), std::string_view()) != c.allowed.end();
  return out + (empty_ok ? " (or empty)" : "");
}

// One row from named values; `origin` ("people.csv line 4") prefixes every error. An is_sample
// left empty takes `sample_default`, the organization's.
Expected<ContentRow> build_row(const content::TableSpec& spec, const std::map<std::string, std::string>& given,
                               const std::string& origin, const std::string& sample_default) {
  for (const auto& [key, value] : given) {
    const auto column = std::find_if(spec.columns.begin(), spec.columns.end(),
                                     [&name = key](const content::ColumnSpec& c) { return name == c.name; });
    if (column == spec.columns.end()) {
      std::string names;
      for (const auto& c : spec.columns) names += (names.empty() ? "" : ", ") + std::string(c.name);
      return Error{origin + ": unknown column '" + key + "' (a " + spec.label + " has: " + names + ")"};
    }
    if (!text::is_valid_utf8(value)) return Error{origin + ": '" + key + "' is not valid UTF-8 text (save the file as UTF-8)"};
    if (is_kind(*column, "TEXT")) {
      if (auto problem = check_text_cell(spec.name, key, value)) return Error{origin + ": " + problem->reason};
    }
  }
  ContentRow row;
  for (const auto& c : spec.columns) {
    auto it = given.find(c.name);
    Cell cell = it == given.end() || it->second.empty() ? column_default(c) : Cell(it->second);
    if ((it == given.end() || it->second.empty()) && std::string_view(c.name) == "is_sample") cell = sample_default;
    if (cell && !c.allowed.empty() && std::find(c.allowed.begin(), c.allowed.end(), *cell) == c.allowed.end()) {
      return Error{origin + ": '" + std::string(c.name) + "' must be one of " + allowed_list(c) + ", not '" + *cell + "'"};
    }
    if (!cell && required(c)) return Error{origin + ": '" + std::string(c.name) + "' is required"};
    if (cell && (is_kind(c, "INTEGER") || is_kind(c, "REAL"))) {
      const std::string& v = *cell;
      bool ok;
      if (is_kind(c, "INTEGER")) {
        int64_t n = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        ok = ec == std::errc() && p == v.data() + v.size();
      } else {
        double d = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
        ok = ec == std::errc() && p == v.data() + v.size();
      }
      if (!ok) return Error{origin + ": '" + std::string(c.name) + "' must be a number, not '" + v + "'"};
    }
    row.cells.push_back(std::move(cell));
  }
  row.origin = origin;
  return row;
}

Status load_csv(const content::TableSpec& spec, const fs::path& path, const std::string& sample_default,
                std::vector<ContentRow>& rows) {
  auto text = read_file(path, limits::kMaxTextFileBytes, "a CSV file");
  if (!text) return text.error();
  auto csv = parse_csv(text.value(), path.filename().string());
  if (!csv) return csv.error();
  // parse_csv drops the file's byte-order mark; a second one would hide in the first column's name.
  if (csv->header[0].starts_with("\xEF\xBB\xBF")) {
    return Error{path.filename().string() + " line 1: the file starts with two byte-order marks (invisible " +
                 "U+FEFF characters) before '" + csv->header[0].substr(3) + "'; save it again as UTF-8"};
  }
  if (auto over = check_row_count(spec.name, static_cast<int64_t>(csv->rows.size()))) {
    const size_t first_over = static_cast<size_t>(limits::max_rows(spec.name));
    return Error{path.filename().string() + " line " + std::to_string(csv->row_lines[first_over]) + ": " + *over};
  }
  for (size_t r = 0; r < csv->rows.size(); ++r) {
    std::map<std::string, std::string> given;
    for (size_t i = 0; i < csv->header.size(); ++i) given[csv->header[i]] = csv->rows[r][i];
    auto row = build_row(spec, given, path.filename().string() + " line " + std::to_string(csv->row_lines[r]),
                         sample_default);
    if (!row) return row.error();
    rows.push_back(std::move(row.value()));
  }
  return Ok{};
}

Expected<ContentRow> load_markdown(const content::TableSpec& spec, const Source& source, const fs::path& path,
                                   const std::string& shown, const std::string& sample_default) {
  auto text = read_file(path, limits::kMaxTextFileBytes, "a Markdown file");
  if (!text) return text.error();
  auto doc = parse_front_matter(text.value(), shown);
  if (!doc) return doc.error();
  // Limits checked here, before build_row does it again, to name the line of the problem.
  for (size_t i = 0; i < doc->fields.size(); ++i) {
    const auto& [key, value] = doc->fields[i];
    if (auto problem = check_text_cell(spec.name, key, value)) {
      return Error{shown + " line " + std::to_string(doc->field_lines[i]) + ": " + problem->reason};
    }
  }
  if (auto problem = check_text_cell(spec.name, source.body_column, doc->body)) {
    const std::string_view before = std::string_view(doc->body).substr(0, problem->offset);
    const auto line = doc->body_line + std::count(before.begin(), before.end(), '\n');
    return Error{shown + " line " + std::to_string(line) + ": " + problem->reason};
  }
  std::map<std::string, std::string> given(doc->fields.begin(), doc->fields.end());
  if (given.count(source.body_column)) return Error{shown + ": '" + source.body_column + "' is the Markdown body, not a field"};
  given[source.body_column] = doc->body;
  if (source.kind == SourceKind::MarkdownDir) {
    const std::string stem = path.stem().string();
    if (given.count("id") && given["id"] != stem) {
      return Error{shown + ": id '" + given["id"] + "' differs from the file name (" + stem + ".md)"};
    }
    given["id"] = stem;
  } else {
    given["id"] = "1";
  }
  return build_row(spec, given, shown, sample_default);
}

Expected<ContentRow> load_media(const fs::path& file) {
  const std::string shown = "media/" + file.filename().string();
  auto data = read_file(file, limits::kMaxImageBytes, "an image");
  if (!data) return data.error();
  auto info = image::read_image_header(data.value(), shown);
  if (!info) return info.error();
  auto thumb = image::make_thumbnail(data.value(), shown);
  if (!thumb) return thumb.error();
  return ContentRow{{file.filename().string(), info->mime(), std::to_string(info->width), std::to_string(info->height),
                     std::move(data.value()), std::move(thumb->jpeg), std::to_string(thumb->width),
                     std::to_string(thumb->height)},
                    shown};
}

// The files of a folder source, in name order (byte order).
std::vector<fs::path> files_of(const fs::path& dir, const Source& source) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file()) continue;
    if (source.kind == SourceKind::MediaDir ? p.filename().string()[0] != '.' : p.extension() == ".md") files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

// What a folder must hold together, checked as its rows stream past: no row twice, and every
// reference (category_id, author_id, cover_media, ...) naming a row that exists. A reference to a
// table that comes later in kSources waits for the end.
class FolderChecks {
 public:
  Status row(const Source& source, const content::TableSpec& spec, const ContentRow& r) {
    const bool pair = spec.columns.size() > 1 && std::string_view(spec.key).find("||") != std::string_view::npos;
    const std::string key = pair ? r.cells[0].value_or("") + "/" + r.cells[1].value_or("") : r.cells[0].value_or("");
    if (!keys_[source.table].insert(key).second) return Error{std::string(source.path) + ": '" + key + "' appears twice"};
    ids_[source.table].insert(r.cells[0].value_or(""));
    for (size_t ci = 0; ci < spec.columns.size(); ++ci) {
      auto target = referenced_table(spec.columns[ci]);
      if (!target || !r.cells[ci]) continue;
      Reference ref{&source, &spec, ci, *target, r.cells[0].value_or(""), *r.cells[ci], r.origin};
      if (done_.count(*target)) {
        if (auto s = check(ref); !s) return s;
      } else {
        waiting_.push_back(std::move(ref));
      }
    }
    return Ok{};
  }
  void table_done(const Source& source) { done_.insert(source.table); }
  Status finish() {
    for (const Reference& ref : waiting_) {
      if (auto s = check(ref); !s) return s;
    }
    return Ok{};
  }
  size_t count(const std::string& table) const {
    auto it = keys_.find(table);
    return it == keys_.end() ? 0 : it->second.size();
  }

 private:
  struct Reference {
    const Source* source;
    const content::TableSpec* spec;
    size_t column;
    std::string target, row_id, value, origin;
  };
  Status check(const Reference& ref) const {
    auto it = ids_.find(ref.target);
    if (it != ids_.end() && it->second.count(ref.value)) return Ok{};
    const Source* where = nullptr;
    for (const Source& s : kSources) {
      if (ref.target == s.table) where = &s;
    }
    return Error{(ref.origin.empty() ? std::string(ref.source->path) : ref.origin) + ": " + ref.spec->label + " '" +
                 ref.row_id + "' has " + ref.spec->columns[ref.column].name + " '" + ref.value + "', which is not in " +
                 (where ? where->path : ref.target.c_str())};
  }
  std::map<std::string, std::set<std::string>> keys_, ids_;
  std::set<std::string> done_;
  std::vector<Reference> waiting_;
};

}  // namespace

const Cell& cell_of(const content::TableSpec& spec, const ContentRow& row, std::string_view column) {
  static const Cell none;
  for (size_t i = 0; i < spec.columns.size() && i < row.cells.size(); ++i) {
    if (column == spec.columns[i].name) return row.cells[i];
  }
  return none;
}

size_t ContentSet::count(const std::string& table) const {
  auto it = tables.find(table);
  return it == tables.end() ? 0 : it->second.size();
}

Status read_content_folder(const std::string& dir_name, WorkerPool& pool, const RowSink& sink) {
  const fs::path dir(dir_name);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error{dir_name + ": not a content folder (no such directory)"};
  if (!fs::exists(dir / "organization.md")) {
    return Error{dir_name + ": not a content folder (it has no organization.md)"};
  }
  FolderChecks checks;
  // The organization comes first: its is_sample is the default of every other row.
  std::string sample_default = "0";
  // The plans' tables are small and checked together at the end (plan_checks.h).
  ContentSet plans;
  for (const Source& source : kSources) {
    const content::TableSpec& spec = *content::find_content_table(source.table);
    const bool plan_table = std::string_view(source.table) == "plan" || std::string_view(source.table) == "plan_activity" ||
                            std::string_view(source.table) == "progress";
    auto take = [&](ContentRow& row) -> Status {
      KHLANG_TRY(checks.row(source, spec, row));
      if (plan_table) plans.tables[source.table].push_back(row);
      return sink(spec, std::move(row));
    };
    const fs::path path = dir / source.path;
    if (fs::exists(path)) {
      if (source.kind == SourceKind::Csv) {
        std::vector<ContentRow> rows;
        KHLANG_TRY(load_csv(spec, path, sample_default, rows));
        for (ContentRow& row : rows) KHLANG_TRY(take(row));
      } else if (source.kind == SourceKind::MarkdownFile) {
        KHLANG_TRY_AS(ContentRow row, load_markdown(spec, source, path, source.path, "0"));
        sample_default = cell_of(spec, row, "is_sample").value_or("0");
        KHLANG_TRY(take(row));
      } else {
        // A folder of files: read and parsed (images made into thumbnails) on every core, a batch
        // at a time, and taken in name order.
        const std::vector<fs::path> files = files_of(path, source);
        const std::string_view table = source.kind == SourceKind::MediaDir ? std::string_view("media") : std::string_view(spec.name);
        if (auto over = check_row_count(table, static_cast<int64_t>(files.size()))) {
          return Error{std::string(source.path) + ": " + *over};
        }
        size_t next = 0;
        OrderedPipeline<fs::path, Expected<ContentRow>> files_in;
        files_in.batch_size = source.kind == SourceKind::MediaDir ? 8 : 256;  // images are up to 32 MB each
        files_in.read = [&](std::vector<fs::path>& batch, size_t max) -> Status {
          for (; next < files.size() && batch.size() < max; ++next) batch.push_back(files[next]);
          return Ok{};
        };
        files_in.work = [&](fs::path& file) -> Expected<ContentRow> {
          if (source.kind == SourceKind::MediaDir) return load_media(file);
          return load_markdown(spec, source, file, std::string(source.path) + "/" + file.filename().string(), sample_default);
        };
        files_in.consume = [&](Expected<ContentRow>& row) -> Status {
          if (!row) return row.error();
          return take(row.value());
        };
        KHLANG_TRY(run_pipeline(pool, files_in));
      }
    }
    checks.table_done(source);
  }
  if (checks.count("organization") != 1) return Error{dir_name + "/organization.md: the organization is missing"};
  KHLANG_TRY(checks.finish());
  return check_plans(plans);
}

Expected<ContentSet> load_content_folder(const std::string& dir_name) {
  ContentSet set;
  WorkerPool pool;
  KHLANG_TRY(read_content_folder(dir_name, pool, [&](const TableSpec& table, ContentRow&& row) -> Status {
    set.tables[table.name].push_back(std::move(row));
    return Ok{};
  }));
  return set;
}

Status write_content_folder(const ContentSet& set, const std::string& dir_name) {
  const fs::path dir(dir_name);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return system_error("cannot create " + dir_name, ec);
  for (const Source& source : kSources) {
    const content::TableSpec& spec = *content::find_content_table(source.table);
    auto it = set.tables.find(source.table);
    if (it == set.tables.end() || it->second.empty()) continue;
    const std::vector<ContentRow>& rows = it->second;
    switch (source.kind) {
      case SourceKind::Csv: {
        CsvTable csv;
        for (const auto& c : spec.columns) csv.header.push_back(c.name);
        for (const ContentRow& r : rows) {
          std::vector<std::string> fields;
          for (const Cell& cell : r.cells) fields.push_back(cell.value_or(""));
          csv.rows.push_back(std::move(fields));
        }
        if (auto s = write_file(dir / source.path, write_csv(csv)); !s) return s;
        break;
      }
      case SourceKind::MarkdownFile:
      case SourceKind::MarkdownDir: {
        if (source.kind == SourceKind::MarkdownDir) fs::create_directories(dir / source.path, ec);
        for (const ContentRow& r : rows) {
          FrontMatterDocument doc;
          for (size_t i = 0; i < spec.columns.size(); ++i) {
            const std::string name = spec.columns[i].name;
            if (name == source.body_column) doc.body = r.cells[i].value_or("");
            else if (name != "id" && r.cells[i]) doc.fields.emplace_back(name, *r.cells[i]);
          }
          const fs::path file = source.kind == SourceKind::MarkdownFile ? dir / source.path
                                                                         : dir / source.path / (*r.cells[0] + ".md");
          if (auto s = write_file(file, write_front_matter(doc)); !s) return s;
        }
        break;
      }
      case SourceKind::MediaDir: {
        fs::create_directories(dir / source.path, ec);
        for (const ContentRow& r : rows) {
          if (auto s = write_file(dir / source.path / *r.cells[0], *r.cells[4]); !s) return s;
        }
        break;
      }
    }
  }
  return Ok{};
}

Status RowInserter::insert(const TableSpec& spec, const ContentRow& row) {
  auto it = statements_.find(spec.name);
  if (it == statements_.end()) {
    std::string sql = "INSERT INTO " + prefix_ + spec.name + " (" + content::column_list(spec) + ") VALUES (";
    for (size_t i = 0; i < spec.columns.size(); ++i) sql += i ? ", ?" : "?";
    KHLANG_TRY_AS(sqlite::Statement stmt, db_.prepare(sql + ")"));
    it = statements_.emplace(spec.name, std::move(stmt)).first;
  }
  sqlite::Statement& stmt = it->second;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const Cell& cell = row.cells[i];
    const content::ColumnSpec& c = spec.columns[i];
    if (!cell) stmt.bind_null(index);
    else if (is_kind(c, "INTEGER")) stmt.bind(index, static_cast<int64_t>(std::stoll(*cell)));
    else if (is_kind(c, "REAL")) stmt.bind(index, std::stod(*cell));
    else if (is_kind(c, "BLOB")) stmt.bind_blob(index, cell->data(), cell->size());
    else stmt.bind(index, std::string_view(*cell));
  }
  if (auto s = stmt.run(); !s) return Error{std::string(spec.label) + " '" + row.cells[0].value_or("") + "': " + s.error().message};
  return Ok{};
}

Status insert_content(sqlite::Database& db, const ContentSet& set, std::string_view prefix) {
  RowInserter inserter(db, prefix);
  for (const content::TableSpec& spec : content::content_tables()) {
    auto it = set.tables.find(spec.name);
    if (it == set.tables.end()) continue;
    for (const ContentRow& row : it->second) KHLANG_TRY(inserter.insert(spec, row));
  }
  return Ok{};
}

Expected<ContentSet> read_content(sqlite::Database& db, std::string_view prefix) {
  ContentSet set;
  for (const content::TableSpec& spec : content::content_tables()) {
    auto stmt = db.prepare("SELECT " + content::column_list(spec) + " FROM " + std::string(prefix) + spec.name +
                           " ORDER BY " + spec.key);
    if (!stmt) return stmt.error();
    std::vector<ContentRow>& rows = set.tables[spec.name];
    for (;;) {
      auto more = stmt->step();
      if (!more) return more.error();
      if (!more.value()) break;
      ContentRow row;
      for (size_t i = 0; i < spec.columns.size(); ++i) {
        const int col = static_cast<int>(i);
        const content::ColumnSpec& c = spec.columns[i];
        if (stmt->column_is_null(col)) {
          row.cells.emplace_back(std::nullopt);
        } else if (is_kind(c, "INTEGER")) {
          row.cells.emplace_back(std::to_string(stmt->column_int(col)));
        } else if (is_kind(c, "REAL")) {
          char buf[32];
          auto [end, ec] = std::to_chars(buf, buf + sizeof buf, stmt->column_double(col));
          row.cells.emplace_back(std::string(buf, end));
        } else if (is_kind(c, "BLOB")) {
          const std::vector<uint8_t> blob = stmt->column_blob(col);
          row.cells.emplace_back(std::string(blob.begin(), blob.end()));
        } else {
          row.cells.emplace_back(stmt->column_text(col));
        }
      }
      rows.push_back(std::move(row));
    }
  }
  return set;
}

}  // namespace khlang::content
