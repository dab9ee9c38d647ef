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

/* echo_uv: the limit the echo benchmark compares luv with, a plain C libuv
 * TCP echo server. Listens on 127.0.0.1, port 0 (or argv[1]), prints
 * "port N" and serves until killed. Each read is written back at once: first
 * with uv_try_write, the rest (if any) with uv_write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

typedef struct {
  uv_write_t req;
  char* data;
} write_req_t;

static void on_close(uv_handle_t* handle) { free(handle); }

static void on_alloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf) {
  static char scratch[65536];
  (void)handle;
  (void)suggested;
  *buf = uv_buf_init(scratch, sizeof(scratch));
}

static void on_written(uv_write_t* req, int status) {
  write_req_t* w = (write_req_t*)req;
  (void)status;
  free(w->data);
  free(w);
}

static void on_read(uv_stream_t* client, ssize_t nread, const uv_buf_t* buf) {
  if (nread < 0) {
    uv_close((uv_handle_t*)client, on_close);
    return;
  }
  if (nread == 0) return;
  uv_buf_t out = uv_buf_init(buf->base, (unsigned)nread);
  int written = uv_try_write(client, &out, 1);
  if (written == UV_EAGAIN) written = 0;
  if (written < 0) {
    uv_close((uv_handle_t*)client, on_close);
    return;
  }
  if (written < nread) {
    write_req_t* w = malloc(sizeof(*w));
    size_t rest = (size_t)nread - (size_t)written;
    w->data = malloc(rest);
    memcpy(w->data, buf->base + written, rest);
    out = uv_buf_init(w->data, (unsigned)rest);
    uv_write(&w->req, client, &out, 1, on_written);
  }
}

static void on_connection(uv_stream_t* server, int status) {
  if (status < 0) return;
  uv_tcp_t* client = malloc(sizeof(*client));
  uv_tcp_init(server->loop, client);
  if (uv_accept(server, (uv_stream_t*)client) == 0) {
    uv_read_start((uv_stream_t*)client, on_alloc, on_read);
  } else {
    uv_close((uv_handle_t*)client, on_close);
  }
}

int main(int argc, char** argv) {
  uv_loop_t* loop = uv_default_loop();
  uv_tcp_t server;
  struct sockaddr_in address;
  struct sockaddr_storage name;
  int length = sizeof(name);
  uv_tcp_init(loop, &server);
  uv_ip4_addr("127.0.0.1", argc > 1 ? atoi(argv[1]) : 0, &address);
  if (uv_tcp_bind(&server, (const struct sockaddr*)&address, 0) != 0 ||
      uv_listen((uv_stream_t*)&server, 1024, on_connection) != 0) {
    fprintf(stderr, "echo_uv: cannot listen\n");
    return 1;
  }
  uv_tcp_getsockname(&server, (struct sockaddr*)&name, &length);
  printf("port %d\n", ntohs(((struct sockaddr_in*)&name)->sin_port));
  fflush(stdout);
  return uv_run(loop, UV_RUN_DEFAULT);
}
