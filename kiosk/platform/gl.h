// OpenGL entry points for our own GL calls (texture upload, off-screen target, read-back), from
// GLVND's libOpenGL. ImGui's OpenGL3 backend loads its own.
#pragma once

#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
