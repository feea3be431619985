/*
 * The watchdog: holds the wall-clock limit when single Lua instructions are slow.
 *
 * The count hook checks the deadline every hook_interval instructions. One instruction can take long (comparing
 * two 20 MB strings, concatenating large strings), so a run of them could overrun the deadline by up to
 * hook_interval slow instructions. The watchdog is one process-wide thread that watches every registered state;
 * when a state is inside a protected call past its deadline, it sends RH_WATCHDOG_SIGNAL to the thread running
 * the call. The signal handler, on that thread, sets a count hook of 1 on the running Lua thread (as lua.c does
 * on Ctrl-C): the next instruction calls the hook, which raises the time limit.
 *
 * Cost on the hot path: none beyond rh_begin_call recording the calling thread; the watchdog thread polls only
 * while a registered state has a time limit.
 */
#define _GNU_SOURCE
#include "LuaShim.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

#define RH_WATCHDOG_SIGNAL SIGURG

static pthread_mutex_t rhw_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t rhw_wake; /* on the monotonic clock: a wall-clock step must not stall the watchdog */
static RHControl *rhw_states = NULL; /* registered states, linked through watch_next */
static int rhw_started = 0;  /* rhw_start ran (under rhw_lock) */
static int rhw_running = 0;  /* the watchdog thread exists */

/* The state whose protected call runs on this thread (set by rh_watchdog_enter, read by the signal handler). */
static _Thread_local RHControl *rhw_current = NULL;
/* Whether this thread takes the watchdog's signal: worker threads (Dispatch, Swift concurrency) start with every
   signal blocked, so each thread unblocks it once, before its first call. */
static _Thread_local int rhw_unblocked = 0;

static void rhw_handler(int signo) {
    (void)signo;
    int saved = errno;
    RHControl *ctl = rhw_current;
    if (ctl != NULL && __atomic_load_n(&ctl->depth, __ATOMIC_RELAXED) > 0 && ctl->running != NULL) {
        int64_t deadline = __atomic_load_n(&ctl->deadline_ns, __ATOMIC_RELAXED);
        if (deadline != 0 && rh_now_ns() > deadline) rh_alarm_hook(ctl->running);
    }
    errno = saved;
}

/* The smallest time limit among registered states, or 0 when none has one. Called with rhw_lock held. */
static int64_t rhw_smallest_limit(void) {
    int64_t smallest = 0;
    for (RHControl *ctl = rhw_states; ctl != NULL; ctl = ctl->watch_next) {
        int64_t limit = __atomic_load_n(&ctl->time_limit_ns, __ATOMIC_RELAXED);
        if (limit != 0 && (smallest == 0 || limit < smallest)) smallest = limit;
    }
    return smallest;
}

static void *rhw_run(void *unused) {
    (void)unused;
    pthread_mutex_lock(&rhw_lock);
    for (;;) {
        int64_t smallest = rhw_smallest_limit();
        if (smallest == 0) {
            pthread_cond_wait(&rhw_wake, &rhw_lock);
            continue;
        }
        /* Poll at a twentieth of the smallest limit, between 1 and 20 ms: the overrun stays within 5%. */
        int64_t period = smallest / 20;
        if (period < 1000000) period = 1000000;
        if (period > 20000000) period = 20000000;
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += (long)period;
        until.tv_sec += until.tv_nsec / 1000000000;
        until.tv_nsec %= 1000000000;
        pthread_cond_timedwait(&rhw_wake, &rhw_lock, &until);

        int64_t now = rh_now_ns();
        for (RHControl *ctl = rhw_states; ctl != NULL; ctl = ctl->watch_next) {
            /* Acquire: the thread and deadline written before depth was raised are seen. */
            if (__atomic_load_n(&ctl->depth, __ATOMIC_ACQUIRE) <= 0) continue;
            int64_t deadline = __atomic_load_n(&ctl->deadline_ns, __ATOMIC_RELAXED);
            /* Signalled again each period while the call is overdue: an alarm can land on a thread that has just
               stopped running (a coroutine switch in progress), and the next one then reaches the right one. */
            if (deadline != 0 && now > deadline)
                pthread_kill(__atomic_load_n(&ctl->thread, __ATOMIC_RELAXED), RH_WATCHDOG_SIGNAL);
        }
    }
    return NULL;
}

static void rhw_start(void) {
    pthread_condattr_t clock;
    pthread_condattr_init(&clock);
    pthread_condattr_setclock(&clock, CLOCK_MONOTONIC);
    pthread_cond_init(&rhw_wake, &clock);
    pthread_condattr_destroy(&clock);

    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    action.sa_handler = rhw_handler;
    sigaction(RH_WATCHDOG_SIGNAL, &action, NULL);

    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    /* The watchdog must not take the signal it sends. */
    sigset_t blocked, previous;
    sigemptyset(&blocked);
    sigaddset(&blocked, RH_WATCHDOG_SIGNAL);
    pthread_sigmask(SIG_BLOCK, &blocked, &previous);
    pthread_t thread;
    /* Without the thread (no resources to start one), limits fall back to the count hook: rh_watchdog_running. */
    if (pthread_create(&thread, &attributes, rhw_run, NULL) == 0) __atomic_store_n(&rhw_running, 1, __ATOMIC_RELEASE);
    rhw_started = 1;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    pthread_attr_destroy(&attributes);
}

void rh_watchdog_register(RHControl *ctl) {
    pthread_mutex_lock(&rhw_lock);
    if (!rhw_started) rhw_start();
    ctl->watch_next = rhw_states;
    rhw_states = ctl;
    pthread_cond_signal(&rhw_wake);
    pthread_mutex_unlock(&rhw_lock);
}

void rh_watchdog_limits_changed(void) {
    pthread_mutex_lock(&rhw_lock);
    if (rhw_started) pthread_cond_signal(&rhw_wake);
    pthread_mutex_unlock(&rhw_lock);
}

int rh_watchdog_running(void) { return __atomic_load_n(&rhw_running, __ATOMIC_ACQUIRE); }

void rh_watchdog_unregister(RHControl *ctl) {
    pthread_mutex_lock(&rhw_lock);
    for (RHControl **link = &rhw_states; *link != NULL; link = &(*link)->watch_next) {
        if (*link == ctl) {
            *link = ctl->watch_next;
            break;
        }
    }
    ctl->watch_next = NULL;
    pthread_mutex_unlock(&rhw_lock);
    if (rhw_current == ctl) rhw_current = NULL;
}

RHControl *rh_watchdog_enter(RHControl *ctl) {
    RHControl *previous = rhw_current;
    if (!rhw_unblocked) {
        sigset_t signal;
        sigemptyset(&signal);
        sigaddset(&signal, RH_WATCHDOG_SIGNAL);
        pthread_sigmask(SIG_UNBLOCK, &signal, NULL);
        rhw_unblocked = 1;
    }
    __atomic_store_n(&ctl->thread, pthread_self(), __ATOMIC_RELAXED);
    rhw_current = ctl;
    return previous;
}

void rh_watchdog_leave(RHControl *previous) { rhw_current = previous; }
