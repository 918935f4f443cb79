package check

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The effect of discipline (bundle-v1 amendment 1's discipline.csv) where the
// rules use it: EVAL-09, EVAL-10, PLAN-07, APPT-08. Each rule reads the
// disciplines decided by the date (few: one map by subject), then streams the
// ratings, plans or posts it checks against them.

// disciplineRecord is a discipline behind a finding.
func disciplineRecord(x tochuc.Discipline) Record {
	return Record{File: "discipline", ID: x.SubjectID, Values: map[string]string{"subject_type": x.SubjectType,
		"subject_id": x.SubjectID, "form": x.Form, "date": x.Date.String(), "authority_id": x.AuthorityID,
		"document_id": x.DocumentID, "reason": x.Reason}}
}

// disciplinesBy reads the disciplines decided on or before d, by subject
// ("person|P1", "unit|U1"), in date order.
func disciplinesBy(ctx context.Context, src Source, d tochuc.Date) (map[string][]tochuc.Discipline, error) {
	out := map[string][]tochuc.Discipline{}
	err := src.Disciplines(ctx, d, func(x tochuc.Discipline) error {
		k := x.SubjectType + "|" + x.SubjectID
		out[k] = append(out[k], x)
		return nil
	})
	return out, err
}

// disciplineRule runs a rule that reads the disciplines, then more records
// (a task of its own: it uses none of the shared passes).
func disciplineRule(ctx context.Context, src Source, p Params, eval func(map[string][]tochuc.Discipline) error) *run {
	return &run{finish: func() error {
		by, err := disciplinesBy(ctx, src, p.AsOf)
		if err != nil || len(by) == 0 {
			return err
		}
		return eval(by)
	}}
}

// inYear returns the disciplines of a year.
func inYear(ds []tochuc.Discipline, year int) []tochuc.Discipline {
	var out []tochuc.Discipline
	for _, x := range ds {
		if x.Date.Time().Year() == year {
			out = append(out, x)
		}
	}
	return out
}

// formsOf lists the forms of disciplines in Vietnamese, with their dates.
func formsOf(ds []tochuc.Discipline) string {
	s := ""
	for i, x := range ds {
		if i > 0 {
			s += "; "
		}
		s += tochuc.Label("discipline_form", x.Form) + " ngày " + x.Date.Vietnamese()
	}
	return s
}

// ratedSubject names a rating's subject for a message.
func ratedSubject(r Rating) string {
	if r.SubjectType == "person" {
		return orUnknown(r.Name, r.SubjectID)
	}
	return r.SubjectID
}

// ratingDisciplineRule streams the ratings and hands on those of a subject
// disciplined in the rating's year, with the year's disciplines.
func ratingDisciplineRule(ctx context.Context, src Source, p Params, keep func(Rating) bool,
	found func(Rating, []tochuc.Discipline, map[string]string)) *run {
	return disciplineRule(ctx, src, p, func(by map[string][]tochuc.Discipline) error {
		type hit struct {
			r  Rating
			ds []tochuc.Discipline
		}
		var hits []hit
		err := src.Ratings(ctx, p.AsOf.Time().Year(), func(r Rating) error {
			if r.goneOn(p.AsOf) || !keep(r) {
				return nil
			}
			if ds := inYear(by[r.SubjectType+"|"+r.SubjectID], r.Year); len(ds) > 0 {
				hits = append(hits, hit{r, ds})
			}
			return nil
		})
		if err != nil || len(hits) == 0 {
			return err
		}
		var ids []string
		for _, h := range hits {
			if h.r.SubjectType == "unit" {
				ids = append(ids, h.r.SubjectID)
			}
		}
		names, err := src.UnitNames(ctx, ids, p.AsOf)
		if err != nil {
			return err
		}
		for _, h := range hits {
			found(h.r, h.ds, names)
		}
		return nil
	})
}

func ratingSubject(r Rating) map[string]string {
	return map[string]string{"year": strconv.Itoa(r.Year), "subject_type": r.SubjectType, "subject_id": r.SubjectID, "category": r.Category}
}

func ratingFinding(set ruleSet, r Rating, ds []tochuc.Discipline, vi, en string) Finding {
	f := Finding{Basis: set.basis, Subject: ratingSubject(r), Records: []Record{ratingRecord(r)}, MessageVi: vi, MessageEn: en}
	for _, x := range ds {
		f.Records = append(f.Records, disciplineRecord(x))
	}
	return f
}

// ratingName is a rating's subject by name: a person's name, a unit's name.
func ratingName(r Rating, names map[string]string) string {
	if r.SubjectType == "unit" {
		return orUnknown(names[r.SubjectID], r.SubjectID)
	}
	return ratedSubject(r)
}

// EVAL-10: a rating "excellent" in a year for a person disciplined in that
// year (any form), or for a collective or party organization whose unit was
// disciplined in that year.
func eval10(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return ratingDisciplineRule(ctx, src, p, func(r Rating) bool {
		return r.Rating == "excellent" && (r.SubjectType == "person" || r.Category == "party_org" || r.Category == "collective")
	}, func(r Rating, ds []tochuc.Discipline, names map[string]string) {
		set := evalSetOf(r.Year)
		emit(ratingFinding(set, r, ds,
			fmt.Sprintf("Năm %d, %s được xếp loại \"%s\" (%s) trong khi bị kỷ luật trong năm (%s): bị kỷ luật thì không được xếp loại hoàn thành xuất sắc nhiệm vụ (%s).",
				r.Year, ratingName(r, names), tochuc.Label("rating", r.Rating), tochuc.Label("category", r.Category), formsOf(ds), set.basis),
			fmt.Sprintf("In %d, %s/%s was rated excellent (%s) although disciplined that year (%d decision(s)).",
				r.Year, r.SubjectType, r.SubjectID, r.Category, len(ds))))
	})
}

// eval09From is the first rating year of EVAL-09: 124-QĐ/TW (high
// confidence; 366-QĐ/TW very likely keeps it). The years rated under
// 132-QĐ/TW are not checked.
const eval09From = 2023

// EVAL-09: a party member disciplined in a year (any form: reprimand is the
// lightest) rated above "incomplete" as a party member that year; a party
// organization disciplined in a year rated above "incomplete" as a party
// organization. 124-QĐ/TW forces "incomplete" in both cases, unless the
// violation was self-detected and remedied, which the registry does not
// record: the message says so.
func eval09(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return ratingDisciplineRule(ctx, src, p, func(r Rating) bool {
		return r.Year >= eval09From && rank(r.Rating) > rank("incomplete") &&
			(r.SubjectType == "person" && r.Category == "party_member" || r.SubjectType == "unit" && r.Category == "party_org")
	}, func(r Rating, ds []tochuc.Discipline, names map[string]string) {
		set := evalSetOf(r.Year)
		emit(ratingFinding(set, r, ds,
			fmt.Sprintf("Năm %d, %s bị kỷ luật (%s) nhưng được xếp loại \"%s\" (%s): bị kỷ luật trong năm thì xếp loại không hoàn thành nhiệm vụ, trừ trường hợp tự phát hiện và khắc phục hậu quả (%s).",
				r.Year, ratingName(r, names), formsOf(ds), tochuc.Label("rating", r.Rating), tochuc.Label("category", r.Category), set.basis),
			fmt.Sprintf("In %d, %s/%s was disciplined (%d decision(s)) and rated %s (%s): a discipline in the year forces 'incomplete' unless self-detected and remedied.",
				r.Year, r.SubjectType, r.SubjectID, len(ds), r.Rating, r.Category)))
	})
}

// PLAN-07: a person in a plan at D who received a discipline (reprimand or
// heavier: every form) after the plan's added_on, on or before D, and is
// still in the plan.
func plan07(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return disciplineRule(ctx, src, p, func(by map[string][]tochuc.Discipline) error {
		type hit struct {
			pl PlanRow
			ds []tochuc.Discipline
		}
		var hits []hit
		err := src.Plans(ctx, p.AsOf, func(pl PlanRow) error {
			if pl.Person.deadOn(p.AsOf) {
				return nil
			}
			var after []tochuc.Discipline
			for _, x := range by["person|"+pl.PersonID] {
				if x.Date > pl.AddedOn {
					after = append(after, x)
				}
			}
			if len(after) > 0 {
				hits = append(hits, hit{pl, after})
			}
			return nil
		})
		if err != nil || len(hits) == 0 {
			return err
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.pl.UnitID)
		}
		names, err := src.UnitNames(ctx, ids, p.AsOf)
		if err != nil {
			return err
		}
		set := setOn(planningSets, p.AsOf)
		for _, h := range hits {
			f := Finding{Basis: set.basis, Subject: map[string]string{"term": h.pl.Term, "unit_id": h.pl.UnitID, "role": h.pl.Role, "person_id": h.pl.PersonID}, Records: []Record{planRecord(h.pl)},
				MessageVi: fmt.Sprintf("%s được quy hoạch %s nhiệm kỳ %s từ ngày %s, sau đó bị kỷ luật (%s) mà vẫn còn trong quy hoạch: đưa ra khỏi quy hoạch, trừ các trường hợp còn được quy hoạch theo 377-QĐ/TW (khuyết điểm chỉ phải kiểm điểm; đã xem xét nhưng không kỷ luật; khiển trách, cảnh cáo đã hết thời hạn) (%s).",
					h.pl.Person.Name, post(h.pl.Role, h.pl.UnitID, names), h.pl.Term, h.pl.AddedOn.Vietnamese(), formsOf(h.ds), set.basis),
				MessageEn: fmt.Sprintf("%s, planned for %s/%s (%s) from %s, was disciplined afterwards (%d decision(s)) and is still in the plan: remove, unless a 377-QĐ/TW exception applies.",
					h.pl.Person.Name, h.pl.UnitID, h.pl.Role, h.pl.Term, h.pl.AddedOn, len(h.ds))}
			for _, x := range h.ds {
				f.Records = append(f.Records, disciplineRecord(x))
			}
			emit(f)
		}
		return nil
	})
}

// appt08Wait is the waiting period in months after a form of discipline
// before an appointment to a higher post (377-QĐ/TW); 0: none set (dismissal
// and expulsion end the career the post belongs to; dissolution is a unit's).
func appt08Wait(form string) int {
	switch form {
	case "reprimand":
		return 24
	case "warning":
		return 36
	case "removal_from_post":
		return 60
	}
	return 0
}

// APPT-08: a post held at D, taken up as appointed, reappointed or elected,
// whose valid_from falls inside the waiting period after a discipline of
// its holder: on or after the decision's date and before date + the
// period's months.
func appt08(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return disciplineRule(ctx, src, p, func(by map[string][]tochuc.Discipline) error {
		type hit struct {
			a PostRow
			x tochuc.Discipline
		}
		var hits []hit
		err := src.Posts(ctx, p.AsOf, func(a PostRow) error {
			if a.Person.deadOn(p.AsOf) || a.How != "appointed" && a.How != "reappointed" && a.How != "elected" {
				return nil
			}
			for _, x := range by["person|"+a.PersonID] {
				if w := appt08Wait(x.Form); w > 0 && x.Date <= a.From && a.From < tochuc.AddMonths(x.Date, w) {
					hits = append(hits, hit{a, x})
					break
				}
			}
			return nil
		})
		if err != nil || len(hits) == 0 {
			return err
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.a.UnitID)
		}
		names, err := src.UnitNames(ctx, ids, p.AsOf)
		if err != nil {
			return err
		}
		for _, h := range hits {
			set := setOn(appointmentSets, h.a.From)
			w := appt08Wait(h.x.Form)
			emit(Finding{Basis: set.basis, Subject: postSubject(h.a), Records: []Record{postRecord(h.a), disciplineRecord(h.x)},
				MessageVi: fmt.Sprintf("%s được %s %s từ ngày %s, trong thời hạn %d tháng sau kỷ luật %s ngày %s (đến ngày %s) (%s).",
					h.a.Person.Name, strings.ToLower(tochuc.Label("how", h.a.How)), post(h.a.Role, h.a.UnitID, names), h.a.From.Vietnamese(), w,
					strings.ToLower(tochuc.Label("discipline_form", h.x.Form)), h.x.Date.Vietnamese(), tochuc.AddMonths(h.x.Date, w).Vietnamese(), set.basis),
				MessageEn: fmt.Sprintf("%s took up %s/%s (%s) on %s, within the %d months after a %s on %s.",
					h.a.Person.Name, h.a.UnitID, h.a.Role, h.a.How, h.a.From, w, h.x.Form, h.x.Date)})
		}
		return nil
	})
}
