// [SECTION] What one bundle may hold, and why: the single list of content limits.
// A bundle can come from a careless author or a compromised office PC, and the kiosk must stay
// responsive whatever it holds. Each limit is chosen from what a municipality's real content
// needs (the KM action plan in ../shared/seed, the demo in content/demo), with a wide margin,
// and is checked twice: by `khlang-admin pack` (naming the file and line) and by the import after
// the signature (the bundle refused with a one-line reason). README's "Limits" repeats this table.
//
// Text is measured in UTF-8 bytes (a Thai letter is 3 bytes, a Latin one 1): SQLite measures
// and stores bytes, and a byte count cannot be gamed with wide characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace khlang::limits {

// ---- Text per column: each TEXT column of the content schema is one of four kinds.
enum class TextKind : uint8_t {
  Key,        // ids, references, media file names, dates, codes
  Line,       // titles, names, positions: one line on a list or a card
  Paragraph,  // summaries, descriptions, methods, notes
  Document,   // Markdown bodies (articles, announcements, the organization's about page)
};

// Key: 255 bytes, a file name's limit on ext4 (media ids are file names); the demo's longest id
// is 35 bytes.
inline constexpr size_t kMaxKeyBytes = 255;
// Line: 4 KiB, about 1,300 Thai characters; the longest title or name in the seed and the demo
// is under 170 characters. Lists cut titles to a few lines anyway.
inline constexpr size_t kMaxLineBytes = 4u << 10;
// Paragraph: 64 KiB, about 21,000 Thai characters; the seed's longest paragraph is 2,793
// characters (8 KB).
inline constexpr size_t kMaxParagraphBytes = 64u << 10;
// Document: 1 MiB, about 350,000 Thai characters; the whole seed document is 90 KB and the
// demo's longest article 13 KB. A body this long still lays out in well under a second.
inline constexpr size_t kMaxDocumentBytes = 1u << 20;

constexpr size_t max_text_bytes(TextKind kind) {
  switch (kind) {
    case TextKind::Key: return kMaxKeyBytes;
    case TextKind::Line: return kMaxLineBytes;
    case TextKind::Paragraph: return kMaxParagraphBytes;
    case TextKind::Document: return kMaxDocumentBytes;
  }
  return kMaxKeyBytes;
}

// Combining marks in a row on one base character (one grapheme cluster). Thai puts at most three
// on a consonant (a vowel mark, a tone mark, and rarely a thanthakhat or phinthu); Vietnamese
// two. Unicode's stream-safe format allows 30; 8 keeps a wide margin over any real text, and no
// cluster long enough to hurt HarfBuzz (quadratic in consecutive marks, CVE-2023-25193) or the
// segmenter gets through. The text engine's normalization caps clusters at this same number
// (text/thai_chars.h), so what pack accepts always shows whole.
inline constexpr unsigned kMaxMarksPerCluster = 8;

// The kind of each TEXT column; a column not listed is a Paragraph. Non-TEXT columns (numbers,
// blobs) are not text.
struct ColumnKind {
  std::string_view table, column;
  TextKind kind;
};
inline constexpr ColumnKind kColumnKinds[] = {
    {"organization", "name_th", TextKind::Line},     {"organization", "name_en", TextKind::Line},
    {"organization", "phone", TextKind::Line},       {"organization", "email", TextKind::Line},
    {"organization", "website", TextKind::Line},     {"organization", "logo_media", TextKind::Key},
    {"organization", "color_primary", TextKind::Key}, {"organization", "color_accent", TextKind::Key},
    {"organization", "about_th", TextKind::Document}, {"organization", "about_en", TextKind::Document},
    {"media", "id", TextKind::Key},                  {"media", "mime", TextKind::Key},
    {"category", "id", TextKind::Key},               {"category", "title_th", TextKind::Line},
    {"category", "title_en", TextKind::Line},        {"person", "id", TextKind::Key},
    {"person", "name_th", TextKind::Line},           {"person", "name_en", TextKind::Line},
    {"person", "position", TextKind::Line},          {"person", "department", TextKind::Line},
    {"person", "km_role", TextKind::Line},           {"person", "photo_media", TextKind::Key},
    {"article", "id", TextKind::Key},                {"article", "title", TextKind::Line},
    {"article", "body_md", TextKind::Document},      {"article", "category_id", TextKind::Key},
    {"article", "tags", TextKind::Line},             {"article", "author_id", TextKind::Key},
    {"article", "department", TextKind::Line},       {"article", "published_on", TextKind::Key},
    {"article", "updated_on", TextKind::Key},        {"article", "cover_media", TextKind::Key},
    {"article", "language", TextKind::Key},          {"announcement", "id", TextKind::Key},
    {"announcement", "title", TextKind::Line},       {"announcement", "body_md", TextKind::Document},
    {"announcement", "poster_media", TextKind::Key}, {"announcement", "starts_at", TextKind::Key},
    {"announcement", "ends_at", TextKind::Key},      {"announcement", "language", TextKind::Key},
    {"plan", "id", TextKind::Key},                   {"plan", "title", TextKind::Line},
    {"plan_activity", "id", TextKind::Key},          {"plan_activity", "plan_id", TextKind::Key},
    {"plan_activity", "period", TextKind::Line},     {"plan_activity", "responsible", TextKind::Line},
    {"progress", "id", TextKind::Key},               {"progress", "activity_id", TextKind::Key},
    {"progress", "period", TextKind::Line},          {"progress", "status", TextKind::Key},
    {"progress", "recorded_on", TextKind::Key},      {"community", "id", TextKind::Key},
    {"community", "name", TextKind::Line},           {"community", "topic", TextKind::Line},
    {"community", "meeting_schedule", TextKind::Line}, {"community_member", "community_id", TextKind::Key},
    {"community_member", "person_id", TextKind::Key}, {"community_member", "role", TextKind::Line},
    {"bundle_info", "organization", TextKind::Line}, {"bundle_info", "channel", TextKind::Key},
    {"bundle_info", "created_at", TextKind::Key},    {"bundle_info", "generator", TextKind::Line},
};

constexpr TextKind text_kind(std::string_view table, std::string_view column) {
  for (const ColumnKind& c : kColumnKinds) {
    if (c.table == table && c.column == column) return c.kind;
  }
  return TextKind::Paragraph;
}

// ---- Rows per table. The demo has 17 articles, 10 people, 12 activities and 36 progress
// entries; the largest real municipality would have a few hundred articles and people. The
// kiosk's screens page or virtualize every list, so these bound the work of an import and of the
// office's tools, not what a screen costs; the 100,000-article scale benchmark (issue 15) is
// the largest content the project measures, so it is the articles' bound.
struct TableRows {
  std::string_view table;
  int64_t max_rows;
};
inline constexpr TableRows kMaxRows[] = {
    {"organization", 1},        // the schema allows one
    {"media", 10'000},          // a thousand images is already a large photo archive
    {"category", 1'000},        // the demo has 7
    {"person", 5'000},          // a large city municipality's whole staff
    {"article", 100'000},       // the scale benchmark's 100,000 (pack, import, search measured)
    {"announcement", 10'000},   // decades of weekly notices
    // The plan's tables hold cells the kiosk shows together (a plan's activities on one screen,
    // the plans in meeting mode), so they are bounded closer to real plans than the lists are.
    {"plan", 200},              // the seed has 2, one plan a year for decades would be 30
    {"plan_activity", 2'000},   // the seed has 12
    {"progress", 20'000},       // 50 activities x 12 months x 5 years is 3,000
    {"community", 1'000},
    {"community_member", 50'000},
    {"bundle_info", 1},
};

constexpr int64_t max_rows(std::string_view table) {
  for (const TableRows& t : kMaxRows) {
    if (t.table == table) return t.max_rows;
  }
  return 0;  // a table with no limit listed holds nothing
}

// ---- Images (media/*.png, *.jpg). A phone photo is 12 MP and 3-8 MB as JPEG; a poster exported
// for print at 300 dpi on A3 is 17 MP; the kiosk's screen shows 2 MP.
inline constexpr uint64_t kMaxImageBytes = 32u << 20;  // a file, as stored
inline constexpr int kMaxImageSide = 8192;              // pixels, either side
// 24 MP (6000 x 4000): a decoded image is at most 96 MB as RGBA, and a progressive JPEG's
// coefficients at most 144 MB, so the kiosk (about 120 MB) stays under 300 MB while it decodes
// one; the kiosk itself keeps only a screen-sized copy.
inline constexpr uint64_t kMaxImagePixels = 24'000'000;
// What a JPEG decoder may allocate (coefficients of a 24 MP progressive 4:4:4 JPEG fit).
inline constexpr uint64_t kMaxJpegDecoderBytes = 160u << 20;
// Progressive JPEG scans: an encoder writes about 10; thousands of tiny scans make decoding
// quadratic (a known JPEG denial of service).
inline constexpr int kMaxJpegScans = 100;
// Thumbnails (made by pack at 320 px) may be at most this on either side.
inline constexpr int kMaxThumbnailSide = 1024;

// ---- Files of a content folder. A Markdown file holds at most a 1 MiB body and its front
// matter; 20,000 progress rows are about 2 MB of CSV, 5,000 people with long duties more.
inline constexpr uint64_t kMaxTextFileBytes = 16u << 20;

// 1234567 -> "1,234,567", for messages that name a limit or a size.
inline std::string with_thousands(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace khlang::limits
