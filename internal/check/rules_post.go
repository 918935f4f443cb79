package check

import (
	"context"
	"fmt"

	"github.com/tochuc/tochuc/internal/tochuc"
)

func postRecord(a PostRow) Record {
	return Record{File: "assignments", ID: a.PersonID, Values: map[string]string{"person_id": a.PersonID, "full_name": a.Person.Name,
		"unit_id": a.UnitID, "role": a.Role, "valid_from": a.From.String(), "valid_to": a.To.String(), "how": a.How}}
}

func postSubject(a PostRow) map[string]string {
	return map[string]string{"person_id": a.PersonID, "unit_id": a.UnitID, "role": a.Role, "valid_from": a.From.String()}
}

// postRule runs a rule on the posts held on the date by people alive then
// that keep selects (collected from the shared pass), with their units' names.
func postRule(ctx context.Context, src Source, p Params, keep func(PostRow) bool, eval func([]PostRow, map[string]string) error) *run {
	var posts []PostRow
	return &run{
		post: func(a PostRow) {
			if !a.Person.deadOn(p.AsOf) && keep(a) {
				posts = append(posts, a)
			}
		},
		finish: func() error {
			if len(posts) == 0 {
				return nil
			}
			var ids []string
			for _, a := range posts {
				ids = append(ids, a.UnitID)
			}
			names, err := src.UnitNames(ctx, ids, p.AsOf)
			if err != nil {
				return err
			}
			return eval(posts, names)
		},
	}
}

// ageAtStart finds posts with a given way of taking them up whose holder had
// fewer than need months of work left on the first day (APPT-03, ROT-05).
func ageAtStart(ctx context.Context, src Source, p Params, emit func(Finding), how string, sets []ruleSet,
	need func(ruleSet) int, what, whatEn string) *run {
	return postRule(ctx, src, p, func(a PostRow) bool { return a.How == how }, func(posts []PostRow, names map[string]string) error {
		for _, a := range posts {
			ret := tochuc.RetirementDate(a.Person.Birth, a.Person.Gender)
			if ret == 0 {
				continue
			}
			set := setOn(sets, a.From)
			left := tochuc.MonthsLeft(a.From, ret)
			if left >= need(set) {
				continue
			}
			emit(Finding{Basis: set.basis, Subject: postSubject(a), Records: []Record{postRecord(a)},
				MessageVi: fmt.Sprintf("%s được %s giữ chức vụ %s từ ngày %s khi chỉ còn %d tháng công tác (nghỉ hưu ngày %s), cần ít nhất %d tháng (%s).",
					a.Person.Name, what, post(a.Role, a.UnitID, names), a.From.Vietnamese(), left, ret.Vietnamese(), need(set), set.basis),
				MessageEn: fmt.Sprintf("%s was %s to %s/%s on %s with %d months of work left (retires %s); at least %d are required.",
					a.Person.Name, whatEn, a.UnitID, a.Role, a.From, left, ret, need(set))})
		}
		return nil
	})
}

// APPT-03: an assignment held at D, appointed, whose person had fewer than
// 60 months left at its start.
func appt03(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return ageAtStart(ctx, src, p, emit, "appointed", appointmentSets, func(s ruleSet) int { return s.apptLeft }, "bổ nhiệm", "appointed")
}

// ROT-05: an assignment held at D, rotated, whose person had fewer than 120
// months left at its start.
func rot05(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return ageAtStart(ctx, src, p, emit, "rotated", rotationSets, func(s ruleSet) int { return s.rotLeft }, "luân chuyển", "rotated")
}

// APPT-05: an open assignment held at D, appointed or reappointed, whose
// term ends (valid_from + 5 years) at most 90 working days after D, or has
// ended: re-appointment is due.
func appt05(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	set := setOn(appointmentSets, p.AsOf)
	return postRule(ctx, src, p, func(a PostRow) bool { return ReappointmentDue(a.Assignment, p.AsOf) }, func(posts []PostRow, names map[string]string) error {
		for _, a := range posts {
			end := tochuc.AddYears(a.From, set.termYears)
			vi := fmt.Sprintf("Thời hạn giữ chức vụ %s của %s (%d năm từ ngày %s) kết thúc ngày %s: đến hạn xem xét bổ nhiệm lại (%s).",
				post(a.Role, a.UnitID, names), a.Person.Name, set.termYears, a.From.Vietnamese(), end.Vietnamese(), set.basis)
			if end <= p.AsOf {
				vi = fmt.Sprintf("Thời hạn giữ chức vụ %s của %s (%d năm từ ngày %s) đã hết ngày %s mà chưa bổ nhiệm lại (%s).",
					post(a.Role, a.UnitID, names), a.Person.Name, set.termYears, a.From.Vietnamese(), end.Vietnamese(), set.basis)
			}
			emit(Finding{Basis: set.basis, Subject: postSubject(a), Records: []Record{postRecord(a)}, MessageVi: vi,
				MessageEn: fmt.Sprintf("The %d-year term of %s as %s/%s from %s ends on %s: re-appointment is due.",
					set.termYears, a.Person.Name, a.UnitID, a.Role, a.From, end)})
		}
		return nil
	})
}

// RET-01: an assignment held at D, in a unit that is not a village, whose
// person's retirement date is on or before D.
func ret01(ctx context.Context, src Source, p Params, emit func(Finding)) *run {
	return postRule(ctx, src, p, func(a PostRow) bool {
		ret := tochuc.RetirementDate(a.Person.Birth, a.Person.Gender)
		return a.UnitKind != "village" && ret != 0 && ret <= p.AsOf
	}, func(posts []PostRow, names map[string]string) error {
		for _, a := range posts {
			ret := tochuc.RetirementDate(a.Person.Birth, a.Person.Gender)
			emit(Finding{Basis: retirementBasis, Subject: postSubject(a), Records: []Record{postRecord(a)},
				MessageVi: fmt.Sprintf("%s đã đến tuổi nghỉ hưu từ ngày %s nhưng vẫn giữ chức vụ %s (%s).",
					a.Person.Name, ret.Vietnamese(), post(a.Role, a.UnitID, names), retirementBasis),
				MessageEn: fmt.Sprintf("%s reached retirement on %s and still holds %s/%s.", a.Person.Name, ret, a.UnitID, a.Role)})
		}
		return nil
	})
}
