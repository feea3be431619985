/*
 * Reading a table of named fields back without converting it (a score function's levels): one walk in C that
 * hands back each field's key, a number, or a small record { number, text } in place, and leaves anything
 * else for the host to convert.
 */
#include "LuaShim.h"

#include <string.h>

/* A value of a record, seen while walking it: its type (LUA_TNIL when absent) and, for a number or a string, the
   value (a string stays alive in the record, which the table being read holds). */
typedef struct {
    int type, integer;
    lua_Integer i;
    lua_Number n;
    const char *s;
    size_t length;
} RHFSlot;

static void rhf_take(lua_State *L, RHFSlot *slot) {
    slot->type = lua_type(L, -1);
    if (slot->type == LUA_TNUMBER) {
        slot->integer = lua_isinteger(L, -1);
        if (slot->integer) slot->i = lua_tointeger(L, -1);
        else slot->n = lua_tonumber(L, -1);
    } else if (slot->type == LUA_TSTRING) {
        slot->s = lua_tolstring(L, -1, &slot->length);
    }
}

static int rhf_is(const char *key, size_t length, const char *name) {
    return strlen(name) == length && memcmp(key, name, length) == 0;
}

/* Sets field->number from the number on top of the stack. */
static void rhf_number(lua_State *L, RHField *field) {
    if (lua_isinteger(L, -1)) {
        field->kind = RH_FIELD_INTEGER;
        field->integer = lua_tointeger(L, -1);
    } else {
        field->kind = RH_FIELD_FLOAT;
        field->number = lua_tonumber(L, -1);
    }
}

/*
 * Classifies the table on top of the stack as a record, or leaves field->kind RH_FIELD_VALUE. One walk: every key
 * and value must be a boolean, a number or a string (so that converting the table could not have failed), and
 * the values under the two names and at 1 and 2 are noted on the way. Makes no string and raises no error.
 */
/* The most entries a table read in place as a { level, note } record may have. */
#define RHF_RECORD_ENTRIES 8

static void rhf_record(lua_State *L, RHField *field, const char *number_key, const char *text_key) {
    if (number_key == NULL) return;
    if (lua_getmetatable(L, -1)) { /* a list still waiting to be filled, or a script's object: converted whole */
        lua_pop(L, 1);
        return;
    }
    RHFSlot named_number = {LUA_TNIL}, first = {LUA_TNIL}, named_text = {LUA_TNIL}, second = {LUA_TNIL};
    int entries = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        int key = lua_type(L, -2), value = lua_type(L, -1);
        /* A record has a few entries. A larger table is converted whole, which charges its reading to the call's
           instruction budget; this walk does not, so it must stay short. */
        if (++entries > RHF_RECORD_ENTRIES ||
            (key != LUA_TBOOLEAN && key != LUA_TNUMBER && key != LUA_TSTRING) ||
            (value != LUA_TBOOLEAN && value != LUA_TNUMBER && value != LUA_TSTRING)) {
            lua_pop(L, 2);
            return;
        }
        if (key == LUA_TSTRING) {
            size_t length;
            const char *name = lua_tolstring(L, -2, &length);
            if (rhf_is(name, length, number_key)) rhf_take(L, &named_number);
            else if (rhf_is(name, length, text_key)) rhf_take(L, &named_text);
        } else if (key == LUA_TNUMBER && lua_isinteger(L, -2)) {
            lua_Integer index = lua_tointeger(L, -2);
            if (index == 1) rhf_take(L, &first);
            else if (index == 2) rhf_take(L, &second);
        }
        lua_pop(L, 1);
    }
    const RHFSlot *number = named_number.type != LUA_TNIL ? &named_number : &first;
    if (number->type != LUA_TNUMBER) return;
    const RHFSlot *text = named_text.type != LUA_TNIL ? &named_text : &second;
    /* A number for a text ({ level = 2, note = 5 }, { 2, 4 }) is a mistake: converted whole, so the caller can say
       so. false is no text (`note = long and "Too long"`), as nil is. */
    if (text->type == LUA_TNUMBER) return;
    field->kind = number->integer ? RH_FIELD_RECORD_INTEGER : RH_FIELD_RECORD_FLOAT;
    if (number->integer) field->integer = number->i;
    else field->number = number->n;
    if (text->type == LUA_TSTRING) {
        field->text = text->s;
        field->text_length = text->length;
    }
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
        case LUA_TNUMBER: rhf_number(L, field); break;
        case LUA_TTABLE: rhf_record(L, field, number_key, text_key); break;
        default: break;
        }
        lua_pop(L, 1);
    }
    return count;
}
