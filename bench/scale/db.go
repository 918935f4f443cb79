package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle/container"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/rawload"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// databases returns the --db of tochuc's database and of the raw load's:
// on PostgreSQL two schemas of c.db (made again unless skipping the import),
// on SQLite c.db and a file beside it (removed first).
func databases(ctx context.Context, c config) (string, string, error) {
	if engineOf(c.db) == "sqlite" {
		raw := strings.TrimSuffix(c.db, filepath.Ext(c.db)) + "-raw.db"
		if !c.skipImport {
			for _, f := range []string{c.db, raw} {
				for _, sfx := range []string{"", "-wal", "-shm"} {
					if err := os.Remove(f + sfx); err != nil && !os.IsNotExist(err) {
						return "", "", err
					}
				}
			}
		}
		return c.db, raw, nil
	}
	sep := "?"
	if strings.Contains(c.db, "?") {
		sep = "&"
	}
	dsn, raw := c.db+sep+"search_path="+c.schema, c.db+sep+"search_path="+c.schema+"_raw"
	if c.skipImport {
		return dsn, raw, nil
	}
	db, err := sqldb.Open(ctx, c.db)
	if err != nil {
		return "", "", err
	}
	defer db.Close()
	for _, s := range []string{c.schema, c.schema + "_raw"} {
		if _, err := db.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+s+" CASCADE"); err != nil {
			return "", "", err
		}
		if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+s); err != nil {
			return "", "", err
		}
	}
	return dsn, raw, nil
}

// rawLoad migrates the raw database and loads the bundle's rows into it.
func rawLoad(ctx context.Context, dsn, dir string) (time.Duration, error) {
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		return 0, err
	}
	src, err := container.OpenSource(dir)
	if err != nil {
		return 0, err
	}
	defer src.Close()
	_, took, err := rawload.Load(ctx, db, src)
	return took, err
}

// The scopes of the catalog: none, one district, the top unit.
var scopes = []struct{ label, id string }{{"no scope", ""}, {"one district (H00)", "H00"}, {"the top unit (T)", "T"}}

// params returns the report's parameters.
func params(c config, scope string) indicator.Params {
	return indicator.Params{AsOf: tochuc.MustDate(c.asOf), Since: tochuc.MustDate(c.since), Scope: scope}
}

// catalogStep times the whole catalog warm in each scope (median of 3 after
// one run), and the drill-down of party.members over the whole registry.
func catalogStep(ctx context.Context, c config, t *table, bin, dsn string) error {
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	uc := app.New(db, nil)
	for _, sc := range scopes {
		var runs []time.Duration
		for i := range 4 {
			start := time.Now()
			res, err := uc.Report(ctx, params(c, sc.id), app.Recorded{})
			if err != nil {
				return fmt.Errorf("report, scope %q: %w", sc.id, err)
			}
			if i == 0 {
				for _, in := range res.Indicators {
					if in.ID == "party.members" {
						t.row("party members on "+c.asOf+", "+sc.label, thousands(in.Value), "the catalog's party.members")
					}
				}
			}
			if i > 0 {
				runs = append(runs, time.Since(start))
			}
		}
		slices.Sort(runs)
		log.Printf("catalog %s: %v", sc.label, runs)
		t.row("whole catalog warm, "+sc.label, fmt.Sprintf("**%s** (%s–%s)", secs(runs[1]), secs(runs[0]), secs(runs[2])), "median of 3 after one run")
	}
	ex, err := runTochuc(ctx, bin, dsn, "", "report", "--as-of", c.asOf, "--explain", "party.members", "--format", "csv", "--out", os.DevNull)
	if err != nil {
		return err
	}
	t.row("`tochuc report --explain party.members`, whole registry", fmt.Sprintf("%s, peak RSS %s", secs(ex.took), mib(ex.maxRSS)),
		"CSV, streamed as the records come")
	return nil
}

// planned are the catalog's slowest queries at national size (issue 12).
var planned = []string{"party.non_state_enterprise.members", "party.members", "village.head_party_member", "recruitment.commune.university_plus"}

// writePlans writes the plan of each planned query, without scope and in one district.
func writePlans(ctx context.Context, c config, dsn string) error {
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := os.MkdirAll(c.plans, 0o755); err != nil {
		return err
	}
	for _, id := range planned {
		for _, sc := range scopes[:2] {
			plan, err := db.Reader(sqldb.Recorded{}).Plan(ctx, params(c, sc.id), id)
			if err != nil {
				return fmt.Errorf("plan of %s: %w", id, err)
			}
			name := fmt.Sprintf("%s-%s-%d-%s", engineOf(c.db), id, c.members, c.plansLabel)
			if sc.id != "" {
				name += "-" + sc.id
			}
			if err := os.WriteFile(filepath.Join(c.plans, name+".txt"), []byte(plan), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
