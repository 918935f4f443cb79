package sqldb

import (
	"context"
	"database/sql"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// AssignmentsAsOf returns the assignments valid on d in a unit, by person and role.
func (r *Reader) AssignmentsAsOf(ctx context.Context, d tochuc.Date, unitID string) ([]tochuc.Assignment, error) {
	rows, err := r.q.QueryContext(ctx, r.db.rebind(`SELECT person_id, unit_id, role, COALESCE(how, ''),
		COALESCE(document_id, ''), valid_from, valid_to FROM assignments
		WHERE `+r.rec.where("")+` AND unit_id = ? AND `+validAt+` ORDER BY person_id, role, valid_from`), unitID, d, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []tochuc.Assignment
	for rows.Next() {
		var a tochuc.Assignment
		if err := rows.Scan(&a.PersonID, &a.UnitID, &a.Role, &a.How, &a.DocumentID, &a.From, &a.To); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// MembersAsOf returns the people registered as party members in a party
// organization on d, with their standing, ordered by person id.
func (r *Reader) MembersAsOf(ctx context.Context, d tochuc.Date, unitID string) ([]Member, error) {
	rows, err := r.q.QueryContext(ctx, r.db.rebind(`SELECT p.person_id, p.event, p.date, COALESCE(p.unit_id, ''),
		COALESCE(p.status, ''), pe.died_on FROM party p
		LEFT JOIN people pe ON pe.id = p.person_id AND `+r.rec.where("pe")+`
		WHERE `+r.rec.where("p")+` AND p.date <= ? AND p.person_id IN (
			SELECT person_id FROM party WHERE `+r.rec.where("")+` AND unit_id = ? AND date <= ?)
		ORDER BY p.person_id, p.date, p.seq`), d, unitID, d)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	var cur string
	var events []tochuc.MembershipEvent
	var died tochuc.Date
	flush := func() {
		if cur == "" {
			return
		}
		if m := tochuc.MembershipAt(events, d, died); m.Member && m.UnitID == unitID {
			out = append(out, Member{PersonID: cur, Membership: m})
		}
	}
	for rows.Next() {
		var person string
		var e tochuc.MembershipEvent
		var dd sql.Null[tochuc.Date]
		if err := rows.Scan(&person, &e.Event, &e.Date, &e.UnitID, &e.Status, &dd); err != nil {
			return nil, err
		}
		if person != cur {
			flush()
			cur, events, died = person, nil, dd.V
		}
		events = append(events, e)
	}
	flush()
	return out, rows.Err()
}

// Member is a party member's standing on a date.
type Member struct {
	PersonID string
	tochuc.Membership
}

// MemberIDsAsOf returns the ids of the people registered as party members in a
// party organization on d.
func (r *Reader) MemberIDsAsOf(ctx context.Context, d tochuc.Date, unitID string) ([]string, error) {
	ms, err := r.MembersAsOf(ctx, d, unitID)
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.PersonID
	}
	return ids, err
}
