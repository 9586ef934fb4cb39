// libpq, PostgreSQL's C client (Debian: libpq-dev; Homebrew: libpq).
// Debian puts the header in a folder of its own, which pkg-config names;
// without pkg-config the folder is named here.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
