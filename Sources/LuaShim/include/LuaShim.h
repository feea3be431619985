#ifndef REHEARSAL_LUASHIM_H
#define REHEARSAL_LUASHIM_H
/*
 * LuaShim: the small C layer between the system Lua 5.4 library and Swift.
 *
 * - Functions for Lua's function-like macros, which Swift cannot import.
 * - A per-state control block (limits, accounting, print sink) reachable from any lua_State of the state.
 * - A counting allocator (memory cap), a count hook (instruction budget and wall-clock deadline).
 * - A call trampoline: Swift functions never raise Lua errors; they report a status and the trampoline,
 *   which is C, raises or yields.
 * - The sandbox: which libraries exist and how dangerous entries are replaced.
 * - Bounded Lua patterns (find, match, gmatch, gsub) whose work is charged to the same limits.
 *
 * Every exported name starts with rh_ (functions) or RH_ (constants and types).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- limits */

/* Which limit stopped a script (RHControl.tripped). */
typedef enum RHLimit {
    RH_LIMIT_NONE = 0,
    RH_LIMIT_INSTRUCTIONS = 1,
    RH_LIMIT_TIME = 2,
    RH_LIMIT_MEMORY = 3,
} RHLimit;

/* Host-side sink for print(): receives the bytes of one print call, newline included. */
typedef void (*rh_print_fn)(void *context, const char *bytes, size_t length);

/*
 * Swift function dispatcher, installed once per process with rh_set_dispatcher.
 * Called by the trampoline with the state, the host object of the state and the function's slot.
 * Returns RH_CALL_RETURN with the number of results in *count (results on top of the stack),
 * RH_CALL_YIELD with the number of values to yield in *count, or RH_CALL_ERROR with an error
 * message string on top of the stack (the trampoline prefixes the caller's position and raises it).
 * It must never raise a Lua error itself.
 */
typedef enum RHCallStatus {
    RH_CALL_RETURN = 0,
    RH_CALL_YIELD = 1,
    RH_CALL_ERROR = 2,
    RH_CALL_ERROR_NO_POSITION = 3, /* like RH_CALL_ERROR, the message is raised as it is */
} RHCallStatus;
typedef int (*rh_dispatch_fn)(lua_State *L, void *host, int slot, int *count);

/* The control block of one state: limits, accounting and host hooks. Owned by the host. */
typedef struct RHControl {
    /* Limits: 0 means none. */
    int64_t instruction_limit;  /* VM instructions per protected call (pattern steps count too) */
    int64_t time_limit_ns;      /* wall-clock per protected call, monotonic */
    size_t memory_limit;        /* bytes held by the state at any time */

    /* Accounting. */
    int64_t instructions;       /* charged since the current protected call began */
    int64_t deadline_ns;        /* absolute monotonic deadline, 0 = none */
    size_t memory;              /* bytes currently held */
    size_t memory_peak;
    int enforcing;              /* 1 while Lua code runs: the allocator may fail, hooks may raise */
    int tripped;                /* an RHLimit; sticky until rh_reset_limits */
    int hook_interval;          /* instructions between count-hook calls */

    int depth;                  /* nesting of rh_pcall/rh_resume */
    lua_State *running;         /* the thread running now (for the position of a memory error) */
    char trip_where[256];       /* "chunk:line" where the limit tripped, or "" */
    char error_where[256];      /* "chunk:line" of the innermost Lua function when an error was raised */
    char memory_where[256];     /* where the last allocation over the cap was refused (scratch) */
    int memory_refused;         /* the last allocation was refused (cleared by the next that succeeds) */

    /* Host. */
    void *host;                 /* the Swift object that owns the state (unretained) */
    rh_print_fn print;          /* print() and warn() output; NULL discards it */
    void *print_context;
    int warnings_off;           /* warn("@off") */
    int warn_continuing;        /* a warning message is being continued */

    /* Freed small blocks kept for reuse, at most 2 MiB of them (rh_limits.c); freed by rh_close. */
    void *pool;

    /* The registry index of the lazy tables' metatable (rh_lazy.c), 0 before rh_open_lazy: an integer key, which
       the registry finds in its array part (a light userdata key took a hash lookup); its only registry key. */
    int lazy_meta;

    /* Watchdog (rh_watchdog.c). */
    pthread_t thread;           /* the thread running the current outer call */
    struct RHControl *watch_next;
} RHControl;

/* Monotonic clock in nanoseconds. */
int64_t rh_now_ns(void);

/*
 * Creates a state that allocates through ctl's counting allocator. Returns NULL when out of memory.
 * The state is bare: call rh_open_sandbox next.
 */
lua_State *rh_newstate(RHControl *ctl);

/* Closes a state made by rh_newstate (lua_close) and frees the small blocks it kept for reuse. */
void rh_close(lua_State *L);
/* Bytes of freed small blocks the state keeps for reuse (at most 2 MiB, rh_limits.c). */
size_t rh_pool_kept(const RHControl *ctl);

/* The control block of any thread of a state made by rh_newstate. */
RHControl *rh_control(lua_State *L);

/* Starts a protected call's accounting (instructions, deadline, no limit tripped) and installs or removes the hook. */
void rh_begin_call(lua_State *L);

/*
 * Charges steps of work done in C (pattern matching) to the instruction budget and checks the deadline.
 * Raises the limit error (a Lua error, from C) when a limit is exceeded; returns normally otherwise.
 */
void rh_charge(lua_State *L, int64_t steps);

/* Installs the count hook on thread L when a limit is set (or removes it). */
void rh_install_hook(lua_State *L);
/* Like rh_install_hook, but leaves an installed hook (and its countdown) alone. */
void rh_sync_hook(lua_State *L);

/* If a limit has tripped (or status is a memory error under a cap), raises the limit error again. */
int rh_reraise_if_tripped(lua_State *L, int status);

/*
 * Like rh_charge, but never raises: for work done in Swift. Returns nonzero when a limit has tripped
 * (the trampoline raises it once the Swift function returns).
 */
int rh_account(lua_State *L, int64_t steps);

/* The message of the tripped limit, e.g. "instruction limit of 1000000 exceeded", pushed as a string. */
void rh_push_limit_message(lua_State *L);

/* "chunk:line" where the limit tripped, and where the last error was raised ("" when unknown). */
const char *rh_trip_where(lua_State *L);
const char *rh_error_where(lua_State *L);

/* ---------------------------------------------------------------- watchdog (rh_watchdog.c) */

/*
 * Registers a state with the process-wide watchdog, which interrupts a protected call that runs past its
 * deadline even inside a slow instruction. Unregister before lua_close. Call rh_watchdog_limits_changed after
 * changing time_limit_ns.
 */
void rh_watchdog_register(RHControl *ctl);
void rh_watchdog_unregister(RHControl *ctl);
void rh_watchdog_limits_changed(void);
/* Whether the watchdog thread runs; if it could not be started, time limits use the count hook instead. */
int rh_watchdog_running(void);
/* Marks ctl as the state whose outer call runs on this thread; returns the previous one for rh_watchdog_leave. */
RHControl *rh_watchdog_enter(RHControl *ctl);
void rh_watchdog_leave(RHControl *previous);
/* Sets the alarm hook (a count of 1) on thread L; safe in a signal handler. */
void rh_alarm_hook(lua_State *L);

/* ---------------------------------------------------------------- sandbox */

/*
 * Opens the sandboxed libraries into the state's global table: base (without dofile, loadfile; load in
 * text mode only; print to the sink; no __gc through setmetatable), string (without dump, with bounded
 * patterns), table, math (random seeded with seed), utf8, coroutine. pcall, xpcall, coroutine.resume,
 * coroutine.wrap and coroutine.close re-raise a tripped limit. The string metatable is protected.
 * Run it in protected mode (rh_pcall of rh_open_sandbox_cfunction); returns a Lua status.
 */
int rh_open_sandbox(lua_State *L, lua_Integer seed);

/*
 * Pushes a new environment table for one script: a copy of the sandbox's globals in which every library
 * table (string, table, math, utf8, coroutine) is a copy too, so one script cannot change what another
 * script or the host sees. _G refers to the new table. The state's own global table is the pristine
 * template and is never handed to a script.
 */
int rh_push_fresh_env(lua_State *L);

/*
 * Freezes the environment at env_index: its globals move to a table it reads through __index, and every
 * assignment to a global (including rawset on the environment) raises "cannot assign the global ..." at the
 * script's line. pairs() on the environment still lists the globals. Tables reached from the globals stay
 * writable. Returns a Lua status.
 */
int rh_freeze_env(lua_State *L, int env_index);

/* rawset's check: raises "cannot assign the global ..." when argument 1 is a frozen environment (whichever
   rawset the script holds, even one kept from before the freeze), else returns. */
void rh_refuse_frozen(lua_State *L);

/* ---------------------------------------------------------------- lists filled on first use (rh_lazy.c) */

/* Which optional fields a span has. */
enum { RH_SPAN_TERM = 1, RH_SPAN_START_TIME = 2, RH_SPAN_END_TIME = 4, RH_SPAN_FLOAT = 8 };

/*
 * One piece of a source text, as the table { text, first, last, offset, length, term?, start_time?, end_time? }:
 * text is the source's bytes first..last (1-based, inclusive); term is term_length bytes at term_offset in the
 * list's pool.
 */
typedef struct RHSpan {
    lua_Integer first, last, offset, length;
    double start_time, end_time;
    size_t term_offset, term_length;
    int flags;
} RHSpan;

/*
 * Replaces the source text on top of the stack with a list of count span tables that is filled on first use
 * (index, #, assignment, pairs, next, rawget, rawlen, rawset, getmetatable, setmetatable): until then it holds
 * only the records. Returns the count records, followed by pool bytes for terms, to be filled before any Lua
 * code runs. Needs the sandbox (rh_open_sandbox). May raise a memory error.
 */
RHSpan *rh_push_lazy_spans(lua_State *L, size_t count, size_t pool);

/* What a table made lazy with rh_lazy_fields gets when it is first used. */
enum {
    RH_LAZY_LIST = 0,     /* its items 1..count: the span tables */
    RH_LAZY_EVIDENCE = 1, /* the field evidence: the list of span tables */
    RH_LAZY_TERMS = 2,    /* the fields by_term ({ [term] = count }, from terms_count spans whose term is the key
                             and first the count) and evidence */
    RH_LAZY_PARTS = 3,    /* one field per part, from terms_count spans whose term is the part's name and first 1
                             when it is present: { present = first == 1 } made lazy as RH_LAZY_EVIDENCE with table
                             number first + i of the block (described with rh_lazy_describe); and missing, the list
                             of the names of the parts not present, in order. Reading one of these fields makes only
                             that one; any other use makes the rest. */
};

/*
 * Replaces the source text on top of the stack with a block of records shared by up to `tables` tables made lazy
 * with rh_lazy_fields: the records of one measurement in one userdata, instead of one per evidence list. Returns
 * the `spans` records, followed by pool bytes for terms, to be filled before any Lua code runs. May raise a memory
 * error.
 */
RHSpan *rh_push_span_block(lua_State *L, size_t tables, size_t spans, size_t pool);

/*
 * Makes the table on top of the stack (with no metatable) lazy, as table number `table` of the block at
 * block_index: until it is first used (as for rh_push_lazy_spans) it holds only what the host put in it; then it
 * gets what `kind` says, from the block's records first..first+count-1 (and, for RH_LAZY_TERMS, the term counts
 * terms_first..terms_first+terms_count-1), and loses its metatable. Raises only for want of memory.
 */
void rh_lazy_fields(lua_State *L, int block_index, size_t table, int kind, size_t first, size_t count,
                    size_t terms_first, size_t terms_count);

/* Describes table number `table` of the block at block_index, as rh_lazy_fields does, without making a table lazy
   yet (the parts of RH_LAZY_PARTS). */
void rh_lazy_describe(lua_State *L, int block_index, size_t table, int kind, size_t first, size_t count,
                      size_t terms_first, size_t terms_count);

/*
 * Gives table number `table` of the block at block_index (described, or made lazy, first) fields set when it is
 * filled, before anything else it gets: one per record first..first+count-1, whose term is the key and whose value
 * is its start_time (a float) when the record has RH_SPAN_FLOAT, its first (an integer) otherwise. Fields a script
 * rarely reads (a measurement's counts by kind) then cost a record, not a key and a value in the table.
 */
void rh_lazy_defer_fields(lua_State *L, int block_index, size_t table, size_t first, size_t count);

/* Fills the table at idx if it is one still waiting (see rh_push_lazy_spans, rh_lazy_fields); returns 1 if it
   filled it. */
int rh_lazy_materialize(lua_State *L, int idx);

/* Sets up lazy lists and puts next, rawget, rawlen, rawset, getmetatable that fill them into the base table. */
void rh_open_lazy(lua_State *L, int base);

/* ---------------------------------------------------------------- reading named fields (rh_fields.c) */

/* What rh_read_fields found in a field. */
enum {
    RH_FIELD_VALUE = 0,          /* anything else: the host converts t[key] itself */
    RH_FIELD_INTEGER = 1,        /* an integer, in integer */
    RH_FIELD_FLOAT = 2,          /* a float, in number */
    RH_FIELD_RECORD_INTEGER = 3, /* a record whose number is an integer (integer), with its text or NULL */
    RH_FIELD_RECORD_FLOAT = 4,   /* a record whose number is a float (number), with its text or NULL */
};

/* One field of a table read by rh_read_fields. key and text point into strings the table holds. */
typedef struct RHField {
    const char *key;
    size_t key_length;
    int kind;
    lua_Integer integer;
    lua_Number number;
    const char *text;
    size_t text_length;
} RHField;

/*
 * Walks the table at idx (filled first if it is a list still waiting, see rh_push_lazy_spans) with lua_next and
 * describes each field in fields, in the walk's order. A record is a table without a metatable whose keys and
 * values are all booleans, numbers or strings, with a number at number_key (or, when that is nil, at 1); its text
 * is the string at text_key (or, when that is nil, at 2), if it is a string. number_key NULL: no records.
 * Returns the number of fields; -1 when a key is not a string, -2 when there are more than capacity (nothing
 * else is then to be trusted). Leaves the stack as it was; needs 6 free slots. Makes no string; raises only for
 * want of memory when the table itself is a list still waiting to be filled (as rh_lazy_materialize does).
 */
int rh_read_fields(lua_State *L, int idx, const char *number_key, const char *text_key, RHField *fields,
                   int capacity);

/* ---------------------------------------------------------------- calls */

/*
 * Loads a text chunk (never binary) named chunkname, with the table at env_index as its _ENV.
 * Pushes the function, or an error message. Returns a Lua status.
 */
int rh_load(lua_State *L, const char *bytes, size_t length, const char *chunkname, int env_index);

/*
 * Calls the function below nargs arguments in protected mode with the limits of ctl, under a message
 * handler that appends a traceback. Results (or one error message) are left on the stack.
 * Returns a Lua status; ctl->tripped tells whether a limit stopped it.
 */
int rh_pcall(lua_State *L, int nargs, int nresults);

/*
 * Resumes coroutine co (function or suspended thread) with nargs arguments taken from co's stack,
 * under the limits. *nresults receives the number of values yielded or returned.
 * Returns LUA_OK, LUA_YIELD or an error status (then co's stack has the message, from which
 * rh_traceback can still build a traceback).
 */
int rh_resume(lua_State *co, lua_State *from, int nargs, int *nresults);

/* Pushes onto L the traceback of co (which may be L) starting at level, prefixed by msg. */
void rh_traceback(lua_State *L, lua_State *co, const char *msg, int level);

/* Sets the process-wide dispatcher for Swift functions. */
void rh_set_dispatcher(rh_dispatch_fn dispatch);
/* Pushes a C closure that calls Swift function slot through the dispatcher. */
void rh_push_swift_function(lua_State *L, int slot);
/* Replaces the table of names on top (name = integer code) with an __index closure that calls Swift function slot
   with (object, key, code) for those names only (nil for any other key), and keeps a result whose code is at least
   `kept` in the object under its key. */
void rh_push_swift_index(lua_State *L, int slot, lua_Integer kept);

/* ---------------------------------------------------------------- bounded patterns (rh_pattern.c) */

/* Drop-in replacements for string.find, string.match, string.gmatch and string.gsub. */
int rh_str_find(lua_State *L);
int rh_str_match(lua_State *L);
int rh_str_gmatch(lua_State *L);
int rh_str_gsub(lua_State *L);

/* ---------------------------------------------------------------- macros as functions */

/* Switches the collector to incremental mode with this pause and step multiplier (percent; 0 keeps a value). */
void rh_gc_incremental(lua_State *L, int pause, int stepmul);
int rh_upvalueindex(int i);
int rh_registryindex(void);
void rh_pop(lua_State *L, int n);
void rh_newtable(lua_State *L);
int rh_isnil(lua_State *L, int idx);
int rh_isnoneornil(lua_State *L, int idx);
int rh_isfunction(lua_State *L, int idx);
int rh_istable(lua_State *L, int idx);
const char *rh_tolstring(lua_State *L, int idx, size_t *len);
lua_Number rh_tonumber(lua_State *L, int idx, int *isnum);
lua_Integer rh_tointeger(lua_State *L, int idx, int *isnum);
void rh_remove(lua_State *L, int idx);
void rh_insert(lua_State *L, int idx);
void rh_replace(lua_State *L, int idx);
const char *rh_typename_at(lua_State *L, int idx);

#ifdef __cplusplus
}
#endif
#endif
