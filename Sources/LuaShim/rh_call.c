/*
 * The call trampoline for Swift functions, chunk loading, and Lua's function-like macros as functions.
 */
#include "LuaShim.h"

static rh_dispatch_fn rhc_dispatch = NULL;

void rh_set_dispatcher(rh_dispatch_fn dispatch) { rhc_dispatch = dispatch; }

/*
 * Calls a Swift function. Swift never raises a Lua error: it returns a status, and this C function
 * raises, yields or returns. While Swift runs, the allocator does not enforce the memory cap (a failing
 * allocation would raise through Swift frames); the cap is checked again when Swift returns.
 */
static int rhc_trampoline(lua_State *L) {
    RHControl *ctl = rh_control(L);
    int slot = (int)lua_tointeger(L, lua_upvalueindex(1));
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

void rh_push_swift_function(lua_State *L, int slot) {
    lua_pushinteger(L, slot);
    lua_pushcclosure(L, rhc_trampoline, 1);
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
