// Never builds: see BUILD.bazel.
#include "luv/uv/loop.h"
