// [SECTION] The two decoders behind image_decoder.h (internal to shared/image). Each reads its
// own header, and decodes only after decode_image has checked that header against the limits;
// both stream rows into an AreaScaler.
#pragma once

#include <string>
#include <string_view>

#include "image/image_decoder.h"

namespace khlang::image::codecs {

Expected<ImageHeader> png_header(std::string_view bytes);
Expected<Image> png_decode(std::string_view bytes, const ImageHeader& approved, const DecodeOptions& options);

Expected<ImageHeader> jpeg_header(std::string_view bytes);
Expected<Image> jpeg_decode(std::string_view bytes, const ImageHeader& approved, const DecodeOptions& options);

// Errors from here carry no file name; decode_image adds it.

}  // namespace khlang::image::codecs
