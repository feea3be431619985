/*
 * Limits: the counting allocator (memory cap), the count hook (instruction budget, wall-clock deadline),
 * protected calls and resumes that account for them, and the sticky limit error.
 */
#include "LuaShim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int64_t rh_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

RHControl *rh_control(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (RHControl *)ud;
}

/* Writes "chunk:line" of the innermost Lua function of L into out (when out is still empty). */
static void rhl_write_where(char *out, size_t size, lua_State *L) {
    lua_Debug ar;
    if (out[0] != '\0' || L == NULL) return;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar)) break;
        if (ar.currentline > 0) {
            snprintf(out, size, "%s:%d", ar.short_src, ar.currentline);
            return;
        }
    }
}

/*
 * Small blocks (tables, strings, userdata of a few words: most of what a scoring call makes, and garbage soon
 * after) are kept for reuse in per-state free lists, one per 16-byte size class up to RHL_POOL_MAX: a pop and a
 * push instead of malloc and free once a state has warmed up. Every block comes from malloc, sized to its class,
 * so any block can go back to malloc. The lists hold at most RHL_POOL_KEEP bytes in all: beyond that a freed block
 * goes straight back to malloc, so what a state holds stays within its live memory plus that, whatever mix of
 * sizes a script makes and drops. The memory accounting (and so the memory cap) counts the sizes Lua asks for.
 */
#define RHL_POOL_STEP 16
#define RHL_POOL_MAX 256
#define RHL_POOL_CLASSES (RHL_POOL_MAX / RHL_POOL_STEP)
#define RHL_POOL_KEEP (2 * 1024 * 1024)

typedef struct {
    void *free[RHL_POOL_CLASSES]; /* each free block holds the next */
    size_t kept;                  /* bytes in all the lists */
} RHLPool;

/* The size class of a block of 1..RHL_POOL_MAX bytes, or -1 for a larger one (left to malloc). */
static int rhl_class(size_t size) {
    return size <= RHL_POOL_MAX ? (int)((size + RHL_POOL_STEP - 1) / RHL_POOL_STEP) - 1 : -1;
}

static void *rhl_pool_get(RHControl *ctl, int cls) {
    RHLPool *pool = (RHLPool *)ctl->pool;
    if (pool == NULL) {
        pool = (RHLPool *)calloc(1, sizeof(RHLPool));
        if (pool == NULL) return NULL;
        ctl->pool = pool;
    }
    size_t size = (size_t)(cls + 1) * RHL_POOL_STEP;
    void *block = pool->free[cls];
    if (block != NULL) {
        pool->free[cls] = *(void **)block;
        pool->kept -= size;
        return block;
    }
    return malloc(size);
}

/* Frees a block Lua knows as `size` bytes: into its class's list while the lists have room, else to malloc. */
static void rhl_release(RHControl *ctl, void *ptr, size_t size) {
    int cls = rhl_class(size);
    RHLPool *pool = (RHLPool *)ctl->pool;
    size_t class_size = (size_t)(cls + 1) * RHL_POOL_STEP;
    if (cls < 0 || pool == NULL || pool->kept + class_size > RHL_POOL_KEEP) {
        free(ptr);
        return;
    }
    *(void **)ptr = pool->free[cls];
    pool->free[cls] = ptr;
    pool->kept += class_size;
}

/* realloc for blocks of `old` bytes (0: ptr is NULL), small ones through the lists. */
static void *rhl_resize(RHControl *ctl, void *ptr, size_t old, size_t nsize) {
    int to = rhl_class(nsize);
    if (ptr == NULL) return to >= 0 ? rhl_pool_get(ctl, to) : malloc(nsize);
    int from = rhl_class(old);
    if (from < 0 && to < 0) return realloc(ptr, nsize);
    if (from == to) return ptr;
    void *block = to >= 0 ? rhl_pool_get(ctl, to) : malloc(nsize);
    if (block == NULL) {
        /* Lua assumes a shrink never fails (manual, lua_Alloc): keep the block, which is large enough. It is later
           freed as one of the new size: into that size's list (a larger block there does no harm) or to malloc. */
        return nsize < old ? ptr : NULL;
    }
    memcpy(block, ptr, old < nsize ? old : nsize);
    rhl_release(ctl, ptr, old);
    return block;
}

size_t rh_pool_kept(const RHControl *ctl) { return ctl->pool != NULL ? ((const RHLPool *)ctl->pool)->kept : 0; }

/* Frees the blocks kept in the lists, and the lists. */
static void rhl_pool_free(RHControl *ctl) {
    RHLPool *pool = (RHLPool *)ctl->pool;
    if (pool == NULL) return;
    for (int cls = 0; cls < RHL_POOL_CLASSES; cls++) {
        void *block = pool->free[cls];
        while (block != NULL) {
            void *next = *(void **)block;
            free(block);
            block = next;
        }
    }
    free(pool);
    ctl->pool = NULL;
}

static void *rhl_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    RHControl *ctl = (RHControl *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (ptr != NULL) rhl_release(ctl, ptr, old);
        ctl->memory -= old;
        return NULL;
    }
    if (nsize > old && ctl->memory_limit != 0 && ctl->enforcing
        && ctl->memory - old + nsize > ctl->memory_limit) {
        /* Lua collects garbage and tries once more before raising a memory error; the error is
           recognised as the limit by rh_pcall and the sandbox's pcall wrappers. */
        /* Only a scratch note: Lua collects garbage and retries, and the retry may succeed. */
        ctl->memory_refused = 1;
        ctl->memory_where[0] = '\0';
        rhl_write_where(ctl->memory_where, sizeof ctl->memory_where, ctl->running);
        return NULL;
    }
    void *block = rhl_resize(ctl, ptr, old, nsize);
    if (block == NULL) return NULL;
    ctl->memory_refused = 0;
    ctl->memory = ctl->memory - old + nsize;
    if (ctl->memory > ctl->memory_peak) ctl->memory_peak = ctl->memory;
    return block;
}

lua_State *rh_newstate(RHControl *ctl) {
    lua_State *L = lua_newstate(rhl_alloc, ctl);
    if (L != NULL)
        ctl->running = L;
    else
        rhl_pool_free(ctl); /* what a failed start freed may be in the lists */
    return L;
}

void rh_close(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    RHControl *ctl = (RHControl *)ud;
    lua_close(L);
    rhl_pool_free(ctl);
}

static void rhl_format_bytes(char *out, size_t size, size_t bytes) {
    if (bytes % (1024 * 1024) == 0)
        snprintf(out, size, "%zu MiB", bytes / (1024 * 1024));
    else if (bytes % 1024 == 0)
        snprintf(out, size, "%zu KiB", bytes / 1024);
    else
        snprintf(out, size, "%zu bytes", bytes);
}

void rh_push_limit_message(lua_State *L) {
    RHControl *ctl = rh_control(L);
    char amount[64];
    switch (ctl->tripped) {
    case RH_LIMIT_INSTRUCTIONS:
        lua_pushfstring(L, "instruction limit of %I exceeded", (lua_Integer)ctl->instruction_limit);
        break;
    case RH_LIMIT_TIME:
        snprintf(amount, sizeof amount, "%g", (double)ctl->time_limit_ns / 1e9);
        lua_pushfstring(L, "time limit of %s s exceeded", amount);
        break;
    case RH_LIMIT_MEMORY:
        rhl_format_bytes(amount, sizeof amount, ctl->memory_limit);
        lua_pushfstring(L, "memory limit of %s exceeded", amount);
        break;
    default:
        lua_pushliteral(L, "no limit exceeded");
        break;
    }
}

static void rhl_hook(lua_State *L, lua_Debug *ar);

/* Marks the limit as tripped and raises it. From here on every hook call raises again. */
static int rhl_trip(lua_State *L, int which) {
    RHControl *ctl = rh_control(L);
    if (ctl->tripped == RH_LIMIT_NONE) {
        ctl->tripped = which;
        rhl_write_where(ctl->trip_where, sizeof ctl->trip_where, L);
    }
    lua_sethook(L, rhl_hook, LUA_MASKCOUNT, 1);
    /* The message may need memory the cap no longer allows: give it the host's allowance. */
    int enforcing = ctl->enforcing;
    ctl->enforcing = 0;
    if (ctl->trip_where[0] != '\0')
        lua_pushfstring(L, "%s: ", ctl->trip_where);
    else
        lua_pushliteral(L, "");
    rh_push_limit_message(L);
    lua_concat(L, 2);
    ctl->enforcing = enforcing;
    return lua_error(L);
}

/* Raises the tripped limit again if one is tripped (used after pcall, resume and Swift calls). */
static void rhl_trip_memory(RHControl *ctl) {
    ctl->tripped = RH_LIMIT_MEMORY;
    memcpy(ctl->trip_where, ctl->memory_where, sizeof ctl->trip_where);
}

int rh_reraise_if_tripped(lua_State *L, int status) {
    RHControl *ctl = rh_control(L);
    if (status == LUA_ERRMEM && ctl->memory_limit != 0 && ctl->tripped == RH_LIMIT_NONE) rhl_trip_memory(ctl);
    if (ctl->tripped != RH_LIMIT_NONE && ctl->enforcing) return rhl_trip(L, ctl->tripped);
    return 0;
}

static void rhl_check(lua_State *L, RHControl *ctl) {
    if (ctl->tripped != RH_LIMIT_NONE) rhl_trip(L, ctl->tripped);
    if (ctl->instruction_limit != 0 && ctl->instructions > ctl->instruction_limit)
        rhl_trip(L, RH_LIMIT_INSTRUCTIONS);
    if (ctl->deadline_ns != 0 && rh_now_ns() > ctl->deadline_ns) rhl_trip(L, RH_LIMIT_TIME);
}

static void rhl_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    RHControl *ctl = rh_control(L);
    if (!ctl->enforcing) return;
    if (lua_gethookcount(L) != ctl->hook_interval && ctl->tripped == RH_LIMIT_NONE) {
        /* The watchdog's alarm (a count of 1): raise the time limit when it is due; a stale alarm (left on a
           thread after its call ended) only puts the usual countdown back. */
        if (ctl->deadline_ns != 0 && rh_now_ns() > ctl->deadline_ns) rhl_trip(L, RH_LIMIT_TIME);
        rh_install_hook(L);
        return;
    }
    ctl->instructions += ctl->hook_interval;
    rhl_check(L, ctl);
}

void rh_alarm_hook(lua_State *L) { lua_sethook(L, rhl_hook, LUA_MASKCOUNT, 1); }

int rh_account(lua_State *L, int64_t steps) {
    RHControl *ctl = rh_control(L);
    if (ctl->tripped != RH_LIMIT_NONE) return 1;
    ctl->instructions += steps;
    int which = RH_LIMIT_NONE;
    if (ctl->instruction_limit != 0 && ctl->instructions > ctl->instruction_limit) which = RH_LIMIT_INSTRUCTIONS;
    else if (ctl->deadline_ns != 0 && rh_now_ns() > ctl->deadline_ns) which = RH_LIMIT_TIME;
    if (which == RH_LIMIT_NONE) return 0;
    ctl->tripped = which;
    rhl_write_where(ctl->trip_where, sizeof ctl->trip_where, L);
    return 1;
}

void rh_charge(lua_State *L, int64_t steps) {
    RHControl *ctl = rh_control(L);
    if (!ctl->enforcing) return;
    ctl->instructions += steps;
    rhl_check(L, ctl);
}

/* Installs the count hook on thread L when there is an instruction budget, or removes it. A time limit alone needs
   no hook: the watchdog (rh_watchdog.c) sets one when the deadline passes. Any count hook makes Lua trace every
   instruction, whatever its interval, so a state without a budget runs at the interpreter's full speed. */
void rh_install_hook(lua_State *L) {
    RHControl *ctl = rh_control(L);
    if (ctl->instruction_limit != 0 || (ctl->time_limit_ns != 0 && !rh_watchdog_running()))
        lua_sethook(L, rhl_hook, LUA_MASKCOUNT, ctl->hook_interval);
    else
        lua_sethook(L, NULL, 0, 0);
}

void rh_sync_hook(lua_State *L) {
    RHControl *ctl = rh_control(L);
    if (ctl->tripped != RH_LIMIT_NONE) {
        /* A tripped limit stops every thread at its next instruction. */
        lua_sethook(L, rhl_hook, LUA_MASKCOUNT, 1);
    } else if (ctl->instruction_limit != 0 || (ctl->time_limit_ns != 0 && !rh_watchdog_running())) {
        /* Reinstalling resets the countdown: only when the hook is not already ours (an alarm's count of 1 is
           kept too). */
        if (lua_gethook(L) != rhl_hook) lua_sethook(L, rhl_hook, LUA_MASKCOUNT, ctl->hook_interval);
    } else if (lua_gethook(L) != NULL && lua_gethookcount(L) != 1) {
        /* No budget: no countdown. An alarm's count of 1 stays; the hook removes itself if it is stale. */
        lua_sethook(L, NULL, 0, 0);
    }
}

void rh_begin_call(lua_State *L) {
    RHControl *ctl = rh_control(L);
    ctl->tripped = RH_LIMIT_NONE;
    ctl->trip_where[0] = '\0';
    ctl->error_where[0] = '\0';
    ctl->memory_refused = 0;
    ctl->instructions = 0;
    __atomic_store_n(&ctl->deadline_ns, ctl->time_limit_ns != 0 ? rh_now_ns() + ctl->time_limit_ns : 0,
                     __ATOMIC_RELAXED);
    int64_t interval = 1000; /* the deadline is checked this often; the hook costs the same per instruction */
    if (ctl->instruction_limit != 0 && ctl->instruction_limit < interval) interval = ctl->instruction_limit;
    ctl->hook_interval = (int)interval;
    rh_install_hook(L);
}


/* Message handler for host calls: a string message plus a traceback. */
static int rhl_message_handler(lua_State *L) {
    RHControl *ctl = rh_control(L);
    int enforcing = ctl->enforcing;
    rhl_write_where(ctl->error_where, sizeof ctl->error_where, L);
    if (lua_tostring(L, 1) != NULL) {
        lua_settop(L, 1);
    } else {
        /* __tostring runs under the limits: one that never returns is stopped like any script. */
        if (!(ctl->tripped == RH_LIMIT_NONE && luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING))
            lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    /* message "\n" traceback, joined as Lua values: a NUL byte in the message does not cut it short */
    ctl->enforcing = 0; /* the traceback is bounded; build it under the host's allowance */
    lua_pushliteral(L, "\n");
    luaL_traceback(L, L, NULL, 1);
    lua_concat(L, 3);
    ctl->enforcing = enforcing;
    return 1;
}

int rh_pcall(lua_State *L, int nargs, int nresults) {
    RHControl *ctl = rh_control(L);
    int outer = ctl->depth == 0;
    RHControl *watched = rh_watchdog_enter(ctl);
    if (outer) rh_begin_call(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, rhl_message_handler);
    lua_insert(L, base);
    lua_State *running = ctl->running;
    int enforcing = ctl->enforcing;
    ctl->running = L;
    ctl->enforcing = 1;
    __atomic_store_n(&ctl->depth, ctl->depth + 1, __ATOMIC_RELEASE);
    int status = lua_pcall(L, nargs, nresults, base);
    __atomic_store_n(&ctl->depth, ctl->depth - 1, __ATOMIC_RELAXED);
    rh_watchdog_leave(watched);
    ctl->enforcing = enforcing;
    ctl->running = running;
    lua_remove(L, base);
    if (status == LUA_ERRMEM && ctl->memory_limit != 0 && ctl->tripped == RH_LIMIT_NONE) rhl_trip_memory(ctl);
    return status;
}

int rh_resume(lua_State *co, lua_State *from, int nargs, int *nresults) {
    RHControl *ctl = rh_control(co);
    int outer = ctl->depth == 0;
    RHControl *watched = rh_watchdog_enter(ctl);
    if (outer) rh_begin_call(co);
    else rh_sync_hook(co);
    lua_State *running = ctl->running;
    int enforcing = ctl->enforcing;
    ctl->running = co;
    ctl->enforcing = 1;
    __atomic_store_n(&ctl->depth, ctl->depth + 1, __ATOMIC_RELEASE);
    int status = lua_resume(co, from, nargs, nresults);
    __atomic_store_n(&ctl->depth, ctl->depth - 1, __ATOMIC_RELAXED);
    rh_watchdog_leave(watched);
    ctl->enforcing = enforcing;
    ctl->running = running;
    if (status == LUA_ERRMEM && ctl->memory_limit != 0 && ctl->tripped == RH_LIMIT_NONE) rhl_trip_memory(ctl);
    return status;
}

void rh_traceback(lua_State *L, lua_State *co, const char *msg, int level) {
    RHControl *ctl = rh_control(L);
    int enforcing = ctl->enforcing;
    ctl->enforcing = 0;
    luaL_traceback(L, co, msg, level);
    ctl->enforcing = enforcing;
}

const char *rh_trip_where(lua_State *L) { return rh_control(L)->trip_where; }
const char *rh_error_where(lua_State *L) { return rh_control(L)->error_where; }
