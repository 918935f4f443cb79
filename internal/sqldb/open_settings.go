package sqldb

import (
	"net/url"
	"os"
	"strconv"
)

// pgSettings adds to a postgres:// URL the settings tochuc chooses for each
// of its connections, sent when the connection starts, unless the URL sets
// them itself:
//
//   - jit=off: the JIT compiler costs more than it saves on the registry's
//     queries (a third of the whole catalog's time at 5.3 M members; 2.1 s
//     of F20's 2.3 s at 0.5 M, bench/plans);
//   - application_name=tochuc: its sessions are told apart in pg_stat_activity
//     (unless PGAPPNAME names them);
//   - lock_timeout: a statement waiting longer than busyMS for a lock held by
//     another writer (another process's change set included) fails with
//     55P03, told to the person as "busy", instead of waiting until the
//     request's deadline.
//
// A statement's own deadline is its request's: the driver cancels a query
// whose context ends. A URL that cannot be parsed is returned unchanged (the
// driver then says what is wrong with it).
func pgSettings(dsn string, busyMS int) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	set := func(k, v string) {
		if !q.Has(k) {
			q.Set(k, v)
		}
	}
	set("jit", "off")
	if os.Getenv("PGAPPNAME") == "" {
		set("application_name", "tochuc")
	}
	set("lock_timeout", strconv.Itoa(busyMS))
	u.RawQuery = q.Encode()
	return u.String()
}
