// The image decoder: PNG and JPEG only, sizes checked before any pixel, rows shrunk as they come,
// a bad image an error (never a crash or a hang), a decode that can be cancelled.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>

#include "image/area_scaler.h"
#include "image/image.h"
#include "image/image_decoder.h"
#include "image/thumbnail.h"
#include "util/limits.h"

using namespace khlang;
using namespace khlang::image;

namespace {

Image picture(int w, int h, int channels) {
  Image im(w, h, channels);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      for (int c = 0; c < channels; ++c) im.row(y)[x * channels + c] = static_cast<uint8_t>((x * 7 + y * 13 + c * 50) % 256);
    }
  }
  return im;
}

std::string png_bytes(const Image& im) {
  const auto path = std::filesystem::temp_directory_path() / ("khlang-image-test-" + std::to_string(::getpid()) + ".png");
  REQUIRE(write_png(path.string(), im));
  std::string bytes;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f);
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
    std::fclose(f);
  }
  std::filesystem::remove(path);
  return bytes;
}

void put_be32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + static_cast<size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
}

// A PNG whose IHDR says `w` x `h` (CRC fixed) over a tiny image's data: libpng would start on it.
std::string png_claiming(uint32_t w, uint32_t h) {
  std::string s = png_bytes(picture(4, 4, 3));
  put_be32(s, 16, w);
  put_be32(s, 20, h);
  put_be32(s, 29, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(s.data() + 12), 17)));
  return s;
}

std::string_view view(const std::string& s) { return s; }

}  // namespace

TEST_CASE("PNG and JPEG decode to RGBA at full size and shrunk to fit") {
  const Image rgb = picture(40, 30, 3);
  auto png = decode_image(png_bytes(rgb), "a.png");
  REQUIRE(png.ok());
  CHECK(png->width == 40);
  CHECK(png->height == 30);
  CHECK(png->channels == 4);
  CHECK(png->at(5, 7, 0) == rgb.at(5, 7, 0));
  CHECK(png->at(5, 7, 2) == rgb.at(5, 7, 2));
  CHECK(png->at(5, 7, 3) == 255);

  auto jpeg_bytes = encode_jpeg(picture(400, 300, 3), 90);
  REQUIRE(jpeg_bytes.ok());
  auto header = read_image_header(jpeg_bytes.value(), "b.jpg");
  REQUIRE(header.ok());
  CHECK(header->format == ImageFormat::Jpeg);
  CHECK(std::string(header->mime()) == "image/jpeg");
  CHECK(header->width == 400);
  auto small = decode_image(jpeg_bytes.value(), "b.jpg", {.max_side = 64});
  REQUIRE(small.ok());
  CHECK(small->width == 64);
  CHECK(small->height == 48);

  auto grey = encode_jpeg(picture(20, 10, 1), 90);
  REQUIRE(grey.ok());
  auto grey_rgba = decode_image(grey.value(), "g.jpg");
  REQUIRE(grey_rgba.ok());
  CHECK(grey_rgba->at(3, 3, 0) == grey_rgba->at(3, 3, 1));
}

TEST_CASE("only PNG and JPEG: other formats are refused by their first bytes, at once") {
  // Radiance HDR, the format that made stb_image loop forever (114 bytes, declaring a huge image).
  std::string hdr = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 30000 +X 30000\n";
  hdr.resize(114, '\x02');
  for (const std::string& bytes : {hdr, std::string("GIF89a\x01\x00\x01\x00", 10), std::string("BM"), std::string()}) {
    const auto start = std::chrono::steady_clock::now();
    auto decoded = decode_image(bytes, "media/x.png");
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message == "media/x.png: not a PNG or JPEG image (only those two formats are shown)");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  }
}

TEST_CASE("the size is read and capped before any pixel is decoded") {
  // The 388 KB PNG declaring 20000 x 20000: refused from its header.
  auto huge = decode_image(png_claiming(20000, 20000), "media/huge.png");
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().message.find("media/huge.png: 20,000 x 20,000 pixels is too large") == 0);
  // Within the side limit but over the pixel count.
  CHECK_FALSE(read_image_header(png_claiming(8000, 8000), "x").ok());
  CHECK(read_image_header(png_claiming(6000, 4000), "x").ok());
  // A header within the limits over data that is not that big: an error from libpng, not a crash.
  auto lying = decode_image(png_claiming(6000, 4000), "x");
  REQUIRE_FALSE(lying.ok());
  CHECK(lying.error().message.find("x: a damaged PNG") == 0);
  // Too many bytes.
  std::string big = png_bytes(picture(4, 4, 3));
  big.resize(limits::kMaxImageBytes + 1);
  CHECK(read_image_header(big, "x").error().message.find("bytes is too large") != std::string::npos);
}

TEST_CASE("a damaged JPEG is an error, not a write out of bounds") {
  auto good = encode_jpeg(picture(64, 64, 3), 80);
  REQUIRE(good.ok());
  std::string bad = good.value();
  // Make the first Huffman table's counts claim far more than 256 codes (stb_image 2.27 wrote past its
  // buffer on such a table).
  const size_t dht = bad.find("\xFF\xC4");
  REQUIRE(dht != std::string::npos);
  for (size_t i = 0; i < 16; ++i) bad[dht + 5 + i] = static_cast<char>(0xFF);
  auto decoded = decode_image(bad, "bad.jpg");
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.error().message.find("bad.jpg: a damaged JPEG") == 0);
  // Truncated: decodes what is there (libjpeg fills the rest) or errors; never more than it should.
  auto truncated = decode_image(view(good.value()).substr(0, good->size() / 2), "half.jpg");
  if (truncated) CHECK(truncated->width == 64);
}

TEST_CASE("a decode stops when cancelled") {
  auto jpeg = encode_jpeg(picture(1000, 800, 3), 80);
  REQUIRE(jpeg.ok());
  std::atomic<bool> cancel{true};
  auto decoded = decode_image(jpeg.value(), "x.jpg", {.max_side = 0, .cancel = &cancel});
  REQUIRE_FALSE(decoded.ok());
  CHECK(decoded.error().message == "x.jpg: cancelled");
  auto png = decode_image(png_bytes(picture(100, 100, 3)), "x.png", {.max_side = 0, .cancel = &cancel});
  REQUIRE_FALSE(png.ok());
  CHECK(png.error().message == "x.png: cancelled");
}

TEST_CASE("AreaScaler averages the area each pixel covers, weighted by alpha") {
  CHECK(fit_within(6000, 4000, 320).width == 320);
  CHECK(fit_within(6000, 4000, 320).height == 213);
  CHECK(fit_within(100, 50, 320).width == 100);
  CHECK(fit_within(1, 9000, 64).width == 1);
  // 4x2 -> 2x1: each output pixel is the mean of a 2x2 block.
  const uint8_t rows[2][16] = {{0, 0, 0, 255, 100, 100, 100, 255, 10, 20, 30, 255, 10, 20, 30, 255},
                               {200, 200, 200, 255, 100, 100, 100, 255, 30, 40, 50, 255, 30, 40, 50, 255}};
  AreaScaler scaler(4, 2, {2, 1});
  scaler.push_row(rows[0]);
  scaler.push_row(rows[1]);
  REQUIRE(scaler.done());
  const Image out = scaler.take();
  CHECK(out.at(0, 0, 0) == 100);
  CHECK(out.at(1, 0, 0) == 20);
  CHECK(out.at(1, 0, 2) == 40);
  CHECK(out.at(1, 0, 3) == 255);
  // A transparent pixel's colour does not bleed into its neighbour.
  const uint8_t half[8] = {255, 0, 0, 255, 0, 0, 0, 0};
  AreaScaler alpha(2, 1, {1, 1});
  alpha.push_row(half);
  const Image a = alpha.take();
  CHECK(a.at(0, 0, 0) == 255);
  CHECK(a.at(0, 0, 3) == 128);
  // 3 -> 2 columns: the middle pixel is split between both.
  const uint8_t three[12] = {0, 0, 0, 255, 90, 90, 90, 255, 180, 180, 180, 255};
  AreaScaler thirds(3, 1, {2, 1});
  thirds.push_row(three);
  const Image t = thirds.take();
  CHECK(t.at(0, 0, 0) == 30);
  CHECK(t.at(1, 0, 0) == 150);
}

TEST_CASE("thumbnails are JPEGs that fit, with transparency on white") {
  Image rgba(300, 200, 4, 0);  // fully transparent
  auto thumb = make_thumbnail(png_bytes(rgba), "t.png", 100);
  REQUIRE(thumb.ok());
  CHECK(thumb->width == 100);
  CHECK(thumb->height == 67);
  auto back = decode_image(thumb->jpeg, "t.jpg");
  REQUIRE(back.ok());
  CHECK(back->at(50, 30, 0) > 245);
}
