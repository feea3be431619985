#ifndef REHEARSAL_CLUA_SHIM_H
#define REHEARSAL_CLUA_SHIM_H
/* The system Lua 5.4 library (Debian: liblua5.4-dev), found through pkg-config lua5.4. */
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#endif
