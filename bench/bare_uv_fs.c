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

/* The limit for fs calls made through libuv's thread pool: a bare C libuv
 * program that reads <dir>/big, or writes <dir>/out, in 64 KiB requests,
 * one at a time, each started from the completion callback of the last.
 * This is the path every luv fs call takes (except reads of cached data,
 * which luv answers at once). Prints "bare-uv_<workload> <MB/s>" (10^6
 * bytes per second), like fs.lua.
 *   bare_uv_fs <read1|write1> <dir> <MiB> */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

enum { kChunk = 64 * 1024 };

static uv_loop_t* loop;
static uv_fs_t request;
static uv_file file;
static int writing;
static char chunk[kChunk];
static int64_t done_bytes, total_bytes;

static void Next(void);

static void OnDone(uv_fs_t* req) {
  ssize_t result = req->result;
  uv_fs_req_cleanup(req);
  if (result < 0) {
    fprintf(stderr, "bare_uv_fs: %s\n", uv_strerror((int)result));
    exit(1);
  }
  done_bytes += result;
  if (result > 0 && done_bytes < total_bytes) Next();
}

static void Next(void) {
  uv_buf_t buf = uv_buf_init(chunk, kChunk);
  int rc = writing ? uv_fs_write(loop, &request, file, &buf, 1, done_bytes, OnDone)
                   : uv_fs_read(loop, &request, file, &buf, 1, done_bytes, OnDone);
  if (rc != 0) {
    fprintf(stderr, "bare_uv_fs: %s\n", uv_strerror(rc));
    exit(1);
  }
}

int main(int argc, char** argv) {
  if (argc != 4 || (strcmp(argv[1], "read1") != 0 && strcmp(argv[1], "write1") != 0)) {
    fprintf(stderr, "usage: bare_uv_fs <read1|write1> <dir> <MiB>\n");
    return 2;
  }
  writing = strcmp(argv[1], "write1") == 0;
  total_bytes = (int64_t)atoi(argv[3]) * 1024 * 1024;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", argv[2], writing ? "out" : "big");
  memset(chunk, 'w', sizeof chunk);
  loop = uv_default_loop();

  uint64_t start = uv_hrtime();
  uv_fs_t open_request;
  int flags = writing ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY;
  file = uv_fs_open(loop, &open_request, path, flags, 0644, NULL);
  uv_fs_req_cleanup(&open_request);
  if (file < 0) {
    fprintf(stderr, "bare_uv_fs: %s: %s\n", path, uv_strerror(file));
    return 1;
  }
  Next();
  uv_run(loop, UV_RUN_DEFAULT);
  uv_fs_t close_request;
  uv_fs_close(loop, &close_request, file, NULL);
  uv_fs_req_cleanup(&close_request);
  double seconds = (uv_hrtime() - start) / 1e9;

  if (done_bytes != total_bytes) {
    fprintf(stderr, "bare_uv_fs: %lld of %lld bytes\n", (long long)done_bytes,
            (long long)total_bytes);
    return 1;
  }
  printf("bare-uv_%s %.1f\n", argv[1], done_bytes / seconds / 1e6);
  return 0;
}
