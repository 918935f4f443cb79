package sqldb

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// MemberPage is a page of the members of a party organization on a date, in
// the Vietnamese order of their names, and their count up to a cap (More:
// there are more than Total).
type MemberPage struct {
	IDs     []string
	Members []PageMember // the same people, with their status and organization
	Total   int
	More    bool
}

// PageMember is a member on a page: probationary or official, and the party
// organization they attend (the unit itself, or one of its cells).
type PageMember struct {
	PersonID     string `json:"person_id"`
	Probationary bool   `json:"probationary"`
	UnitID       string `json:"unit_id"`
}

// memberDepth is how far below a party organization its page lists
// members: a grassroots committee's page lists those of its sub-committees
// and cells (each with their cell), a sub-committee's those of its cells;
// an upper or provincial committee's page only those registered in it.
func memberDepth(kind string) int {
	switch kind {
	case "party_grassroots_committee":
		return 2
	case "party_sub_committee":
		return 1
	}
	return 0
}

// UnitMembers returns the page [offset, offset+limit) of the party members
// of a party organization (as it is on d: its kind says how far down) — its own and, for a grassroots committee or
// a sub-committee, those of the organizations under it (memberDepth) —
// ordered by given name (people.sort_key) then id, and their count up to
// countCap (0: no cap). On the registry as held now it reads member_periods
// (refreshed first); recorded at a past time, or when member_periods cannot
// be brought up to date, it derives the members from the events.
func (r *Reader) UnitMembers(ctx context.Context, d tochuc.Date, u tochuc.Unit, offset, limit, countCap int) (MemberPage, error) {
	unitID, depth := u.ID, memberDepth(u.Kind)
	if r.rec == (Recorded{}) && r.q == querier(r.db.DB) && r.db.RefreshMemberPeriods(ctx) == nil {
		p, fresh, err := r.unitMembersSQL(ctx, d, unitID, depth, offset, limit, countCap)
		if err != nil || fresh {
			return p, err
		}
	}
	return r.unitMembersDerived(ctx, d, unitID, depth, offset, limit, countCap)
}

// memberOrgsCTE is the organizations whose members a page lists: the unit
// and the party organizations under it on a date, depth levels down.
func (r *Reader) memberOrgsCTE(unitID string, depth int, d tochuc.Date) (string, []any) {
	kinds := strings.Repeat(", ?", len(tochuc.PartyOrgKinds))[2:]
	args := []any{unitID, depth, d, d}
	for _, k := range tochuc.PartyOrgKinds {
		args = append(args, k)
	}
	return `WITH RECURSIVE orgs(id, depth) AS (SELECT CAST(? AS TEXT), 0
		UNION ALL SELECT u.id, o.depth + 1 FROM orgs o JOIN units u ON u.parent_id = o.id
		WHERE o.depth < ? AND ` + r.rec.where("u") + ` AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)
		AND u.kind IN (` + kinds + `)) `, args
}

// unitMembersSQL reads a page of members from member_periods in one read
// transaction; fresh is false when member_periods lags the change sets.
func (r *Reader) unitMembersSQL(ctx context.Context, d tochuc.Date, unitID string, depth, offset, limit, countCap int) (p MemberPage, fresh bool, err error) {
	tx, err := r.db.BeginTx(ctx, readTxOptions(r.db.Dialect))
	if err != nil {
		return p, false, err
	}
	defer tx.Rollback()
	if fresh, err = periodsFresh(ctx, tx); err != nil || !fresh {
		return p, false, err
	}
	with, args := r.memberOrgsCTE(unitID, depth, d)
	where := ` FROM member_periods m JOIN orgs o ON o.id = m.unit_id WHERE m.valid_from <= ? AND m.valid_to > ?`
	args = append(args, d, d)
	count := with + `SELECT COUNT(*)` + where
	countArgs := slices.Clone(args)
	if countCap > 0 {
		count = with + `SELECT COUNT(*) FROM (SELECT 1` + where + ` LIMIT ?) x`
		countArgs = append(countArgs, countCap+1)
	}
	if err := tx.QueryRowContext(ctx, r.db.rebind(count), countArgs...).Scan(&p.Total); err != nil {
		return p, false, err
	}
	if countCap > 0 && p.Total > countCap {
		p.Total, p.More = countCap, true
	}
	order := `p.sort_key, p.id`
	if r.db.Dialect == Postgres {
		order = `p.sort_key, p.id COLLATE "C"` // sort_key is bytes; ids in byte order as in SQLite
	}
	q := with + `SELECT m.person_id, m.probationary, m.unit_id FROM member_periods m JOIN orgs o ON o.id = m.unit_id
		JOIN people p ON p.id = m.person_id AND p.rec_to IS NULL
		WHERE m.valid_from <= ? AND m.valid_to > ? ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := tx.QueryContext(ctx, r.db.rebind(q), append(args, limit, offset)...)
	if err != nil {
		return p, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var m PageMember
		var prob int
		if err := rows.Scan(&m.PersonID, &prob, &m.UnitID); err != nil {
			return p, false, err
		}
		m.Probationary = prob != 0
		p.Members, p.IDs = append(p.Members, m), append(p.IDs, m.PersonID)
	}
	return p, true, errors.Join(rows.Err(), rows.Close())
}

// unitMembersDerived derives the page from the party events, organization
// by organization (the registry as recorded at a past time).
func (r *Reader) unitMembersDerived(ctx context.Context, d tochuc.Date, unitID string, depth, offset, limit, countCap int) (MemberPage, error) {
	with, args := r.memberOrgsCTE(unitID, depth, d)
	var orgs []string
	err := r.each(ctx, with+`SELECT id FROM orgs`, args, func(s scanner) error {
		var id string
		err := s.Scan(&id)
		orgs = append(orgs, id)
		return err
	})
	if err != nil {
		return MemberPage{}, err
	}
	var all []PageMember
	for _, org := range orgs {
		ms, err := r.MembersAsOf(ctx, d, org)
		if err != nil {
			return MemberPage{}, err
		}
		for _, m := range ms {
			all = append(all, PageMember{PersonID: m.PersonID, Probationary: m.Probationary, UnitID: org})
		}
	}
	ids := make([]string, len(all))
	for i, m := range all {
		ids[i] = m.PersonID
	}
	names, err := r.PersonNames(ctx, ids)
	if err != nil {
		return MemberPage{}, err
	}
	c := textvn.NewCollator()
	keys := make(map[string][]byte, len(names))
	for id, n := range names {
		keys[id] = c.Key(n)
	}
	slices.SortFunc(all, func(a, b PageMember) int {
		if k := bytes.Compare(keys[a.PersonID], keys[b.PersonID]); k != 0 {
			return k
		}
		return strings.Compare(a.PersonID, b.PersonID)
	})
	p := MemberPage{Total: len(all)}
	if countCap > 0 && p.Total > countCap {
		p.Total, p.More = countCap, true
	}
	for _, m := range all[min(offset, len(all)):min(offset+limit, len(all))] {
		p.Members, p.IDs = append(p.Members, m), append(p.IDs, m.PersonID)
	}
	return p, nil
}
