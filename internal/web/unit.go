package web

import (
	"context"
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// unitData is a unit's page: its version on the date, all its versions, its
// lineage through restructurings, posts and holders, members, headcount,
// documents and children.
type unitData struct {
	Unit       tochuc.Unit
	Exists     bool
	Parent     *tochuc.Unit
	Versions   []tochuc.Unit
	Lineage    []tochuc.RestructureLink
	Posts      []tochuc.Assignment
	Members    []string
	Headcounts []tochuc.Headcount
	Documents  []tochuc.Document
	Children   []unitRow
	People     map[string]string // names of people referred to
	Units      map[string]string // names of units referred to
	Findings   subjectFindings   // the rule checks' findings about the unit on the date
	// What the user may open from the page (the scope policy): the unit's edit
	// form, the parent's page, each post's edit form.
	CanEdit    bool   `json:"-"`
	ParentLink bool   `json:"-"`
	PostEdit   []bool `json:"-"`
}

func (s *Server) handleUnit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	reg := s.registry
	id := r.PathValue("id")
	versions, err := reg.UnitVersions(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ok, err := s.canSeeUnit(r.Context(), id, d); err != nil || !ok {
		s.failOrForbid(w, r, err)
		return
	}
	data := unitData{Versions: versions, Unit: versions[len(versions)-1]}
	if u, err := reg.Unit(ctx, id, d); err == nil {
		data.Unit, data.Exists = u, true
	}
	if err := s.fillUnit(ctx, reg, d, &data); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.unitLinks(r, d, &data); err != nil {
		s.fail(w, r, err)
		return
	}
	data.Findings = s.findingsOf(r, d, data.Unit.ID, "")
	s.render(w, r, "unit.html", http.StatusOK, page{Title: data.Unit.Name, Date: d, Data: data})
}

// fillUnit reads what the unit page shows besides the versions.
func (s *Server) fillUnit(ctx context.Context, reg Registry, d tochuc.Date, data *unitData) error {
	id := data.Unit.ID
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
		if tochuc.IsPartyOrg(data.Unit.Kind) {
			if data.Members, err = reg.MemberIDsAsOf(ctx, d, id); err != nil {
				return err
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
	if data.People, err = reg.PersonNames(ctx, people); err != nil {
		return err
	}
	var units []string
	for _, l := range data.Lineage {
		units = append(units, l.FromUnitID, l.ToUnitID)
	}
	data.Units, err = reg.UnitNames(ctx, units, d)
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
