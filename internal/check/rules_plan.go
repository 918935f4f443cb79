package check

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// termStart returns the first day of a term "A-B" (1 January of year A).
func termStart(term string) (tochuc.Date, bool) {
	if len(term) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(term[:4])
	if err != nil || y < 1900 {
		return 0, false
	}
	return tochuc.NewDate(y, 1, 1), true
}

// planRule runs a rule on the plans held on the date by people alive then,
// collected from the shared pass.
func planRule(ctx context.Context, p Params, eval func(plans []PlanRow) error) *run {
	var plans []PlanRow
	return &run{
		plan: func(x PlanRow) {
			if !x.Person.deadOn(p.AsOf) {
				plans = append(plans, x)
			}
		},
		finish: func() error {
			if len(plans) == 0 {
				return nil
			}
			return eval(plans)
		},
	}
}

func planRecord(p PlanRow) Record {
	return Record{File: "plans", ID: p.PersonID, Values: map[string]string{"term": p.Term, "unit_id": p.UnitID, "role": p.Role,
		"person_id": p.PersonID, "full_name": p.Person.Name, "added_on": p.AddedOn.String(), "removed_on": p.RemovedOn.String()}}
}

// post names a post for messages: "Bí thư Đảng ủy xã X".
func post(role, unitID string, names map[string]string) string {
	n := names[unitID]
	if n == "" {
		n = unitID
	}
	return tochuc.RoleLabel(role) + " " + n
}

// PLAN-01: a plan at D names a post that the person holds at D.
func plan01(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return planRule(ctx, p, func(plans []PlanRow) error {
		planned := map[string]bool{}
		for _, pl := range plans {
			planned[pl.PersonID] = true
		}
		held := map[[3]string]PostRow{}
		err := src.Posts(ctx, p.AsOf, func(a PostRow) error {
			if planned[a.PersonID] {
				held[[3]string{a.PersonID, a.UnitID, a.Role}] = a
			}
			return nil
		})
		if err != nil {
			return err
		}
		names, err := unitNames(ctx, src, p.AsOf, plans)
		if err != nil {
			return err
		}
		set := setOn(planningSets, p.AsOf)
		for _, pl := range plans {
			a, ok := held[[3]string{pl.PersonID, pl.UnitID, pl.Role}]
			if !ok {
				continue
			}
			emit(Finding{Basis: set.basis,
				Subject: map[string]string{"term": pl.Term, "unit_id": pl.UnitID, "role": pl.Role, "person_id": pl.PersonID},
				Records: []Record{planRecord(pl), postRecord(a)},
				MessageVi: fmt.Sprintf("%s đang giữ chức danh %s nhưng lại được quy hoạch vào chính chức danh đó nhiệm kỳ %s (chỉ quy hoạch vào chức danh cao hơn, Quy định %s).",
					pl.Person.Name, post(pl.Role, pl.UnitID, names), pl.Term, set.basis),
				MessageEn: fmt.Sprintf("%s holds the post %s and is planned for that same post for %s (plans are for higher posts).",
					pl.Person.Name, pl.UnitID+"/"+pl.Role, pl.Term)})
		}
		return nil
	})
}

// PLAN-02: more than 3 distinct persons are in plans at D for one (term, unit, role).
func plan02(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return planRule(ctx, p, func(plans []PlanRow) error {
		set := setOn(planningSets, p.AsOf)
		groups := map[[3]string][]PlanRow{}
		for _, pl := range plans {
			k := [3]string{pl.Term, pl.UnitID, pl.Role}
			groups[k] = append(groups[k], pl)
		}
		names, err := unitNames(ctx, src, p.AsOf, plans)
		if err != nil {
			return err
		}
		for k, g := range groups {
			persons := distinct(g, func(pl PlanRow) string { return pl.PersonID })
			if len(persons) <= set.maxNominees {
				continue
			}
			f := Finding{Basis: set.basis, Subject: map[string]string{"term": k[0], "unit_id": k[1], "role": k[2]},
				MessageVi: fmt.Sprintf("Chức danh %s nhiệm kỳ %s có %d người trong quy hoạch, vượt mức tối đa %d (Quy định %s).",
					post(k[2], k[1], names), dash(k[0]), len(persons), set.maxNominees, set.basis),
				MessageEn: fmt.Sprintf("The post %s/%s for %s has %d people in the plan, over the maximum of %d.",
					k[1], k[2], k[0], len(persons), set.maxNominees)}
			for _, pl := range g {
				f.Records = append(f.Records, planRecord(pl))
			}
			emit(f)
		}
		return nil
	})
}

// PLAN-03: one person is in plans at D for more than 3 distinct posts of one term.
func plan03(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return planRule(ctx, p, func(plans []PlanRow) error {
		set := setOn(planningSets, p.AsOf)
		groups := map[[2]string][]PlanRow{}
		for _, pl := range plans {
			k := [2]string{pl.Term, pl.PersonID}
			groups[k] = append(groups[k], pl)
		}
		for k, g := range groups {
			posts := distinct(g, func(pl PlanRow) string { return pl.UnitID + "\x00" + pl.Role })
			if len(posts) <= set.maxPosts {
				continue
			}
			f := Finding{Basis: set.basis, Subject: map[string]string{"term": k[0], "person_id": k[1]},
				MessageVi: fmt.Sprintf("%s được quy hoạch vào %d chức danh nhiệm kỳ %s, vượt mức tối đa %d (Quy định %s).",
					g[0].Person.Name, len(posts), dash(k[0]), set.maxPosts, set.basis),
				MessageEn: fmt.Sprintf("%s is planned for %d posts for %s, over the maximum of %d.", g[0].Person.Name, len(posts), k[0], set.maxPosts)}
			for _, pl := range g {
				f.Records = append(f.Records, planRecord(pl))
			}
			emit(f)
		}
		return nil
	})
}

// PLAN-05: a plan added before its term's start whose person has fewer than
// 120 months left at the start; or added during the term with fewer than 60
// months left when added.
func plan05(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return planRule(ctx, p, func(plans []PlanRow) error {
		set := setOn(planningSets, p.AsOf)
		for _, pl := range plans {
			start, ok := termStart(pl.Term)
			ret := tochuc.RetirementDate(pl.Person.Birth, pl.Person.Gender)
			if !ok || ret == 0 {
				continue
			}
			at, need := start, set.planLeftBefore
			if pl.AddedOn >= start {
				at, need = pl.AddedOn, set.planLeftDuring
			}
			left := tochuc.MonthsLeft(at, ret)
			if left >= need {
				continue
			}
			emit(Finding{Basis: set.basis,
				Subject: map[string]string{"term": pl.Term, "unit_id": pl.UnitID, "role": pl.Role, "person_id": pl.PersonID},
				Records: []Record{planRecord(pl)},
				MessageVi: fmt.Sprintf("%s được quy hoạch nhiệm kỳ %s khi chỉ còn %d tháng công tác tính đến ngày %s (nghỉ hưu ngày %s), cần ít nhất %d tháng (Quy định %s).",
					pl.Person.Name, dash(pl.Term), left, at.Vietnamese(), ret.Vietnamese(), need, set.basis),
				MessageEn: fmt.Sprintf("%s is planned for %s with %d months of work left on %s (retires %s); at least %d are required.",
					pl.Person.Name, pl.Term, left, at, ret, need)})
		}
		return nil
	})
}

// distinct counts the distinct keys of a group.
func distinct[T any](g []T, key func(T) string) []string {
	var out []string
	for _, x := range g {
		if k := key(x); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// dash writes a term "2025-2030" as "2025–2030".
func dash(term string) string {
	if len(term) == 9 && term[4] == '-' {
		return term[:4] + "–" + term[5:]
	}
	return term
}

// unitNames reads the names of the plans' units.
func unitNames(ctx context.Context, src Source, d tochuc.Date, plans []PlanRow) (map[string]string, error) {
	var ids []string
	for _, pl := range plans {
		ids = append(ids, pl.UnitID)
	}
	return src.UnitNames(ctx, ids, d)
}
