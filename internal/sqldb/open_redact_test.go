package sqldb_test

import (
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/sqldb"
)

// TestRedact: no form of a PostgreSQL password survives Redact.
func TestRedact(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://tochuc:bi-mat@db.example/tochuc":                          "postgres://tochuc:***@db.example/tochuc",
		"postgres://tochuc@db.example/tochuc?sslmode=require&password=bi-mat": "postgres://tochuc@db.example/tochuc?sslmode=require&password=***",
		"postgresql://u:bi-mat@h/d?PASSWORD=bi-mat&sslpassword=bi-mat":        "postgresql://u:***@h/d?PASSWORD=***&sslpassword=***",
		"postgres://u:bi%40mat@h:5432/d?application_name=tochuc":              "postgres://u:***@h:5432/d?application_name=tochuc",
		"postgres://u:bi-mat@h/d?password=bi mat%zz":                          "postgres://u:***@h/d?password=***",
		"postgres://h/d?sslkey=/k&password=bi-mat#password=bi-mat":            "postgres://h/d?sslkey=/k&password=***",
		"host=db password='bi-mat' user=tochuc":                               "host=db password=*** user=tochuc",
		"/var/lib/tochuc/tochuc.db":                                           "/var/lib/tochuc/tochuc.db",
	} {
		got := sqldb.Redact(dsn)
		if got != want || strings.Contains(got, "bi-mat") || strings.Contains(got, "bi%40mat") {
			t.Errorf("Redact(%q) = %q, want %q", dsn, got, want)
		}
	}
}
