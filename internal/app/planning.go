package app

import (
	"context"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Cadre planning's writes: a nominee added to or removed from a plan, each
// one edit of plans.csv through Edit (the write policy, the confidentiality
// guard, the audit log, the record's version and the findings).

// NomineeAdd is a person added to the plan of a post for a term.
type NomineeAdd struct {
	Term, UnitID, Role, PersonID string
	AddedOn                      tochuc.Date
	DocumentID                   string
}

// maxRemovalText bounds the reason written for a removal.
const maxRemovalText = 500

// AddNominee adds a person to a plan. The rule checks' findings the addition
// brings (PLAN-01/02/03/05) are saved with it and answered: the planning
// page shows them in red beside the nominee.
func (a *App) AddNominee(ctx context.Context, act Actor, n NomineeAdd) (*EditResult, error) {
	if !act.User.CanReadConfidential() {
		return nil, errConfidential("quy hoạch cán bộ")
	}
	if n.AddedOn == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Cần ngày quyết định đưa vào quy hoạch (dd/mm/yyyy).")
	}
	return refused(a.Edit(ctx, act, EditRequest{File: "plans", Mode: ModeCorrect, Date: n.AddedOn, AcceptFindings: true,
		Values: map[string]string{"term": n.Term, "unit_id": n.UnitID, "role": n.Role, "person_id": n.PersonID,
			"added_on": n.AddedOn.String(), "document_id": n.DocumentID}}))
}

// NomineeRemoval takes a person out of a plan from a date, for a reason
// (tochuc.RemovalReasons; "other" with its text).
type NomineeRemoval struct {
	Term, UnitID, Role, PersonID string
	RemovedOn                    tochuc.Date
	Reason, Other                string
	Version                      string // the plan row's version as shown
}

// RemoveNominee records a removal from a plan: the plan row corrected to
// end on RemovedOn with its reason.
func (a *App) RemoveNominee(ctx context.Context, act Actor, rm NomineeRemoval) (*EditResult, error) {
	if !act.User.CanReadConfidential() {
		return nil, errConfidential("quy hoạch cán bộ")
	}
	if rm.RemovedOn == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Cần ngày đưa ra khỏi quy hoạch (dd/mm/yyyy).")
	}
	if utf8.RuneCountInString(rm.Other) > maxRemovalText {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Lý do quá dài (tối đa %d ký tự).", maxRemovalText)
	}
	reason, ok := tochuc.RemovalReasonText(rm.Reason, rm.Other)
	if !ok {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Cần chọn lý do đưa ra khỏi quy hoạch (lý do khác: ghi rõ).")
	}
	f := bundle.FileByName("plans")
	key := map[string]string{"term": rm.Term, "unit_id": rm.UnitID, "role": rm.Role, "person_id": rm.PersonID}
	cells, err := a.db.Reader(sqldb.Recorded{}).Record(ctx, f, key)
	if err != nil {
		return nil, a.fault(err)
	}
	vals := cellsMap(f, cells)
	added, _ := tochuc.ParseDate(vals["added_on"])
	if rm.RemovedOn <= added {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Ngày đưa ra khỏi quy hoạch (%s) phải sau ngày đưa vào (%s).",
			rm.RemovedOn.Vietnamese(), added.Vietnamese())
	}
	vals["removed_on"], vals["removal_reason"] = rm.RemovedOn.String(), reason
	return refused(a.Edit(ctx, act, EditRequest{File: "plans", Mode: ModeCorrect, Original: key, Values: vals, Version: rm.Version,
		Date: rm.RemovedOn, AcceptFindings: true}))
}

// refused turns an edit whose records did not pass the checks (nothing
// written) into an error naming the issues, in Vietnamese.
func refused(res *EditResult, err error) (*EditResult, error) {
	if err != nil || res == nil || res.Report == nil || res.Report.OK() {
		return res, err
	}
	msg := "Dữ liệu không hợp lệ, chưa ghi gì:"
	for i, is := range res.Report.Issues {
		if is.Warning {
			continue
		}
		if i == 5 {
			msg += " …"
			break
		}
		msg += " " + is.Vi
	}
	return res, tochuc.Errorf(tochuc.EInvalid, "%s", msg)
}
