package sqldb

import (
	"strconv"
	"strings"
)

// Dialect is the SQL engine behind a DB.
type Dialect int

// The supported engines.
const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// rebind turns ? placeholders into $1, $2… for PostgreSQL.
func (db *DB) rebind(q string) string { return rebind(db.Dialect, q) }

func rebind(d Dialect, q string) string {
	if d != Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// same returns a NULL-safe equality of two expressions.
func same(d Dialect, a, b string) string {
	if d == Postgres {
		return a + " IS NOT DISTINCT FROM " + b
	}
	return a + " IS " + b
}
