package app

import (
	"context"
	"slices"
	"strconv"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// leadershipRoles are the posts a draft's quota table shows even without a
// quota (the others only when a quota is set for them).
var leadershipRoles = []string{"secretary", "standing_deputy_secretary", "deputy_secretary", "chair", "vice_chair",
	"director", "deputy_director", "head", "deputy_head"}

// PostQuota is one post of a unit after a draft: the holders it inherits
// on the draft's date against the post's quota on that date.
type PostQuota struct {
	UnitID, UnitName, UnitKind, Subtype string
	Role                                string
	Holders                             []QuotaHolder
	Max                                 int    // -1: no quota held for the post
	LegalBasis                          string // of the quota
	Surplus                             int    // holders above the quota (0 within it)
}

// QuotaHolder is a holder of a post, as a surplus list shows them.
type QuotaHolder struct {
	PersonID, Name string
	Age            int         // -1 without a birth date
	RetiresOn      tochuc.Date // 0 without a birth date and gender
	MonthsLeft     int         // to retirement, from the draft's date
	Education      string      // highest level held (code), "" none
	Theory         string      // highest political theory level held (code)
}

// draftQuotas reads, inside the change set that applied a draft, the posts
// of the units the draft makes or keeps (a merger's new or absorbing unit,
// a split's targets): each leadership post's holders on date d against the
// post's quota (post_quotas: the unit's kind and subtype, or any subtype).
func draftQuotas(ctx context.Context, r *sqldb.Reader, ops []restructure.Operation, d tochuc.Date) ([]PostQuota, error) {
	var units []string
	for _, op := range ops {
		if op.Into != "" {
			units = append(units, op.Into)
		}
		for _, t := range op.To {
			if t.ID != "" {
				units = append(units, t.ID)
			}
		}
	}
	var out []PostQuota
	for _, id := range uniqueStrings(units) {
		u, err := r.Unit(ctx, id, d)
		if err != nil {
			if tochuc.ErrorCode(err) == tochuc.ENotFound {
				continue
			}
			return nil, err
		}
		as, err := r.AssignmentsAsOf(ctx, d, id)
		if err != nil {
			return nil, err
		}
		byRole := map[string][]string{}
		for _, a := range as {
			if !slices.Contains(byRole[a.Role], a.PersonID) {
				byRole[a.Role] = append(byRole[a.Role], a.PersonID)
			}
		}
		for _, role := range tochuc.Codes(tochuc.Roles) {
			holders := byRole[role]
			if len(holders) == 0 {
				continue
			}
			max, basis, err := postQuotaOf(ctx, r, u, role, d)
			if err != nil {
				return nil, err
			}
			if max < 0 && !slices.Contains(leadershipRoles, role) {
				continue
			}
			pq := PostQuota{UnitID: u.ID, UnitName: u.Name, UnitKind: u.Kind, Subtype: u.Subtype, Role: role, Max: max, LegalBasis: basis}
			if max >= 0 && len(holders) > max {
				pq.Surplus = len(holders) - max
			}
			for _, p := range holders {
				h, err := holderOf(ctx, r, p, d)
				if err != nil {
					return nil, err
				}
				pq.Holders = append(pq.Holders, h)
			}
			col := textvn.NewCollator() // by given name
			slices.SortFunc(pq.Holders, func(a, b QuotaHolder) int { return col.ComparePeople(a.Name, b.Name) })
			out = append(out, pq)
		}
	}
	return out, nil
}

// postQuotaOf returns the quota of a role in a unit on d: the row of the unit's
// subtype when there is one, else the row of any subtype; -1 when none.
func postQuotaOf(ctx context.Context, r *sqldb.Reader, u tochuc.Unit, role string, d tochuc.Date) (int, string, error) {
	f := bundle.FileByName("post_quotas")
	max, basis, exact := -1, "", false
	err := r.RecordsAsOf(ctx, f, d, map[string]string{"unit_kind": u.Kind, "role": role}, func(cells []string) error {
		sub := cells[f.Index("subtype")]
		if sub != "" && sub != u.Subtype || exact {
			return nil
		}
		n, err := strconv.Atoi(cells[f.Index("max_holders")])
		if err != nil {
			return nil
		}
		max, basis, exact = n, cells[f.Index("legal_basis")], sub != ""
		return nil
	})
	return max, basis, err
}

// holderOf reads what a surplus list shows of a person on d.
func holderOf(ctx context.Context, r *sqldb.Reader, id string, d tochuc.Date) (QuotaHolder, error) {
	h := QuotaHolder{PersonID: id, Age: -1}
	p, err := r.Person(ctx, id)
	if err != nil {
		return h, err
	}
	h.Name = p.FullName
	if p.BirthDate != 0 {
		h.Age = tochuc.AgeOn(p.BirthDate, d)
	}
	if h.RetiresOn = tochuc.RetirementDate(p.BirthDate, p.Gender); h.RetiresOn != 0 {
		h.MonthsLeft = tochuc.MonthsLeft(d, h.RetiresOn)
	}
	f := bundle.FileByName("qualifications")
	best := map[string]int{}
	err = r.RecordsAsOf(ctx, f, d, map[string]string{"person_id": id}, func(cells []string) error {
		kind, level := cells[f.Index("kind")], cells[f.Index("level")]
		rank, ok := tochuc.LevelRank(kind, level)
		if !ok || rank <= best[kind] {
			return nil
		}
		best[kind] = rank
		switch kind {
		case tochuc.QualEducation:
			h.Education = level
		case tochuc.QualPoliticalTheory:
			h.Theory = level
		}
		return nil
	})
	return h, err
}
