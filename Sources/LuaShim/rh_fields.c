/*
 * Reading a table of named fields back without converting it (a score function's levels): one walk in C that
 * hands back each field's key, a number, or a small record { number, text } in place, and leaves anything
 * else for the host to convert.
 */
#include "LuaShim.h"

/* Whether every key and value of the table on top of the stack is a boolean, a number or a string. */
static int rhf_plain(lua_State *L) {
    int plain = 1;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        int key = lua_type(L, -2), value = lua_type(L, -1);
        lua_pop(L, 1);
        if ((key != LUA_TBOOLEAN && key != LUA_TNUMBER && key != LUA_TSTRING) ||
            (value != LUA_TBOOLEAN && value != LUA_TNUMBER && value != LUA_TSTRING)) {
            lua_pop(L, 1);
            plain = 0;
            break;
        }
    }
    return plain;
}

/* Sets field->number from the number on top of the stack. */
static void rhf_number(lua_State *L, RHField *field, int record) {
    if (lua_isinteger(L, -1)) {
        field->kind = record ? RH_FIELD_RECORD_INTEGER : RH_FIELD_INTEGER;
        field->integer = lua_tointeger(L, -1);
    } else {
        field->kind = record ? RH_FIELD_RECORD_FLOAT : RH_FIELD_FLOAT;
        field->number = lua_tonumber(L, -1);
    }
}

/* Classifies the table on top of the stack as a record, or leaves field->kind RH_FIELD_VALUE. */
static void rhf_record(lua_State *L, RHField *field, const char *number_key, const char *text_key) {
    if (number_key == NULL) return;
    if (lua_getmetatable(L, -1)) { /* a list still waiting to be filled, or a script's object: converted whole */
        lua_pop(L, 1);
        return;
    }
    if (!rhf_plain(L)) return;
    lua_pushstring(L, number_key);
    if (lua_rawget(L, -2) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_rawgeti(L, -1, 1);
    }
    if (lua_type(L, -1) == LUA_TNUMBER) rhf_number(L, field, 1);
    lua_pop(L, 1);
    if (field->kind == RH_FIELD_VALUE) return;
    lua_pushstring(L, text_key);
    if (lua_rawget(L, -2) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_rawgeti(L, -1, 2);
    }
    /* The string stays alive in the record, which the table being read holds. */
    if (lua_type(L, -1) == LUA_TSTRING) field->text = lua_tolstring(L, -1, &field->text_length);
    lua_pop(L, 1);
}

int rh_read_fields(lua_State *L, int idx, const char *number_key, const char *text_key, RHField *fields,
                   int capacity) {
    idx = lua_absindex(L, idx);
    rh_lazy_materialize(L, idx);
    int count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING || count == capacity) {
            int result = lua_type(L, -2) != LUA_TSTRING ? -1 : -2;
            lua_pop(L, 2);
            return result;
        }
        RHField *field = &fields[count++];
        field->key = lua_tolstring(L, -2, &field->key_length);
        field->kind = RH_FIELD_VALUE;
        field->text = NULL;
        field->text_length = 0;
        switch (lua_type(L, -1)) {
        case LUA_TNUMBER: rhf_number(L, field, 0); break;
        case LUA_TTABLE: rhf_record(L, field, number_key, text_key); break;
        default: break;
        }
        lua_pop(L, 1);
    }
    return count;
}
