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

/* The limit for many sleeping fibers: a bare C libuv program with N timers
 * (default 100,000), each due after a random 0-100 ms, one loop run until
 * all fired. Prints "bare_c_uv_timers <seconds>" for a fresh process, then
 * "bare_c_uv_timers_warm <seconds>" for the same again in the same process
 * (its memory already touched).
 *   bare_uv_timers [timers] */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

static int fired;

static void OnTimer(uv_timer_t* timer) {
  ++fired;
  uv_close((uv_handle_t*)timer, NULL);
}

/* One round: seconds until all n timers fired, or a negative number. */
static double Round(int n) {
  uv_loop_t loop;
  uv_loop_init(&loop);
  uv_timer_t* timers = malloc(sizeof(uv_timer_t) * n);
  srand(42);
  fired = 0;
  uint64_t start = uv_hrtime();
  for (int i = 0; i < n; ++i) {
    uv_timer_init(&loop, &timers[i]);
    uv_timer_start(&timers[i], OnTimer, rand() % 101, 0);
  }
  uv_run(&loop, UV_RUN_DEFAULT);
  double seconds = (uv_hrtime() - start) / 1e9;
  uv_loop_close(&loop);
  free(timers);
  return fired == n ? seconds : -1;
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  double cold = Round(n);
  double warm = Round(n);
  if (cold < 0 || warm < 0) return 1;
  printf("bare_c_uv_timers %.4f\n", cold);
  printf("bare_c_uv_timers_warm %.4f\n", warm);
  return 0;
}
