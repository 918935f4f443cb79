// Command scale measures tochuc at national size: it writes the national
// shape with internal/synth, imports it with `tochuc import` (against a raw
// bulk load of the same rows), times the first report, the catalog warm and a
// drill-down, then starts `tochuc serve` and loads every kind of page with 50
// clients (against a minimal handler serving the same bytes), sampling the
// server's memory. It prints a markdown table and writes it to a file.
//
//	go run ./bench/scale -members 500000 -db 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable'
//	go run ./bench/scale -members 500000 -db /tmp/scale.db
//
// See bench/README.md ("Scale").
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/synth"
)

// config is what the flags set.
type config struct {
	members    int
	shape      synth.Province // districts, communes, villages, enterprises
	db         string         // SQLite file or postgres:// URL of the database holding the schemas
	schema     string         // PostgreSQL: the schema tochuc writes in (its raw twin: schema_raw)
	dir        string         // where the bundle is written
	bin        string         // the tochuc binary; empty: built
	duration   time.Duration
	clients    int
	out        string
	plans      string // folder of the EXPLAIN plans; empty: none
	plansLabel string
	skipImport bool
	skipLoad   bool
	asOf       string
	since      string
}

func main() {
	var c config
	flag.IntVar(&c.members, "members", 500_000, "party members of the synthetic country (99 districts × 33 communes × 15 villages, 50,000 enterprises)")
	flag.IntVar(&c.shape.Districts, "districts", 99, "districts (smaller shapes: to try the tool)")
	flag.IntVar(&c.shape.CommunesPerDist, "communes", 33, "communes of a district")
	flag.IntVar(&c.shape.VillagesPerCommune, "villages", 15, "villages of a commune")
	flag.IntVar(&c.shape.Enterprises, "enterprises", 50_000, "enterprises")
	flag.StringVar(&c.db, "db", "", "SQLite file or postgres:// URL (required); on PostgreSQL the schemas -schema and -schema_raw are dropped and made again")
	flag.StringVar(&c.schema, "schema", "scale", "PostgreSQL schema to write in")
	flag.StringVar(&c.dir, "dir", "", "folder for the bundle (default: a temporary one, removed at the end)")
	flag.StringVar(&c.bin, "bin", "", "tochuc binary to run (default: built from ./cmd/tochuc)")
	flag.DurationVar(&c.duration, "duration", 10*time.Second, "load of each page, and of its baseline")
	flag.IntVar(&c.clients, "clients", 50, "concurrent clients")
	flag.StringVar(&c.out, "out", "", "markdown file of the figures (default: bench/scale-ENGINE-MEMBERS.md)")
	flag.StringVar(&c.plans, "plans", "", "folder to write the EXPLAIN plans of the slow catalog queries in (e.g. bench/plans)")
	flag.StringVar(&c.plansLabel, "plans-label", "now", "label in the plans' file names (e.g. before, after)")
	flag.BoolVar(&c.skipImport, "skip-import", false, "measure the database as it is (already imported by an earlier run)")
	flag.BoolVar(&c.skipLoad, "skip-load", false, "do not serve nor load the pages")
	flag.StringVar(&c.asOf, "as-of", "2018-12-31", "date of the reports and pages")
	flag.StringVar(&c.since, "since", "2018-05-30", "start of the comparisons")
	flag.Parse()
	if c.db == "" {
		flag.Usage()
		os.Exit(2)
	}
	log.SetFlags(log.Ltime)
	if err := run(context.Background(), c); err != nil {
		log.Fatal(err)
	}
}

// national returns the shape of the country (by default
// synth.Province{Districts: 99, CommunesPerDist: 33, VillagesPerCommune: 15,
// Enterprises: 50000}) with as many members a village cell as make about
// c.members party members admitted: the other organizations have a fixed
// number (fixed, measured by writing the shape with none in village cells).
func (c config) national(fixed int) synth.Province {
	p := c.shape
	p.Seed = 1
	cells := p.Districts * p.CommunesPerDist * p.VillagesPerCommune // with the communes' own (synth.commune)
	p.MembersPerCell = max(1, (c.members-fixed+cells/2)/cells)
	return p
}

// fixedMembers writes the shape without members in village cells into a
// temporary folder and counts the members admitted.
func fixedMembers(c config) (int, error) {
	dir, err := os.MkdirTemp("", "tochuc-scale-probe-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	p := c.shape
	p.Seed = 1
	if _, err := synth.WriteProvince(dir, p); err != nil {
		return 0, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "party.csv"))
	if err != nil {
		return 0, err
	}
	return strings.Count(string(b), ",admitted,"), nil
}

func run(ctx context.Context, c config) error {
	t := &table{}
	eng := engineOf(c.db)
	if c.out == "" {
		c.out = fmt.Sprintf("bench/scale-%s-%d.md", eng, c.members)
	}
	fixed, err := fixedMembers(c)
	if err != nil {
		return err
	}
	p := c.national(fixed)
	t.head("bench/scale: %s, %s members asked (%d districts × %d communes × %d villages, %s enterprises, %d members a village cell), %s, %s",
		eng, thousands(c.members), p.Districts, p.CommunesPerDist, p.VillagesPerCommune, thousands(p.Enterprises), p.MembersPerCell,
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), loadavg())
	bin, err := binary(c)
	if err != nil {
		return err
	}
	if c.bin == "" {
		defer os.Remove(bin)
	}
	dsn, rawDSN, err := databases(ctx, c)
	if err != nil {
		return err
	}
	if !c.skipImport {
		if err := importStep(ctx, c, p, t, bin, dsn, rawDSN); err != nil {
			return err
		}
	}
	if err := catalogStep(ctx, c, t, bin, dsn); err != nil {
		return err
	}
	if c.plans != "" {
		if err := writePlans(ctx, c, dsn); err != nil {
			return err
		}
	}
	if !c.skipLoad {
		if err := loadStep(ctx, c, t, bin, dsn); err != nil {
			return err
		}
	}
	md := t.String()
	fmt.Print(md)
	if err := os.MkdirAll(filepath.Dir(c.out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(c.out, []byte(md), 0o644)
}

// importStep writes the bundle, imports it with `tochuc import`, loads the
// same rows raw into the twin database, and creates the administrator.
func importStep(ctx context.Context, c config, p synth.Province, t *table, bin, dsn, rawDSN string) error {
	dir := c.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "tochuc-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	log.Printf("writing the bundle in %s", dir)
	start := time.Now()
	rows, err := synth.WriteProvince(dir, p)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(dir, "party.csv"))
	if err != nil {
		return err
	}
	t.row("bundle written", fmt.Sprintf("%s rows, %s party members admitted, in %s", thousands(rows),
		thousands(strings.Count(string(b), ",admitted,")), secs(time.Since(start))), "")
	log.Printf("%d rows; importing", rows)
	imp, err := runTochuc(ctx, bin, dsn, "", "import", "--quiet", dir)
	if err != nil {
		return err
	}
	log.Printf("import: %s; raw load", secs(imp.took))
	raw, err := rawLoad(ctx, rawDSN, dir)
	if err != nil {
		return err
	}
	log.Printf("raw load: %s; first report", secs(raw))
	t.row("import (`tochuc import`)", fmt.Sprintf("%s, %s rows/s, peak RSS %s", secs(imp.took), thousands(int(float64(rows)/imp.took.Seconds())), mib(imp.maxRSS)), "")
	t.row("raw load (COPY / multi-row INSERT, writes alone)", fmt.Sprintf("%s, %s rows/s", secs(raw), thousands(int(float64(rows)/raw.Seconds()))), "")
	t.row("import ÷ raw (rows/s)", fmt.Sprintf("**%.2f**", raw.Seconds()/imp.took.Seconds()), "target ≥ 0.5")
	if _, err := runTochuc(ctx, bin, dsn, password+"\n", "user", "add", "--login", login, "--name", "Quản trị Bench", "--role", "admin", "--password-stdin"); err != nil {
		return err
	}
	rep, err := runTochuc(ctx, bin, dsn, "", "report", "--as-of", c.asOf, "--since", c.since, "--format", "csv", "--out", os.DevNull)
	if err != nil {
		return err
	}
	log.Printf("first report: %s", secs(rep.took))
	t.row("first report after the import (`tochuc report`)", fmt.Sprintf("%s, peak RSS %s", secs(rep.took), mib(rep.maxRSS)), "")
	return nil
}

// engineOf names the engine of a --db value.
func engineOf(db string) string {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return "postgres"
	}
	return "sqlite"
}

// binary returns the tochuc binary, built when not given.
func binary(c config) (string, error) {
	if c.bin != "" {
		return c.bin, nil
	}
	out := filepath.Join(os.TempDir(), fmt.Sprintf("tochuc-scale-%d", os.Getpid()))
	cmd := exec.Command("go", "build", "-o", out, "./cmd/tochuc")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./cmd/tochuc (run from the repository's root): %w", err)
	}
	return out, nil
}

// result is how long a tochuc command took and its peak memory.
type result struct {
	took   time.Duration
	maxRSS int64 // bytes
}

// runTochuc runs the binary on dsn with the given input and arguments.
func runTochuc(ctx context.Context, bin, dsn, stdin string, args ...string) (result, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "TOCHUC_DB="+dsn, "TOCHUC_USER=bench")
	cmd.Stdin = strings.NewReader(stdin)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("tochuc %s: %w: %s", strings.Join(args, " "), err, stderr.String())
	}
	return result{took: took, maxRSS: maxRSS(cmd.ProcessState)}, nil
}
