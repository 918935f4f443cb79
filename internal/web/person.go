package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// personData is a person's page on a date: its API type (personView) and
// what the user may open from the page (the scope policy).
type personData struct {
	personView
	CanEdit  bool
	PostEdit []bool
	UnitLink map[string]bool // units whose page on the date opens
	// AddDiscipline opens the form that records a discipline of the person
	// ("" when the account may not: it writes and reads confidential records).
	AddDiscipline string
}

func (s *Server) handlePerson(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	f, err := reg.PersonFile(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	if ok, err := s.canSeePerson(r.Context(), f.ID); err != nil || !ok {
		return forbiddenOr(err)
	}
	membership := tochuc.MembershipAt(f.Events, d, f.DiedOn) // from every event, shown or not
	if f, err = s.readablePart(r, f); err != nil {
		return err
	}
	f = knownBy(f, d)
	data := personData{personView: personView{PersonFile: *f,
		Education:  tochuc.LevelAt(f.Qualifications, tochuc.QualEducation, d),
		Theory:     tochuc.LevelAt(f.Qualifications, tochuc.QualPoliticalTheory, d),
		Membership: membership}}
	data.AdmittedOn, data.OfficialOn = tochuc.PartyDates(f.Events, d)
	if f.BirthDate != 0 && f.BirthDate <= d {
		data.Age = age(f.BirthDate, d)
	}
	if data.Party, err = s.personParty(r, f, d); err != nil {
		return err
	}
	var ids []string
	if data.Party != nil {
		for _, t := range data.Party.Temporary {
			ids = append(ids, t.UnitID)
		}
	}
	for _, a := range f.Assignments {
		ids = append(ids, a.UnitID)
	}
	for _, e := range f.Events {
		ids = append(ids, e.UnitID)
	}
	for _, p := range f.Plans {
		ids = append(ids, p.UnitID)
	}
	for _, x := range f.Discipline {
		ids = append(ids, x.AuthorityID)
	}
	if data.UnitNames, err = reg.UnitNames(r.Context(), ids, d); err != nil {
		return err
	}
	if err := s.personLinks(r, d, &data, ids); err != nil {
		return err
	}
	data.Findings = s.findingsOf(r, d, "", f.ID)
	if u, _ := userOf(ctx); data.CanEdit && u.CanReadConfidential() {
		data.AddDiscipline = "/sua/discipline?" + url.Values{"ngay": {d.String()}, "subject_type": {"person"}, "subject_id": {f.ID}}.Encode()
	}
	s.render(w, r, "person.html", http.StatusOK, page{Title: f.FullName, Date: d, Data: data, API: data.personView})
	return nil
}

// age returns full years from birth to d.
func age(birth, d tochuc.Date) int {
	b, t := birth.Time(), d.Time()
	years := t.Year() - b.Year()
	if t.YearDay() < b.YearDay() {
		years--
	}
	return years
}

// knownBy keeps what had happened by d: the page shows the person as on that date.
func knownBy(f *tochuc.PersonFile, d tochuc.Date) *tochuc.PersonFile {
	out := *f
	out.Qualifications = slices.DeleteFunc(slices.Clone(f.Qualifications), func(q tochuc.Qualification) bool { return q.ObtainedOn > d })
	out.Events = slices.DeleteFunc(slices.Clone(f.Events), func(e tochuc.MembershipEvent) bool { return e.Date > d })
	out.Assignments = slices.DeleteFunc(slices.Clone(f.Assignments), func(a tochuc.Assignment) bool { return a.From > d })
	out.Evaluations = slices.DeleteFunc(slices.Clone(f.Evaluations), func(e tochuc.Evaluation) bool {
		return e.Year > d.Time().Year() || e.DecidedOn > d
	})
	out.Plans = slices.DeleteFunc(slices.Clone(f.Plans), func(p tochuc.Plan) bool { return p.AddedOn > d })
	out.Discipline = slices.DeleteFunc(slices.Clone(f.Discipline), func(x tochuc.Discipline) bool { return x.Date > d })
	if out.DiedOn > d {
		out.DiedOn = 0
	}
	return &out
}

// readablePart keeps of a person's file what the user's scope may read.
func (s *Server) readablePart(r *http.Request, f *tochuc.PersonFile) (*tochuc.PersonFile, error) {
	ctx := r.Context()
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return nil, err
	}
	return sc.WithIP(s.clientIP(r)).PersonFile(ctx, f, r.URL.Path)
}

// personLinks decides which links of a person's page the user may follow.
func (s *Server) personLinks(r *http.Request, d tochuc.Date, data *personData, units []string) error {
	ctx := r.Context()
	ed, err := s.editable(r.Context())
	if err != nil {
		return err
	}
	if data.CanEdit, err = ed.row(ctx, "people", app.PersonCells(data.Person)); err != nil {
		return err
	}
	if data.PostEdit, err = ed.posts(ctx, data.Assignments); err != nil {
		return err
	}
	data.UnitLink = map[string]bool{}
	for _, id := range units {
		if _, done := data.UnitLink[id]; done || id == "" {
			continue
		}
		if data.UnitLink[id], err = s.canSeeUnit(r.Context(), id, d); err != nil {
			return err
		}
	}
	return nil
}

// personParty reads a member's party record through the account's scope,
// as on d: party age, cards, badges, temporary attendance, dues (nil for
// one who was never a member by d).
func (s *Server) personParty(r *http.Request, f *tochuc.PersonFile, d tochuc.Date) (*partyView, error) {
	if len(f.Events) == 0 {
		return nil, nil
	}
	sc, err := s.scopeOf(r.Context())
	if err != nil {
		return nil, err
	}
	p, err := sc.PersonParty(r.Context(), f.ID, d)
	if err != nil {
		return nil, err
	}
	v := &partyView{PersonParty: *p}
	v.Cards = slices.DeleteFunc(v.Cards, func(c sqldb.PartyCard) bool { return c.IssuedOn > d })
	v.Awards = slices.DeleteFunc(v.Awards, func(a sqldb.Award) bool { return a.Date > d })
	v.Temporary = slices.DeleteFunc(v.Temporary, func(t sqldb.PartyTemporary) bool { return t.From > d })
	v.Admissions = slices.DeleteFunc(v.Admissions, func(a sqldb.Admission) bool { return a.Date > d })
	start := tochuc.PartyAgeStart(f.Events, d)
	if years, ok := tochuc.PartyAge(f.Events, d); ok {
		v.AgeYears = &years
		v.DuesExempt = years >= app.DuesExemptYears
	}
	if tochuc.MembershipAt(f.Events, d, f.DiedOn).Member && !v.DuesExempt {
		v.DuesSettled, v.DuesBehind = app.DuesStatus(v.LastDues, start, d)
	}
	var ids []string
	for _, a := range v.Admissions {
		for _, id := range strings.Split(a.IntroducerIDs, ";") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		if v.Names, err = s.registry.PersonNames(r.Context(), ids); err != nil {
			return nil, err
		}
	}
	return v, nil
}
