/*
 * The sandbox: the libraries a script sees, the entries replaced so that no script can escape, hang the
 * host or swallow a limit, and per-script environments.
 */
#include "LuaShim.h"

#include <limits.h>
#include <string.h>

static void rhs_copy_env(lua_State *L, int source);

/*
 * Work done in C loops over table elements is charged (and the deadline checked) every this many elements.
 * One element may cost up to 2,000 steps (an __index chain), so slices stay small.
 */
#define RHS_SLICE 64

/* ------------------------------------------------------------------ pcall and xpcall */

/* Continuation and finish of pcall/xpcall: like the stock ones, but a tripped limit is raised again. */
static int rhs_finish_pcall(lua_State *L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        rh_reraise_if_tripped(L, status);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

static int rhs_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1); /* first result when no error */
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, rhs_finish_pcall);
    return rhs_finish_pcall(L, status, 0);
}

/*
 * xpcall's message handler, around the script's own. After a limit trips inside the count hook, Lua runs
 * message handlers with hooks disabled (they are re-enabled only when a protected call catches the
 * error), so a handler that never returns would hang the host: it is not called then. The limit is
 * raised again anyway when xpcall returns.
 */
static int rhs_xpcall_handler(lua_State *L) {
    if (rh_control(L)->tripped != RH_LIMIT_NONE) return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int rhs_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION); /* the message handler */
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, rhs_xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);               /* f, h, args..., true */
    lua_pushvalue(L, 1);                 /* f, h, args..., true, f */
    lua_rotate(L, 3, 2);                 /* f, h, true, f, args... */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, rhs_finish_pcall);
    return rhs_finish_pcall(L, status, 2);
}

/* ------------------------------------------------------------------ coroutines */

/* Resumes co with narg values from L; returns the number of results moved to L, or -1 with an error. */
static int rhs_auxresume(lua_State *L, lua_State *co, int narg) {
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    RHControl *ctl = rh_control(L);
    rh_sync_hook(co); /* the coroutine may have been made under other limits */
    lua_xmove(L, co, narg);
    lua_State *running = ctl->running;
    ctl->running = co;
    int nres = 0;
    int status = lua_resume(co, L, narg, &nres);
    ctl->running = running;
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1); /* the error object */
    rh_reraise_if_tripped(L, status);
    return -1;
}

static lua_State *rhs_checkco(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "thread"); /* stock Lua's word */
    return co;
}

static int rhs_co_resume(lua_State *L) {
    lua_State *co = rhs_checkco(L);
    int r = rhs_auxresume(L, co, lua_gettop(L) - 1);
    if (r < 0) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(r + 1));
    return r + 1;
}

static int rhs_auxwrap(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = rhs_auxresume(L, co, lua_gettop(L));
    if (r < 0) {
        int status = lua_status(co);
        if (status != LUA_OK && status != LUA_YIELD) { /* the coroutine died: close its variables */
            RHControl *ctl = rh_control(L);
            lua_State *running = ctl->running;
            ctl->running = co;
            status = lua_resetthread(co);
            ctl->running = running;
            lua_xmove(co, L, 1);
            rh_reraise_if_tripped(L, status);
        }
        if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) { /* add the caller's position */
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return r;
}

static int rhs_co_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, rhs_auxwrap, 1);
    return 1;
}

/* coroutine.close: the stock function, then a tripped limit is raised again. */
static int rhs_co_close(lua_State *L) {
    int n = lua_gettop(L);
    lua_State *co = rhs_checkco(L); /* here, so that the message names coroutine.close */
    RHControl *ctl = rh_control(L);
    lua_State *running = ctl->running;
    lua_Debug frame;
    if (co != NULL && co != L && (lua_status(co) != LUA_OK || !lua_getstack(co, 0, &frame))) {
        /* A suspended or dead coroutine: its __close handlers run on co, so the watchdog's alarm must go there. */
        rh_sync_hook(co);
        ctl->running = co;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int called = lua_pcall(L, n, LUA_MULTRET, 0);
    ctl->running = running;
    if (called != LUA_OK) { /* closing a running or normal coroutine: raised before any handler ran */
        rh_reraise_if_tripped(L, called);
        return lua_error(L);
    }
    if (lua_gettop(L) >= 2 && !lua_toboolean(L, 1)) {
        /* close reports only the error value: Lua's memory error is its preallocated message. */
        const char *message = lua_tostring(L, 2);
        int memory = message != NULL && strcmp(message, "not enough memory") == 0;
        rh_reraise_if_tripped(L, memory ? LUA_ERRMEM : LUA_ERRRUN);
    }
    return lua_gettop(L);
}

/* ------------------------------------------------------------------ base */

static int rhs_print(lua_State *L) {
    RHControl *ctl = rh_control(L);
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_addchar(&b, '\n');
    luaL_pushresult(&b);
    size_t length = 0;
    const char *bytes = lua_tolstring(L, -1, &length);
    if (ctl->print != NULL) ctl->print(ctl->print_context, bytes, length);
    return 0;
}

static void rhs_warn(void *ud, const char *message, int tocont) {
    RHControl *ctl = (RHControl *)ud;
    if (!ctl->warn_continuing && !tocont && message[0] == '@') { /* control message */
        if (strcmp(message, "@on") == 0) ctl->warnings_off = 0;
        else if (strcmp(message, "@off") == 0) ctl->warnings_off = 1;
        return;
    }
    if (!ctl->warnings_off && ctl->print != NULL) {
        if (!ctl->warn_continuing) ctl->print(ctl->print_context, "Lua warning: ", 13);
        ctl->print(ctl->print_context, message, strlen(message));
        if (!tocont) ctl->print(ctl->print_context, "\n", 1);
    }
    ctl->warn_continuing = tocont;
}

/*
 * The wrappers below check their arguments before calling the stock function, so that a message names the
 * function the script called ("bad argument #1 to 'setmetatable'"), not '?', as the stock function reached
 * through an upvalue would.
 */
static int rhs_setmetatable(lua_State *L) {
    int kind = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, kind == LUA_TNIL || kind == LUA_TTABLE, 2, "nil or table");
    rh_lazy_materialize(L, 1); /* a list filled on first use stops being one before its metatable changes */
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        int kind = lua_rawget(L, 2);
        lua_pop(L, 1);
        if (kind != LUA_TNIL) return luaL_error(L, "__gc metamethods are not allowed in the sandbox");
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int rhs_collectgarbage(lua_State *L) {
    static const char *const options[] = {"collect", "count", "step", "isrunning", "stop", "restart",
                                          "setpause", "setstepmul", "incremental", "generational", NULL};
    enum { RHS_GC_ALLOWED = 4 }; /* the options before this one */
    int which = luaL_checkoption(L, 1, "collect", options);
    const char *option = options[which];
    if (which >= RHS_GC_ALLOWED)
        return luaL_error(L, "collectgarbage option '%s' is not available in the sandbox", option);
    if (strcmp(option, "collect") == 0 || strcmp(option, "step") == 0)
        rh_charge(L, (int64_t)(rh_control(L)->memory / 64) + 1000);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/*
 * The parser runs in C, without a Lua instruction: compiling 28 MB of text takes seconds. So load hands it the
 * text in pieces of RHS_LOAD_PIECE bytes and charges each piece before it is parsed (1 step per byte), which
 * also checks the deadline. Parsing is linear in the text, about as costly per byte as a few VM instructions.
 */
#define RHS_LOAD_PIECE (64 * 1024)

typedef struct {
    const char *next;
    size_t left;
} RHSText;

/* Reader for load(string): the string, one charged piece at a time. */
static const char *rhs_text_reader(lua_State *L, void *ud, size_t *size) {
    RHSText *text = (RHSText *)ud;
    size_t n = text->left < RHS_LOAD_PIECE ? text->left : RHS_LOAD_PIECE;
    *size = n;
    if (n == 0) return NULL;
    rh_charge(L, (int64_t)n);
    const char *piece = text->next;
    text->next += n;
    text->left -= n;
    return piece;
}

/* Reader for load(function): calls the function for each piece, and charges the piece. */
static const char *rhs_generic_reader(lua_State *L, void *ud, size_t *size) {
    (void)ud;
    luaL_checkstack(L, 2, "too many nested functions");
    lua_pushvalue(L, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        *size = 0;
        return NULL;
    }
    if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
    lua_replace(L, 5); /* keep the piece alive in the reserved slot */
    const char *piece = lua_tolstring(L, 5, size);
    rh_charge(L, (int64_t)*size);
    return piece;
}

/*
 * Pushes the _ENV of the nearest Lua function on the stack from the given level up that has one (so that
 * pcall(load, text) gives the script's environment too), or else a fresh environment.
 */
static void rhs_push_caller_env(lua_State *L, int level) {
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sf", &ar)) break;
        int function = lua_gettop(L);
        if (strcmp(ar.what, "C") != 0) {
            const char *name;
            for (int i = 1; (name = lua_getupvalue(L, function, i)) != NULL; i++) {
                if (strcmp(name, "_ENV") == 0) {
                    lua_remove(L, function);
                    return;
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    lua_pushglobaltable(L); /* the pristine globals: give a copy, never the table itself */
    rhs_copy_env(L, -1);
    lua_remove(L, -2);
}

/* load: text chunks only; without env the chunk sees its caller's environment, never more. */
static int rhs_load(lua_State *L) {
    size_t length;
    const char *text = lua_tolstring(L, 1, &length);
    const char *mode = luaL_optstring(L, 3, "bt");
    int has_env = !lua_isnone(L, 4);
    if (strchr(mode, 't') == NULL) {
        luaL_pushfail(L);
        lua_pushliteral(L, "binary chunks are not allowed in the sandbox");
        return 2;
    }
    int status;
    if (text != NULL) {
        const char *name = luaL_optstring(L, 2, text);
        RHSText pieces = {text, length};
        status = lua_load(L, rhs_text_reader, &pieces, name, "t");
    } else {
        const char *name = luaL_optstring(L, 2, "=(load)");
        luaL_checktype(L, 1, LUA_TFUNCTION);
        lua_settop(L, 5); /* slot 5 holds the current piece */
        status = lua_load(L, rhs_generic_reader, NULL, name, "t");
    }
    if (status != LUA_OK) {
        rh_reraise_if_tripped(L, status); /* a limit (the parser's charge, the reader's code) is not a result */
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env)
        lua_pushvalue(L, 4);
    else
        rhs_push_caller_env(L, 1);
    if (lua_setupvalue(L, -2, 1) == NULL) lua_pop(L, 1);
    return 1;
}

static int rhs_randomseed(lua_State *L) {
    int n = lua_gettop(L);
    if (n > 0) {
        luaL_checkinteger(L, 1);
        luaL_optinteger(L, 2, 0);
    }
    lua_pushvalue(L, lua_upvalueindex(1)); /* math.randomseed */
    if (n == 0) { /* no argument: the host's seed, never the clock */
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_call(L, 1, LUA_MULTRET);
    } else {
        lua_insert(L, 1);
        lua_call(L, n, LUA_MULTRET);
    }
    return lua_gettop(L);
}

/* ------------------------------------------------------------------ string.rep, table.insert/remove/move */

static int rhs_str_rep(lua_State *L) {
    size_t l, lsep;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) { /* stock Lua loops n times even when nothing is copied */
        lua_pushliteral(L, "");
        return 1;
    }
    if (l + lsep < l || l + lsep > (size_t)INT_MAX / (size_t)n)
        return luaL_error(L, "resulting string too large");
    size_t total = (size_t)n * l + (size_t)(n - 1) * lsep;
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, total);
    for (lua_Integer i = 0; i < n; i++) {
        memcpy(p, s, l);
        p += l;
        if (lsep > 0 && i + 1 < n) {
            memcpy(p, sep, lsep);
            p += lsep;
        }
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

#define RHS_TAB_R 1
#define RHS_TAB_W 2
#define RHS_TAB_L 4

/* Accepts a table, or a value whose metatable provides what the operation needs. */
static int rhs_has_field(lua_State *L, const char *name) { /* metatable on top */
    lua_pushstring(L, name);
    int kind = lua_rawget(L, -2);
    lua_pop(L, 1);
    return kind != LUA_TNIL;
}

static void rhs_checktab(lua_State *L, int arg, int what) {
    if (lua_type(L, arg) == LUA_TTABLE) return;
    if (lua_getmetatable(L, arg)) {
        int ok = (!(what & RHS_TAB_R) || rhs_has_field(L, "__index"))
            && (!(what & RHS_TAB_W) || rhs_has_field(L, "__newindex"))
            && (!(what & RHS_TAB_L) || rhs_has_field(L, "__len"));
        lua_pop(L, 1);
        if (ok) return;
    }
    luaL_checktype(L, arg, LUA_TTABLE);
}

static lua_Integer rhs_getn(lua_State *L, int arg, int what) {
    rhs_checktab(L, arg, what | RHS_TAB_L);
    return luaL_len(L, arg);
}

static int rhs_tinsert(lua_State *L) {
    lua_Integer e = rhs_getn(L, 1, RHS_TAB_R | RHS_TAB_W);
    e = (lua_Integer)((lua_Unsigned)e + 1u); /* first empty slot */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        for (lua_Integer i = e; i > pos; i--) { /* move elements up */
            if ((e - i) % RHS_SLICE == RHS_SLICE - 1) rh_charge(L, RHS_SLICE);
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int rhs_tremove(lua_State *L) {
    lua_Integer size = rhs_getn(L, 1, RHS_TAB_R | RHS_TAB_W);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_geti(L, 1, pos); /* the result */
    lua_Integer start = pos;
    for (; pos < size; pos++) {
        if ((pos - start) % RHS_SLICE == RHS_SLICE - 1) rh_charge(L, RHS_SLICE);
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

static int rhs_tmove(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1; /* destination table */
    rhs_checktab(L, 1, RHS_TAB_R);
    rhs_checktab(L, tt, RHS_TAB_W);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < n; i++) {
                if (i % RHS_SLICE == RHS_SLICE - 1) rh_charge(L, RHS_SLICE);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else {
            for (lua_Integer i = n - 1; i >= 0; i--) {
                if (i % RHS_SLICE == 0) rh_charge(L, RHS_SLICE);
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

/* table.unpack: as stock, with the element reads charged. */
static int rhs_tunpack(lua_State *L) {
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
    if (i > e) return 0; /* empty range */
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i; /* number of elements minus 1 */
    if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    for (lua_Unsigned k = 0; k < n; k++) {
        if (k % RHS_SLICE == RHS_SLICE - 1) rh_charge(L, RHS_SLICE);
        lua_geti(L, 1, i + (lua_Integer)k);
    }
    return (int)n;
}

/* table.concat: as stock, with the element reads charged. */
static int rhs_tconcat(lua_State *L) {
    luaL_Buffer b;
    lua_Integer last = rhs_getn(L, 1, RHS_TAB_R);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    luaL_buffinit(L, &b);
    for (lua_Integer k = 0; i <= last; i++, k++) {
        if (k % RHS_SLICE == RHS_SLICE - 1) rh_charge(L, RHS_SLICE);
        lua_geti(L, 1, i);
        if (!lua_isstring(L, -1))
            return luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1), (lua_Integer)i);
        luaL_addvalue(&b);
        if (i != last) luaL_addlstring(&b, sep, lsep);
        if (i == LUA_MAXINTEGER) break; /* i + 1 would overflow */
    }
    luaL_pushresult(&b);
    return 1;
}

/*
 * table.sort. The stock sort runs in C: its comparisons run no Lua instruction unless the comparator is a Lua
 * function, and one comparison of two long strings (or a C comparator such as load or utf8.len given a long
 * string) reads the whole string. A table of 2,000 references to one 16 MB string took minutes, whatever the
 * limits. So every comparison the stock sort makes without a Lua comparator goes through rhs_sort_less, which
 * charges it (1 step, plus 1 per 64 bytes of the strings it reads) and checks the deadline, except for a small
 * sort of short strings and numbers (RHS_SORT_FREE elements, none longer than RHS_SORT_SHORT bytes), which
 * stays the stock sort: it cannot take long.
 */
#define RHS_SORT_FREE 1024
#define RHS_SORT_SHORT 256

/*
 * Charges one comparison made by a sort in C (table.sort's, or pairs' key sort) that reads `bytes` bytes of
 * strings: 1 step, plus 1 per 64 bytes. The limits are checked on every 256th step and after every comparison of
 * long strings, so a comparison of numbers costs no clock reading while sorting a million of them (seconds in C)
 * still stops at the deadline.
 */
static void rhs_charge_compare(lua_State *L, size_t bytes) {
    RHControl *ctl = rh_control(L);
    if (!ctl->enforcing) return;
    if (bytes >= 64) {
        rh_charge(L, 1 + (int64_t)(bytes / 64));
    } else if ((++ctl->instructions & 255) == 0) {
        rh_charge(L, 0);
    }
}

/* upvalue 1: the script's C comparator, or none (then a < b, as the stock sort compares) */
static int rhs_sort_less(lua_State *L) {
    int custom = !lua_isnone(L, lua_upvalueindex(1));
    size_t la = 0, lb = 0;
    if (lua_type(L, 1) == LUA_TSTRING) lua_tolstring(L, 1, &la);
    if (lua_type(L, 2) == LUA_TSTRING) lua_tolstring(L, 2, &lb);
    /* a < b reads the shorter string at most; a C function may read both */
    rhs_charge_compare(L, custom ? la + lb : (la < lb ? la : lb));
    if (!custom) {
        lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
        return 1;
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* Whether the list at idx (a plain table, n elements) is a small sort of numbers and short strings. */
static int rhs_sort_is_small(lua_State *L, int idx, lua_Integer n) {
    if (n > RHS_SORT_FREE) return 0;
    for (lua_Integer i = 1; i <= n; i++) {
        int long_string = lua_rawgeti(L, idx, i) == LUA_TSTRING && lua_rawlen(L, -1) > RHS_SORT_SHORT;
        lua_pop(L, 1);
        if (long_string) return 0;
    }
    return 1;
}

/*
 * Calls the stock sort (upvalue 1 of rhs_tsort) on the plain table at idx with the comparator at cmp (nil: none),
 * through rhs_sort_less unless the comparator is a Lua function (its instructions are counted) or the sort is
 * small.
 */
static void rhs_stock_sort(lua_State *L, int idx, int cmp, lua_Integer n) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, idx);
    if (lua_isnil(L, cmp)) {
        if (rhs_sort_is_small(L, idx, n))
            lua_pushnil(L);
        else
            lua_pushcfunction(L, rhs_sort_less);
    } else if (lua_iscfunction(L, cmp)) {
        lua_pushvalue(L, cmp);
        lua_pushcclosure(L, rhs_sort_less, 1);
    } else {
        lua_pushvalue(L, cmp);
    }
    lua_call(L, 2, 0);
}

/*
 * A plain table is sorted in place by the stock sort (every read is raw and cheap). A table with a metatable
 * (or a value with __index, __newindex and __len) is read into a plain copy, sorted there and written back, each
 * read and write charged.
 */
static int rhs_tsort(lua_State *L) {
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    rh_lazy_materialize(L, 1); /* a list filled on first use sorts in place, as the plain list it is */
    int has_metatable = lua_getmetatable(L, 1);
    if (has_metatable) lua_pop(L, 1);
    lua_Integer n = rhs_getn(L, 1, RHS_TAB_R | RHS_TAB_W);
    if (lua_type(L, 1) == LUA_TTABLE && !has_metatable) {
        if (n > 1) luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        rhs_stock_sort(L, 1, 2, n);
        return 0;
    }
    if (n <= 1) return 0;
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    lua_createtable(L, (int)n, 0); /* 3: the plain copy */
    for (lua_Integer i = 1; i <= n; i++) {
        if (i % RHS_SLICE == 0) rh_charge(L, RHS_SLICE);
        lua_geti(L, 1, i);
        lua_rawseti(L, 3, i);
    }
    rhs_stock_sort(L, 3, 2, n);
    for (lua_Integer i = 1; i <= n; i++) {
        if (i % RHS_SLICE == 0) rh_charge(L, RHS_SLICE);
        lua_rawgeti(L, 3, i);
        lua_seti(L, 1, i);
    }
    return 0;
}

/* ------------------------------------------------------------------ pairs in a fixed order */

/*
 * Lua 5.4 seeds its string hashes per process, so next() and stock pairs() visit keys in an order that
 * changes from run to run. Scenarios must give the same result every time, so the sandbox's pairs visits
 * keys in a fixed order: numbers in numeric order, then strings in byte order, then booleans (false
 * first); keys of other types (tables, functions) come last in no set order.
 */
static int rhs_key_rank(lua_State *L, int idx) {
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: return 0;
    case LUA_TSTRING: return 1;
    case LUA_TBOOLEAN: return 2;
    default: return 3;
    }
}

static int rhs_key_less(lua_State *L) {
    int ra = rhs_key_rank(L, 1), rb = rhs_key_rank(L, 2);
    if (ra != 1 || rb != 1) rhs_charge_compare(L, 0); /* two strings are charged as they are compared */
    if (ra != rb) {
        lua_pushboolean(L, ra < rb);
        return 1;
    }
    int less = 0;
    if (ra == 0) {
        less = lua_compare(L, 1, 2, LUA_OPLT);
    } else if (ra == 1) {
        size_t la, lb;
        const char *a = lua_tolstring(L, 1, &la), *b = lua_tolstring(L, 2, &lb);
        rhs_charge_compare(L, la < lb ? la : lb);
        int c = memcmp(a, b, la < lb ? la : lb);
        less = c < 0 || (c == 0 && la < lb);
    } else if (ra == 2) {
        less = !lua_toboolean(L, 1) && lua_toboolean(L, 2);
    }
    lua_pushboolean(L, less);
    return 1;
}

/* upvalues: 1 the table, 2 its keys in order, 3 the position reached */
static int rhs_pairs_next(lua_State *L) {
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
    for (;;) {
        i++;
        if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL) return 0;
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) {
            lua_pushinteger(L, i);
            lua_replace(L, lua_upvalueindex(3));
            return 2;
        }
        lua_pop(L, 2); /* removed during the loop: skip it */
    }
}

static int rhs_pairs(lua_State *L) {
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) { /* the stock protocol */
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L); /* 2: the keys */
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++n);
        if (n % RHS_SLICE == 0) rh_charge(L, RHS_SLICE);
    }
    if (n > 1) {
        lua_pushvalue(L, lua_upvalueindex(1)); /* stock table.sort(keys, less) */
        lua_pushvalue(L, 2);
        lua_pushcfunction(L, rhs_key_less);
        lua_call(L, 2, 0);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, rhs_pairs_next, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* ------------------------------------------------------------------ opening */

/* Replaces t[name] (t at index) with a C closure whose upvalue is the old value. */
static void rhs_wrap_field(lua_State *L, int table, const char *name, lua_CFunction wrapper) {
    lua_getfield(L, table, name);
    lua_pushcclosure(L, wrapper, 1);
    lua_setfield(L, table, name);
}

static void rhs_set_field(lua_State *L, int table, const char *name, lua_CFunction function) {
    lua_pushcfunction(L, function);
    lua_setfield(L, table, name);
}

/* Pushes a shallow copy of the table at index, presized so that filling it never rehashes. */
static void rhs_copy_table(lua_State *L, int source) {
    int count = 0;
    lua_pushnil(L);
    while (lua_next(L, source) != 0) {
        count++;
        lua_pop(L, 1);
    }
    lua_createtable(L, 0, count);
    lua_pushnil(L);
    while (lua_next(L, source) != 0) {
        lua_pushvalue(L, -2); /* key, value, key */
        lua_insert(L, -2);    /* key, key, value */
        lua_rawset(L, -4);
    }
}

/*
 * Pushes a new environment copied from the pristine globals at index: library tables are copied too,
 * and _G refers to the new table.
 */
static void rhs_copy_env(lua_State *L, int source) {
    source = lua_absindex(L, source);
    rhs_copy_table(L, source);
    int target = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, source) != 0) {
        if (lua_type(L, -1) == LUA_TTABLE && !lua_rawequal(L, -1, source)) {
            rhs_copy_table(L, lua_gettop(L));
            lua_pushvalue(L, -3); /* key */
            lua_insert(L, -2);
            lua_rawset(L, target);
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, target);
    lua_setfield(L, target, "_G");
}

static int rhs_open(lua_State *L) {
    lua_Integer seed = lua_tointeger(L, 1);
    RHControl *ctl = rh_control(L);
    lua_setwarnf(L, rhs_warn, ctl);

    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    int co = lua_gettop(L);
    int utf8 = co - 1, math = co - 2, table = co - 3, string = co - 4, base = co - 5;
    (void)utf8;

    /* base */
    lua_pushnil(L);
    lua_setfield(L, base, "dofile");
    lua_pushnil(L);
    lua_setfield(L, base, "loadfile");
    rhs_set_field(L, base, "load", rhs_load);
    rhs_set_field(L, base, "print", rhs_print);
    rhs_set_field(L, base, "pcall", rhs_pcall);
    rhs_set_field(L, base, "xpcall", rhs_xpcall);
    rhs_wrap_field(L, base, "setmetatable", rhs_setmetatable);
    rhs_wrap_field(L, base, "collectgarbage", rhs_collectgarbage);

    /* string */
    lua_pushnil(L);
    lua_setfield(L, string, "dump");
    rhs_set_field(L, string, "find", rh_str_find);
    rhs_set_field(L, string, "match", rh_str_match);
    rhs_set_field(L, string, "gmatch", rh_str_gmatch);
    rhs_set_field(L, string, "gsub", rh_str_gsub);
    rhs_set_field(L, string, "rep", rhs_str_rep);

    /* table */
    rhs_set_field(L, table, "insert", rhs_tinsert);
    rhs_set_field(L, table, "remove", rhs_tremove);
    rhs_set_field(L, table, "move", rhs_tmove);
    rhs_set_field(L, table, "unpack", rhs_tunpack);
    rhs_set_field(L, table, "concat", rhs_tconcat);
    /* pairs in a fixed order uses the stock sort, taken before table.sort is replaced */
    lua_getfield(L, table, "sort");
    lua_pushcclosure(L, rhs_pairs, 1);
    lua_setfield(L, base, "pairs");
    rhs_wrap_field(L, table, "sort", rhs_tsort);
    /* lists filled on first use, and the raw accessors that fill them (needs pairs) */
    rh_open_lazy(L, base);

    /* math: seeded by the host; randomseed() without argument re-seeds with the host's seed */
    lua_getfield(L, math, "randomseed");
    lua_pushinteger(L, seed);
    lua_call(L, 1, 0);
    lua_getfield(L, math, "randomseed");
    lua_pushinteger(L, seed);
    lua_pushcclosure(L, rhs_randomseed, 2);
    lua_setfield(L, math, "randomseed");

    /* coroutine */
    rhs_set_field(L, co, "resume", rhs_co_resume);
    rhs_set_field(L, co, "wrap", rhs_co_wrap);
    rhs_wrap_field(L, co, "close", rhs_co_close);

    /*
     * The state's global table is now the pristine template: no script ever gets it. Every script runs in
     * an environment copied from it (rh_push_fresh_env).
     */

    /* The string metatable: methods from the pristine string table, hidden from getmetatable. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, string);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    return 0;
}

int rh_open_sandbox(lua_State *L, lua_Integer seed) {
    lua_pushcfunction(L, rhs_open);
    lua_pushinteger(L, seed);
    return lua_pcall(L, 1, 0, 0);
}

static int rhs_fresh_env(lua_State *L) {
    lua_pushglobaltable(L);
    rhs_copy_env(L, -1);
    return 1;
}

int rh_push_fresh_env(lua_State *L) {
    lua_pushcfunction(L, rhs_fresh_env);
    return lua_pcall(L, 0, 1, 0);
}

/* ---------------------------------------------------------------- frozen environments */

/* __newindex of a frozen environment: every assignment to a global is refused at the line that made it. */
static int rhs_frozen_newindex(lua_State *L) {
    const char *name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2);
    return luaL_error(L,
        "cannot assign the global '%s': globals are read-only once the scenario has loaded, so that no session "
        "changes what the next one sees (use a local variable)",
        name);
}

void rh_refuse_frozen(lua_State *L) {
    if (!lua_getmetatable(L, 1)) return;
    lua_pushliteral(L, "__newindex");
    lua_rawget(L, -2);
    int frozen = lua_tocfunction(L, -1) == rhs_frozen_newindex;
    lua_pop(L, 2);
    if (frozen) {
        lua_settop(L, 2);
        rhs_frozen_newindex(L);
    }
}

/* __pairs of a frozen environment: the sandbox's pairs (upvalue 2, fixed key order) over the values
   (upvalue 1), so pairs(_G) lists the globals as before the freeze. The iterator reads only its own upvalues,
   so the state it returns is the environment itself: handing out the hidden values table would let a script
   write globals through it. */
static int rhs_frozen_pairs(lua_State *L) {
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_call(L, 1, 3);
    lua_pushvalue(L, 1);
    lua_replace(L, -3); /* iterator, the environment, the initial key */
    return 3;
}

static int rhs_freeze_env(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L); /* 2: the values, reached through __index */
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, 2);  /* values[k] = v */
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, 1);  /* env[k] = nil: clearing a field during traversal is allowed */
    }
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "pairs");
    lua_rawget(L, 2);
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        lua_pushvalue(L, 2);
        lua_insert(L, -2);
        lua_pushcclosure(L, rhs_frozen_pairs, 2);
        lua_setfield(L, -2, "__pairs");
    } else {
        lua_pop(L, 1);
    }
    lua_pushcfunction(L, rhs_frozen_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, 1);
    return 0;
}

int rh_freeze_env(lua_State *L, int env_index) {
    env_index = lua_absindex(L, env_index);
    lua_pushcfunction(L, rhs_freeze_env);
    lua_pushvalue(L, env_index);
    return lua_pcall(L, 1, 0, 0);
}
