/*
 * Lists of text spans built on first use. A measurement's evidence (a list of { text, first, last, ... }
 * tables) is rarely read: most score functions read only counts. Such a list starts empty with a shared
 * metatable and its records kept aside (in a weak table, keyed by the list); the first index, length,
 * assignment, pairs, next, raw access or metatable access fills it with exactly the tables the host would
 * have built, and takes the metatable away. From then on it is a plain table. The host reads it the same way
 * (rh_lazy_materialize before it walks a table).
 */
#include "LuaShim.h"

#include <math.h>
#include <string.h>

/* Registry keys (their addresses): the shared metatable, and the weak table list -> records. */
static const char rhz_meta_key = 'M';
static const char rhz_pending_key = 'P';

/* The records of one list, in a userdata whose first user value is the source text. */
typedef struct {
    size_t count;
    size_t pool;
    RHSpan spans[];
} RHZRecords;

/* Pushes the fields of one span table, in the order (and with the presize) the host always used. */
static void rhz_push_span(lua_State *L, const RHSpan *span, const char *pool, const char *text, size_t length) {
    lua_createtable(L, 0, 8);
    lua_Integer first = span->first, last = span->last;
    /* A range outside the text gives an empty text, as Evidence.withTextBytes does. */
    int inside = first >= 1 && last >= first - 1 && (lua_Unsigned)last <= length;
    lua_pushliteral(L, "text");
    lua_pushlstring(L, inside ? text + (first - 1) : "", inside ? (size_t)(last - first + 1) : 0);
    lua_rawset(L, -3);
    lua_pushliteral(L, "first");
    lua_pushinteger(L, first);
    lua_rawset(L, -3);
    lua_pushliteral(L, "last");
    lua_pushinteger(L, last);
    lua_rawset(L, -3);
    lua_pushliteral(L, "offset");
    lua_pushinteger(L, span->offset);
    lua_rawset(L, -3);
    lua_pushliteral(L, "length");
    lua_pushinteger(L, span->length);
    lua_rawset(L, -3);
    if (span->flags & RH_SPAN_TERM) {
        lua_pushliteral(L, "term");
        lua_pushlstring(L, pool + span->term_offset, span->term_length);
        lua_rawset(L, -3);
    }
    if (span->flags & RH_SPAN_START_TIME) {
        lua_pushliteral(L, "start_time");
        lua_pushnumber(L, span->start_time);
        lua_rawset(L, -3);
    }
    if (span->flags & RH_SPAN_END_TIME) {
        lua_pushliteral(L, "end_time");
        lua_pushnumber(L, span->end_time);
        lua_rawset(L, -3);
    }
}

int rh_lazy_materialize(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TTABLE) return 0;
    idx = lua_absindex(L, idx);
    if (!lua_getmetatable(L, idx)) return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &rhz_meta_key);
    int lazy = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (!lazy) return 0;
    luaL_checkstack(L, 6, "filling a list");
    lua_rawgetp(L, LUA_REGISTRYINDEX, &rhz_pending_key); /* pending */
    lua_pushvalue(L, idx);
    lua_rawget(L, -2); /* pending, records */
    const RHZRecords *records = (const RHZRecords *)lua_touserdata(L, -1);
    if (records != NULL) {
        lua_getiuservalue(L, -1, 1); /* pending, records, text */
        size_t length = 0;
        const char *text = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : "";
        const char *pool = (const char *)(records->spans + records->count);
        /* Filled before the metatable goes: a memory error halfway leaves the list lazy, to be filled again. */
        for (size_t i = 0; i < records->count; i++) {
            rhz_push_span(L, &records->spans[i], pool, text, length);
            lua_rawseti(L, idx, (lua_Integer)i + 1);
        }
        lua_pop(L, 2);
    } else {
        lua_pop(L, 1);
    }
    lua_pushvalue(L, idx);
    lua_pushnil(L);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setmetatable(L, idx);
    return 1;
}

RHSpan *rh_push_lazy_spans(lua_State *L, size_t count, size_t pool) {
    /* text */
    lua_newtable(L); /* text, list: no room for the elements until they are made */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &rhz_meta_key);
    lua_setmetatable(L, -2);
    RHZRecords *records = (RHZRecords *)lua_newuserdatauv(L, sizeof(RHZRecords) + count * sizeof(RHSpan) + pool, 1);
    memset(records, 0, sizeof(RHZRecords) + count * sizeof(RHSpan) + pool);
    records->count = count;
    records->pool = pool;
    lua_pushvalue(L, -3);
    lua_setiuservalue(L, -2, 1); /* text, list, records */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &rhz_pending_key);
    lua_pushvalue(L, -3);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3); /* pending[list] = records */
    lua_pop(L, 2);     /* text, list */
    lua_remove(L, -2); /* list */
    return records->spans;
}

/* ---------------------------------------------------------------- the metatable's fields */

static int rhz_index(lua_State *L) {
    rh_lazy_materialize(L, 1);
    lua_settop(L, 2);
    lua_rawget(L, 1);
    return 1;
}

static int rhz_settable(lua_State *L) {
    lua_settable(L, 1);
    return 0;
}

/* Registry keys of the messages Lua gives for t[nil] = v and t[0/0] = v on a plain table (read once, when the
   sandbox opens, so they match the Lua library in use). */
static const char rhz_nil_key = 'N';
static const char rhz_nan_key = 'n';

static int rhz_newindex(lua_State *L) {
    rh_lazy_materialize(L, 1);
    lua_settop(L, 3);
    int nil_key = lua_isnil(L, 2);
    if (nil_key || (lua_type(L, 2) == LUA_TNUMBER && !lua_isinteger(L, 2) && isnan(lua_tonumber(L, 2)))) {
        /* The message a plain table gives, at the assignment's line. */
        luaL_where(L, 1);
        lua_rawgetp(L, LUA_REGISTRYINDEX, nil_key ? &rhz_nil_key : &rhz_nan_key);
        lua_concat(L, 2);
        return lua_error(L);
    }
    lua_rawset(L, 1);
    return 0;
}

/* Stores under key the message of assigning to index `key_value` of a plain table (on top of the stack). */
static void rhz_remember_message(lua_State *L, const void *key) {
    lua_pushcfunction(L, rhz_settable);
    lua_newtable(L);
    lua_pushvalue(L, -3);
    lua_pushboolean(L, 1);
    if (lua_pcall(L, 3, 0, 0) == LUA_OK) lua_pushliteral(L, "invalid table index");
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
    lua_pop(L, 1);
}

static int rhz_len(lua_State *L) {
    rh_lazy_materialize(L, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

/* upvalue 1: the sandbox's pairs, which the filled (plain) list then goes through */
static int rhz_pairs(lua_State *L) {
    rh_lazy_materialize(L, 1);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 1, 3);
    return 3;
}

/* ---------------------------------------------------------------- raw access, as lbaselib.c, filling first */

static int rhz_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    rh_lazy_materialize(L, 1);
    lua_settop(L, 2);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

static int rhz_rawlen(lua_State *L) {
    int t = lua_type(L, 1);
    luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
    rh_lazy_materialize(L, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

static int rhz_rawget(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    rh_lazy_materialize(L, 1);
    lua_settop(L, 2);
    lua_rawget(L, 1);
    return 1;
}

static int rhz_rawset(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    rh_lazy_materialize(L, 1);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 1;
}

static int rhz_getmetatable(lua_State *L) {
    luaL_checkany(L, 1);
    rh_lazy_materialize(L, 1);
    if (!lua_getmetatable(L, 1)) {
        lua_pushnil(L);
        return 1;
    }
    luaL_getmetafield(L, 1, "__metatable");
    return 1;
}

void rh_open_lazy(lua_State *L, int base) {
    base = lua_absindex(L, base);
    lua_pushnil(L);
    rhz_remember_message(L, &rhz_nil_key);
    lua_pushnumber(L, NAN);
    rhz_remember_message(L, &rhz_nan_key);
    lua_newtable(L); /* the weak table of pending records */
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &rhz_pending_key);

    lua_createtable(L, 0, 4);
    lua_pushcfunction(L, rhz_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, rhz_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, rhz_len);
    lua_setfield(L, -2, "__len");
    lua_getfield(L, base, "pairs");
    lua_pushcclosure(L, rhz_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &rhz_meta_key);

    lua_pushcfunction(L, rhz_next);
    lua_setfield(L, base, "next");
    lua_pushcfunction(L, rhz_rawlen);
    lua_setfield(L, base, "rawlen");
    lua_pushcfunction(L, rhz_rawget);
    lua_setfield(L, base, "rawget");
    lua_pushcfunction(L, rhz_rawset);
    lua_setfield(L, base, "rawset");
    lua_pushcfunction(L, rhz_getmetatable);
    lua_setfield(L, base, "getmetatable");
}
