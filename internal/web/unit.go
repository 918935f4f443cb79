package web

import (
	"net/http"
	"net/url"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/sqldb"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// unitData is a unit's page: its API type (unitView) and what the user may
// open from the page (the scope policy): the unit's edit form, the parent's
// page, each post's edit form.
type unitData struct {
	unitView
	Path       []unitRow // the units above, the top first (the breadcrumb)
	InCells    bool      // the members listed include those of the organizations below
	CanEdit    bool
	ParentLink bool
	PostEdit   []bool
	// Discipline: the unit's own disciplines decided by the date, for an
	// account that may read them (confidential; the read is logged), and the
	// form to record one.
	Discipline    []app.DisciplineLine
	AddDiscipline string
	// Tasks: the unit's own tasks not done on the date (a few, by deadline), their count and the due list's link.
	Tasks      []app.TaskItem
	TasksTotal int
	TasksLink  string
}

func (s *Server) handleUnit(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	id := r.PathValue("id")
	versions, err := reg.UnitVersions(ctx, id)
	if err != nil {
		return err
	}
	if ok, err := s.canSeeUnit(r.Context(), id, d); err != nil || !ok {
		return forbiddenOr(err)
	}
	data := unitData{unitView: unitView{Versions: versions, Unit: versions[len(versions)-1]}}
	if u, err := reg.Unit(ctx, id, d); err == nil {
		data.Unit, data.Exists = u, true
	}
	if err := s.fillUnit(r, reg, d, &data.unitView); err != nil {
		return err
	}
	if err := s.unitLinks(r, d, &data); err != nil {
		return err
	}
	if data.Exists {
		if data.Path, err = s.pathUp(ctx, data.Unit, d); err != nil {
			return err
		}
	}
	for _, m := range data.MemberList {
		data.InCells = data.InCells || m.UnitID != data.Unit.ID
	}
	data.Findings = s.findingsOf(r, d, data.Unit.ID, "")
	if err := s.unitDiscipline(r, d, &data); err != nil {
		return err
	}
	if err := s.unitTasks(r, d, &data); err != nil {
		return err
	}
	s.render(w, r, "unit.html", http.StatusOK, page{Title: data.Unit.Name, Date: d, Data: data, API: data.unitView})
	return nil
}

// fillUnit reads what the unit page shows besides the versions: of a party
// organization's members, the page ?trang= (50, by given name) and their count up
// to countCap.
func (s *Server) fillUnit(r *http.Request, reg Registry, d tochuc.Date, data *unitView) error {
	ctx := r.Context()
	id := data.Unit.ID
	data.Members = []string{}
	var err error
	if data.Lineage, err = reg.Lineage(ctx, id); err != nil {
		return err
	}
	if data.Headcounts, err = reg.Headcounts(ctx, id); err != nil {
		return err
	}
	if data.Documents, err = reg.Documents(ctx, id); err != nil {
		return err
	}
	if data.Exists {
		if data.Unit.ParentID != "" {
			if p, err := reg.Unit(ctx, data.Unit.ParentID, d); err == nil {
				data.Parent = &p
			}
		}
		if data.Posts, err = reg.AssignmentsAsOf(ctx, d, id); err != nil {
			return err
		}
		tochuc.SortByProtocol(data.Posts)
		if tochuc.IsPartyOrg(data.Unit.Kind) {
			mp, err := reg.UnitMembers(ctx, d, data.Unit, (requestedPage(r)-1)*pageSize, pageSize, countCap)
			if err != nil {
				return err
			}
			data.Members, data.MemberList, data.MembersPage = mp.IDs, mp.Members, newCappedPager(r, mp.Total, mp.More)
			evs, err := reg.PartyEvents(ctx, mp.IDs)
			if err != nil {
				return err
			}
			data.PartyAges = map[string]int{}
			for id, es := range evs {
				if n, ok := tochuc.PartyAge(es, d); ok {
					data.PartyAges[id] = n
				}
			}
		}
		kids, err := reg.UnitsAsOf(ctx, d, tochuc.UnitFilter{ParentID: id})
		if err != nil {
			return err
		}
		if data.Children, err = withChildren(ctx, reg, d, kids); err != nil {
			return err
		}
	}
	people := append([]string{}, data.Members...)
	for _, a := range data.Posts {
		people = append(people, a.PersonID)
	}
	if data.PersonNames, err = reg.PersonNames(ctx, people); err != nil {
		return err
	}
	var units []string
	for _, m := range data.MemberList {
		units = append(units, m.UnitID)
	}
	for _, l := range data.Lineage {
		units = append(units, l.FromUnitID, l.ToUnitID)
	}
	data.UnitNames, err = reg.UnitNames(ctx, units, d)
	return err
}

// unitLinks decides which links of a unit's page the user may follow.
func (s *Server) unitLinks(r *http.Request, d tochuc.Date, data *unitData) error {
	ctx := r.Context()
	ed, err := s.editable(r.Context())
	if err != nil {
		return err
	}
	if data.CanEdit, err = ed.unit(ctx, data.Unit); err != nil {
		return err
	}
	if data.PostEdit, err = ed.posts(ctx, data.Posts); err != nil {
		return err
	}
	if data.Parent != nil {
		data.ParentLink, err = s.canSeeUnit(r.Context(), data.Parent.ID, d)
	}
	return err
}

// unitDisciplineMost is the most disciplines of a unit its page lists (the
// register lists them all).
const unitDisciplineMost = 100

// unitDiscipline reads a unit's own disciplines for its page, when the
// account may read confidential records, and logs the read.
func (s *Server) unitDiscipline(r *http.Request, d tochuc.Date, data *unitData) error {
	sc, err := s.scopeOf(r.Context())
	if err != nil || !sc.MayReadConfidential() {
		return err
	}
	res, err := sc.Disciplines(r.Context(), app.DisciplineParams{AsOf: d,
		DisciplineFilter: sqldb.DisciplineFilter{SubjectType: "unit", SubjectID: data.Unit.ID, To: d}}, 0, unitDisciplineMost)
	if err != nil {
		return err
	}
	if err := sc.WithIP(s.clientIP(r)).LogRead(r.Context(), app.ConfidentialRead{File: "discipline", Via: r.URL.Path, Keys: res.Keys}); err != nil {
		return err
	}
	data.Discipline = res.Lines
	if data.CanEdit {
		data.AddDiscipline = "/sua/discipline?" + url.Values{"ngay": {d.String()}, "subject_type": {"unit"}, "subject_id": {data.Unit.ID}}.Encode()
	}
	return nil
}
