#ifndef REHEARSAL_STORE_SHIM_H
#define REHEARSAL_STORE_SHIM_H

/* SQLite settings that must be made before the library initialises, through sqlite3_config, which is variadic and
   so cannot be called from Swift. Returns 1 when both took effect, 0 when SQLite was already initialised in this
   process (then nothing changed; the store works the same, a little slower). */
int rh_store_configure_sqlite(void);

#endif
