package app

import (
	"context"
	"errors"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The lists of the appointments workplace (bổ nhiệm): posts are public
// records, read within the account's scope.
const (
	ListHeld       = "held"       // leadership posts held on the date, with their term's end (APPT-01)
	ListDue        = "due"        // re-appointment due (APPT-05)
	ListExtension  = "extension"  // term ending fewer than 24 months before retirement (APPT-06)
	ListRetirement = "retirement" // holders retiring within 12 months, or past it (RET-01)
	ListRotation   = "rotation"   // rotations and their months served (ROT-06)
	ListEnded      = "ended"      // posts ended in a period, with why
)

// AppointmentLists are the lists, in the workplace's order.
var AppointmentLists = []string{ListHeld, ListDue, ListExtension, ListRetirement, ListRotation, ListEnded}

// AppointmentParams select a list of the workplace.
type AppointmentParams struct {
	AsOf  tochuc.Date
	Scope string // a unit inside the account's scope; "" = the account's scope
	List  string
	// EndedFrom, EndedTo: the period of ListEnded (both days included).
	EndedFrom, EndedTo tochuc.Date
}

// AppointmentLine is a post in a list, with what the list says of it.
type AppointmentLine struct {
	PersonID   string      `json:"person_id"`
	Name       string      `json:"full_name"`
	UnitID     string      `json:"unit_id"`
	UnitName   string      `json:"unit_name"`
	Role       string      `json:"role"`
	How        string      `json:"how,omitempty"`
	DocumentID string      `json:"document_id,omitempty"`
	From       tochuc.Date `json:"valid_from"`
	To         tochuc.Date `json:"valid_to,omitempty"`
	EndReason  string      `json:"end_reason,omitempty"`
	// TermEnd: valid_from + 5 years, for a post appointed or reappointed (APPT-01).
	TermEnd tochuc.Date `json:"term_end,omitempty"`
	// Retirement: the holder's retirement date (0: unknown).
	Retirement tochuc.Date `json:"retirement,omitempty"`
	// Months: the extension list's months from the term's end to retirement,
	// the retirement list's months from the date to retirement (negative:
	// past), the rotation list's months served.
	Months int `json:"months"`
	// Status: the rotation list's state (Vietnamese), or RET-01 for one past retirement.
	Status string `json:"status,omitempty"`
}

// AppointmentPage is a page of a list.
type AppointmentPage struct {
	AsOf  tochuc.Date       `json:"as_of"`
	Scope string            `json:"scope,omitempty"`
	List  string            `json:"list"`
	Total int               `json:"total"`
	Lines []AppointmentLine `json:"items"`
}

// validList checks a list's name and its period.
func (p *AppointmentParams) valid() error {
	switch p.List {
	case "":
		p.List = ListHeld
	case ListHeld, ListDue, ListExtension, ListRetirement, ListRotation, ListEnded:
	default:
		return tochuc.Errorf(tochuc.EInvalid, "Không có danh sách %q.", p.List)
	}
	if p.AsOf == 0 {
		return tochuc.Errorf(tochuc.EInvalid, "Thiếu ngày xem.")
	}
	if p.List == ListEnded {
		if p.EndedTo == 0 {
			p.EndedTo = p.AsOf
		}
		if p.EndedFrom == 0 {
			p.EndedFrom = tochuc.NewDate(p.EndedTo.Time().Year(), 1, 1)
		}
		if p.EndedFrom > p.EndedTo {
			return tochuc.Errorf(tochuc.EInvalid, "Từ ngày %s sau đến ngày %s.", p.EndedFrom.Vietnamese(), p.EndedTo.Vietnamese())
		}
	}
	return nil
}

// appointmentScope resolves the scope of a list for an account: p.Scope
// inside the account's scope, or the account's.
func (a *App) appointmentScope(ctx context.Context, u tochuc.User, p AppointmentParams) (string, error) {
	if u.WholeRegistry() {
		return p.Scope, nil
	}
	if p.Scope == "" {
		return u.ScopeUnitID, nil
	}
	sc, err := a.Scope(ctx, u)
	if err != nil {
		return "", err
	}
	if !sc.UnitOn(p.Scope, p.AsOf) {
		return "", tochuc.Errorf(tochuc.EForbidden, "Phạm vi '%s' nằm ngoài phạm vi được giao.", p.Scope)
	}
	return p.Scope, nil
}

// postQuery is what the database narrows a list to.
func postQuery(p AppointmentParams, scope string) sqldb.PostQuery {
	q := sqldb.PostQuery{AsOf: p.AsOf, Scope: scope}
	switch p.List {
	case ListHeld:
		q.Held = true
	case ListDue:
		q.Held, q.Open, q.Hows, q.FromUpTo = true, true, check.ReappointmentHows, check.ReappointmentBound(p.AsOf)
	case ListExtension:
		q.Held, q.Open, q.Hows = true, true, check.ReappointmentHows
	case ListRetirement:
		// Nobody retires younger than 55: born after this, they retire after the list's horizon.
		q.Held, q.BornUpTo = true, tochuc.AddYears(tochuc.AddMonths(p.AsOf, check.RetirementMonths), -55)
	case ListRotation:
		q.Hows = []string{"rotated"}
	case ListEnded:
		q.FromUpTo, q.EndedFrom, q.EndedBefore = p.EndedTo, p.EndedFrom, p.EndedTo.AddDays(1)
	}
	return q
}

// computed reports whether a list keeps rows by a rule computed here (the
// database narrows it; the page is counted in the stream).
func computed(list string) bool { return list == ListExtension || list == ListRetirement }

// line makes a post a line of a list, and reports whether the list keeps it.
func line(p AppointmentParams, x sqldb.PostLine) (AppointmentLine, bool) {
	l := AppointmentLine{PersonID: x.PersonID, Name: x.Name, UnitID: x.UnitID, UnitName: x.UnitName, Role: x.Role, How: x.How,
		DocumentID: x.DocumentID, From: x.From, To: x.To, EndReason: x.EndReason,
		Retirement: tochuc.RetirementDate(x.Birth, x.Gender)}
	if l.UnitName == "" {
		l.UnitName = x.UnitID
	}
	dead := x.Died != 0 && x.Died <= p.AsOf
	if x.How == "appointed" || x.How == "reappointed" {
		l.TermEnd = check.TermEnd(x.From, p.AsOf)
	}
	switch p.List {
	case ListDue:
		l.Status = "due"
		if l.TermEnd != 0 && l.TermEnd <= p.AsOf {
			l.Status = "overdue"
		}
		return l, !dead
	case ListHeld:
		return l, !dead
	case ListExtension:
		_, _, months, ok := check.Extension(x.Assignment, x.Birth, x.Gender, p.AsOf)
		l.Months = months
		return l, ok && !dead
	case ListRetirement:
		if l.Retirement == 0 || dead || x.UnitKind == "village" || l.Retirement > tochuc.AddMonths(p.AsOf, check.RetirementMonths) {
			return l, false
		}
		l.Months = tochuc.MonthsLeft(p.AsOf, l.Retirement)
		if l.Retirement <= p.AsOf {
			l.Status = "RET-01"
		}
		return l, true
	case ListRotation:
		end := p.AsOf
		ended := x.To != 0 && x.To <= p.AsOf
		if ended {
			end = x.To
		}
		l.Months = tochuc.MonthsBetween(x.From, end)
		switch {
		case l.Months >= check.RotationMonths:
			l.Status = "done"
		case ended:
			l.Status = "ended_early"
		default:
			l.Status = "serving"
		}
		return l, true
	}
	return l, true
}

// Appointments returns a page of a list of the workplace (offset, at most
// limit lines) and its number of lines.
func (a *App) Appointments(ctx context.Context, u tochuc.User, p AppointmentParams, offset, limit int) (*AppointmentPage, error) {
	if err := p.valid(); err != nil {
		return nil, err
	}
	scope, err := a.appointmentScope(ctx, u, p)
	if err != nil {
		return nil, err
	}
	r := a.db.Reader(sqldb.Recorded{})
	q := postQuery(p, scope)
	out := &AppointmentPage{AsOf: p.AsOf, Scope: scope, List: p.List, Lines: []AppointmentLine{}}
	if computed(p.List) {
		err = r.EachPost(ctx, q, 0, -1, func(x sqldb.PostLine) error {
			l, ok := line(p, x)
			if !ok {
				return nil
			}
			if out.Total >= offset && out.Total < offset+limit {
				out.Lines = append(out.Lines, l)
			}
			out.Total++
			return nil
		})
		if err != nil {
			return nil, a.fault(err)
		}
		return out, nil
	}
	if out.Total, err = r.CountPosts(ctx, q); err != nil {
		return nil, a.fault(err)
	}
	err = r.EachPost(ctx, q, offset, limit, func(x sqldb.PostLine) error {
		if l, ok := line(p, x); ok {
			out.Lines = append(out.Lines, l)
		}
		return nil
	})
	if err != nil {
		return nil, a.fault(err)
	}
	return out, nil
}

// errStop ends a stream early.
var errStop = errors.New("stop")

// EachAppointment calls fn with every line of a list (for downloads), at
// most max of them; it reports whether there were more.
func (a *App) EachAppointment(ctx context.Context, u tochuc.User, p AppointmentParams, most int, fn func(AppointmentLine) error) (more bool, err error) {
	if err := p.valid(); err != nil {
		return false, err
	}
	scope, err := a.appointmentScope(ctx, u, p)
	if err != nil {
		return false, err
	}
	n := 0
	err = a.db.Reader(sqldb.Recorded{}).EachPost(ctx, postQuery(p, scope), 0, -1, func(x sqldb.PostLine) error {
		l, ok := line(p, x)
		if !ok {
			return nil
		}
		if n >= most {
			more = true
			return errStop
		}
		n++
		return fn(l)
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil {
		return false, a.fault(err)
	}
	return more, nil
}
