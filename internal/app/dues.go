package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Party dues (đảng phí, PM-14; party_dues.csv, our own file): the members
// of a party organization with their payment of a month, the members
// behind by more than DuesBehindMonths months, and the record of a
// month's payments. See the README ("Đảng phí") for the definitions.

// DuesBehindMonths: a member is behind when more than this many months lie
// between the last month settled and the month of the date.
const DuesBehindMonths = 3

// DuesExemptYears: a member with this party age or more pays no dues (PM-14).
const DuesExemptYears = 50

// DuesParams select a party organization and a date (the behind list) or a
// month (the month's list).
type DuesParams struct {
	Unit  string      // a party organization inside the account's scope; "" = the account's scope unit
	AsOf  tochuc.Date // the behind list's date
	Month string      // YYYY-MM: the month's list
}

// DuesItem is a member on a list of the dues workplace.
type DuesItem struct {
	sqldb.DuesLine
	UnitName string `json:"unit_name"`
	// Settled is the last month counted as paid: the latest month paid or,
	// never paid since, the month the party age starts.
	Settled      string `json:"settled_month"`
	MonthsBehind int    `json:"months_behind"`
	Behind       bool   `json:"behind"`
}

// DuesPage is a page of a dues list.
type DuesPage struct {
	Unit     string      `json:"unit_id"`
	UnitName string      `json:"unit_name"`
	AsOf     tochuc.Date `json:"as_of"`
	Month    string      `json:"month,omitempty"`
	Total    int         `json:"total"`
	Items    []DuesItem  `json:"items"`
}

// MonthOf returns a date's month as YYYY-MM.
func MonthOf(d tochuc.Date) string { return d.String()[:7] }

// ParseMonth reads a month written YYYY-MM or mm/yyyy.
func ParseMonth(s string) (string, error) {
	var y, m int
	if n, _ := fmt.Sscanf(s, "%4d-%2d", &y, &m); n != 2 || len(s) != 7 {
		if n, _ := fmt.Sscanf(s, "%d/%4d", &m, &y); n != 2 {
			return "", tochuc.Errorf(tochuc.EInvalid, "Tháng không hợp lệ: %q (cần mm/yyyy).", s)
		}
	}
	if m < 1 || m > 12 || y < 1900 || y > 9999 {
		return "", tochuc.Errorf(tochuc.EInvalid, "Tháng không hợp lệ: %q (cần mm/yyyy).", s)
	}
	return fmt.Sprintf("%04d-%02d", y, m), nil
}

// monthIndex numbers months (YYYY-MM) in order; -1 for "".
func monthIndex(m string) int {
	if len(m) < 7 {
		return -1
	}
	y, err1 := strconv.Atoi(m[:4])
	mm, err2 := strconv.Atoi(m[5:7])
	if err1 != nil || err2 != nil {
		return -1
	}
	return y*12 + mm - 1
}

// monthFirst returns the first day of a month (YYYY-MM).
func monthFirst(m string) tochuc.Date {
	i := monthIndex(m)
	return tochuc.NewDate(i/12, time.Month(i%12+1), 1)
}

// monthAdd returns the month n months after m.
func monthAdd(m string, n int) string {
	i := monthIndex(m) + n
	return fmt.Sprintf("%04d-%02d", i/12, i%12+1)
}

// monthLast returns the last day of a month.
func monthLast(m string) tochuc.Date { return monthFirst(monthAdd(m, 1)).AddDays(-1) }

// DuesStatus says how far a member is behind on a date: settled is the
// latest month paid or, when none was paid since the party age started,
// that start's month; the months behind run from it to the date's month.
func DuesStatus(lastPaid string, start, d tochuc.Date) (settled string, behind int) {
	settled = lastPaid
	if start != 0 && monthIndex(MonthOf(start)) > monthIndex(settled) {
		settled = MonthOf(start)
	}
	if settled == "" {
		return "", 0
	}
	return settled, max(0, monthIndex(MonthOf(d))-monthIndex(settled))
}

// duesUnit resolves the party organization of a list inside the account's scope.
func (a *App) duesUnit(ctx context.Context, u tochuc.User, id string, d tochuc.Date) (tochuc.Unit, error) {
	if id == "" {
		id = u.ScopeUnitID
	}
	if id == "" {
		return tochuc.Unit{}, tochuc.Errorf(tochuc.EInvalid, "Chọn một tổ chức đảng.")
	}
	if !u.WholeRegistry() {
		sc, err := a.Scope(ctx, u)
		if err != nil {
			return tochuc.Unit{}, err
		}
		if !sc.UnitOn(id, d) {
			return tochuc.Unit{}, tochuc.Errorf(tochuc.EForbidden, "Đơn vị '%s' nằm ngoài phạm vi được giao.", id)
		}
	}
	un, err := a.db.Reader(sqldb.Recorded{}).Unit(ctx, id, d)
	if err != nil {
		return un, a.fault(err)
	}
	if !slices.Contains(tochuc.PartyOrgKinds, un.Kind) {
		return un, tochuc.Errorf(tochuc.EInvalid, "%s không phải là một tổ chức đảng vào ngày %s: chọn một đảng bộ hoặc chi bộ.",
			un.Name, d.Vietnamese())
	}
	return un, nil
}

// DuesMonth returns a page of the members of a party organization at the
// end of a month (or on the date, if earlier) with what each paid for it.
func (a *App) DuesMonth(ctx context.Context, u tochuc.User, p DuesParams, offset, limit int) (*DuesPage, error) {
	m, err := ParseMonth(p.Month)
	if err != nil {
		return nil, err
	}
	d := monthLast(m)
	if p.AsOf != 0 && p.AsOf < d && MonthOf(p.AsOf) == m {
		d = p.AsOf
	}
	return a.dues(ctx, u, p.Unit, sqldb.DuesQuery{AsOf: d, Month: m}, offset, limit)
}

// DuesBehind returns a page of the members of a party organization on a
// date who are behind by more than DuesBehindMonths months: not exempt
// (party age under DuesExemptYears), settled month (DuesStatus) before the
// date's month less DuesBehindMonths.
func (a *App) DuesBehind(ctx context.Context, u tochuc.User, p DuesParams, offset, limit int) (*DuesPage, error) {
	if p.AsOf == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Thiếu ngày xem.")
	}
	bm := monthAdd(MonthOf(p.AsOf), -DuesBehindMonths)
	return a.dues(ctx, u, p.Unit, sqldb.DuesQuery{AsOf: p.AsOf, Month: MonthOf(p.AsOf), Behind: true, BehindMonth: bm,
		BehindFrom: monthFirst(bm)}, offset, limit)
}

// dues reads a page of a list and names its units.
func (a *App) dues(ctx context.Context, u tochuc.User, unit string, q sqldb.DuesQuery, offset, limit int) (*DuesPage, error) {
	un, err := a.duesUnit(ctx, u, unit, q.AsOf)
	if err != nil {
		return nil, err
	}
	q.Unit, q.ExemptFrom = un, tochuc.AddYears(q.AsOf, -DuesExemptYears)
	r := a.db.Reader(sqldb.Recorded{})
	pg, err := r.Dues(ctx, q, offset, limit)
	if err != nil {
		return nil, a.fault(err)
	}
	out := &DuesPage{Unit: un.ID, UnitName: un.Name, AsOf: q.AsOf, Total: pg.Total}
	if !q.Behind {
		out.Month = q.Month
	}
	var ids []string
	for _, l := range pg.Lines {
		ids = append(ids, l.UnitID)
	}
	names, err := r.UnitNames(ctx, ids, q.AsOf)
	if err != nil {
		return nil, a.fault(err)
	}
	for _, l := range pg.Lines {
		it := DuesItem{DuesLine: l, UnitName: names[l.UnitID]}
		it.Settled, it.MonthsBehind = DuesStatus(l.LastPaid, l.Start, q.AsOf)
		it.Behind = !l.Exempt && it.MonthsBehind > DuesBehindMonths
		out.Items = append(out.Items, it)
	}
	return out, nil
}

// DuesPayment is a member's payment of a month.
type DuesPayment struct {
	PersonID string
	Amount   int64
	PaidOn   tochuc.Date
}

// RecordDues records a month's payments of a party organization's members
// as one change set (party_dues.csv rows, checked as an import, inside the
// actor's scope, audited): all or nothing.
func (a *App) RecordDues(ctx context.Context, act Actor, unit, month string, pays []DuesPayment) (*bundle.Report, error) {
	if !act.User.CanWrite() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
	}
	m, err := ParseMonth(month)
	if err != nil {
		return nil, err
	}
	un, err := a.duesUnit(ctx, act.User, unit, monthLast(m))
	if err != nil {
		return nil, err
	}
	if len(pays) == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "Chưa nhập khoản đảng phí nào.")
	}
	ids := make([]string, 0, len(pays))
	seen := map[string]bool{}
	for _, p := range pays {
		if seen[p.PersonID] {
			return nil, tochuc.Errorf(tochuc.EInvalid, "%s có hai khoản cho cùng một tháng.", p.PersonID)
		}
		seen[p.PersonID] = true
		ids = append(ids, p.PersonID)
	}
	end := monthLast(m)
	pg, err := a.db.Reader(sqldb.Recorded{}).Dues(ctx, sqldb.DuesQuery{Unit: un, AsOf: end, Month: m, PersonIDs: ids}, 0, len(ids))
	if err != nil {
		return nil, a.fault(err)
	}
	if pg.Total != len(ids) {
		members := map[string]bool{}
		for _, l := range pg.Lines {
			members[l.PersonID] = true
		}
		for _, id := range ids {
			if !members[id] {
				return nil, tochuc.Errorf(tochuc.EInvalid, "%s không phải là đảng viên của %s vào cuối tháng %s.", id, un.Name, m[5:]+"/"+m[:4])
			}
		}
	}
	t := bundle.Tables{}
	for _, p := range pays {
		if p.Amount < 0 {
			return nil, tochuc.Errorf(tochuc.EInvalid, "Số tiền của %s không được âm.", p.PersonID)
		}
		t.Add("party_dues", map[string]string{"person_id": p.PersonID, "month": m, "amount": strconv.FormatInt(p.Amount, 10),
			"paid_on": p.PaidOn.String(), "unit_id": un.ID})
	}
	audit := tochuc.AuditEntry{Action: "party_dues.record", ObjectType: "party_dues", ObjectID: un.ID + "|" + m,
		Detail: map[string]any{"rows": len(pays)}}
	return a.write(ctx, act, "dues "+un.ID+" "+m, audit, func(c *sqldb.Change, _ *tochuc.AuditEntry) (*bundle.Report, error) {
		return bundle.Import(ctx, t, c, bundle.Options{})
	})
}
