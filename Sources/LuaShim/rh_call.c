/*
 * The call trampoline for Swift functions, chunk loading, and Lua's function-like macros as functions.
 */
#include "LuaShim.h"

static rh_dispatch_fn rhc_dispatch = NULL;

void rh_set_dispatcher(rh_dispatch_fn dispatch) { rhc_dispatch = dispatch; }

/*
 * Calls Swift function `slot` with the arguments on the stack. Swift never raises a Lua error: it returns a
 * status, and this C function raises, yields or returns. While Swift runs, the allocator does not enforce the
 * memory cap (a failing allocation would raise through Swift frames); the cap is checked again when Swift
 * returns. Returns the number of results on top of the stack (or what lua_yield returns).
 */
static int rhc_call(lua_State *L, int slot) {
    RHControl *ctl = rh_control(L);
    int enforcing = ctl->enforcing;
    ctl->enforcing = 0;
    int count = 0;
    int status = rhc_dispatch(L, ctl->host, slot, &count);
    ctl->enforcing = enforcing;
    if (enforcing && ctl->memory_limit != 0 && ctl->memory > ctl->memory_limit && ctl->tripped == RH_LIMIT_NONE)
        ctl->tripped = RH_LIMIT_MEMORY;
    if (enforcing) rh_account(L, 1); /* the deadline, after whatever Swift did */
    rh_reraise_if_tripped(L, LUA_OK);
    switch (status) {
    case RH_CALL_RETURN:
        return count;
    case RH_CALL_YIELD:
        return lua_yield(L, count);
    case RH_CALL_ERROR:
        if (lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    default:
        return lua_error(L);
    }
}

static int rhc_trampoline(lua_State *L) { return rhc_call(L, (int)lua_tointeger(L, lua_upvalueindex(1))); }

void rh_push_swift_function(lua_State *L, int slot) {
    lua_pushinteger(L, slot);
    lua_pushcclosure(L, rhc_trampoline, 1);
}

/*
 * An __index for host objects whose fields are made on first read. upvalue 1: the Swift function's slot; upvalue 2:
 * a table of the names it answers, each with its code. Any other key is nil without a call into Swift. For a name,
 * Swift gets (object, key, code) and pushes one value; a code of at least upvalue 3 is kept in the object under the
 * key (a raw set, so the next read is a plain field).
 */
/* The accounting of a call into Swift, for a key answered without one: the budget and deadline are charged as the
   call would have charged them. */
static int rhc_nil(lua_State *L) {
    if (rh_control(L)->enforcing) rh_account(L, 1);
    rh_reraise_if_tripped(L, LUA_OK);
    return 0;
}

static int rhc_index(lua_State *L) {
    lua_settop(L, 2);
    if (lua_type(L, 2) != LUA_TSTRING) return rhc_nil(L);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNUMBER) return rhc_nil(L);
    lua_Integer code = lua_tointeger(L, 3);
    int count = rhc_call(L, (int)lua_tointeger(L, lua_upvalueindex(1)));
    if (count != 1) return count;
    if (code >= lua_tointeger(L, lua_upvalueindex(3)) && lua_type(L, 1) == LUA_TTABLE) {
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -2);
        lua_rawset(L, 1);
    }
    return 1;
}

void rh_push_swift_index(lua_State *L, int slot, lua_Integer kept) {
    /* names */
    lua_pushinteger(L, slot);
    lua_insert(L, -2);
    lua_pushinteger(L, kept);
    lua_pushcclosure(L, rhc_index, 3);
}

int rh_load(lua_State *L, const char *bytes, size_t length, const char *chunkname, int env_index) {
    if (env_index != 0) env_index = lua_absindex(L, env_index);
    RHControl *ctl = rh_control(L);
    int enforcing = ctl->enforcing;
    if (ctl->depth == 0) {
        ctl->tripped = RH_LIMIT_NONE;
        ctl->trip_where[0] = '\0';
    }
    ctl->enforcing = 1; /* the parser runs protected: the memory cap may fail it */
    int status = luaL_loadbufferx(L, bytes, length, chunkname, "t");
    ctl->enforcing = enforcing;
    if (status == LUA_ERRMEM && ctl->memory_limit != 0) ctl->tripped = RH_LIMIT_MEMORY;
    if (status == LUA_OK && env_index != 0) {
        lua_pushvalue(L, env_index);
        if (lua_setupvalue(L, -2, 1) == NULL) lua_pop(L, 1);
    }
    return status;
}

int rh_upvalueindex(int i) { return lua_upvalueindex(i); }
int rh_registryindex(void) { return LUA_REGISTRYINDEX; }
void rh_pop(lua_State *L, int n) { lua_pop(L, n); }
void rh_newtable(lua_State *L) { lua_newtable(L); }
int rh_isnil(lua_State *L, int idx) { return lua_isnil(L, idx); }
int rh_isnoneornil(lua_State *L, int idx) { return lua_isnoneornil(L, idx); }
int rh_isfunction(lua_State *L, int idx) { return lua_isfunction(L, idx); }
int rh_istable(lua_State *L, int idx) { return lua_istable(L, idx); }
const char *rh_tolstring(lua_State *L, int idx, size_t *len) { return lua_tolstring(L, idx, len); }
lua_Number rh_tonumber(lua_State *L, int idx, int *isnum) { return lua_tonumberx(L, idx, isnum); }
lua_Integer rh_tointeger(lua_State *L, int idx, int *isnum) { return lua_tointegerx(L, idx, isnum); }
void rh_remove(lua_State *L, int idx) { lua_remove(L, idx); }
void rh_insert(lua_State *L, int idx) { lua_insert(L, idx); }
void rh_replace(lua_State *L, int idx) { lua_replace(L, idx); }
const char *rh_typename_at(lua_State *L, int idx) { return luaL_typename(L, idx); }

void rh_gc_incremental(lua_State *L, int pause, int stepmul) { lua_gc(L, LUA_GCINC, pause, stepmul, 0); }
