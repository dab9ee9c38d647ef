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

/* tls_limit: the limit the TLS benchmark compares luv with, a plain C TLS
 * echo server on libuv and OpenSSL's memory BIOs.
 *
 *   tls_limit CERT KEY [PORT]
 *
 * Listens on 127.0.0.1, port 0 (or PORT), prints "port N" and serves until
 * killed. Each connection gets an SSL with a memory BIO either way: what
 * libuv reads goes into one, the handshake runs, the records it carries are
 * decrypted and each chunk is encrypted back at once; then what OpenSSL
 * wrote is sent, with uv_try_write and the rest (if any) with uv_write.
 * OpenSSL's defaults otherwise (TLS 1.3, tickets), as for luv and Node.js. */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

typedef struct {
  uv_tcp_t tcp;  /* first: the handle is the connection */
  SSL* ssl;
  BIO* in;  /* what came from the network, for OpenSSL */
  BIO* out; /* what OpenSSL wrote, for the network */
  int closing;
} conn_t;

typedef struct {
  uv_write_t req;
  char* data;
} write_req_t;

static SSL_CTX* ctx;
static char plain[65536];

static void on_close(uv_handle_t* handle) {
  conn_t* c = (conn_t*)handle;
  SSL_free(c->ssl); /* frees both BIOs */
  free(c);
}

static void close_conn(conn_t* c) {
  if (c->closing) return;
  c->closing = 1;
  uv_close((uv_handle_t*)&c->tcp, on_close);
}

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

/* Sends what OpenSSL has written. */
static void flush(conn_t* c) {
  char* data;
  long pending = BIO_get_mem_data(c->out, &data);
  uv_buf_t out;
  int written;
  if (pending <= 0 || c->closing) return;
  out = uv_buf_init(data, (unsigned)pending);
  written = uv_try_write((uv_stream_t*)&c->tcp, &out, 1);
  if (written == UV_EAGAIN) written = 0;
  if (written < 0) {
    close_conn(c);
    return;
  }
  if (written < pending) {
    write_req_t* w = malloc(sizeof(*w));
    size_t rest = (size_t)pending - (size_t)written;
    w->data = malloc(rest);
    memcpy(w->data, data + written, rest);
    out = uv_buf_init(w->data, (unsigned)rest);
    uv_write(&w->req, (uv_stream_t*)&c->tcp, &out, 1, on_written);
  }
  (void)BIO_reset(c->out);
}

static void on_read(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  conn_t* c = (conn_t*)stream;
  int n;
  if (nread < 0) {
    close_conn(c);
    return;
  }
  if (nread == 0) return;
  BIO_write(c->in, buf->base, (int)nread);
  if (!SSL_is_init_finished(c->ssl)) {
    n = SSL_do_handshake(c->ssl);
    if (n != 1) {
      int error = SSL_get_error(c->ssl, n);
      flush(c); /* the handshake's next flight, or an alert */
      if (error != SSL_ERROR_WANT_READ) {
        ERR_clear_error();
        close_conn(c);
      }
      return;
    }
  }
  for (;;) {
    n = SSL_read(c->ssl, plain, sizeof(plain));
    if (n <= 0) break;
    if (SSL_write(c->ssl, plain, n) <= 0) {
      ERR_clear_error();
      close_conn(c);
      return;
    }
  }
  flush(c);
  if (SSL_get_error(c->ssl, n) != SSL_ERROR_WANT_READ) {
    /* close_notify or a failure: answer the former and close */
    if (SSL_get_error(c->ssl, n) == SSL_ERROR_ZERO_RETURN) {
      SSL_shutdown(c->ssl);
      flush(c);
    }
    ERR_clear_error();
    close_conn(c);
  }
}

static void on_connection(uv_stream_t* server, int status) {
  conn_t* c;
  if (status < 0) return;
  c = calloc(1, sizeof(*c));
  uv_tcp_init(server->loop, &c->tcp);
  c->ssl = SSL_new(ctx);
  c->in = BIO_new(BIO_s_mem());
  c->out = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(c->in, -1); /* empty: "try again", not EOF */
  SSL_set_bio(c->ssl, c->in, c->out);
  SSL_set_accept_state(c->ssl);
  if (uv_accept(server, (uv_stream_t*)&c->tcp) == 0) {
    uv_tcp_nodelay(&c->tcp, 1);
    uv_read_start((uv_stream_t*)&c->tcp, on_alloc, on_read);
  } else {
    close_conn(c);
  }
}

int main(int argc, char** argv) {
  uv_loop_t* loop = uv_default_loop();
  uv_tcp_t server;
  struct sockaddr_in address;
  struct sockaddr_storage name;
  int length = sizeof(name);
  if (argc < 3) {
    fprintf(stderr, "usage: tls_limit CERT KEY [PORT]\n");
    return 2;
  }
  ctx = SSL_CTX_new(TLS_server_method());
  if (ctx == NULL || SSL_CTX_use_certificate_chain_file(ctx, argv[1]) != 1 ||
      SSL_CTX_use_PrivateKey_file(ctx, argv[2], SSL_FILETYPE_PEM) != 1) {
    fprintf(stderr, "tls_limit: cannot load %s and %s\n", argv[1], argv[2]);
    return 1;
  }
  uv_tcp_init(loop, &server);
  uv_ip4_addr("127.0.0.1", argc > 3 ? atoi(argv[3]) : 0, &address);
  if (uv_tcp_bind(&server, (const struct sockaddr*)&address, 0) != 0 ||
      uv_listen((uv_stream_t*)&server, 1024, on_connection) != 0) {
    fprintf(stderr, "tls_limit: cannot listen\n");
    return 1;
  }
  uv_tcp_getsockname(&server, (struct sockaddr*)&name, &length);
  printf("port %d\n", ntohs(((struct sockaddr_in*)&name)->sin_port));
  fflush(stdout);
  return uv_run(loop, UV_RUN_DEFAULT);
}
