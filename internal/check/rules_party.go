package check

import (
	"context"
	"fmt"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

func eventRecord(p Person, e tochuc.MembershipEvent) Record {
	return Record{File: "party", ID: p.ID, Values: map[string]string{"person_id": p.ID, "full_name": p.Name, "event": e.Event,
		"date": e.Date.String(), "unit_id": e.UnitID, "birth_date": p.Birth.String()}}
}

// PM-01: an admission on a date when the person was under 18 or over 60
// (the date after birth + 60 years).
func pm01(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return &run{finish: func() error {
		return src.Admissions(ctx, p.AsOf, func(m Person, date tochuc.Date) error {
			if m.Birth == 0 || m.deadOn(p.AsOf) {
				return nil
			}
			set := setOn(membershipSets, date)
			age := tochuc.AgeOn(m.Birth, date)
			young, old := age < set.minAge, date > tochuc.AddYears(m.Birth, set.maxAge)
			if !young && !old {
				return nil
			}
			limit := fmt.Sprintf("chưa đủ %d tuổi", set.minAge)
			if old {
				limit = fmt.Sprintf("quá %d tuổi", set.maxAge)
			}
			e := tochuc.MembershipEvent{Event: tochuc.EventAdmitted, Date: date}
			emit(Finding{Basis: set.basis, Subject: map[string]string{"person_id": m.ID, "date": date.String()},
				Records: []Record{eventRecord(m, e)},
				MessageVi: fmt.Sprintf("%s được kết nạp vào Đảng ngày %s khi %d tuổi (%s; sinh ngày %s; %s).",
					m.Name, date.Vietnamese(), age, limit, m.Birth.Vietnamese(), set.basis),
				MessageEn: fmt.Sprintf("%s was admitted on %s aged %d (born %s): admission is from 18 to 60.", m.Name, date, age, m.Birth)})
			return nil
		})
	}}
}

// PM-06: a probationary member at D admitted on A, with D after
// (A + 12 months) + 30 working days: the decision on recognition is overdue.
func pm06(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	set := setOn(membershipSets, p.AsOf)
	return &run{finish: func() error {
		return src.Probationers(ctx, p.AsOf, func(m Person, admitted tochuc.Date) error {
			if admitted == 0 {
				return nil
			}
			due := tochuc.AddMonths(admitted, set.probationMonths)
			deadline := tochuc.AddWorkingDays(due, set.decisionDays)
			if p.AsOf <= deadline {
				return nil
			}
			e := tochuc.MembershipEvent{Event: tochuc.EventAdmitted, Date: admitted}
			emit(Finding{Basis: set.basis, Subject: map[string]string{"person_id": m.ID}, Records: []Record{eventRecord(m, e)},
				MessageVi: fmt.Sprintf("%s là đảng viên dự bị từ ngày %s: hết %d tháng dự bị ngày %s, quá %d ngày làm việc (đến ngày %s) mà chưa xét công nhận chính thức (%s).",
					m.Name, admitted.Vietnamese(), set.probationMonths, due.Vietnamese(), set.decisionDays, deadline.Vietnamese(), set.basis),
				MessageEn: fmt.Sprintf("%s has been a probationary member since %s: the recognition decision was due by %s.", m.Name, admitted, deadline)})
			return nil
		})
	}}
}

// ORG-01: a party cell (grassroots or under a committee) existing at D with
// fewer than 3 official members registered in it at D.
func org01(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return &run{finish: func() error {
		official, err := src.OfficialMembers(ctx, p.AsOf)
		if err != nil {
			return err
		}
		return src.Units(ctx, p.AsOf, func(c tochuc.Unit) error {
			if c.Kind != "party_grassroots_cell" && c.Kind != "party_cell" {
				return nil
			}
			n := official[c.ID]
			if n >= 3 {
				return nil
			}
			emit(Finding{Basis: charterBasis, Subject: map[string]string{"unit_id": c.ID},
				Records: []Record{{File: "units", ID: c.ID, Values: map[string]string{"id": c.ID, "name": c.Name, "kind": c.Kind,
					"official_members": strconv.Itoa(n)}}},
				MessageVi: fmt.Sprintf("%s chỉ có %d đảng viên chính thức (chi bộ cần ít nhất 3, %s).", c.Name, n, charterBasis),
				MessageEn: fmt.Sprintf("%s has %d official members; a party cell needs at least 3.", c.Name, n)})
			return nil
		})
	}}
}

// EVAL-15: a party organization rated excellent in a year whose considered
// subordinates are not all "complete" or better, or fewer than 80 % "good"
// or better. Considered: the party organizations directly under it on 31
// December with a party_org rating that year; if none, the members
// registered in it on 31 December with a party_member rating that year.
func eval15(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	orgRatings := map[[2]string]Rating{} // (year, unit) → party_org rating
	excellent := map[int][]Rating{}
	return &run{
		rating: func(r Rating) {
			if r.SubjectType == "unit" && r.Category == "party_org" {
				orgRatings[[2]string{strconv.Itoa(r.Year), r.SubjectID}] = r
				if r.Rating == "excellent" {
					excellent[r.Year] = append(excellent[r.Year], r)
				}
			}
		},
		finish: func() error { return eval15Subordinates(ctx, src, emit, orgRatings, excellent) },
	}
}

// eval15Subordinates judges each organization rated excellent on its
// subordinates of the year.
func eval15Subordinates(ctx context.Context, src Source, emit func(Finding), orgRatings map[[2]string]Rating, excellent map[int][]Rating) error {
	var err error
	if len(excellent) == 0 {
		return nil
	}
	latest := 0
	subs := map[[2]string][]Rating{} // (year, org) → its subordinates' ratings
	for year, orgs := range excellent {
		y, dec31 := strconv.Itoa(year), tochuc.NewDate(year, 12, 31)
		latest = max(latest, year)
		candidate := map[string]bool{}
		for _, o := range orgs {
			candidate[o.SubjectID] = true
		}
		var parents []string
		for id := range candidate {
			parents = append(parents, id)
		}
		err := src.Children(ctx, dec31, parents, func(u tochuc.Unit) error {
			if tochuc.IsPartyOrg(u.Kind) {
				if r, ok := orgRatings[[2]string{y, u.ID}]; ok {
					subs[[2]string{y, u.ParentID}] = append(subs[[2]string{y, u.ParentID}], r)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Orgs without rated subordinate organizations are judged on their
	// members registered on 31 December who were rated that year.
	byMembers := map[[2]string]bool{}
	for year, orgs := range excellent {
		for _, o := range orgs {
			if k := [2]string{strconv.Itoa(year), o.SubjectID}; len(subs[k]) == 0 {
				byMembers[k] = true
			}
		}
	}
	for year := range excellent {
		y := strconv.Itoa(year)
		var units []string
		for k := range byMembers {
			if k[0] == y {
				units = append(units, k[1])
			}
		}
		if len(units) == 0 {
			continue
		}
		err = src.MemberRatings(ctx, tochuc.NewDate(year, 12, 31), year, "party_member", units, func(unit string, r Rating) error {
			subs[[2]string{y, unit}] = append(subs[[2]string{y, unit}], r)
			return nil
		})
		if err != nil {
			return err
		}
	}
	for year, orgs := range excellent {
		y := strconv.Itoa(year)
		set := evalSetOf(year)
		var ids []string
		for _, o := range orgs {
			ids = append(ids, o.SubjectID)
		}
		names, err := src.UnitNames(ctx, ids, tochuc.NewDate(year, 12, 31))
		if err != nil {
			return err
		}
		for _, o := range orgs {
			rs := subs[[2]string{y, o.SubjectID}]
			if len(rs) == 0 {
				continue
			}
			low, good := 0, 0
			for _, r := range rs {
				if rank(r.Rating) < rank("complete") {
					low++
				}
				if rank(r.Rating) >= rank("good") {
					good++
				}
			}
			if low == 0 && good*100 >= 80*len(rs) {
				continue
			}
			f := Finding{Basis: set.basis, Subject: map[string]string{"year": y, "unit_id": o.SubjectID},
				Records: []Record{ratingRecord(o)},
				MessageVi: fmt.Sprintf("Năm %s, %s được xếp loại \"%s\" trong khi %d/%d đối tượng cấp dưới được xét đạt \"%s\" trở lên và %d \"%s\" (cần tất cả hoàn thành nhiệm vụ và ít nhất 80%% hoàn thành tốt, %s).",
					y, orUnknown(names[o.SubjectID], o.SubjectID), tochuc.Label("rating", "excellent"), good, len(rs), tochuc.Label("rating", "good"), low,
					tochuc.Label("rating", "incomplete"), set.basis),
				MessageEn: fmt.Sprintf("In %s, %s was rated excellent with %d of %d subordinates good or better and %d incomplete.",
					y, o.SubjectID, good, len(rs), low)}
			for _, r := range rs {
				f.Records = append(f.Records, ratingRecord(r))
			}
			emit(f)
		}
	}
	return nil
}
