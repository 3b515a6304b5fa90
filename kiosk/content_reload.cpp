#include "content_reload.h"

namespace khlang::kiosk {

ContentReload::Due ContentReload::poll(int settings_generation, int content_generation, bool in_admin) {
  Due due;
  if (settings_generation != settings_generation_) {
    settings_generation_ = settings_generation;
    due.settings = true;
  }
  if (content_generation != content_generation_) {
    content_generation_ = content_generation;
    content_stale_ = true;
  }
  if (content_stale_ && !in_admin) {
    content_stale_ = false;
    due.content = true;
  }
  return due;
}

}  // namespace khlang::kiosk
