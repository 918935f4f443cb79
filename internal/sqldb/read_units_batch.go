package sqldb

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// UnitsUnder returns the units directly under any of the given units on d
// (each in its version valid then), ordered by parent, then id.
func (r *Reader) UnitsUnder(ctx context.Context, d tochuc.Date, parents []string) ([]tochuc.Unit, error) {
	var out []tochuc.Unit
	for batch := range slices.Chunk(uniqueIDs(parents), 500) {
		us, err := r.units(ctx, `SELECT `+unitColumns+` FROM units WHERE `+r.rec.where("")+` AND parent_id IN (`+
			placeholders(len(batch))+`) AND `+validAt+` ORDER BY parent_id, id`, append(anys(batch), d, d)...)
		if err != nil {
			return nil, err
		}
		out = append(out, us...)
	}
	return out, nil
}

// UnitsOn returns the versions valid on d of the given units (those existing
// then), ordered by id.
func (r *Reader) UnitsOn(ctx context.Context, ids []string, d tochuc.Date) ([]tochuc.Unit, error) {
	var out []tochuc.Unit
	for batch := range slices.Chunk(uniqueIDs(ids), 500) {
		us, err := r.units(ctx, `SELECT `+unitColumns+` FROM units WHERE `+r.rec.where("")+` AND id IN (`+
			placeholders(len(batch))+`) AND `+validAt+` ORDER BY id`, append(anys(batch), d, d)...)
		if err != nil {
			return nil, err
		}
		out = append(out, us...)
	}
	return out, nil
}

// ChildrenPage returns the units existing on d directly under parent, by
// name then id, from the offset-th on, at most limit of them (indexed on the
// parent: units_parent_valid).
func (r *Reader) ChildrenPage(ctx context.Context, d tochuc.Date, parent string, offset, limit int) ([]tochuc.Unit, error) {
	return r.units(ctx, `SELECT `+unitColumns+` FROM units WHERE `+r.rec.where("")+` AND parent_id = ? AND `+validAt+
		` ORDER BY name, id LIMIT ? OFFSET ?`, parent, d, d, max(limit, 0), max(offset, 0))
}
