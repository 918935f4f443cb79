package sqldb

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/bundle"
)

// ImportBundle validates a bundle and stores it as one change set by user,
// trusted to change any record (tests, tools; the application's imports go
// through its use cases, which add the scope policy and the audit log). It
// is all or nothing: when the report has errors nothing is kept. An import
// that changes nothing records no change set.
func (db *DB) ImportBundle(ctx context.Context, src bundle.Source, user, source string, opt bundle.Options) (*bundle.Report, error) {
	c, err := db.Begin(ctx, user, source, Trusted)
	if err != nil {
		return nil, err
	}
	rep, err := bundle.Import(ctx, src, c, opt)
	if err != nil {
		c.Rollback()
		return nil, err
	}
	changed := rep.Retracted
	for _, f := range rep.Files {
		changed += f.Added + f.Superseded
	}
	if !rep.OK() || changed == 0 {
		return rep, c.Rollback()
	}
	if err := c.Note(ctx, ImportNote(rep)); err != nil {
		c.Rollback()
		return nil, err
	}
	return rep, c.Commit(ctx)
}

// ImportNote summarises an import for its change set.
func ImportNote(rep *bundle.Report) string {
	if rep.Retracted > 0 {
		return fmt.Sprintf("%d bản ghi mới, %d bản ghi được thay thế, %d bản ghi được rút bỏ", added(rep), superseded(rep), rep.Retracted)
	}
	return fmt.Sprintf("%d bản ghi mới, %d bản ghi được thay thế", added(rep), superseded(rep))
}

// Changed reports whether an import recorded anything.
func Changed(rep *bundle.Report) bool { return added(rep)+superseded(rep)+rep.Retracted > 0 }

func added(r *bundle.Report) (n int) {
	for _, f := range r.Files {
		n += f.Added
	}
	return n
}

func superseded(r *bundle.Report) (n int) {
	for _, f := range r.Files {
		n += f.Superseded
	}
	return n
}

// CheckBundle validates a bundle against the database as an import would,
// and keeps nothing; source says what is checked.
func (db *DB) CheckBundle(ctx context.Context, src bundle.Source, user, source string, opt bundle.Options) (*bundle.Report, error) {
	c, err := db.BeginCheck(ctx, user, source)
	if err != nil {
		return nil, err
	}
	defer c.Rollback()
	return bundle.Import(ctx, src, c, opt)
}
