/*
 * Tables written from a record: the host describes a table (fields, nested tables, lists filled on first use) in
 * a flat array of entries, and one call here builds it, in the order the entries give. Building a measurement
 * field by field from Swift took three or four calls into Lua per field.
 */
#include "LuaShim.h"

#include <string.h>

/* Pushes an entry's key (not for RH_KEY_INDEX). */
static void rhr_push_key(lua_State *L, const RHEntry *entry, const char *pool) {
    if (entry->key_kind == RH_KEY_LITERAL)
        lua_pushstring(L, entry->key); /* a literal: found in Lua's string cache, by its address */
    else
        lua_pushlstring(L, pool + entry->key_offset, entry->key_length);
}

/* Sets the value on top of the stack under the entry's key in the table below it. */
static void rhr_set(lua_State *L, const RHEntry *entry, const char *pool) {
    if (entry->key_kind == RH_KEY_INDEX) {
        lua_rawseti(L, -2, (lua_Integer)entry->key_offset);
        return;
    }
    rhr_push_key(L, entry, pool);
    lua_insert(L, -2);
    lua_rawset(L, -3);
}

/* Pushes a list filled on first use, as rh_push_lazy_spans makes it (an empty list is a plain empty table). */
static void rhr_push_spans(lua_State *L, const RHEntry *entry, const RHRecord *record) {
    size_t count = entry->value.spans.count, terms = entry->value.spans.pool_length;
    if (count == 0) {
        lua_createtable(L, 0, 0);
        return;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, entry->value.spans.source);
    RHSpan *spans = rh_push_lazy_spans(L, count, terms);
    memcpy(spans, record->spans + entry->value.spans.first, count * sizeof(RHSpan));
    if (terms > 0) memcpy((char *)(spans + count), record->pool + entry->value.spans.pool_offset, terms);
}

void rh_write_record(lua_State *L, const RHRecord *record) {
    const char *pool = record->pool;
    for (size_t i = 0; i < record->count; i++) {
        const RHEntry *entry = &record->entries[i];
        switch (entry->kind) {
        case RH_ENTRY_TABLE:
            lua_createtable(L, entry->value.size.array, entry->value.size.fields);
            continue; /* set under its key when its RH_ENTRY_END comes */
        case RH_ENTRY_END:
            entry = &record->entries[entry->value.opening];
            break;
        case RH_ENTRY_INTEGER:
            lua_pushinteger(L, entry->value.integer);
            break;
        case RH_ENTRY_NUMBER:
            lua_pushnumber(L, entry->value.number);
            break;
        case RH_ENTRY_BOOLEAN:
            lua_pushboolean(L, entry->value.boolean);
            break;
        case RH_ENTRY_STRING:
            lua_pushlstring(L, pool + entry->value.bytes.offset, entry->value.bytes.length);
            break;
        case RH_ENTRY_SPANS:
            rhr_push_spans(L, entry, record);
            break;
        case RH_ENTRY_REFERENCE:
            lua_rawgeti(L, LUA_REGISTRYINDEX, entry->value.integer);
            break;
        default:
            lua_pushnil(L);
            break;
        }
        rhr_set(L, entry, pool);
    }
}
