package sqldb

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// MemberPage is a page of the members of a party organization on a date:
// their ids in byte order, and their count up to a cap (More: there are
// more than Total).
type MemberPage struct {
	IDs   []string
	Total int
	More  bool
}

// UnitMembers returns the page [offset, offset+limit) of the people
// registered as party members in a party organization on d, ordered by id
// (a stable key: people have no stored sort key), and their count up to
// countCap (0: no cap). On the registry as held now it reads member_periods
// through its index by unit and person (refreshed first); recorded at a past
// time, or when member_periods cannot be brought up to date, it derives the
// members from the events (MembersAsOf).
func (r *Reader) UnitMembers(ctx context.Context, d tochuc.Date, unitID string, offset, limit, countCap int) (MemberPage, error) {
	if r.rec == (Recorded{}) && r.q == querier(r.db.DB) && r.db.RefreshMemberPeriods(ctx) == nil {
		p, fresh, err := r.unitMembersSQL(ctx, d, unitID, offset, limit, countCap)
		if err != nil || fresh {
			return p, err
		}
	}
	ms, err := r.MembersAsOf(ctx, d, unitID)
	if err != nil {
		return MemberPage{}, err
	}
	slices.SortFunc(ms, func(a, b Member) int { return strings.Compare(a.PersonID, b.PersonID) }) // bytes, as in SQL
	p := MemberPage{Total: len(ms)}
	if countCap > 0 && p.Total > countCap {
		p.Total, p.More = countCap, true
	}
	for _, m := range ms[min(offset, len(ms)):min(offset+limit, len(ms))] {
		p.IDs = append(p.IDs, m.PersonID)
	}
	return p, nil
}

// unitMembersSQL reads a page of members from member_periods in one read
// transaction; fresh is false when member_periods lags the change sets.
func (r *Reader) unitMembersSQL(ctx context.Context, d tochuc.Date, unitID string, offset, limit, countCap int) (p MemberPage, fresh bool, err error) {
	tx, err := r.db.BeginTx(ctx, readTxOptions(r.db.Dialect))
	if err != nil {
		return p, false, err
	}
	defer tx.Rollback()
	if fresh, err = periodsFresh(ctx, tx); err != nil || !fresh {
		return p, false, err
	}
	where := ` FROM member_periods m WHERE m.unit_id = ? AND m.valid_from <= ? AND m.valid_to > ?`
	count := `SELECT COUNT(*)` + where
	args := []any{unitID, d, d}
	if countCap > 0 {
		count = `SELECT COUNT(*) FROM (SELECT 1` + where + ` LIMIT ?) x`
		args = append(args, countCap+1)
	}
	if err := tx.QueryRowContext(ctx, r.db.rebind(count), args...).Scan(&p.Total); err != nil {
		return p, false, err
	}
	if countCap > 0 && p.Total > countCap {
		p.Total, p.More = countCap, true
	}
	order := `m.person_id`
	if r.db.Dialect == Postgres {
		order += ` COLLATE "C"` // as member_periods_unit_person
	}
	rows, err := tx.QueryContext(ctx, r.db.rebind(`SELECT m.person_id`+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`),
		unitID, d, d, limit, offset)
	if err != nil {
		return p, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return p, false, err
		}
		p.IDs = append(p.IDs, id)
	}
	return p, true, errors.Join(rows.Err(), rows.Close())
}
