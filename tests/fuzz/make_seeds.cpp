// Writes the fuzzers' seed corpora (tests/fuzz/corpus/<target>/) and the tiny image of the
// fuzzers' content folder, all from our own content and code: no third-party file. Run by
// `tools/fuzz.sh --make-seeds`; the output is committed. Images cover the PNG and JPEG variants
// the decoders branch on (bit depths, palettes, transparency, interlacing; progressive, grey,
// 4:4:4, restart markers); bundles are the fuzzers' content folder packed, with 512-byte pages
// so a seed is small.
#include <png.h>
#include <sqlite3.h>

#include <cstdio>
#include <jpeglib.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bundle/bundle_file.h"
#include "bundle/minisign.h"
#include "content/content_folder.h"
#include "content/front_matter.h"

namespace fs = std::filesystem;
using namespace khlang;

namespace {

fs::path g_source;  // the repository

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
  if (!out) {
    std::fprintf(stderr, "make_seeds: cannot write %s\n", p.c_str());
    std::exit(1);
  }
}

// A small picture: a gradient and a diagonal band, with alpha falling off to the right.
uint8_t sample(int x, int y, int c, int w, int h) {
  const bool band = ((x + y) / 3) % 4 == 0;
  switch (c) {
    case 0: return static_cast<uint8_t>(band ? 200 : x * 255 / std::max(1, w - 1));
    case 1: return static_cast<uint8_t>(band ? 140 : y * 255 / std::max(1, h - 1));
    case 2: return static_cast<uint8_t>(band ? 30 : 90);
    default: return static_cast<uint8_t>(255 - x * 200 / std::max(1, w - 1));
  }
}

// A PNG of `color_type` at `bit_depth`, optionally Adam7-interlaced, with a tRNS for palettes.
std::string png(int w, int h, int color_type, int bit_depth, bool interlaced) {
  std::string out;
  png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(p);
  if (setjmp(png_jmpbuf(p))) std::abort();
  png_set_write_fn(
      p, &out, [](png_structp pp, png_bytep data, size_t n) { static_cast<std::string*>(png_get_io_ptr(pp))->append(reinterpret_cast<char*>(data), n); },
      nullptr);
  png_set_IHDR(p, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), bit_depth, color_type,
               interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (color_type == PNG_COLOR_TYPE_PALETTE) {
    std::vector<png_color> palette(static_cast<size_t>(1 << bit_depth));
    std::vector<png_byte> alpha(palette.size());
    for (size_t i = 0; i < palette.size(); ++i) {
      palette[i] = {static_cast<png_byte>(i * 37), static_cast<png_byte>(i * 91), static_cast<png_byte>(255 - i * 13)};
      alpha[i] = static_cast<png_byte>(255 - i * 16);
    }
    png_set_PLTE(p, info, palette.data(), static_cast<int>(palette.size()));
    png_set_tRNS(p, info, alpha.data(), static_cast<int>(alpha.size()), nullptr);
  }
  png_text text{};
  text.compression = PNG_TEXT_COMPRESSION_zTXt;
  text.key = const_cast<char*>("Comment");
  text.text = const_cast<char*>("khlang fuzz seed");
  png_set_text(p, info, &text, 1);
  png_write_info(p, info);
  const int channels = png_get_channels(p, info);
  const int bytes_per_sample = bit_depth == 16 ? 2 : 1;
  const int passes = png_set_interlace_handling(p);
  std::vector<std::vector<png_byte>> rows(static_cast<size_t>(h));
  for (int y = 0; y < h; ++y) {
    std::vector<png_byte>& row = rows[static_cast<size_t>(y)];
    row.assign(png_get_rowbytes(p, info), 0);
    for (int x = 0; x < w; ++x) {
      if (bit_depth < 8) {  // packed samples, most significant first
        const int v = (x + y) % (1 << bit_depth);
        const int bit = x * bit_depth;
        row[static_cast<size_t>(bit / 8)] |= static_cast<png_byte>(v << (8 - bit_depth - bit % 8));
        continue;
      }
      for (int c = 0; c < channels; ++c) {
        const int source_c = channels <= 2 ? (c == 1 ? 3 : 1) : c;
        const uint8_t v = sample(x, y, source_c, w, h);
        for (int b = 0; b < bytes_per_sample; ++b) row[static_cast<size_t>(((x * channels + c) * bytes_per_sample) + b)] = v;
      }
    }
  }
  for (int pass = 0; pass < passes; ++pass) {
    for (int y = 0; y < h; ++y) png_write_row(p, rows[static_cast<size_t>(y)].data());
  }
  png_write_end(p, nullptr);
  png_destroy_write_struct(&p, &info);
  return out;
}

// A JPEG; `setup` adjusts the compressor (progression, sampling, restarts) after the defaults.
std::string jpeg(int w, int h, bool grey, const std::function<void(jpeg_compress_struct&)>& setup) {
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &buffer, &size);
  c.image_width = static_cast<JDIMENSION>(w);
  c.image_height = static_cast<JDIMENSION>(h);
  c.input_components = grey ? 1 : 3;
  c.in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 75, TRUE);
  setup(c);
  jpeg_start_compress(&c, TRUE);
  jpeg_write_marker(&c, JPEG_COM, reinterpret_cast<const JOCTET*>("khlang"), 6);
  std::vector<JSAMPLE> row(static_cast<size_t>(w) * static_cast<size_t>(c.input_components));
  while (c.next_scanline < c.image_height) {
    const int y = static_cast<int>(c.next_scanline);
    for (int x = 0; x < w; ++x) {
      for (int k = 0; k < c.input_components; ++k) row[static_cast<size_t>(x * c.input_components + k)] = sample(x, y, k, w, h);
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  std::string out(reinterpret_cast<char*>(buffer), size);
  jpeg_destroy_compress(&c);
  std::free(buffer);
  return out;
}

void image_seeds(const fs::path& dir) {
  write(dir / "gray8.png", png(16, 12, PNG_COLOR_TYPE_GRAY, 8, false));
  write(dir / "gray1.png", png(9, 7, PNG_COLOR_TYPE_GRAY, 1, false));
  write(dir / "gray-alpha.png", png(12, 9, PNG_COLOR_TYPE_GRAY_ALPHA, 8, false));
  write(dir / "palette4-trns.png", png(13, 11, PNG_COLOR_TYPE_PALETTE, 4, false));
  write(dir / "rgb8.png", png(20, 14, PNG_COLOR_TYPE_RGB, 8, false));
  write(dir / "rgba8.png", png(17, 19, PNG_COLOR_TYPE_RGBA, 8, false));
  write(dir / "rgb16.png", png(10, 10, PNG_COLOR_TYPE_RGB, 16, false));
  write(dir / "rgba-interlaced.png", png(23, 21, PNG_COLOR_TYPE_RGBA, 8, true));
  write(dir / "palette2-interlaced.png", png(15, 9, PNG_COLOR_TYPE_PALETTE, 2, true));
  write(dir / "baseline.jpg", jpeg(33, 17, false, [](jpeg_compress_struct&) {}));
  write(dir / "grey.jpg", jpeg(16, 16, true, [](jpeg_compress_struct&) {}));
  write(dir / "progressive.jpg", jpeg(40, 24, false, [](jpeg_compress_struct& c) { jpeg_simple_progression(&c); }));
  write(dir / "444-optimized.jpg", jpeg(24, 24, false, [](jpeg_compress_struct& c) {
          c.comp_info[0].h_samp_factor = c.comp_info[0].v_samp_factor = 1;
          c.optimize_coding = TRUE;
        }));
  write(dir / "restarts.jpg", jpeg(48, 16, false, [](jpeg_compress_struct& c) { c.restart_interval = 1; }));
  write(dir / "arithmetic.jpg", jpeg(16, 8, false, [](jpeg_compress_struct& c) { c.arith_code = TRUE; }));
}

// Text seeds from our own files: the demo content and the Thai test strings.
void text_seeds(const fs::path& corpus) {
  const fs::path demo = g_source / "content/demo";
  for (const char* csv : {"categories.csv", "plans.csv", "community_members.csv"}) write(corpus / "csv" / csv, read(demo / csv));
  write(corpus / "csv/quotes-crlf-bom.csv", "\xEF\xBB\xBFid,name\r\n1,\"ศรี, โพธิ์\"\r\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n");
  for (const char* md : {"what-is-km.md", "km-team.md"}) {
    write(corpus / "front_matter" / md, read(demo / "articles" / md));
    auto doc = content::parse_front_matter(read(demo / "articles" / md), md);
    if (doc) write(corpus / "markdown" / md, doc->body);
  }
  write(corpus / "front_matter/organization.md", read(demo / "organization.md"));
  write(corpus / "front_matter/quoted.md", "---\ntitle: \"ก: \\\"ข\\\"\"\n# a comment\ntags: a, b\n---\n\nbody\n");
  write(corpus / "markdown/inline.md",
        "# หัวข้อ\n\n**หนา** *เอียง* [ลิงก์](https://example.org) ![ภาพ **หนา** *เอียง*](a.png) ต่อจากภาพ\n\n"
        "> อ้างอิง\n> - รายการ\n>   1. ซ้อน\n\n| ก | ข |\n|---|:-:|\n| ![x](b.png) | [y](z) |\n\n```\ncode\n```\n---\n");
  std::istringstream strings(read(g_source / "tests/data/thai-test-strings.tsv"));
  std::string line;
  int n = 0;
  while (std::getline(strings, line) && n < 24) {
    if (line.empty() || line[0] == '#') continue;
    const std::string text = line.substr(0, line.find('\t'));
    write(corpus / "text" / ("line" + std::to_string(n)), std::string(1, static_cast<char>('A' + n)) + text);
    if (n < 12) write(corpus / "search" / ("query" + std::to_string(n)), text.substr(0, 60));
    ++n;
  }
  int w = 0;
  for (const char* q : {"ความรู้", "การจัดการความรู้ KM", "ชุมชนนักปฏิบัติ", "km", "ปราการ", "๒๕๖๔"}) {
    write(corpus / "search" / ("word" + std::to_string(w++)), q);
  }
}

void minisign_seeds(const fs::path& dir) {
  const bundle::KeyPair key = bundle::generate_keypair();
  write(dir / "key.pub", bundle::format_public_key_file(key.pub));
  write(dir / "key.sec", bundle::format_secret_key_file(key.secret));
  bundle::Hasher h;
  h.update("bundle", 6);
  write(dir / "bundle.minisig",
        bundle::format_signature_file(bundle::sign_hash(key.secret, h.finish(), "khlang seq=1 channel=main org=ทดสอบ")));
}

// The fuzzers' content folder packed, then rewritten with 512-byte pages (a seed of a few dozen KB).
void bundle_seeds(const fs::path& dir) {
  auto set = content::load_content_folder((g_source / "tests/fuzz/bundle_content").string());
  if (!set) {
    std::fprintf(stderr, "make_seeds: %s\n", set.error().message.c_str());
    std::exit(1);
  }
  const bundle::KeyPair key = bundle::generate_keypair();
  fs::create_directories(dir);
  for (int variant = 0; variant < 2; ++variant) {
    if (variant == 1) {  // and one without images: no media, no cover
      set->tables["media"].clear();
      for (auto& row : set->tables["article"]) row.cells[10] = std::nullopt;
    }
    const fs::path out = dir / (variant == 0 ? "small.khb" : "no-media.khb");
    auto packed = bundle::pack_bundle(set.value(), {"fuzz", "main", 1, "2025-01-01T00:00:00Z"}, key.secret, out.string());
    if (!packed) {
      std::fprintf(stderr, "make_seeds: %s\n", packed.error().message.c_str());
      std::exit(1);
    }
    fs::remove(bundle::signature_path(out.string()));
    sqlite3* db = nullptr;
    if (sqlite3_open(out.c_str(), &db) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA page_size=512; VACUUM;", nullptr, nullptr, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "make_seeds: cannot shrink %s\n", out.c_str());
      std::exit(1);
    }
    sqlite3_close(db);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds SOURCE_DIR\n");
    return 2;
  }
  g_source = argv[1];
  const fs::path corpus = g_source / "tests/fuzz/corpus";
  fs::remove_all(corpus);
  write(g_source / "tests/fuzz/bundle_content/media/dot.png", png(4, 4, PNG_COLOR_TYPE_RGBA, 8, false));
  image_seeds(corpus / "image");
  text_seeds(corpus);
  minisign_seeds(corpus / "minisign");
  bundle_seeds(corpus / "bundle_import");
  std::printf("make_seeds: wrote %s\n", corpus.c_str());
  return 0;
}
