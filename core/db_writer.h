/*
** db_writer.h — one writer at a time among the connections of this process that ask for it
** (db.open option serialize_writers: the worker threads of policytk serve). See db_writer.c.
*/
#ifndef PTK_DB_WRITER_H
#define PTK_DB_WRITER_H

/* Wait at most timeout_ms for the process's writer turn. 0 when taken, -1 on timeout. */
int ptk_db_writer_lock(int timeout_ms);
/* Give the turn back (only after a successful ptk_db_writer_lock). */
void ptk_db_writer_unlock(void);

#endif
