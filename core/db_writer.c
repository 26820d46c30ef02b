/*
** db_writer.c — one writer at a time among the connections of this process that ask for it.
**
** SQLite lets one connection write at a time and makes the others poll: its busy handler
** sleeps 1, 2, 5 … 100 ms between tries. With several worker threads saving back to back (the
** 月度报送 of 30 units through policytk serve), a waiter that polls every 100 ms can miss every
** turn for the whole busy timeout while the other threads take the lock again and again, and
** its save fails with "database is locked" — a save lost for a user. Connections opened with
** serialize_writers take this process-wide turn first: a blocked thread is woken as soon as
** the turn is given back (no polling), and waiters are served in the order they came (a
** ticket lock), so none starves. Other processes still meet SQLite's own busy handling.
*/
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "db_writer.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn = PTHREAD_COND_INITIALIZER;
static unsigned long next_ticket;      /* the ticket the next waiter takes */
static unsigned long serving;          /* the ticket whose turn it is */

/* Tickets given up by a waiter that timed out: skipped when their turn comes (a list grown as
** needed; a waiter gives up only after its whole busy timeout, so it stays short). */
static unsigned long *given_up;
static int n_given_up, cap_given_up;

/* Note ticket t as given up; 0, or -1 when out of memory. Caller holds `lock`. */
static int give_up(unsigned long t) {
  if (n_given_up == cap_given_up) {
    int cap = cap_given_up ? cap_given_up * 2 : 16;
    unsigned long *grown = realloc(given_up, (size_t)cap * sizeof *grown);
    if (grown == NULL) return -1;
    given_up = grown;
    cap_given_up = cap;
  }
  given_up[n_given_up++] = t;
  return 0;
}

static int is_given_up(unsigned long t) {
  for (int i = 0; i < n_given_up; i++) {
    if (given_up[i] == t) {
      given_up[i] = given_up[--n_given_up];
      return 1;
    }
  }
  return 0;
}

/* Move past tickets whose waiters gave up. Caller holds `lock`. */
static void skip_given_up(void) {
  while (serving != next_ticket && is_given_up(serving)) serving++;
}

int ptk_db_writer_lock(int timeout_ms) {
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += timeout_ms / 1000;
  deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&lock);
  unsigned long mine = next_ticket++;
  while (serving != mine) {
    int rc = pthread_cond_timedwait(&turn, &lock, &deadline);
    if (rc == ETIMEDOUT && serving != mine) {
      if (give_up(mine) != 0) {                  /* out of memory: wait for the turn after all */
        while (serving != mine) pthread_cond_wait(&turn, &lock);
        break;
      }
      pthread_mutex_unlock(&lock);
      return -1;
    }
  }
  pthread_mutex_unlock(&lock);
  return 0;
}

void ptk_db_writer_unlock(void) {
  pthread_mutex_lock(&lock);
  serving++;
  skip_given_up();
  pthread_cond_broadcast(&turn);
  pthread_mutex_unlock(&lock);
}
