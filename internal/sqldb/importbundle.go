package sqldb

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/bundle"
)

// ImportBundle validates a bundle and stores it as one change set by user. It
// is all or nothing: when the report has errors nothing is kept. An import
// that changes nothing records no change set.
func (db *DB) ImportBundle(ctx context.Context, src bundle.Source, user, source string, opt bundle.Options) (*bundle.Report, error) {
	c, err := db.Begin(ctx, user, source)
	if err != nil {
		return nil, err
	}
	rep, err := bundle.Import(src, c, opt)
	if err != nil {
		c.Rollback()
		return nil, err
	}
	changed := 0
	for _, f := range rep.Files {
		changed += f.Added + f.Superseded
	}
	if !rep.OK() || changed == 0 {
		return rep, c.Rollback()
	}
	if err := c.Note(fmt.Sprintf("%d bản ghi mới, %d bản ghi được thay thế", added(rep), superseded(rep))); err != nil {
		c.Rollback()
		return nil, err
	}
	return rep, c.Commit()
}

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
// and keeps nothing.
func (db *DB) CheckBundle(ctx context.Context, src bundle.Source, user string, opt bundle.Options) (*bundle.Report, error) {
	c, err := db.Begin(ctx, user, "check")
	if err != nil {
		return nil, err
	}
	defer c.Rollback()
	return bundle.Import(src, c, opt)
}
