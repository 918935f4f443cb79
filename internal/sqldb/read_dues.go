package sqldb

import (
	"context"
	"errors"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Party dues (party_dues.csv, PM-14): the members of a party organization
// with what they paid, read in pages in the database.

// DuesQuery selects the members of a party organization on a date (and,
// for its memberDepth, those of the organizations under it) for the dues
// workplace.
type DuesQuery struct {
	Unit tochuc.Unit
	AsOf tochuc.Date // members on this day; payments made (paid_on) by it
	// Month (YYYY-MM): the payment of that month is read for each member.
	Month string
	// ExemptFrom: a member whose party age starts on or before it is exempt
	// (50 years of party age on AsOf, PM-14).
	ExemptFrom tochuc.Date
	// Behind keeps only the members, not exempt, whose latest paid month
	// (or, never paid since, the month their party age starts) is before
	// BehindMonth (YYYY-MM); BehindFrom is that month's first day.
	Behind      bool
	BehindMonth string
	BehindFrom  tochuc.Date
	// PersonIDs, when set, keeps only these people.
	PersonIDs []string
}

// DuesLine is a member on a page of the dues workplace.
type DuesLine struct {
	PersonID     string      `json:"person_id"`
	Name         string      `json:"full_name"`
	UnitID       string      `json:"unit_id"`
	Probationary bool        `json:"probationary"`
	Start        tochuc.Date `json:"party_age_start,omitempty"`
	LastPaid     string      `json:"last_paid_month,omitempty"`
	Amount       *int64      `json:"amount,omitempty"` // paid for the query's month
	PaidOn       tochuc.Date `json:"paid_on,omitempty"`
	Exempt       bool        `json:"exempt"`
}

// DuesPage is a page of members and their count.
type DuesPage struct {
	Total int
	Lines []DuesLine
}

// duesStartSQL is the day a member's party age starts on a date (the latest
// admission by it or, for a member who came by transfer only, the first
// transfer in; else the membership period's start), for a member row m.
func (r *Reader) duesStartSQL() string {
	e := r.rec.where("e")
	return `COALESCE((SELECT MAX(e.date) FROM party e WHERE e.person_id = m.person_id AND e.event = 'admitted' AND e.date <= ? AND ` + e + `),
		(SELECT MIN(e.date) FROM party e WHERE e.person_id = m.person_id AND e.event = 'transferred_in' AND e.date <= ? AND ` + e + `),
		m.valid_from)`
}

// Dues returns the page [offset, offset+limit) of the members the query
// selects, ordered by given name then id, and their count. It reads
// member_periods (refreshed first). The members with their start and last
// month paid are materialized once (both engines take AS MATERIALIZED):
// else the filter on them evaluates the correlated reads again, ten times
// slower on the demo.
func (r *Reader) Dues(ctx context.Context, q DuesQuery, offset, limit int) (DuesPage, error) {
	var p DuesPage
	if err := r.db.RefreshMemberPeriods(ctx); err != nil {
		return p, err
	}
	tx, err := r.db.BeginTx(ctx, readTxOptions(r.db.Dialect))
	if err != nil {
		return p, err
	}
	defer tx.Rollback()
	with, args := r.memberOrgsCTE(q.Unit.ID, memberDepth(q.Unit.Kind), q.AsOf)
	x := r.rec.where("x")
	with += `, mem AS MATERIALIZED (SELECT m.person_id, m.unit_id, m.probationary, ` + r.duesStartSQL() + ` AS start,
		(SELECT MAX(x.month) FROM party_dues x WHERE x.person_id = m.person_id AND x.paid_on <= ? AND ` + x + `) AS last_paid
		FROM member_periods m JOIN orgs o ON o.id = m.unit_id WHERE m.valid_from <= ? AND m.valid_to > ?) `
	args = append(args, q.AsOf, q.AsOf, q.AsOf, q.AsOf, q.AsOf)
	where, wargs := ` WHERE 1 = 1`, []any(nil)
	if q.Behind {
		where += ` AND mem.start > ? AND (mem.last_paid IS NULL OR mem.last_paid < ?) AND mem.start < ?`
		wargs = []any{q.ExemptFrom, q.BehindMonth, q.BehindFrom}
	}
	if len(q.PersonIDs) > 0 {
		where += ` AND mem.person_id IN (` + placeholders(len(q.PersonIDs)) + `)`
		wargs = append(wargs, anys(q.PersonIDs)...)
	}
	count := append(slices.Clone(args), wargs...)
	if err := tx.QueryRowContext(ctx, r.db.rebind(with+`SELECT COUNT(*) FROM mem`+where), count...).Scan(&p.Total); err != nil {
		return p, err
	}
	order := `p.sort_key, p.id`
	if r.db.Dialect == Postgres {
		order = `p.sort_key, p.id COLLATE "C"`
	}
	sel := with + `SELECT mem.person_id, p.full_name, mem.unit_id, mem.probationary, mem.start, COALESCE(mem.last_paid, ''),
		d.amount, d.paid_on, CASE WHEN mem.start <= ? THEN 1 ELSE 0 END
		FROM mem JOIN people p ON p.id = mem.person_id AND p.rec_to IS NULL
		LEFT JOIN party_dues d ON d.person_id = mem.person_id AND d.month = ? AND ` + r.rec.where("d") + where +
		` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	args = append(append(append(args, q.ExemptFrom, q.Month), wargs...), limit, offset)
	rows, err := tx.QueryContext(ctx, r.db.rebind(sel), args...)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var l DuesLine
		var prob, exempt int
		if err := rows.Scan(&l.PersonID, &l.Name, &l.UnitID, &prob, &l.Start, &l.LastPaid, &l.Amount, &l.PaidOn, &exempt); err != nil {
			return p, err
		}
		l.Probationary, l.Exempt = prob != 0, exempt != 0
		p.Lines = append(p.Lines, l)
	}
	return p, errors.Join(rows.Err(), rows.Close())
}
