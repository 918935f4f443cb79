package sqldb

import (
	"context"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// PersonParty is a member's party record beside the events (bundle-v1
// amendment 1): cards, badges and other awards, temporary attendance, the
// admission's ceremony and introducers, and the latest dues paid.
type PersonParty struct {
	Cards     []PartyCard      `json:"cards,omitempty"`
	Awards    []Award          `json:"awards,omitempty"`
	Temporary []PartyTemporary `json:"temporary,omitempty"`
	// Admissions are the admitted events with their ceremony and introducers.
	Admissions []Admission `json:"admissions,omitempty"`
	// LastDues is the latest month paid (YYYY-MM), by payments made by the date asked.
	LastDues   string      `json:"last_dues_month,omitempty"`
	LastPaidOn tochuc.Date `json:"last_dues_paid_on,omitempty"`
}

// PartyCard is a party_cards.csv row.
type PartyCard struct {
	Number    string      `json:"number"`
	IssuedOn  tochuc.Date `json:"issued_on"`
	RevokedOn tochuc.Date `json:"revoked_on,omitempty"`
}

// Award is an awards.csv row of a person.
type Award struct {
	Kind       string      `json:"kind"`
	Date       tochuc.Date `json:"date"`
	DocumentID string      `json:"document_id,omitempty"`
}

// PartyTemporary is a party_temporary.csv row of a person.
type PartyTemporary struct {
	UnitID string      `json:"unit_id"`
	From   tochuc.Date `json:"valid_from"`
	To     tochuc.Date `json:"valid_to,omitempty"`
}

// Admission is an admitted event with its ceremony and introducers.
type Admission struct {
	Date          tochuc.Date `json:"date"`
	UnitID        string      `json:"unit_id,omitempty"`
	CeremonyOn    tochuc.Date `json:"ceremony_on,omitempty"`
	IntroducerIDs string      `json:"introducer_ids,omitempty"`
}

// PersonParty reads a person's party record; dues count payments made by d.
func (r *Reader) PersonParty(ctx context.Context, id string, d tochuc.Date) (*PersonParty, error) {
	out := &PersonParty{}
	w := r.rec.where("")
	err := r.each(ctx, `SELECT number, issued_on, revoked_on FROM party_cards WHERE `+w+` AND person_id = ? ORDER BY issued_on, number`,
		[]any{id}, func(s scanner) error {
			var c PartyCard
			err := s.Scan(&c.Number, &c.IssuedOn, &c.RevokedOn)
			out.Cards = append(out.Cards, c)
			return err
		})
	if err == nil {
		err = r.each(ctx, `SELECT kind, date, COALESCE(document_id, '') FROM awards WHERE `+w+` AND person_id = ? ORDER BY date, kind`,
			[]any{id}, func(s scanner) error {
				var a Award
				err := s.Scan(&a.Kind, &a.Date, &a.DocumentID)
				out.Awards = append(out.Awards, a)
				return err
			})
	}
	if err == nil {
		err = r.each(ctx, `SELECT unit_id, valid_from, valid_to FROM party_temporary WHERE `+w+` AND person_id = ? ORDER BY valid_from, unit_id`,
			[]any{id}, func(s scanner) error {
				var t PartyTemporary
				err := s.Scan(&t.UnitID, &t.From, &t.To)
				out.Temporary = append(out.Temporary, t)
				return err
			})
	}
	if err == nil {
		err = r.each(ctx, `SELECT date, COALESCE(unit_id, ''), ceremony_on, COALESCE(introducer_ids, '') FROM party WHERE `+w+`
			AND person_id = ? AND event = 'admitted' ORDER BY date, seq`, []any{id}, func(s scanner) error {
			var a Admission
			err := s.Scan(&a.Date, &a.UnitID, &a.CeremonyOn, &a.IntroducerIDs)
			out.Admissions = append(out.Admissions, a)
			return err
		})
	}
	if err == nil {
		err = r.each(ctx, `SELECT month, paid_on FROM party_dues WHERE `+w+` AND person_id = ? AND paid_on <= ? ORDER BY month DESC LIMIT 1`,
			[]any{id, d}, func(s scanner) error { return s.Scan(&out.LastDues, &out.LastPaidOn) })
	}
	return out, err
}

// PartyEvents returns the party events of some people (a page of them), by person, in order.
func (r *Reader) PartyEvents(ctx context.Context, ids []string) (map[string][]tochuc.MembershipEvent, error) {
	out := map[string][]tochuc.MembershipEvent{}
	const chunk = 500
	for len(ids) > 0 {
		part := ids[:min(chunk, len(ids))]
		ids = ids[len(part):]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		q := `SELECT person_id, event, date, COALESCE(unit_id, ''), COALESCE(status, '') FROM party WHERE ` + r.rec.where("") +
			` AND person_id IN (` + strings.Repeat(", ?", len(part))[2:] + `) ORDER BY person_id, date, seq`
		err := r.each(ctx, q, args, func(s scanner) error {
			var id string
			var e tochuc.MembershipEvent
			err := s.Scan(&id, &e.Event, &e.Date, &e.UnitID, &e.Status)
			out[id] = append(out[id], e)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
