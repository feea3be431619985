/*
 * Bounded Lua patterns: string.find, string.match, string.gmatch and string.gsub.
 *
 * Stock Lua runs a whole pattern match inside one C call that never reaches the count hook, so a
 * backtracking pattern (e.g. ("a?"):rep(22)..("a"):rep(22).."b" against ("a"):rep(22)) can burn seconds
 * that no instruction or time limit can stop. This matcher gives the same results as Lua 5.4.4 for every
 * input (values, error messages, the "pattern too complex" depth limit) but counts its work in steps and
 * charges them to the sandbox through rh_charge, which raises the limit error when a limit is exceeded.
 *
 * Written from the Lua 5.4 reference manual (§6.4, §6.4.1) and from observing lua5.4's behaviour.
 * Tests/LuaHostTests/Fixtures/pattern_differential.lua compares it with the stock functions.
 *
 * Memory: nothing here allocates outside Lua. Matcher state lives on the C stack (find, match, gsub) or in a
 * full userdata (gmatch), and gsub builds its result in a luaL_Buffer, so an error raised anywhere (a
 * malformed pattern, a replacement function, rh_charge) leaks nothing.
 *
 * Behaviour to keep in mind (all stock 5.4.4):
 * - The subject and pattern are Lua strings and so are followed by a '\0' that stock reads in a few places:
 *   %f sees '\0' as the character after the subject's end, and a '%' or '(' at the very end of the pattern
 *   behaves as if followed by '\0'. The code below reproduces these with explicit bounds checks.
 * - find takes the plain (memory search) path when its 4th argument is truthy or the pattern has none of
 *   the characters ^$*+?.([%- . So find("a)", ")") is a plain search, while match("a)", ")") is an error.
 * - gmatch never anchors: a leading '^' is an ordinary character there.
 * - A back-reference %n to a position capture never matches (its length is not a length).
 * - The message for a bad capture index is "invalid capture index %N" in patterns and replacements alike.
 * - "%z" (deprecated since 5.2) still matches '\0' and "%Z" anything else.
 */
#include "LuaShim.h"

#include <stdarg.h>
#include <string.h>

/* Stock limits: LUA_MAXCAPTURES and MAXCCALLS of lstrlib.c. */
#define RHP_MAX_CAPTURES 32
#define RHP_MAX_DEPTH 200

/* Capture lengths that are not lengths. */
#define RHP_CAP_OPEN ((ptrdiff_t)-1)     /* '(' seen, ')' not yet */
#define RHP_CAP_POSITION ((ptrdiff_t)-2) /* "()" */

/* Steps between two calls of rh_charge. */
#define RHP_CHARGE_EVERY 1024

/*
 * Work that is not a matcher call or an expansion but grows with the input is charged too, so that no call
 * does unbounded work between two charges: memchr/memcmp bytes (back-references, plain search) cost one
 * step per RHP_BYTES_PER_STEP, set members scanned (a pattern can hold a huge "[...]") one step per
 * RHP_SET_BYTES_PER_STEP, and each byte that %b walks one step.
 */
#define RHP_BYTES_PER_STEP 32
#define RHP_SET_BYTES_PER_STEP 4

/* Characters that make find use the matcher instead of a plain search. */
#define RHP_SPECIALS "^$*+?.([%-"

#if defined(__GNUC__) || defined(__clang__)
#define RHP_COLD __attribute__((noinline, cold))
#define RHP_NORETURN __attribute__((noreturn))
#define RHP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define RHP_COLD
#define RHP_NORETURN
#define RHP_UNLIKELY(x) (x)
#endif

typedef struct rhp_capture {
    const char *start;
    ptrdiff_t len; /* a length, RHP_CAP_OPEN or RHP_CAP_POSITION */
} rhp_capture;

typedef struct rhp_state {
    lua_State *L;
    const char *subject;     /* first byte of the subject */
    const char *subject_end; /* one past its last byte */
    const char *pattern_end; /* one past the pattern's last byte */
    int depth_left;          /* nested matcher calls still allowed before "pattern too complex" */
    int ncaptures;           /* captures opened so far (open or closed) */
    int64_t budget;          /* steps left before the next rh_charge; at or below 0: charge now */
    rhp_capture captures[RHP_MAX_CAPTURES];
} rhp_state;

/*
 * luaL_error, declared as not returning so the compiler knows the code after a check is unreachable.
 * Same message as luaL_error: the position prefix of level 1, which for a C function is empty.
 */
static RHP_COLD RHP_NORETURN void rhp_error(lua_State *L, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    luaL_where(L, 1);
    lua_pushvfstring(L, fmt, args);
    va_end(args);
    lua_concat(L, 2);
    lua_error(L);
    for (;;) continue; /* not reached: lua_error does not return, but lua.h does not say so */
}

/* ------------------------------------------------------------------ step budget */

/* Charges the steps counted since the last charge and starts a new period. May raise (longjmp). */
static RHP_COLD void rhp_pay(rhp_state *ms) {
    int64_t used = RHP_CHARGE_EVERY - ms->budget;
    ms->budget = RHP_CHARGE_EVERY;
    rh_charge(ms->L, used);
}

/* One step of work: a decrement and a rarely taken branch, no call in the common case. */
#define RHP_STEP(ms)                                        \
    do {                                                    \
        if (RHP_UNLIKELY(--(ms)->budget <= 0)) rhp_pay(ms); \
    } while (0)

/* n steps at once (bulk work whose size is known afterwards). */
static inline void rhp_steps(rhp_state *ms, int64_t n) {
    ms->budget -= n;
    if (RHP_UNLIKELY(ms->budget <= 0)) rhp_pay(ms);
}

static void rhp_init(rhp_state *ms, lua_State *L, const char *s, size_t ls, const char *p, size_t lp) {
    ms->L = L;
    ms->subject = s;
    ms->subject_end = s + ls;
    ms->pattern_end = p + lp;
    ms->depth_left = RHP_MAX_DEPTH;
    ms->ncaptures = 0;
    ms->budget = RHP_CHARGE_EVERY;
}

/* Before each match attempt: no captures, full depth. The budget carries on. */
static inline void rhp_restart(rhp_state *ms) {
    ms->depth_left = RHP_MAX_DEPTH;
    ms->ncaptures = 0;
}

/* ------------------------------------------------------------------ character classes */

/*
 * The classes of §6.4.1 in the "C" locale (the locale of a process that never calls setlocale, which is
 * what lua5.4 and the host run under). Written as arithmetic so the result does not depend on whatever
 * locale some other part of the process might set: a sandbox must be deterministic.
 */
static inline int rhp_is_alpha(unsigned c) { return ((c | 0x20u) - 'a') < 26u; }
static inline int rhp_is_digit(unsigned c) { return (c - '0') < 10u; }
static inline int rhp_is_lower(unsigned c) { return (c - 'a') < 26u; }
static inline int rhp_is_upper(unsigned c) { return (c - 'A') < 26u; }
static inline int rhp_is_space(unsigned c) { return c == ' ' || (c - '\t') < 5u; } /* \t \n \v \f \r */
static inline int rhp_is_cntrl(unsigned c) { return c < 32u || c == 127u; }
static inline int rhp_is_graph(unsigned c) { return (c - 33u) < 94u; } /* '!' .. '~' */
static inline int rhp_is_alnum(unsigned c) { return rhp_is_alpha(c) || rhp_is_digit(c); }
static inline int rhp_is_punct(unsigned c) { return rhp_is_graph(c) && !rhp_is_alnum(c); }
static inline int rhp_is_xdigit(unsigned c) { return rhp_is_digit(c) || ((c | 0x20u) - 'a') < 6u; }

/*
 * Does byte c match "%cl"? A letter naming a class matches that class, its upper-case form the complement;
 * any other cl (including letters that name no class) matches itself.
 */
static inline int rhp_class_match(unsigned c, unsigned cl) {
    int in;
    switch (cl | 0x20u) { /* lower-cases letters; a non-letter never becomes one of the letters below */
        case 'a': in = rhp_is_alpha(c); break;
        case 'c': in = rhp_is_cntrl(c); break;
        case 'd': in = rhp_is_digit(c); break;
        case 'g': in = rhp_is_graph(c); break;
        case 'l': in = rhp_is_lower(c); break;
        case 'p': in = rhp_is_punct(c); break;
        case 's': in = rhp_is_space(c); break;
        case 'u': in = rhp_is_upper(c); break;
        case 'w': in = rhp_is_alnum(c); break;
        case 'x': in = rhp_is_xdigit(c); break;
        case 'z': in = (c == 0); break; /* deprecated since 5.2 but still in 5.4.4: "%z" is '\0' */
        default: return cl == c;
    }
    return rhp_is_upper(cl) ? !in : in;
}

/*
 * Does byte c belong to the set [ ... ] from open (the '[') to close (its ']')? rhp_item_end has checked
 * the set's syntax. Items: "%x" (a class or an escaped character), "x-y" (a range, only when the '-' is
 * not the set's last character), "x" (itself). A '^' right after '[' negates.
 */
static int rhp_set_match(unsigned c, const char *open, const char *close) {
    const char *p = open + 1;
    int found = 1;
    if (*p == '^') {
        found = 0;
        p++;
    }
    for (; p < close; p++) {
        if (*p == '%') {
            p++;
            if (rhp_class_match(c, (unsigned char)*p)) return found;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return found;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return found;
        }
    }
    return !found;
}

/* ------------------------------------------------------------------ the matcher */

/*
 * The end of the single-character class starting at p (p < pattern_end): one past "x", "%x" or "[...]".
 * In a set, the first character after '[' (or "[^") is always a member, so "[]]" and "[^]]" contain ']';
 * "%]" escapes a ']' anywhere.
 */
static const char *rhp_item_end(rhp_state *ms, const char *p) {
    const char *end = ms->pattern_end;
    char c = *p++;
    if (c == '%') {
        if (p >= end) rhp_error(ms->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        const char *open = p - 1;
        if (p < end && *p == '^') p++;
        for (;;) {
            if (p >= end) rhp_error(ms->L, "malformed pattern (missing ']')");
            c = *p++;
            if (c == '%' && p < end) p++;
            if (p < end && *p == ']') break;
        }
        /* The set is scanned here and again by rhp_set_match: charge long sets by their length. */
        rhp_steps(ms, (p - open) / RHP_SET_BYTES_PER_STEP);
        return p + 1;
    }
    return p;
}

/* Does the byte at s (which must be before the subject's end) match the class from p to ep? */
static inline int rhp_single(const char *s, const char *p, const char *ep) {
    unsigned c = (unsigned char)*s;
    switch (*p) {
        case '.': return 1;
        case '%': return rhp_class_match(c, (unsigned char)p[1]);
        case '[': return rhp_set_match(c, p, ep - 1);
        default: return (unsigned char)*p == c;
    }
}

static const char *rhp_match(rhp_state *ms, const char *s, const char *p);

/* "x*" (from s) and "x+" (from s + 1): take as many x as possible, then give back one at a time. */
static const char *rhp_greedy(rhp_state *ms, const char *s, const char *p, const char *ep) {
    const char *end = ms->subject_end;
    const char *t = s;
    while (t < end && rhp_single(t, p, ep)) {
        RHP_STEP(ms);
        t++;
    }
    for (;;) {
        const char *r = rhp_match(ms, t, ep + 1);
        if (r != NULL) return r;
        if (t == s) return NULL;
        t--;
    }
}

/* "x-": try the rest of the pattern first, then one more x, and so on. */
static const char *rhp_lazy(rhp_state *ms, const char *s, const char *p, const char *ep) {
    for (;;) {
        const char *r = rhp_match(ms, s, ep + 1);
        if (r != NULL) return r;
        if (s < ms->subject_end && rhp_single(s, p, ep)) {
            RHP_STEP(ms);
            s++;
        } else {
            return NULL;
        }
    }
}

/* "%bxy" at s, with p at x: the shortest balanced x...y. Raises when x or y is missing. */
static const char *rhp_balanced(rhp_state *ms, const char *s, const char *p) {
    const char *end = ms->subject_end;
    const char *from = s;
    int open, close, depth = 1;
    if (p + 1 >= ms->pattern_end) rhp_error(ms->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= end || *s != *p) return NULL;
    open = (unsigned char)p[0];
    close = (unsigned char)p[1];
    /* The closing character is tested first, so "%b''" pairs each quote with the next one. */
    while (++s < end) {
        int c = (unsigned char)*s;
        if (c == close) {
            if (--depth == 0) {
                rhp_steps(ms, s - from);
                return s + 1;
            }
        } else if (c == open) {
            depth++;
        }
    }
    rhp_steps(ms, s - from);
    return NULL;
}

/* Index of the innermost open capture, which ')' closes. */
static int rhp_open_capture_to_close(rhp_state *ms) {
    int i;
    for (i = ms->ncaptures - 1; i >= 0; i--)
        if (ms->captures[i].len == RHP_CAP_OPEN) return i;
    rhp_error(ms->L, "invalid pattern capture");
}

/*
 * Matches the pattern from p against the subject from s. Returns one past the end of the match, or NULL.
 *
 * Recursion happens exactly where it is needed to backtrack: after '(' and ')' (to undo the capture), after
 * "x?" that matched, and from the "x*", "x+", "x-" loops. Every other item continues in the loop. Each
 * call uses one unit of depth; the 201st nested call raises "pattern too complex", as stock does.
 */
static const char *rhp_match(rhp_state *ms, const char *s, const char *p) {
    const char *const pend = ms->pattern_end;
    if (RHP_UNLIKELY(ms->depth_left-- == 0)) rhp_error(ms->L, "pattern too complex");
    RHP_STEP(ms); /* one step per attempt, even with nothing left of the pattern */
    while (p != pend) {
        const char *ep;
        RHP_STEP(ms); /* one step per pattern item tried */
        switch (*p) {
            case '(': {
                /* "()" captures the position; an unmatched '(' at the pattern's end opens an empty rest. */
                int position = (p + 1 < pend && p[1] == ')');
                int i = ms->ncaptures;
                if (i >= RHP_MAX_CAPTURES) rhp_error(ms->L, "too many captures");
                ms->captures[i].start = s;
                ms->captures[i].len = position ? RHP_CAP_POSITION : RHP_CAP_OPEN;
                ms->ncaptures = i + 1;
                s = rhp_match(ms, s, p + (position ? 2 : 1));
                if (s == NULL) ms->ncaptures--;
                goto done;
            }
            case ')': {
                int i = rhp_open_capture_to_close(ms);
                ms->captures[i].len = s - ms->captures[i].start;
                s = rhp_match(ms, s, p + 1);
                if (s == NULL) ms->captures[i].len = RHP_CAP_OPEN;
                goto done;
            }
            case '$':
                /* Only the pattern's last character anchors at the end; elsewhere '$' is itself. */
                if (p + 1 != pend) goto single;
                if (s != ms->subject_end) s = NULL;
                goto done;
            case '%':
                if (p + 1 == pend) goto single; /* rhp_item_end reports it */
                switch (p[1]) {
                    case 'b':
                        s = rhp_balanced(ms, s, p + 2);
                        if (s == NULL) goto done;
                        p += 4;
                        continue;
                    case 'f': {
                        /* Frontier: the byte before s (or '\0' at the start) is not in the set, the byte
                           at s (or '\0' at the end) is. */
                        unsigned before, at;
                        p += 2;
                        if (p == pend || *p != '[') rhp_error(ms->L, "missing '[' after '%%f' in pattern");
                        ep = rhp_item_end(ms, p);
                        before = (s == ms->subject) ? 0u : (unsigned char)s[-1];
                        at = (s < ms->subject_end) ? (unsigned char)*s : 0u;
                        if (rhp_set_match(before, p, ep - 1) || !rhp_set_match(at, p, ep - 1)) {
                            s = NULL;
                            goto done;
                        }
                        p = ep;
                        continue;
                    }
                    case '0': case '1': case '2': case '3': case '4':
                    case '5': case '6': case '7': case '8': case '9': {
                        /* Back-reference: the text of a closed capture, again. */
                        int i = p[1] - '1';
                        ptrdiff_t len;
                        if (i < 0 || i >= ms->ncaptures || ms->captures[i].len == RHP_CAP_OPEN)
                            rhp_error(ms->L, "invalid capture index %%%d", i + 1);
                        len = ms->captures[i].len;
                        /* A position capture's length is negative: as an unsigned size it never fits. */
                        if ((size_t)(ms->subject_end - s) < (size_t)len) {
                            s = NULL;
                            goto done;
                        }
                        rhp_steps(ms, len / RHP_BYTES_PER_STEP);
                        if (memcmp(ms->captures[i].start, s, (size_t)len) != 0) {
                            s = NULL;
                            goto done;
                        }
                        s += len;
                        p += 2;
                        continue;
                    }
                    default:
                        goto single;
                }
            default:
            single: {
                /* A single-character class, maybe followed by a quantifier. */
                int hit;
                char q;
                ep = (*p == '%' || *p == '[') ? rhp_item_end(ms, p) : p + 1;
                hit = s < ms->subject_end && rhp_single(s, p, ep);
                q = (ep < pend) ? *ep : '\0';
                if (!hit) {
                    if (q == '*' || q == '?' || q == '-') { /* zero repetitions are fine */
                        p = ep + 1;
                        continue;
                    }
                    s = NULL;
                    goto done;
                }
                switch (q) {
                    case '?': {
                        const char *r = rhp_match(ms, s + 1, ep + 1);
                        if (r != NULL) {
                            s = r;
                            goto done;
                        }
                        p = ep + 1; /* the character was optional: go on without it */
                        continue;
                    }
                    case '+': s = rhp_greedy(ms, s + 1, p, ep); goto done;
                    case '*': s = rhp_greedy(ms, s, p, ep); goto done;
                    case '-': s = rhp_lazy(ms, s, p, ep); goto done;
                    default:
                        s++;
                        p = ep;
                        continue;
                }
            }
        }
    }
done:
    ms->depth_left++;
    return s;
}

/* ------------------------------------------------------------------ results */

/* Pushes capture i of a match from s to e; capture 0 of a pattern without captures is the whole match. */
static void rhp_push_capture(rhp_state *ms, int i, const char *s, const char *e) {
    lua_State *L = ms->L;
    if (i >= ms->ncaptures) {
        if (i != 0) rhp_error(L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(L, s, (size_t)(e - s));
        return;
    }
    if (ms->captures[i].len == RHP_CAP_OPEN) rhp_error(L, "unfinished capture");
    if (ms->captures[i].len == RHP_CAP_POSITION)
        lua_pushinteger(L, (lua_Integer)(ms->captures[i].start - ms->subject) + 1);
    else
        lua_pushlstring(L, ms->captures[i].start, (size_t)ms->captures[i].len);
}

/* Pushes all captures (or the whole match when there are none and s is not NULL); returns how many. */
static int rhp_push_captures(rhp_state *ms, const char *s, const char *e) {
    int i, n = (ms->ncaptures == 0 && s != NULL) ? 1 : ms->ncaptures;
    luaL_checkstack(ms->L, n, "too many captures");
    for (i = 0; i < n; i++) rhp_push_capture(ms, i, s, e);
    return n;
}

/* 1-based init as in find/match/gmatch: negative counts from the end, 0 and too negative mean 1. */
static size_t rhp_init_position(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos;
    if (pos == 0) return 1;
    if (pos < -(lua_Integer)len) return 1;
    return len + (size_t)pos + 1;
}

static int rhp_has_specials(const char *p, size_t lp) {
    size_t i;
    for (i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr(RHP_SPECIALS, p[i]) != NULL) return 1;
    return 0;
}

/* First occurrence of needle in hay (an empty needle is found at once). Charges each candidate. */
static const char *rhp_find_plain(rhp_state *ms, const char *hay, size_t lh, const char *needle, size_t ln) {
    const char *last, *s;
    int64_t cost;
    if (ln == 0) return hay;
    if (ln > lh) return NULL;
    last = hay + (lh - ln); /* the last possible start */
    cost = 1 + (int64_t)(ln / RHP_BYTES_PER_STEP); /* one failed candidate: a memcmp of up to ln bytes */
    for (s = hay; s <= last; s++) {
        const char *from = s;
        s = (const char *)memchr(s, needle[0], (size_t)(last - s) + 1);
        if (s == NULL) {
            rhp_steps(ms, (last - from) / RHP_BYTES_PER_STEP);
            return NULL;
        }
        if (memcmp(s + 1, needle + 1, ln - 1) == 0) return s;
        rhp_steps(ms, cost + (s - from) / RHP_BYTES_PER_STEP);
    }
    return NULL;
}

/* find (find = 1) and match (find = 0). */
static int rhp_find_or_match(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = rhp_init_position(luaL_optinteger(L, 3, 1), ls) - 1;
    rhp_state ms;
    if (init > ls) { /* starts after the end: no match, not even an empty one */
        luaL_pushfail(L);
        return 1;
    }
    rhp_init(&ms, L, s, ls, p, lp);
    if (find && (lua_toboolean(L, 4) || !rhp_has_specials(p, lp))) {
        const char *at = rhp_find_plain(&ms, s + init, ls - init, p, lp);
        if (at != NULL) {
            lua_pushinteger(L, (lua_Integer)(at - s) + 1);
            lua_pushinteger(L, (lua_Integer)(at - s) + (lua_Integer)lp);
            return 2;
        }
    } else {
        const char *from = s + init;
        int anchored = (lp > 0 && p[0] == '^');
        if (anchored) {
            p++;
            lp--;
        }
        /* Try each start from init to the subject's end inclusive (an empty match fits at the end). */
        for (;;) {
            const char *e;
            rhp_restart(&ms);
            e = rhp_match(&ms, from, p);
            if (e != NULL) {
                if (find) {
                    lua_pushinteger(L, (lua_Integer)(from - s) + 1);
                    lua_pushinteger(L, (lua_Integer)(e - s));
                    return 2 + rhp_push_captures(&ms, NULL, NULL);
                }
                return rhp_push_captures(&ms, from, e);
            }
            if (anchored || from >= ms.subject_end) break;
            from++;
        }
    }
    luaL_pushfail(L);
    return 1;
}

int rh_str_find(lua_State *L) { return rhp_find_or_match(L, 1); }

int rh_str_match(lua_State *L) { return rhp_find_or_match(L, 0); }

/* ------------------------------------------------------------------ gmatch */

typedef struct rhp_gmatch {
    rhp_state ms;
    const char *pattern;
    size_t next;      /* offset where the next search starts (may be length + 1: nothing left) */
    const char *last; /* end of the previous match, NULL before the first */
} rhp_gmatch;

/* The iterator. Upvalues: the subject, the pattern (kept alive for ms's pointers), the state. */
static int rhp_gmatch_next(lua_State *L) {
    rhp_gmatch *gm = (rhp_gmatch *)lua_touserdata(L, lua_upvalueindex(3));
    rhp_state *ms = &gm->ms;
    const char *p = gm->pattern;
    size_t ls = (size_t)(ms->subject_end - ms->subject);
    size_t at;
    ms->L = L; /* the iterator may run in another coroutine than the one that made it */
    /* An empty match right where the previous match ended is skipped (the Lua 5.4 rule): "a*" over "ab"
       yields "a" and then "" at the end, but no empty match between "a" and "b". */
    for (at = gm->next; at <= ls; at++) {
        const char *from = ms->subject + at;
        const char *e;
        rhp_restart(ms);
        e = rhp_match(ms, from, p);
        if (e != NULL && e != gm->last) {
            gm->next = (size_t)(e - ms->subject);
            gm->last = e;
            return rhp_push_captures(ms, from, e);
        }
    }
    return 0;
}

int rh_str_gmatch(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = rhp_init_position(luaL_optinteger(L, 3, 1), ls) - 1;
    rhp_gmatch *gm;
    lua_settop(L, 2); /* the subject and the pattern become upvalues */
    gm = (rhp_gmatch *)lua_newuserdatauv(L, sizeof(rhp_gmatch), 0);
    rhp_init(&gm->ms, L, s, ls, p, lp);
    gm->next = (init > ls) ? ls + 1 : init;
    gm->pattern = p;
    gm->last = NULL;
    lua_pushcclosure(L, rhp_gmatch_next, 3);
    return 1;
}

/* ------------------------------------------------------------------ gsub */

/* luaL_addlstring without the call when the bytes fit (gsub copies many short runs). */
static inline void rhp_add_bytes(luaL_Buffer *b, const char *s, size_t n) {
    if (n <= b->size - b->n) {
        memcpy(b->b + b->n, s, n);
        b->n += n;
    } else {
        luaL_addlstring(b, s, n);
    }
}

/* Appends the replacement string (argument 3) for a match from s to e: "%0".."%9" and "%%" are special. */
static void rhp_add_template(rhp_state *ms, luaL_Buffer *b, const char *s, const char *e) {
    lua_State *L = ms->L;
    size_t l;
    const char *r = lua_tolstring(L, 3, &l);
    const char *rend = r + l;
    const char *pct;
    /* Charged per use: a long template of escapes that expand to nothing ("%1" of an empty capture)
       would otherwise be unbounded work that produces no output for the memory limit to catch. */
    int64_t cost = 1 + (int64_t)(l / RHP_BYTES_PER_STEP);
    while ((pct = (const char *)memchr(r, '%', (size_t)(rend - r))) != NULL) {
        char c;
        cost++;
        rhp_add_bytes(b, r, (size_t)(pct - r));
        c = (pct + 1 < rend) ? pct[1] : '\0';
        if (c == '%') {
            luaL_addchar(b, '%');
        } else if (c == '0') {
            rhp_add_bytes(b, s, (size_t)(e - s));
        } else if (c >= '1' && c <= '9') {
            /* "%1" with no captures is the whole match; a position capture is added as its number. */
            int i = c - '1';
            if (i < ms->ncaptures && ms->captures[i].len >= 0) {
                rhp_add_bytes(b, ms->captures[i].start, (size_t)ms->captures[i].len);
            } else {
                rhp_push_capture(ms, i, s, e); /* whole match, position, or the error */
                luaL_addvalue(b);
            }
        } else {
            rhp_error(L, "invalid use of '%c' in replacement string", '%');
        }
        r = pct + 2;
    }
    rhp_add_bytes(b, r, (size_t)(rend - r));
    rhp_steps(ms, cost);
}

/*
 * Appends the replacement of the match from s to e. Returns whether the text changed: a string template
 * always counts as a change; a table or function result of false or nil keeps the match as it was.
 */
static int rhp_add_replacement(rhp_state *ms, luaL_Buffer *b, const char *s, const char *e, int kind) {
    lua_State *L = ms->L;
    if (kind == LUA_TFUNCTION) {
        int n;
        lua_pushvalue(L, 3);
        n = rhp_push_captures(ms, s, e);
        lua_call(L, n, 1);
    } else if (kind == LUA_TTABLE) {
        rhp_push_capture(ms, 0, s, e); /* the first capture, or the whole match, is the key */
        lua_gettable(L, 3);
    } else {
        rhp_add_template(ms, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        rhp_add_bytes(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        rhp_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

int rh_str_gsub(lua_State *L) {
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int kind = lua_type(L, 3);
    /* Argument 4 is checked before argument 3's type, as stock does. */
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    int anchored = (lp > 0 && p[0] == '^');
    const char *last = NULL; /* end of the previous match */
    const char *copied = src; /* subject text before this is already in the buffer */
    lua_Integer n = 0;
    int changed = 0;
    rhp_state ms;
    luaL_Buffer b;
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE,
                     3, "string/function/table");
    luaL_buffinit(L, &b);
    if (anchored) {
        p++;
        lp--;
    }
    rhp_init(&ms, L, src, ls, p, lp);
    while (n < max_n) {
        const char *e;
        rhp_restart(&ms);
        e = rhp_match(&ms, src, p);
        if (e != NULL && e != last) { /* an empty match right after the previous match does not count */
            n++;
            rhp_add_bytes(&b, copied, (size_t)(src - copied));
            changed |= rhp_add_replacement(&ms, &b, src, e, kind);
            src = last = copied = e;
        } else if (src < ms.subject_end) {
            src++; /* unmatched bytes are copied in runs, when the next match (or the end) comes */
        } else {
            break;
        }
        if (anchored) break;
    }
    if (!changed) {
        lua_pushvalue(L, 1); /* the subject itself (already converted to a string by luaL_checklstring) */
    } else {
        luaL_addlstring(&b, copied, (size_t)(ms.subject_end - copied));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}
