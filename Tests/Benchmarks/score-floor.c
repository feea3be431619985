/* The floor of any host built on Lua's C API (Tests/Benchmarks/score-host.sh, docs/performance.md "Scoring calls"):
   score.lua's score function called N times from C with lua_pcall, its three levels read back with lua_getfield,
   with no sandbox, no limits and nothing converted, with or without a count hook (as an instruction budget needs).
   Usage: score-floor FILE CALLS none|hook */
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long long counted;
static void hook(lua_State *L, lua_Debug *ar) { (void)L; (void)ar; counted += 1000; }

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: score-floor FILE CALLS none|hook\n"); return 64; }
    long calls = atol(argv[2]);
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    if (luaL_loadfile(L, argv[1]) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
        fprintf(stderr, "%s\n", lua_tostring(L, -1)); return 1;
    }
    int bench = lua_gettop(L);
    lua_getfield(L, bench, "score");
    int score = lua_gettop(L);
    lua_getfield(L, bench, "answer");
    int answer = lua_gettop(L);
    if (strcmp(argv[3], "hook") == 0) lua_sethook(L, hook, LUA_MASKCOUNT, 1000);
    long long sum = 0;
    for (long i = 0; i < calls; i++) {
        lua_pushvalue(L, score);
        lua_pushvalue(L, answer);
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) { fprintf(stderr, "%s\n", lua_tostring(L, -1)); return 1; }
        lua_getfield(L, -1, "structure"); sum += lua_tointeger(L, -1); lua_pop(L, 1);
        lua_getfield(L, -1, "impact"); sum += lua_tointeger(L, -1); lua_pop(L, 1);
        lua_getfield(L, -1, "delivery"); lua_getfield(L, -1, "level"); sum += lua_tointeger(L, -1); lua_pop(L, 3);
    }
    printf("%ld calls, checksum %lld\n", calls, sum);
    lua_close(L);
    return 0;
}
