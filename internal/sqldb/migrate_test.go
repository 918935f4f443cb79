package sqldb_test

import (
	"context"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// TestMigrationsMatch checks that both engines have the same migrations.
func TestMigrationsMatch(t *testing.T) {
	lite, err := sqldb.Migrations(sqldb.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := sqldb.Migrations(sqldb.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) != len(pg) || len(lite) == 0 {
		t.Fatalf("%d SQLite migrations, %d PostgreSQL", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].Name != pg[i].Name {
			t.Errorf("migration %d: %s vs %s", i, lite[i].Name, pg[i].Name)
		}
	}
}

// TestOutdatedSchema checks that a database behind the binary is reported as outdated.
func TestOutdatedSchema(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	if err := db.CheckSchema(ctx); err != nil {
		t.Fatalf("fresh database: %v", err)
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)`); err != nil {
		t.Fatal(err)
	}
	if err := db.CheckSchema(ctx); tochuc.ErrorCode(err) != tochuc.EOutdated {
		t.Fatalf("want outdated, got %v", err)
	}
}

// TestRecordsAsOf checks the as-of rule of each file on the rich bundle.
func TestRecordsAsOf(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, richBundle())
	r := db.Reader(sqldb.Recorded{})
	count := func(file, date string, match map[string]string) (n int, first []string) {
		err := r.RecordsAsOf(ctx, bundle.FileByName(file), tochuc.MustDate(date), match, func(c []string) error {
			if n == 0 {
				first = append([]string{}, c...)
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return n, first
	}
	cases := []struct {
		file, date string
		match      map[string]string
		want       int
	}{
		{"units", "2018-05-31", map[string]string{"id": "HU218"}, 1},
		{"assignments", "2019-12-31", map[string]string{"person_id": "P1"}, 2},
		{"assignments", "2020-01-01", map[string]string{"person_id": "P1"}, 1},
		{"qualifications", "2018-12-31", map[string]string{"person_id": "P2"}, 0}, // college obtained 2019
		{"qualifications", "2019-01-01", map[string]string{"person_id": "P2"}, 1},
		{"party", "2011-01-01", map[string]string{"person_id": "P1"}, 2},
		{"plans", "2019-01-01", nil, 1}, // P3 taken out that day
		{"documents", "2019-01-01", nil, 1},
		{"restructure", "2019-12-31", nil, 0},
		{"evaluations", "2017-12-31", nil, 0},
	}
	for _, c := range cases {
		if n, _ := count(c.file, c.date, c.match); n != c.want {
			t.Errorf("%s on %s %v: %d records, want %d", c.file, c.date, c.match, n, c.want)
		}
	}
	// Headcount: the latest figure on or before the date.
	if n, row := count("headcount", "2018-12-31", nil); n != 1 || row[2] != "20" {
		t.Errorf("headcount on 2018-12-31: %d %v", n, row)
	}
	if n, row := count("headcount", "2019-06-30", nil); n != 1 || row[2] != "18" {
		t.Errorf("headcount on 2019-06-30: %d %v", n, row)
	}
	if n, row := count("units", "2018-06-01", map[string]string{"id": "HU218"}); n != 1 || row[1] != "Đảng bộ huyện Lục Nam" {
		t.Errorf("HU218 renamed on 2018-06-01: %v", row)
	}
}
