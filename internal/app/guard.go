package app

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// guard returns the guard of the actor's change sets: nothing to check for
// the whole registry, the scope policy otherwise; and, for an account
// without the permission to read confidential records, no confidential write.
func (a *App) guard(act Actor) sqldb.Guard {
	g := sqldb.Trusted
	if !act.whole() {
		g = &scopeGuard{a: a, unit: act.User.ScopeUnitID}
	}
	if !act.User.CanReadConfidential() {
		g = confidentialGuard{next: g}
	}
	return g
}

// scopeGuard is the write side of the scope policy: before a change set
// commits, every row it added or ended must be writable (see policy.go).
type scopeGuard struct {
	a    *App
	unit string
}

// maxViolations bounds the rows named in a refusal.
const maxViolations = 10

// CheckChange implements sqldb.Guard.
func (g *scopeGuard) CheckChange(ctx context.Context, c *sqldb.Change) error {
	// First pass: who is named, and whether units changed.
	var persons, docs []string
	unitsTouched := false
	err := c.Touched(ctx, func(f *bundle.File, cells []string, added bool) error {
		r := refsOf(f, cells)
		for _, p := range r.persons {
			persons = append(persons, p.id)
		}
		if r.partOfDocuments() {
			for _, d := range r.docs {
				docs = append(docs, d.id)
			}
		}
		if f.Name == "units" {
			unitsTouched = true
		}
		return nil
	})
	if err != nil {
		return sqldb.Fault(err)
	}
	before := c.Reader(true)
	smBefore, err := g.a.scopeMap(ctx, before, g.unit)
	if err != nil {
		return err
	}
	places, err := before.PersonPlaces(ctx, persons)
	if err != nil {
		return sqldb.Fault(err)
	}
	// A part of a document is judged by the document as it stood (a row
	// ended) or as it will stand (a row added: its document may come in the
	// same change set).
	docsBefore, docsAfter := map[string][]string{}, map[string][]string{}
	if len(docs) > 0 {
		if docsBefore, err = before.DocumentRows(ctx, docs); err == nil {
			docsAfter, err = c.Reader(false).DocumentRows(ctx, docs)
		}
		if err != nil {
			return sqldb.Fault(err)
		}
	}
	today := g.a.today()
	pre := &scopeView{sm: smBefore, places: places, docs: docsBefore, today: today}
	post := &scopeView{sm: smBefore, places: places, docs: docsAfter, today: today}
	if unitsTouched {
		smAfter, err := c.Reader(false).ScopeMap(ctx, g.unit)
		if err != nil {
			return sqldb.Fault(err)
		}
		post.sm = smAfter
	}
	// Second pass: every row added must be writable as things will stand,
	// every row ended as they stood.
	var bad []string
	var rows []OutOfScope
	n := 0
	err = c.Touched(ctx, func(f *bundle.File, cells []string, added bool) error {
		v := pre
		if added {
			v = post
		}
		if why, col := v.writableColumn(f, cells); why != "" {
			if n++; n <= maxViolations {
				verb := "ghi"
				if !added {
					verb = "sửa hoặc xóa"
				}
				bad = append(bad, "không được "+verb+" "+describe(f, cells)+": "+why)
				rows = append(rows, OutOfScope{File: f, Key: keyCells(f, cells), Column: col, Why: why, Added: added})
			}
		}
		return nil
	})
	if err != nil {
		return sqldb.Fault(err)
	}
	if n == 0 {
		return nil
	}
	msg := "Thay đổi nằm ngoài phạm vi được giao, chưa ghi gì: " + strings.Join(bad, "; ")
	if n > maxViolations {
		msg += "; và " + tochuc.FormatInt(n-maxViolations) + " bản ghi khác"
	}
	return &ScopeRefusal{Rows: rows, More: max(n-maxViolations, 0), err: tochuc.Errorf(tochuc.EForbidden, "%s.", msg)}
}
