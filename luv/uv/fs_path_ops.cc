// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

#include "luv/uv/fs_path_ops.h"

#include <utility>

#include "luv/uv/fs_blocking.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// The jobs' paths are their context: a copy the pool thread reads.
int64_t ChdirJob(FsOp* op) { return uv_chdir(op->context().c_str()); }

int64_t SyncPathJob(FsOp* op) { return SyncPath(op->context().c_str()); }

}  // namespace

// --- PathOp ----------------------------------------------------------------

void PathOp::Unlink(uv_loop_t* loop, const char* path) {
  Started(uv_fs_unlink(loop, req(), path, Callback));
}

void PathOp::Mkdir(uv_loop_t* loop, const char* path, int mode) {
  Started(uv_fs_mkdir(loop, req(), path, mode, Callback));
}

void PathOp::Rmdir(uv_loop_t* loop, const char* path) {
  Started(uv_fs_rmdir(loop, req(), path, Callback));
}

void PathOp::Rename(uv_loop_t* loop, const char* path, const char* new_path) {
  Started(uv_fs_rename(loop, req(), path, new_path, Callback));
}

void PathOp::Link(uv_loop_t* loop, const char* path, const char* new_path) {
  Started(uv_fs_link(loop, req(), path, new_path, Callback));
}

void PathOp::Symlink(uv_loop_t* loop, const char* target, const char* path) {
  Started(uv_fs_symlink(loop, req(), target, path, 0, Callback));
}

void PathOp::Chmod(uv_loop_t* loop, const char* path, int mode) {
  Started(uv_fs_chmod(loop, req(), path, mode, Callback));
}

void PathOp::Chown(uv_loop_t* loop, const char* path, uv_uid_t uid, uv_gid_t gid) {
  Started(uv_fs_chown(loop, req(), path, uid, gid, Callback));
}

void PathOp::Utime(uv_loop_t* loop, const char* path, double atime, double mtime) {
  Started(uv_fs_utime(loop, req(), path, atime, mtime, Callback));
}

void PathOp::Access(uv_loop_t* loop, const char* path, int mode) {
  Started(uv_fs_access(loop, req(), path, mode, Callback));
}

void PathOp::Copyfile(uv_loop_t* loop, const char* path, const char* new_path,
                      int flags) {
  Started(uv_fs_copyfile(loop, req(), path, new_path, flags, Callback));
}

void PathOp::Chdir(uv_loop_t* loop, const char* path) {
  set_context(path);
  Started(QueueJob(loop, ChdirJob));
}

void PathOp::Fsync(uv_loop_t* loop, const char* path) {
  set_context(path);
  Started(QueueJob(loop, SyncPathJob));
}

// --- OpenOp ----------------------------------------------------------------

OpenOp::~OpenOp() {
  if (opened_ != nullptr) opened_->Release();
}

void OpenOp::Start(uv_loop_t* loop, const char* path, int flags, int perm) {
  flags_ = flags;
  Started(uv_fs_open(loop, req(), path, flags, perm, Callback));
}

File* OpenOp::TakeFile() { return std::exchange(opened_, nullptr); }

void OpenOp::OnResult() {
  // Wrapped at once, so that the descriptor has an owner whatever happens
  // to this operation's owner.
  if (!ok()) return;
  const char* path = req()->path;
  opened_ = new File(req()->loop, static_cast<uv_file>(result()), flags_,
                     path != nullptr ? path : "");
}

// --- StatOp ----------------------------------------------------------------

void StatOp::Stat(uv_loop_t* loop, const char* path) {
  Started(uv_fs_stat(loop, req(), path, Callback));
}

void StatOp::Lstat(uv_loop_t* loop, const char* path) {
  Started(uv_fs_lstat(loop, req(), path, Callback));
}

void StatOp::Fstat(File* file) {
  UseFile(file);
  Pin(file);
  Started(uv_fs_fstat(file->loop(), req(), file->fd(), Callback));
}

// --- ScandirOp -------------------------------------------------------------

void ScandirOp::Start(uv_loop_t* loop, const char* path) {
  Started(uv_fs_scandir(loop, req(), path, 0, Callback));
}

bool ScandirOp::Next(DirEntry* entry) {
  if (!ok()) return false;
  uv_dirent_t dirent;
  if (uv_fs_scandir_next(req(), &dirent) == UV_EOF) return false;
  entry->name = dirent.name;
  entry->type = DirentTypeName(dirent.type);
  return true;
}

// --- PathTextOp ------------------------------------------------------------

void PathTextOp::Readlink(uv_loop_t* loop, const char* path) {
  Started(uv_fs_readlink(loop, req(), path, Callback));
}

void PathTextOp::Realpath(uv_loop_t* loop, const char* path) {
  Started(uv_fs_realpath(loop, req(), path, Callback));
}

void PathTextOp::Mkdtemp(uv_loop_t* loop, const char* path_template) {
  made_path_ = true;
  // mkdtemp rewrites libuv's copy of the template, also when it fails.
  set_context(path_template);
  Started(uv_fs_mkdtemp(loop, req(), path_template, Callback));
}

const char* PathTextOp::text() const {
  if (made_path_) return req()->path;
  return static_cast<const char*>(req()->ptr);
}

// --- Process state ---------------------------------------------------------

luv::Status Cwd(PathBuffer* out) {
  out->size = sizeof(out->data);
  int code = uv_cwd(out->data, &out->size);
  if (code < 0) out->size = 0;
  return UvStatus(code, "cwd");
}

luv::Status Exepath(PathBuffer* out) {
  out->size = sizeof(out->data);
  int code = uv_exepath(out->data, &out->size);
  if (code < 0) out->size = 0;
  return UvStatus(code, "exepath");
}

}  // namespace luv::uv
