package web

import (
	"context"
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// singleHolderRoles are the posts a unit has one holder of at a time: a
// second holder is legal to record (a handover) but most often a mistake.
var singleHolderRoles = []string{"secretary", "chair", "director", "head", "village_head"}

// editWarnings returns what a form's edit makes legal but suspicious, to
// show before saving with "Vẫn ghi": a second holder of a single-holder
// post, a birth date after today, a post taken up before 18.
func (s *Server) editWarnings(ctx context.Context, f *bundle.File, req editRequest) ([]string, error) {
	v := req.Values
	var out []string
	switch f.Name {
	case "people":
		if b, err := tochuc.ParseDateLoose(v["birth_date"]); err == nil && b > tochuc.Today() {
			out = append(out, fmt.Sprintf("Ngày sinh %s ở sau hôm nay.", b.Vietnamese()))
		}
	case "assignments":
		from, err := tochuc.ParseDateLoose(v["valid_from"])
		if err != nil || from == 0 {
			return nil, nil // the validation says what is wrong
		}
		on := from
		if req.Mode == modeChange && req.Effective > on {
			on = req.Effective
		}
		if v["person_id"] != "" {
			pf, err := s.registry.PersonFile(ctx, v["person_id"])
			if err != nil && tochuc.ErrorCode(err) != tochuc.ENotFound {
				return nil, err
			}
			if err == nil && pf.BirthDate != 0 && from < tochuc.DateOf(pf.BirthDate.Time().AddDate(18, 0, 0)) {
				out = append(out, fmt.Sprintf("%s (sinh %s) nhận chức vụ ngày %s khi chưa đủ 18 tuổi.",
					pf.FullName, pf.BirthDate.Vietnamese(), from.Vietnamese()))
			}
		}
		w, err := s.secondHolder(ctx, v, req.Original, on)
		if err != nil {
			return nil, err
		}
		out = append(out, w...)
	}
	return out, nil
}

// secondHolder warns when someone else holds the single-holder post of the
// assignment on the date in its unit (the record edited, by its original
// key, is not someone else) (in the user's scope: a unit outside
// it is refused by the write anyway, and its holders are not shown).
func (s *Server) secondHolder(ctx context.Context, v, original map[string]string, on tochuc.Date) ([]string, error) {
	role, unit := v["role"], v["unit_id"]
	if !slices.Contains(singleHolderRoles, role) || unit == "" {
		return nil, nil
	}
	if ok, err := s.canSeeUnit(ctx, unit, on); err != nil || !ok {
		return nil, err
	}
	held, err := s.registry.AssignmentsAsOf(ctx, on, unit)
	if err != nil {
		return nil, err
	}
	var others []string
	for _, a := range held {
		edited := a.PersonID == original["person_id"] && a.UnitID == original["unit_id"] && a.Role == original["role"] &&
			a.From.String() == original["valid_from"]
		if a.Role == role && a.PersonID != v["person_id"] && !edited {
			others = append(others, a.PersonID)
		}
	}
	if len(others) == 0 {
		return nil, nil
	}
	names, err := s.registry.PersonNames(ctx, others)
	if err != nil {
		return nil, err
	}
	units, err := s.registry.UnitNames(ctx, []string{unit}, on)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range others {
		out = append(out, fmt.Sprintf("Ngày %s, %s đã có %s là %s (mã %s): một đơn vị thường chỉ có một %s.",
			on.Vietnamese(), units[unit], tochuc.RoleLabel(role), names[id], id, tochuc.RoleLabel(role)))
	}
	return out, nil
}
