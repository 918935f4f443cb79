package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The list of casework due and overdue ("việc đến hạn / quá hạn") of a
// unit's party organizations on a date: probations to decide, ceremonies to
// hold, transfers not received, temporary attendance ending or overrunning,
// badges due on the next occasion. The CLI, the page and the API call Due.

// DueKinds are the kinds of work due, in the order the list shows them.
var DueKinds = []string{"probation", "ceremony", "transfer", "temporary", "badge"}

// DueWindow is how far ahead of a deadline work is listed as due.
const DueWindow = 30

// TransferListedDays is how long a sending not received stays listed.
const TransferListedDays = 365

// DueParams select the list.
type DueParams struct {
	Kind  string      // one of DueKinds
	Scope string      // a unit inside the account's scope ("": the account's scope unit, or the whole registry)
	AsOf  tochuc.Date // 0: today
}

// DueItem is one piece of work: who, where, the deadline, and the flow
// that resolves it.
type DueItem struct {
	Kind     string      `json:"kind"`
	PersonID string      `json:"person_id"`
	Name     string      `json:"name"`
	UnitID   string      `json:"unit_id"`
	UnitName string      `json:"unit_name"`
	Since    tochuc.Date `json:"since"` // admission, sending, start, party-age start
	Due      tochuc.Date `json:"due"`
	Overdue  bool        `json:"overdue"`
	Badge    string      `json:"badge,omitempty"` // the award kind due
	Flow     string      `json:"flow,omitempty"`  // the casework flow that resolves it
}

// DuePage is a page of one kind and the count of every kind.
type DuePage struct {
	Kind   string         `json:"kind"`
	Scope  string         `json:"scope"`
	AsOf   tochuc.Date    `json:"as_of"`
	Total  int            `json:"total"`
	Counts map[string]int `json:"counts"`
	Items  []DueItem      `json:"items"`
}

// Due returns the page [offset, offset+limit) of a kind of work due in a
// unit of the scope, and the counts of every kind.
func (s *Scope) Due(ctx context.Context, p DueParams, offset, limit int) (*DuePage, error) {
	if p.AsOf == 0 {
		p.AsOf = s.app.today()
	}
	if p.Kind == "" {
		p.Kind = DueKinds[0]
	}
	if p.Scope == "" {
		p.Scope = s.UnitID()
	}
	if p.Scope != "" && !s.UnitOn(p.Scope, p.AsOf) {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Đơn vị '%s' nằm ngoài phạm vi được giao vào ngày %s.", p.Scope, p.AsOf.Vietnamese())
	}
	known := false
	for _, k := range DueKinds {
		known = known || k == p.Kind
	}
	if !known {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Không có loại việc '%s'.", p.Kind)
	}
	out := &DuePage{Kind: p.Kind, Scope: p.Scope, AsOf: p.AsOf, Counts: map[string]int{}, Items: []DueItem{}}
	for _, k := range DueKinds {
		lim, off := 0, 0
		if k == p.Kind {
			lim, off = limit, offset
		}
		pg, err := s.r.CaseworkDue(ctx, DueFilterFor(k, p.Scope, p.AsOf), off, lim)
		if err != nil {
			return nil, s.app.fault(err)
		}
		out.Counts[k] = pg.Total
		if k != p.Kind {
			continue
		}
		out.Total = pg.Total
		for _, row := range pg.Rows {
			it := dueItem(k, row, p.AsOf)
			if u, err := s.r.Unit(ctx, row.UnitID, p.AsOf); err == nil {
				it.UnitName = u.Name
			} else {
				it.UnitName = row.UnitID
			}
			out.Items = append(out.Items, it)
		}
	}
	return out, nil
}

// DueFilterFor turns the deadlines of a kind into the date bounds the
// storage query reads.
func DueFilterFor(kind, under string, d tochuc.Date) sqldb.DueFilter {
	f := sqldb.DueFilter{Kind: kind, Under: under, AsOf: d}
	horizon := d.AddDays(DueWindow)
	switch kind {
	case "probation":
		f.Until = lastStart(horizon, tochuc.RecognitionDue)
	case "transfer":
		f.Until = d.AddDays(-TransferListedDays)
	case "temporary":
		f.Horizon = horizon
		f.Until = lastStart(horizon, func(s tochuc.Date) tochuc.Date { return tochuc.AddMonths(s, 12) })
	case "badge":
		o := tochuc.NextBadgeOccasion(d)
		for _, k := range tochuc.BadgeKinds {
			f.Badges = append(f.Badges, sqldb.DueBadge{Kind: k, Latest: lastStart(o, years(tochuc.BadgeYears(k)))})
		}
	}
	return f
}

func years(n int) func(tochuc.Date) tochuc.Date {
	return func(s tochuc.Date) tochuc.Date { return tochuc.AddYears(s, n) }
}

// lastStart returns the last start s whose deadline(s) falls on or before
// h, for a deadline that grows with its start.
func lastStart(h tochuc.Date, deadline func(tochuc.Date) tochuc.Date) tochuc.Date {
	lo, hi := h.AddDays(-40000), h // deadline(lo) <= h < deadline(hi+1) is searched
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if deadline(mid) <= h {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// dueItem computes a row's deadline and whether it is overdue on d.
func dueItem(kind string, row sqldb.DueRow, d tochuc.Date) DueItem {
	it := DueItem{Kind: kind, PersonID: row.PersonID, Name: row.Name, UnitID: row.UnitID, Since: row.Since, Badge: row.Badge}
	switch kind {
	case "probation":
		it.Due, it.Flow = tochuc.RecognitionDue(row.Since), FlowRecognize
		it.Overdue = d > tochuc.RecognitionOverdue(row.Since)
	case "ceremony":
		it.Due, it.Flow = tochuc.CeremonyDue(row.Since), FlowCeremony
		it.Overdue = d > it.Due
	case "transfer":
		it.Due, it.Flow = tochuc.TransferArrivalDue(row.Since), FlowTransferIn
		it.Overdue = d > it.Due
	case "temporary":
		it.Flow = FlowTemporary
		if row.Until != 0 {
			it.Due = row.Until
		} else {
			it.Due = tochuc.AddMonths(row.Since, 12)
			it.Overdue = d > it.Due
		}
	case "badge":
		o := tochuc.NextBadgeOccasion(d)
		it.Due = o
		it.Overdue = tochuc.NextBadgeOccasion(tochuc.AddYears(row.Since, tochuc.BadgeYears(row.Badge))) < o
	}
	return it
}
