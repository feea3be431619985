/*
 * Tables filled on first use. A measurement's evidence (a list of { text, first, last, ... } tables) is rarely
 * read: most score functions read only counts. Such a table starts with only what the host put in it (nothing,
 * for a list), a shared metatable, and one hidden entry: a light userdata key (its description in a block of
 * records) whose value is the block (a userdata whose first user value is the source text). No script can
 * make or reach that key. The first index, length, assignment, pairs, next, raw access or metatable access
 * fills the table with exactly the tables the host would have built (the list's items, or its evidence and
 * by_term fields), removes the hidden entry and takes the metatable away. From then on it is a plain table. The
 * host reads it the same way (rh_lazy_materialize before it walks a table). A table of parts (STAR) is the one
 * exception to "all at once": reading one of its parts by name makes only that part, so a score function that
 * reads star.result pays for one part, not four. The tables of one measurement share one block: one userdata per
 * measurement, and no table of pending lists.
 */
#include "LuaShim.h"

#include <math.h>
#include <string.h>

/* What one lazy table gets (see RH_LAZY_LIST and the others). */
typedef struct {
    int kind;
    unsigned built; /* RH_LAZY_PARTS: the fields made one by one so far (bit i: part i; bit 31: missing) */
    size_t first, count;
    size_t terms_first, terms_count;
    size_t fields_first, fields_count; /* fields set when the table is filled (rh_lazy_defer_fields) */
} RHZTable;

#define RHZ_MISSING_BIT (1u << 31)
#define RHZ_MAX_PARTS 31

/* A block: its table descriptions, then its spans, then the pool of term bytes. */
typedef struct {
    size_t tables;
    size_t spans;
    size_t pool;
} RHZBlock;

static RHZTable *rhz_tables(RHZBlock *block) { return (RHZTable *)(block + 1); }
static RHSpan *rhz_spans(RHZBlock *block) { return (RHSpan *)(rhz_tables(block) + block->tables); }
static const char *rhz_pool(RHZBlock *block) { return (const char *)(rhz_spans(block) + block->spans); }

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

/* Sets t[i] (i from 1) to the span tables first..first+count-1 of the block, t at idx. */
static void rhz_fill_list(lua_State *L, int idx, RHZBlock *block, size_t first, size_t count, const char *text,
                          size_t length) {
    const RHSpan *spans = rhz_spans(block);
    const char *pool = rhz_pool(block);
    for (size_t i = 0; i < count && first + i < block->spans; i++) {
        rhz_push_span(L, &spans[first + i], pool, text, length);
        lua_rawseti(L, idx, (lua_Integer)i + 1);
    }
}

/* Pushes the shared metatable (nil before rh_open_lazy), kept in the registry under an integer key. */
static void rhz_push_meta(lua_State *L) {
    int meta = rh_control(L)->lazy_meta;
    if (meta > 0) lua_rawgeti(L, LUA_REGISTRYINDEX, meta);
    else lua_pushnil(L);
}

/* Makes table number `number` of the block at block_index (an absolute index) lazy: the table on top. */
static void rhz_attach(lua_State *L, int block_index, RHZTable *description) {
    lua_pushlightuserdata(L, description);
    lua_pushvalue(L, block_index);
    lua_rawset(L, -3);
    rhz_push_meta(L);
    lua_setmetatable(L, -2);
}

/*
 * Pushes the hidden entry of the lazy table at idx (an absolute index), its key and the block, and returns 1; or
 * returns 0, pushing nothing. It is the only light userdata key: first, unless the table has fields set at once,
 * parts made one by one, or items left by a fill that stopped halfway (for want of memory).
 */
static int rhz_find_hidden(lua_State *L, int idx) {
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) == LUA_TLIGHTUSERDATA && lua_type(L, -1) == LUA_TUSERDATA) return 1;
        lua_pop(L, 1);
    }
    return 0;
}

/*
 * Sets the fields of an RH_LAZY_PARTS table at idx not made yet: part number `only` alone (RHZ_MAX_PARTS for
 * missing), or all of them (-1). block_index: the block (absolute).
 */
static void rhz_fill_parts(lua_State *L, int idx, int block_index, RHZTable *table, RHZBlock *block, int only) {
    const RHSpan *names = rhz_spans(block) + table->terms_first;
    const char *pool = rhz_pool(block);
    size_t parts = table->terms_count;
    for (size_t i = 0; i < parts; i++) {
        if ((only >= 0 && (size_t)only != i) || (table->built & (1u << i))) continue;
        lua_pushlstring(L, pool + names[i].term_offset, names[i].term_length);
        lua_createtable(L, 0, 2);
        lua_pushliteral(L, "present");
        lua_pushboolean(L, names[i].first == 1);
        lua_rawset(L, -3);
        if (table->first + i < block->tables) rhz_attach(L, block_index, &rhz_tables(block)[table->first + i]);
        lua_rawset(L, idx);
        table->built |= 1u << i;
    }
    if ((only < 0 || only == RHZ_MAX_PARTS) && !(table->built & RHZ_MISSING_BIT)) {
        size_t absent = 0;
        for (size_t i = 0; i < parts; i++) absent += names[i].first != 1;
        lua_createtable(L, (int)absent, 0);
        lua_Integer n = 0;
        for (size_t i = 0; i < parts; i++) {
            if (names[i].first == 1) continue;
            lua_pushlstring(L, pool + names[i].term_offset, names[i].term_length);
            lua_rawseti(L, -2, ++n);
        }
        lua_pushliteral(L, "missing");
        lua_insert(L, -2);
        lua_rawset(L, idx);
        table->built |= RHZ_MISSING_BIT;
    }
}

/*
 * For an RH_LAZY_PARTS table at idx still waiting, and a key at key_index that names one of its fields: makes that
 * field if it is not made yet, and returns 1 (the table stays lazy for the rest). Otherwise returns 0.
 */
static int rhz_fill_field(lua_State *L, int idx, int key_index) {
    if (lua_type(L, key_index) != LUA_TSTRING) return 0;
    size_t key_length = 0;
    const char *key = lua_tolstring(L, key_index, &key_length);
    if (!rhz_find_hidden(L, idx)) return 0;
    RHZTable *table = (RHZTable *)lua_touserdata(L, -2);
    RHZBlock *block = (RHZBlock *)lua_touserdata(L, -1);
    int only = -1;
    if (table->kind == RH_LAZY_PARTS) {
        if (key_length == 7 && memcmp(key, "missing", 7) == 0) only = RHZ_MAX_PARTS;
        const RHSpan *names = rhz_spans(block) + table->terms_first;
        const char *pool = rhz_pool(block);
        for (size_t i = 0; only < 0 && i < table->terms_count; i++) {
            if (names[i].term_length == key_length && memcmp(pool + names[i].term_offset, key, key_length) == 0)
                only = (int)i;
        }
    }
    if (only >= 0) rhz_fill_parts(L, idx, lua_gettop(L), table, block, only);
    lua_pop(L, 2);
    return only >= 0;
}

int rh_lazy_materialize(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TTABLE) return 0;
    idx = lua_absindex(L, idx);
    if (!lua_getmetatable(L, idx)) return 0;
    rhz_push_meta(L);
    int lazy = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (!lazy) return 0;
    luaL_checkstack(L, 8, "filling a table");
    if (rhz_find_hidden(L, idx)) { /* key, block */
        RHZTable *table = (RHZTable *)lua_touserdata(L, -2);
        RHZBlock *block = (RHZBlock *)lua_touserdata(L, -1);
        lua_getiuservalue(L, -1, 1); /* key, block, text */
        size_t length = 0;
        const char *text = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : "";
        /* Filled before the hidden entry and the metatable go: a memory error halfway leaves the table lazy, to
           be filled again. The deferred fields first, as the host would have set them before the rest. */
        for (size_t i = 0; i < table->fields_count && table->fields_first + i < block->spans; i++) {
            const RHSpan *field = &rhz_spans(block)[table->fields_first + i];
            lua_pushlstring(L, rhz_pool(block) + field->term_offset, field->term_length);
            if (field->flags & RH_SPAN_FLOAT) lua_pushnumber(L, field->start_time);
            else lua_pushinteger(L, field->first);
            lua_rawset(L, idx);
        }
        if (table->kind == RH_LAZY_TERMS) {
            const RHSpan *spans = rhz_spans(block);
            const char *pool = rhz_pool(block);
            lua_createtable(L, 0, (int)table->terms_count);
            for (size_t i = 0; i < table->terms_count && table->terms_first + i < block->spans; i++) {
                const RHSpan *term = &spans[table->terms_first + i];
                lua_pushlstring(L, pool + term->term_offset, term->term_length);
                lua_pushinteger(L, term->first);
                lua_rawset(L, -3);
            }
            lua_pushliteral(L, "by_term");
            lua_insert(L, -2);
            lua_rawset(L, idx);
        }
        if (table->kind == RH_LAZY_PARTS) {
            rhz_fill_parts(L, idx, lua_gettop(L) - 1, (RHZTable *)table, block, -1);
        } else if (table->kind == RH_LAZY_LIST) {
            rhz_fill_list(L, idx, block, table->first, table->count, text, length);
        } else {
            lua_createtable(L, (int)table->count, 0);
            rhz_fill_list(L, lua_gettop(L), block, table->first, table->count, text, length);
            lua_pushliteral(L, "evidence");
            lua_insert(L, -2);
            lua_rawset(L, idx);
        }
        lua_pop(L, 2);     /* key */
        lua_pushnil(L);
        lua_rawset(L, idx); /* the hidden entry goes */
    }
    lua_pushnil(L);
    lua_setmetatable(L, idx);
    return 1;
}

RHSpan *rh_push_span_block(lua_State *L, size_t tables, size_t spans, size_t pool) {
    /* text */
    size_t size = sizeof(RHZBlock) + tables * sizeof(RHZTable) + spans * sizeof(RHSpan) + pool;
    RHZBlock *block = (RHZBlock *)lua_newuserdatauv(L, size, 1);
    memset(block, 0, size);
    block->tables = tables;
    block->spans = spans;
    block->pool = pool;
    lua_insert(L, -2);
    lua_setiuservalue(L, -2, 1); /* block */
    return rhz_spans(block);
}

void rh_lazy_describe(lua_State *L, int block_index, size_t table, int kind, size_t first, size_t count,
                      size_t terms_first, size_t terms_count) {
    RHZBlock *block = (RHZBlock *)lua_touserdata(L, block_index);
    if (block == NULL || table >= block->tables) return;
    if (kind == RH_LAZY_PARTS && terms_count > RHZ_MAX_PARTS) terms_count = RHZ_MAX_PARTS;
    /* Every fill reads records within the block only, whatever the caller asked for. */
    if (first > block->spans) first = block->spans;
    if (count > block->spans - first) count = block->spans - first;
    if (terms_first > block->spans) terms_first = block->spans;
    if (terms_count > block->spans - terms_first) terms_count = block->spans - terms_first;
    RHZTable *description = &rhz_tables(block)[table];
    description->kind = kind;
    description->built = 0;
    description->first = first;
    description->count = count;
    description->terms_first = terms_first;
    description->terms_count = terms_count;
    description->fields_first = 0;
    description->fields_count = 0;
}

void rh_lazy_defer_fields(lua_State *L, int block_index, size_t table, size_t first, size_t count) {
    RHZBlock *block = (RHZBlock *)lua_touserdata(L, block_index);
    if (block == NULL || table >= block->tables) return;
    /* Within the block's records, whatever the caller asked for. */
    if (first > block->spans) first = block->spans;
    if (count > block->spans - first) count = block->spans - first;
    rhz_tables(block)[table].fields_first = first;
    rhz_tables(block)[table].fields_count = count;
}

void rh_lazy_fields(lua_State *L, int block_index, size_t table, int kind, size_t first, size_t count,
                    size_t terms_first, size_t terms_count) {
    block_index = lua_absindex(L, block_index);
    RHZBlock *block = (RHZBlock *)lua_touserdata(L, block_index);
    if (block == NULL || table >= block->tables) return;
    rh_lazy_describe(L, block_index, table, kind, first, count, terms_first, terms_count);
    rhz_attach(L, block_index, &rhz_tables(block)[table]);
}

RHSpan *rh_push_lazy_spans(lua_State *L, size_t count, size_t pool) {
    /* text */
    RHSpan *spans = rh_push_span_block(L, 1, count, pool); /* block */
    lua_createtable(L, 0, 1);                              /* block, list: no room for the items until made */
    rh_lazy_fields(L, -2, 0, RH_LAZY_LIST, 0, count, 0, 0);
    lua_remove(L, -2); /* list */
    return spans;
}

/* ---------------------------------------------------------------- the metatable's fields */

static int rhz_index(lua_State *L) {
    luaL_checkstack(L, 8, "filling a table");
    if (!rhz_fill_field(L, 1, 2)) rh_lazy_materialize(L, 1);
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
    rh_refuse_frozen(L); /* here, not in a copy put in the frozen globals: a script may hold rawset from before */
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
    rh_control(L)->lazy_meta = luaL_ref(L, LUA_REGISTRYINDEX);

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
