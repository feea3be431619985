#include "StoreShim.h"

#include <sqlite3.h>

int rh_store_configure_sqlite(void) {
    /* Every connection of the store is used by one thread at a time (GRDB serialises each behind its own queue,
       and supports only this mode), so SQLite need not lock a mutex around every call of its API; nor count
       its memory use under a global mutex on every allocation. */
    int multithread = sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK;
    int memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    return multithread && memstatus;
}
