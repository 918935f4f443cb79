package sqldb

import (
	"context"
	"database/sql"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The sections of a comparison between two dates F < T, in the order the
// page shows them. A unit or post lies "inside the scope on a date" when it
// (its unit) reaches one of the scope's roots on that date (see scopeDefs).
const (
	SectionLinks   = "restructure"   // restructuring links dated in (F, T], from a unit inside on F or to one inside on T
	SectionCreated = "created"       // units existing on T but not on F, inside on T (their version on T)
	SectionEnded   = "ended"         // units existing on F but not on T, inside on F (their version on F)
	SectionRenamed = "renamed"       // units existing on both under other names, inside on T
	SectionFilled  = "posts_filled"  // assignments valid on T but not on F, in a unit inside on T
	SectionVacated = "posts_vacated" // assignments valid on F but not on T, in a unit inside on F
)

// CompareScope is what a comparison covers: the whole registry, or the
// units reaching one of the roots of each date (the roots may differ: a
// scope whose unit has ended is carried on by its successors).
type CompareScope struct {
	Whole    bool
	From, To []string // the roots on the first and on the last date
}

// WholeRegistry is the comparison scope of everything.
var WholeRegistry = CompareScope{Whole: true}

// ScopeOf is the comparison scope of one unit on both dates ("" = everything).
func ScopeOf(unit string) CompareScope {
	if unit == "" {
		return WholeRegistry
	}
	return CompareScope{From: []string{unit}, To: []string{unit}}
}

// CompareCounts are the sizes of a comparison's sections, the membership
// events in (F, T] by event (everywhere, or of the people registered up to T
// in a party organization inside the scope on T), and the headcount on F and
// on T over the units inside the scope on each date.
type CompareCounts struct {
	Created int            `json:"created"`
	Ended   int            `json:"ended"`
	Renamed int            `json:"renamed"`
	Links   int            `json:"restructure"`
	Filled  int            `json:"posts_filled"`
	Vacated int            `json:"posts_vacated"`
	Events  map[string]int `json:"party_events"`
	Staff   [2]int         `json:"staff"`
}

// Of returns the count of a section.
func (c CompareCounts) Of(section string) int {
	switch section {
	case SectionCreated:
		return c.Created
	case SectionEnded:
		return c.Ended
	case SectionRenamed:
		return c.Renamed
	case SectionLinks:
		return c.Links
	case SectionFilled:
		return c.Filled
	case SectionVacated:
		return c.Vacated
	}
	return 0
}

// ComparePage is a page of one section's rows; the field of its section is set.
type ComparePage struct {
	Units   []tochuc.Unit            `json:"units,omitempty"`       // created (version on T), ended (version on F)
	Renamed [][2]tochuc.Unit         `json:"renamed,omitempty"`     // version on F, version on T
	Links   []tochuc.RestructureLink `json:"restructure,omitempty"` // restructuring links
	Posts   []tochuc.Assignment      `json:"posts,omitempty"`       // posts filled or vacated
}

// Len returns the number of rows of the page.
func (p ComparePage) Len() int { return len(p.Units) + len(p.Renamed) + len(p.Links) + len(p.Posts) }

// Comparison is an open comparison between two dates: a read transaction on
// one connection, so that its counts and pages see one state of the
// registry, holding for a scope the units inside it on each date (temp
// table cmp_scope, computed once). Close it after use.
type Comparison struct {
	r        *Reader // reads in the transaction
	conn     *sql.Conn
	tx       *sql.Tx
	from, to tochuc.Date
	sc       CompareScope
}

// OpenComparison opens the comparison between from and to (from < to) inside a scope.
func (r *Reader) OpenComparison(ctx context.Context, from, to tochuc.Date, sc CompareScope) (*Comparison, error) {
	if err := r.db.analyzeStale(ctx); err != nil { // PostgreSQL: plans for the tables as they are now
		return nil, err
	}
	conn, err := r.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := conn.BeginTx(ctx, readTxOptions(r.db.Dialect))
	if err != nil {
		conn.Close()
		return nil, err
	}
	c := &Comparison{r: &Reader{db: r.db, q: tx, rec: r.rec}, conn: conn, tx: tx, from: from, to: to, sc: sc}
	if !sc.Whole {
		if err := c.buildScope(ctx); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}

// Close ends the comparison's transaction (its temp table goes with it) and
// gives its connection back.
func (c *Comparison) Close() {
	c.tx.Rollback()
	c.conn.Close()
}

// Counts counts each section, the membership events and the headcounts.
func (c *Comparison) Counts(ctx context.Context) (CompareCounts, error) {
	var n CompareCounts
	sel, args := "", []any{}
	for _, s := range []string{SectionCreated, SectionEnded, SectionRenamed, SectionLinks, SectionFilled, SectionVacated} {
		_, body, a, _ := c.section(s)
		sel += `(SELECT COUNT(*) ` + body + `), `
		args = append(args, a...)
	}
	for i, d := range []tochuc.Date{c.from, c.to} {
		body, a := c.staff(d, i)
		sel += body
		if i == 0 {
			sel += `, `
		}
		args = append(args, a...)
	}
	err := c.tx.QueryRowContext(ctx, c.r.db.rebind(`SELECT `+sel), args...).Scan(
		&n.Created, &n.Ended, &n.Renamed, &n.Links, &n.Filled, &n.Vacated, &n.Staff[0], &n.Staff[1])
	if err != nil {
		return n, err
	}
	n.Events, err = c.events(ctx)
	return n, err
}

// Rows returns a page of a section's rows: limit rows from offset, ordered
// by the date of the change (a new unit's or post's start, an old one's end,
// a link's date), then by id, or unit, post and person (see section).
func (c *Comparison) Rows(ctx context.Context, section string, offset, limit int) (ComparePage, error) {
	var p ComparePage
	cols, body, args, order := c.section(section)
	if body == "" {
		return p, tochuc.Errorf(tochuc.EInvalid, "không có phần so sánh '%s'", section)
	}
	args = append(args, limit, offset)
	return p, c.r.each(ctx, `SELECT `+cols+` `+body+` ORDER BY `+order+` LIMIT ? OFFSET ?`, args, func(s scanner) error {
		switch section {
		case SectionCreated, SectionEnded:
			u, err := scanUnit(s)
			p.Units = append(p.Units, u)
			return err
		case SectionRenamed:
			var o, n tochuc.Unit
			err := s.Scan(&o.ID, &o.Name, &o.Kind, &o.ParentID, &o.LocalityID, &o.HostID, &o.Subtype, &o.Sector,
				&o.Ownership, &o.AdminCode, &o.From, &o.To,
				&n.ID, &n.Name, &n.Kind, &n.ParentID, &n.LocalityID, &n.HostID, &n.Subtype, &n.Sector,
				&n.Ownership, &n.AdminCode, &n.From, &n.To)
			p.Renamed = append(p.Renamed, [2]tochuc.Unit{o, n})
			return err
		case SectionLinks:
			var l tochuc.RestructureLink
			err := s.Scan(&l.EventID, &l.Date, &l.Kind, &l.FromUnitID, &l.ToUnitID, &l.DocumentID)
			p.Links = append(p.Links, l)
			return err
		default:
			var a tochuc.Assignment
			err := s.Scan(&a.PersonID, &a.UnitID, &a.Role, &a.How, &a.DocumentID, &a.From, &a.To)
			p.Posts = append(p.Posts, a)
			return err
		}
	})
}

// Dates returns the first and the last date of the comparison.
func (c *Comparison) Dates() (from, to tochuc.Date) { return c.from, c.to }
