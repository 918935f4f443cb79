package archtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

const module = "github.com/tochuc/tochuc/"

// mayImport is the rule of docs/architecture.md: for each package of the
// module (by its path under the module; a key covers its sub-packages unless
// they have a key of their own), the packages of the module it may import.
// Every package may import internal/tochuc, the domain, its ancestors
// (sqldb/sqldbtest imports sqldb) and the packages under its own key
// (two sub-packages of sqldb may import each other). nil: anything (wiring).
var mayImport = map[string][]string{
	"internal/tochuc":   {},
	"internal/textvn":   {},
	"internal/vnadmin":  {},
	"internal/synth":    {},
	"internal/archtest": {},
	"internal/cache":    {},

	"internal/auth":             {},
	"internal/bundle":           {},
	"internal/workbook":         {},
	"internal/bundle/container": {"internal/bundle", "internal/workbook"},
	"internal/bundle/manifest":  {},
	"internal/check":            {"internal/bundle", "internal/textvn"},
	"internal/restructure":      {"internal/bundle"},
	"internal/indicator":        {},
	"internal/report":           {"internal/check", "internal/indicator", "internal/workbook"},
	"internal/demo":             {"internal/bundle", "internal/vnadmin"},

	// Storage: neither report nor Excel (TestStorageImportsNoReport).
	"internal/sqldb": {"internal/auth", "internal/bundle", "internal/check", "internal/indicator", "internal/textvn"},

	"internal/app": {"internal/auth", "internal/bundle", "internal/bundle/manifest", "internal/cache", "internal/check", "internal/indicator", "internal/restructure", "internal/sqldb", "internal/textvn"},
	"internal/web": {"internal/app", "internal/auth", "internal/bundle", "internal/bundle/container", "internal/bundle/manifest", "internal/cache",
		"internal/check", "internal/indicator", "internal/report", "internal/restructure", "internal/sqldb", "internal/textvn", "internal/workbook"},

	"cmd":   nil,
	"bench": nil,
	"e2e":   nil,
}

// onlyIn names third-party modules and the packages (keys of mayImport,
// with their trees) that alone may import them directly.
var onlyIn = map[string][]string{
	"github.com/xuri/excelize/v2": {"internal/bundle/container", "internal/report", "internal/web", "internal/workbook"},
	"github.com/jackc/pgx/v5":     {"internal/sqldb"},
	"modernc.org/sqlite":          {"internal/sqldb"},
}

// pkg is what go list tells of a package.
type pkg struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Deps       []string
}

var (
	graphOnce sync.Once
	graph     map[string]*pkg // every package of the build of ./..., by import path
	graphErr  error
)

// load runs go list -deps -json over the module once.
func load(t *testing.T) map[string]*pkg {
	t.Helper()
	graphOnce.Do(func() {
		cmd := exec.Command("go", "list", "-deps", "-json", "./...")
		cmd.Dir = filepath.Join("..", "..")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			graphErr = errors.New("go list: " + err.Error() + ": " + stderr.String())
			return
		}
		graph = map[string]*pkg{}
		dec := json.NewDecoder(bytes.NewReader(out))
		for {
			p := &pkg{}
			if err := dec.Decode(p); err == io.EOF {
				break
			} else if err != nil {
				graphErr = err
				return
			}
			graph[p.ImportPath] = p
		}
	})
	if graphErr != nil {
		t.Fatal(graphErr)
	}
	return graph
}

// ours returns the module's packages, by their path under the module, sorted.
func ours(g map[string]*pkg) []string {
	var rel []string
	for path := range g {
		if r, ok := strings.CutPrefix(path, module); ok {
			rel = append(rel, r)
		}
	}
	slices.Sort(rel)
	return rel
}

// within reports whether rel is key or one of its sub-packages.
func within(rel, key string) bool { return rel == key || strings.HasPrefix(rel, key+"/") }

// ruleOf returns the key of mayImport that covers rel: the longest.
func ruleOf(rel string) (string, bool) {
	best, found := "", false
	for key := range mayImport {
		if within(rel, key) && len(key) >= len(best) {
			best, found = key, true
		}
	}
	return best, found
}

// TestImportsFollowTheRule: each package of the module imports only the
// packages of the module its row of mayImport allows.
func TestImportsFollowTheRule(t *testing.T) {
	t.Parallel()
	g := load(t)
	for _, rel := range ours(g) {
		key, ok := ruleOf(rel)
		if !ok {
			t.Errorf("%s has no rule: add it to docs/architecture.md and to mayImport", rel)
			continue
		}
		allowed := mayImport[key]
		if allowed == nil {
			continue
		}
		for _, imp := range g[module+rel].Imports {
			dep, ok := strings.CutPrefix(imp, module)
			if !ok || dep == "internal/tochuc" || within(rel, dep) {
				continue // not ours, the domain, or an ancestor
			}
			if depKey, _ := ruleOf(dep); depKey == key {
				continue // the same tree under the same rule
			}
			if !slices.Contains(allowed, dep) {
				t.Errorf("%s imports %s, which docs/architecture.md does not allow", rel, dep)
			}
		}
	}
}

// TestDomainIsStdlibOnly: internal/tochuc depends on the standard library alone.
func TestDomainIsStdlibOnly(t *testing.T) {
	t.Parallel()
	g := load(t)
	for _, d := range g[module+"internal/tochuc"].Deps {
		if p := g[d]; p == nil || !p.Standard {
			t.Errorf("internal/tochuc depends on %s, which is not in the standard library", d)
		}
	}
}

// TestThirdPartyWhereAllowed: excelize and the database drivers are imported
// only where onlyIn allows.
func TestThirdPartyWhereAllowed(t *testing.T) {
	t.Parallel()
	g := load(t)
	for _, rel := range ours(g) {
		for _, imp := range g[module+rel].Imports {
			for mod, where := range onlyIn {
				if !within(imp, mod) {
					continue
				}
				if !slices.ContainsFunc(where, func(w string) bool { return within(rel, w) }) {
					t.Errorf("%s imports %s, allowed only in %v", rel, imp, where)
				}
			}
		}
	}
}

// notDependOn asserts that rel depends, directly or not, on none of the
// given packages or modules.
func notDependOn(t *testing.T, g map[string]*pkg, rel string, banned ...string) {
	t.Helper()
	p := g[module+rel]
	if p == nil {
		t.Fatalf("no package %s", rel)
	}
	for _, d := range p.Deps {
		for _, b := range banned {
			if within(d, b) {
				t.Errorf("%s depends on %s", rel, d)
			}
		}
	}
}

// TestModelWithoutContainers: the bundle model is read and checked without
// Excel: the containers (and excelize) stay in internal/bundle/container.
func TestModelWithoutContainers(t *testing.T) {
	t.Parallel()
	g := load(t)
	for _, rel := range []string{"internal/bundle", "internal/check", "internal/restructure"} {
		notDependOn(t, g, rel, "github.com/xuri/excelize/v2", module+"internal/bundle/container")
	}
}

// TestInnerLayersImportNoOuter: nothing below the use cases depends on them
// or on the web, and the use cases do not depend on the web.
func TestInnerLayersImportNoOuter(t *testing.T) {
	t.Parallel()
	g := load(t)
	for _, rel := range []string{"internal/tochuc", "internal/bundle", "internal/bundle/container", "internal/check",
		"internal/restructure", "internal/indicator", "internal/report", "internal/auth", "internal/sqldb"} {
		notDependOn(t, g, rel, module+"internal/app", module+"internal/web", module+"cmd")
	}
	notDependOn(t, g, "internal/app", module+"internal/web", module+"cmd")
	notDependOn(t, g, "internal/sqldb", module+"internal/bundle/container")
}

// TestStorageImportsNoReport: storage only stores: it depends neither on the
// rendering of reports nor on Excel.
func TestStorageImportsNoReport(t *testing.T) {
	t.Parallel()
	g := load(t)
	notDependOn(t, g, "internal/sqldb", module+"internal/report", "github.com/xuri/excelize/v2")
}
