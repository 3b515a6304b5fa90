#include "render/text_renderer.h"

#include <string>

#include "render/item_recorder.h"

#include "platform/gl.h"
#include "text/glyph_placement.h"

namespace khlang::kiosk {

TextRenderer::TextRenderer(text::TextEngine& engine) : engine_(engine) {
  glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  // The atlas is coverage only; ImGui's shader multiplies vertex colour by the texel, so the
  // texel must read as white with the coverage as alpha.
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  frame_generation_ = engine_.atlas().generation();
}

TextRenderer::~TextRenderer() { glDeleteTextures(1, &texture_); }

std::shared_ptr<const text::TextLayout> TextRenderer::layout(const TextBlock& b) {
  if (b.spans && !b.spans->empty()) return engine_.layout_rich(b.text, *b.spans, b.style, b.wrap, b.align);
  return engine_.layout(b.text, b.style, b.wrap, b.align);
}

std::shared_ptr<const text::TextLayout> TextRenderer::draw(ImDrawList* list, ImVec2 pos, const TextBlock& block,
                                                           ImU32 color, ImU32 link_color) {
  auto laid = layout(block);
  draw(list, pos, block, *laid, color, link_color);
  return laid;
}

std::shared_ptr<const text::FittedText> TextRenderer::fit(std::string_view text, const text::TextStyle& style,
                                                          const text::FitOptions& o) {
  constexpr size_t kMaxFitted = 4096;  // a few screens' worth; starting over costs a few layouts
  std::string key(text);
  const float numbers[] = {style.size_px, style.line_height, o.width, o.height, o.min_size_px};
  key.append(reinterpret_cast<const char*>(numbers), sizeof numbers);
  key += static_cast<char>(style.weight);
  key += static_cast<char>(o.align);
  key += static_cast<char>(o.max_lines);
  if (auto it = fitted_.find(key); it != fitted_.end()) return it->second;
  if (fitted_.size() >= kMaxFitted) fitted_.clear();
  auto fitted = std::make_shared<const text::FittedText>(text::fit_text(engine_, text, style, o));
  fitted_.emplace(std::move(key), fitted);
  return fitted;
}

void TextRenderer::draw(ImDrawList* list, ImVec2 pos, const TextBlock& block, const text::TextLayout& layout,
                        ImU32 color, ImU32 link_color, const ImRect* frame) {
  const ImVec2 clip_min = list->GetClipRectMin(), clip_max = list->GetClipRectMax();
  if (recorder_ && !block.text.empty()) {
    DrawnItem item;
    const TextSpanX span = text_span(layout);
    item.box = {pos.x + span.left, pos.y, pos.x + span.right, pos.y + layout.height};
    item.frame = frame ? ItemBox{frame->Min.x, frame->Min.y, frame->Max.x, frame->Max.y}
                       : ItemBox{pos.x, pos.y, pos.x + (block.wrap > 0 ? block.wrap : layout.width), pos.y + layout.height};
    item.size = block.style.size_px;
    item.bold = block.style.weight == text::Weight::Bold;
    item.line_height = block.style.line_height;
    item.align = static_cast<int>(block.align);
    item.wrap = block.wrap;
    item.text_rgba = rgba_of(color);
    item.link_rgba = link_color ? rgba_of(link_color) : 0;
    if (block.spans) item.spans = *block.spans;
    item.label = block.text;
    recorder_->add(std::move(item), ImRect(clip_min, clip_max));
  }
  if (pos.y > clip_max.y || pos.y + layout.height < clip_min.y) return;
  text::GlyphAtlas& atlas = engine_.atlas();
  list->PushTextureID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture_)));
  if (!link_color) link_color = color;
  const float inv_w = 1.0f / static_cast<float>(atlas.width());
  const float inv_h = 1.0f / static_cast<float>(atlas.height());
  text::for_each_placed_glyph(atlas, layout, pos.x, pos.y, clip_min.y, clip_max.y, [&](const text::PlacedGlyph& g) {
    const text::AtlasGlyph& b = g.bitmap;
    const ImVec2 a(static_cast<float>(g.x), static_cast<float>(g.y));
    const ImVec2 c(a.x + b.width, a.y + b.height);
    const ImU32 col = (g.flags & text::kSpanLink) ? link_color : color;
    const ImVec2 uv0(b.x * inv_w, b.y * inv_h), uv1((b.x + b.width) * inv_w, (b.y + b.height) * inv_h);
    list->PrimReserve(6, 4);
    if (g.flags & text::kSpanItalic) {
      // No Thai italic face exists: slant the glyph, its top leaning right by a fifth of its height
      // above the baseline (text::kItalicSlant, as the painter of the tests does).
      const float top = (g.baseline - a.y) * text::kItalicSlant, bottom = (g.baseline - c.y) * text::kItalicSlant;
      list->PrimQuadUV(ImVec2(a.x + top, a.y), ImVec2(c.x + top, a.y), ImVec2(c.x + bottom, c.y),
                       ImVec2(a.x + bottom, c.y), uv0, ImVec2(uv1.x, uv0.y), uv1, ImVec2(uv0.x, uv1.y), col);
    } else {
      list->PrimRectUV(a, c, uv0, uv1, col);
    }
  });
  list->PopTextureID();
}

bool TextRenderer::upload() {
  text::GlyphAtlas& atlas = engine_.atlas();
  const bool stale = atlas.generation() != frame_generation_;
  frame_generation_ = atlas.generation();
  const text::DirtyRows dirty = atlas.take_dirty();
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  if (texture_height_ != atlas.height()) {
    texture_height_ = atlas.height();
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.width(), atlas.height(), 0, GL_RED, GL_UNSIGNED_BYTE, atlas.pixels());
  } else if (!dirty.empty()) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, dirty.y_begin, atlas.width(), dirty.y_end - dirty.y_begin, GL_RED,
                    GL_UNSIGNED_BYTE, atlas.pixels() + static_cast<size_t>(dirty.y_begin) * static_cast<size_t>(atlas.width()));
  }
  return !stale;
}

}  // namespace khlang::kiosk
