package check

import (
	"context"
	"fmt"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// rank orders ratings: excellent 4 > good 3 > complete 2 > incomplete 1.
func rank(rating string) int {
	switch rating {
	case "excellent":
		return 4
	case "good":
		return 3
	case "complete":
		return 2
	case "incomplete":
		return 1
	}
	return 0
}

func ratingRecord(r Rating) Record {
	return Record{File: "evaluations", ID: r.SubjectID, Values: map[string]string{"year": strconv.Itoa(r.Year),
		"subject_type": r.SubjectType, "subject_id": r.SubjectID, "name": r.Name, "category": r.Category, "rating": r.Rating,
		"rated_by_id": r.RatedByID, "decided_on": r.DecidedOn.String()}}
}

// goneOn reports whether a rating's subject is a person dead on d.
func (r Rating) goneOn(d tochuc.Date) bool {
	return r.SubjectType == "person" && r.Died != 0 && r.Died <= d
}

// EVAL-11: among the evaluations at D of one (year, category, rated_by_id),
// more rated excellent than ⌊20 × those rated good ÷ 100⌋.
func eval11(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	groups := map[[3]string]*quotaGroup{}
	return &run{
		rating: func(r Rating) {
			k := [3]string{strconv.Itoa(r.Year), r.Category, r.RatedByID}
			g := groups[k]
			if g == nil {
				g = &quotaGroup{}
				groups[k] = g
			}
			switch r.Rating {
			case "excellent":
				g.excellent++
				g.rows = append(g.rows, r)
			case "good":
				g.good++
			}
		},
		finish: func() error {
			var ids []string
			for k, g := range groups {
				if g.excellent > 0 {
					ids = append(ids, k[2])
				}
			}
			names, err := src.UnitNames(ctx, ids, p.AsOf)
			if err != nil {
				return err
			}
			for k, g := range groups {
				y, _ := strconv.Atoi(k[0])
				set := evalSetOf(y)
				limit := ExcellentQuota(y, g.good)
				if g.excellent <= limit {
					continue
				}
				f := Finding{Basis: set.basis, Subject: map[string]string{"year": k[0], "category": k[1], "rated_by_id": k[2]},
					MessageVi: fmt.Sprintf("Năm %s, %s xếp loại %d %s \"%s\" trong khi %d được \"%s\": tối đa %d (%d%% số hoàn thành tốt, %s).",
						k[0], orUnknown(names[k[2]], k[2]), g.excellent, tochuc.Label("category", k[1]), tochuc.Label("rating", "excellent"),
						g.good, tochuc.Label("rating", "good"), limit, set.quotaPercent, set.basis),
					MessageEn: fmt.Sprintf("In %s, %s rated %d %s excellent with %d good: at most %d (%d%% of good).",
						k[0], k[2], g.excellent, k[1], g.good, limit, set.quotaPercent)}
				for _, r := range g.rows {
					f.Records = append(f.Records, ratingRecord(r))
				}
				emit(f)
			}
			return nil
		},
	}
}

// quotaGroup counts the ratings of one (year, category, rated_by_id).
type quotaGroup struct {
	excellent, good int
	rows            []Rating // those rated excellent
}

func orUnknown(name, id string) string {
	if name == "" {
		if id == "" {
			return "(không ghi đơn vị đánh giá)"
		}
		return id
	}
	return name
}

// headRole is the role of the head of a unit of a kind (checks-v1).
func headRole(kind string) string {
	switch kind {
	case "party_provincial", "party_upper", "party_grassroots_committee", "party_grassroots_cell", "party_sub_committee", "party_cell":
		return "secretary"
	case "people_council", "people_committee", "fatherland_front", "socio_political_org":
		return "chair"
	case "public_service_unit", "political_training_center", "enterprise":
		return "director"
	}
	return "head"
}

// EVAL-13: a unit rated (party_org or collective) in a year whose head on 31
// December had a leader rating that year ranked above the unit's lowest.
func eval13(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	units := map[[2]string]Rating{}   // (year, unit) → its lowest rating
	leaders := map[[2]string]Rating{} // (year, person) → leader rating
	years := map[int]bool{}
	return &run{rating: func(r Rating) {
		y := strconv.Itoa(r.Year)
		switch {
		case r.SubjectType == "unit" && (r.Category == "party_org" || r.Category == "collective"):
			k := [2]string{y, r.SubjectID}
			if old, ok := units[k]; !ok || rank(r.Rating) < rank(old.Rating) {
				units[k] = r
			}
			years[r.Year] = true
		case r.SubjectType == "person" && r.Category == "leader" && !r.goneOn(p.AsOf):
			leaders[[2]string{y, r.SubjectID}] = r
		}
	}, finish: func() error { return eval13Heads(ctx, src, emit, units, leaders, years) }}
}

// eval13Heads compares each rated unit's head on 31 December with the unit.
func eval13Heads(ctx context.Context, src Source, emit func(Finding), units, leaders map[[2]string]Rating, years map[int]bool) error {
	for year := range years {
		y := strconv.Itoa(year)
		dec31 := tochuc.NewDate(year, 12, 31)
		var heads []PostRow
		var rated []string
		for k := range units {
			if k[0] == y {
				rated = append(rated, k[1])
			}
		}
		err := src.PostsIn(ctx, dec31, rated, func(a PostRow) error {
			if a.Role == headRole(a.UnitKind) {
				heads = append(heads, a)
			}
			return nil
		})
		if err != nil {
			return err
		}
		set := evalSetOf(year)
		var ids []string
		for _, a := range heads {
			ids = append(ids, a.UnitID)
		}
		names, err := src.UnitNames(ctx, ids, dec31)
		if err != nil {
			return err
		}
		for _, a := range heads {
			u := units[[2]string{y, a.UnitID}]
			l, ok := leaders[[2]string{y, a.PersonID}]
			if !ok || rank(l.Rating) <= rank(u.Rating) {
				continue
			}
			emit(Finding{Basis: set.basis, Subject: map[string]string{"year": y, "unit_id": a.UnitID, "person_id": a.PersonID},
				Records: []Record{ratingRecord(u), ratingRecord(l), postRecord(a)},
				MessageVi: fmt.Sprintf("Năm %s, %s, người đứng đầu %s, được xếp loại \"%s\" cao hơn tập thể (\"%s\"): người đứng đầu không được xếp loại cao hơn tập thể mình đứng đầu (%s).",
					y, l.Name, orUnknown(names[a.UnitID], a.UnitID), tochuc.Label("rating", l.Rating), tochuc.Label("rating", u.Rating), set.basis),
				MessageEn: fmt.Sprintf("In %s, %s, head of %s, was rated %s, above the unit's %s.", y, l.Name, a.UnitID, l.Rating, u.Rating)})
		}
	}
	return nil
}

// EVAL-14: a person rated excellent as a party member in a year and below
// excellent as a civil servant that year.
func eval14(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	var member, servant *Rating
	var cur [2]string
	flush := func() {
		if member != nil && servant != nil && member.Rating == "excellent" && rank(servant.Rating) < rank("excellent") {
			set := evalSetOf(member.Year)
			emit(Finding{Basis: set.basis, Subject: map[string]string{"year": cur[0], "person_id": cur[1]},
				Records: []Record{ratingRecord(*member), ratingRecord(*servant)},
				MessageVi: fmt.Sprintf("Năm %s, %s được xếp loại đảng viên \"%s\" nhưng xếp loại công chức, viên chức chỉ \"%s\" (%s).",
					cur[0], member.Name, tochuc.Label("rating", "excellent"), tochuc.Label("rating", servant.Rating), set.basis),
				MessageEn: fmt.Sprintf("In %s, %s was rated excellent as a party member but %s as a civil servant.", cur[0], member.Name, servant.Rating)})
		}
		member, servant = nil, nil
	}
	return &run{rating: func(r Rating) {
		if r.SubjectType != "person" || r.goneOn(p.AsOf) {
			return
		}
		k := [2]string{strconv.Itoa(r.Year), r.SubjectID}
		if k != cur {
			flush()
			cur = k
		}
		switch r.Category {
		case "party_member":
			member = &r
		case "civil_servant":
			servant = &r
		}
	}, finish: func() error { flush(); return nil }}
}

// EVAL-17: a subject rated incomplete in one category in a year and the year before.
func eval17(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	var subject string
	last := map[string]Rating{} // category → the subject's latest incomplete rating
	var pairs [][2]Rating
	return &run{
		rating: func(r Rating) {
			if r.goneOn(p.AsOf) {
				return
			}
			if s := r.SubjectType + "\x00" + r.SubjectID; s != subject {
				subject, last = s, map[string]Rating{}
			}
			if r.Rating != "incomplete" {
				return
			}
			if prev, ok := last[r.Category]; ok && prev.Year == r.Year-1 {
				pairs = append(pairs, [2]Rating{prev, r})
			}
			last[r.Category] = r
		},
		finish: func() error {
			var ids []string
			for _, pr := range pairs {
				if pr[1].SubjectType == "unit" {
					ids = append(ids, pr[1].SubjectID)
				}
			}
			names, err := src.UnitNames(ctx, ids, p.AsOf)
			if err != nil {
				return err
			}
			for _, pr := range pairs {
				prev, r := pr[0], pr[1]
				if r.SubjectType == "unit" {
					r.Name = orUnknown(names[r.SubjectID], r.SubjectID)
				}
				set := evalSetOf(r.Year)
				emit(Finding{Basis: set.basis,
					Subject: map[string]string{"year": strconv.Itoa(r.Year), "subject_type": r.SubjectType, "subject_id": r.SubjectID, "category": r.Category},
					Records: []Record{ratingRecord(prev), ratingRecord(r)},
					MessageVi: fmt.Sprintf("%s bị xếp loại \"%s\" (%s) hai năm liền %d và %d (%s).",
						r.Name, tochuc.Label("rating", "incomplete"), tochuc.Label("category", r.Category), r.Year-1, r.Year, set.basis),
					MessageEn: fmt.Sprintf("%s was rated incomplete (%s) in %d and %d.", r.Name, r.Category, r.Year-1, r.Year)})
			}
			return nil
		},
	}
}
