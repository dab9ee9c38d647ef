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

/* The limit for luv's ØMQ benchmarks: the same measurements in plain C over
 * libzmq, two threads of one process and blocking calls.
 *   zmq_limit thr <inproc|tcp> <size> <messages>   PUSH -> PULL throughput
 *   zmq_limit lat <inproc|tcp> <size> <roundtrips> REQ <-> REP round trips
 * Prints "msgs_per_s <n>" or "rtt_us <microseconds>". Throughput is timed
 * at the receiver from its first message to its last; latency over all
 * round trips. TCP uses an ephemeral port on 127.0.0.1. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static void* context;
static char endpoint[256];
static int size;
static long count;

static double Now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void Check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "zmq_limit: %s: %s\n", what, zmq_strerror(zmq_errno()));
    exit(1);
  }
}

static void* Pusher(void* unused) {
  (void)unused;
  void* push = zmq_socket(context, ZMQ_PUSH);
  Check(zmq_connect(push, endpoint) == 0, "connect");
  char* buffer = calloc(1, size);
  for (long i = 0; i < count; ++i) Check(zmq_send(push, buffer, size, 0) == size, "send");
  free(buffer);
  zmq_close(push);  /* the default linger delivers what is queued */
  return NULL;
}

static void* Echo(void* unused) {
  (void)unused;
  void* rep = zmq_socket(context, ZMQ_REP);
  Check(zmq_connect(rep, endpoint) == 0, "connect");
  zmq_msg_t msg;
  zmq_msg_init(&msg);
  for (long i = 0; i < count; ++i) {
    Check(zmq_msg_recv(&msg, rep, 0) >= 0, "recv");
    Check(zmq_msg_send(&msg, rep, 0) >= 0, "send");
  }
  zmq_msg_close(&msg);
  zmq_close(rep);
  return NULL;
}

/* Binds `socket` to the transport's endpoint and records where. */
static void Bind(void* socket, const char* transport) {
  int tcp = strcmp(transport, "tcp") == 0;
  Check(zmq_bind(socket, tcp ? "tcp://127.0.0.1:*" : "inproc://bench") == 0, "bind");
  size_t length = sizeof(endpoint);
  Check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, endpoint, &length) == 0, "endpoint");
}

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: zmq_limit <thr|lat> <inproc|tcp> <size> <count>\n");
    return 2;
  }
  size = atoi(argv[3]);
  count = atol(argv[4]);
  context = zmq_ctx_new();
  pthread_t peer;
  zmq_msg_t msg;
  zmq_msg_init(&msg);
  if (strcmp(argv[1], "thr") == 0) {
    void* pull = zmq_socket(context, ZMQ_PULL);
    Bind(pull, argv[2]);
    pthread_create(&peer, NULL, Pusher, NULL);
    Check(zmq_msg_recv(&msg, pull, 0) == size, "recv");
    double start = Now();
    for (long i = 1; i < count; ++i) Check(zmq_msg_recv(&msg, pull, 0) == size, "recv");
    double seconds = Now() - start;
    printf("msgs_per_s %.0f\n", (count - 1) / seconds);
    zmq_close(pull);
  } else {
    void* req = zmq_socket(context, ZMQ_REQ);
    Bind(req, argv[2]);
    pthread_create(&peer, NULL, Echo, NULL);
    char* buffer = calloc(1, size);
    double start = Now();
    for (long i = 0; i < count; ++i) {
      Check(zmq_send(req, buffer, size, 0) == size, "send");
      Check(zmq_msg_recv(&msg, req, 0) == size, "recv");
    }
    double seconds = Now() - start;
    printf("rtt_us %.2f\n", seconds / count * 1e6);
    free(buffer);
    zmq_close(req);
  }
  pthread_join(peer, NULL);
  zmq_msg_close(&msg);
  zmq_ctx_term(context);
  return 0;
}
