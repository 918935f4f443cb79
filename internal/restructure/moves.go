package restructure

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// singleRoles are the posts one person holds in a unit at a time.
var singleRoles = []string{"secretary", "chair", "director", "head", "village_head"}

// retire ends a unit on D and moves what depends on it to the successor:
// its party members, the units under it and, when carryPosts is set, the
// holders of its posts (who get the same role in the successor from D). With
// no successor the unit must have no members or dependent units. Posts of the
// unit end on D in every case.
func (p *planner) retire(ctx context.Context, u tochuc.Unit, succ string, carryPosts bool) error {
	if err := p.end(ctx, u); err != nil {
		return err
	}
	to := ""
	if carryPosts {
		to = succ
	}
	if err := p.endPosts(ctx, u, to); err != nil {
		return err
	}
	if tochuc.IsPartyOrg(u.Kind) {
		target := func(string) string { return succ }
		if succ == "" {
			target = func(string) string { return p.op.MembersTo }
		}
		if err := p.moveMembers(ctx, u, target); err != nil {
			return err
		}
	}
	return p.moveDependents(ctx, u, succ)
}

// endPosts ends on D the posts held in u on D; with a successor, their
// holders take the same role there from D until the post's planned end.
func (p *planner) endPosts(ctx context.Context, u tochuc.Unit, succ string) error {
	as, err := p.r.AssignmentsAsOf(ctx, p.d, u.ID)
	if err != nil {
		return err
	}
	for _, a := range as {
		role := tochuc.RoleLabel(a.Role)
		if a.From >= p.d {
			return errf("chức vụ %s của '%s' tại '%s' bắt đầu từ ngày %s, không trước ngày sắp xếp; hãy sửa chức vụ này trước",
				role, a.PersonID, u.ID, a.From.Vietnamese())
		}
		end := a
		end.To = p.d
		p.t.Add("assignments", assignmentRow(end))
		p.note("Chức vụ %s của '%s' tại '%s' kết thúc ngày %s", role, a.PersonID, u.ID, p.d.Vietnamese())
		if succ == "" {
			continue
		}
		key := a.PersonID + "\x00" + succ + "\x00" + a.Role
		if p.posts[key] {
			continue // the same post held in two merged units
		}
		p.posts[key] = true
		p.t.Add("assignments", assignmentRow(tochuc.Assignment{PersonID: a.PersonID, UnitID: succ, Role: a.Role,
			How: "assigned", DocumentID: p.op.DocumentID, Period: tochuc.Period{From: p.d, To: a.To}}))
		p.note("'%s' giữ chức vụ %s tại '%s' từ ngày %s (phân công theo sắp xếp)", a.PersonID, role, succ, p.d.Vietnamese())
		p.holders[a.Role]++
		if p.holders[a.Role] == 2 && slices.Contains(singleRoles, a.Role) {
			p.note("Lưu ý: nhiều người cùng giữ chức vụ %s tại '%s' từ ngày %s; hãy kiện toàn theo quyết định",
				role, succ, p.d.Vietnamese())
		}
	}
	return nil
}

// moveMembers records a transfer on D of each member registered in u on D
// to the party organization target returns ("" or u itself: the member stays).
func (p *planner) moveMembers(ctx context.Context, u tochuc.Unit, target func(person string) string) error {
	ids, err := p.r.MemberIDsAsOf(ctx, p.d, u.ID)
	if err != nil {
		return err
	}
	for person := range p.op.MemberTargets {
		if !slices.Contains(ids, person) {
			return errf("'%s' không phải là đảng viên sinh hoạt tại '%s' vào ngày %s", person, u.ID, p.d.Vietnamese())
		}
	}
	for _, person := range ids {
		to := target(person)
		if to == u.ID || (to == "" && !p.ending[u.ID]) {
			continue
		}
		if to == "" {
			return errf("tổ chức đảng %s còn %d đảng viên (%s); hãy chỉ định tổ chức đảng tiếp nhận (--members-to)",
				describe(u), len(ids), strings.Join(ids, ", "))
		}
		if err := p.partyOrg(ctx, to); err != nil {
			return err
		}
		if err := p.checkSameDay(ctx, u, person); err != nil {
			return err
		}
		p.t.Add("party", map[string]string{"person_id": person, "event": tochuc.EventTransferred, "date": p.d.String(),
			"unit_id": to, "document_id": p.op.DocumentID})
		p.note("Đảng viên '%s' chuyển sinh hoạt từ '%s' sang '%s' ngày %s", person, u.ID, to, p.d.Vietnamese())
	}
	return nil
}

// checkSameDay refuses to move a member who joined u on D itself (admitted
// or transferred in that day): a transfer on the same date could not be
// ordered after that event.
func (p *planner) checkSameDay(ctx context.Context, u tochuc.Unit, person string) error {
	prev, ok := p.before[u.ID]
	if !ok {
		var err error
		if prev, err = p.r.MemberIDsAsOf(ctx, p.d.AddDays(-1), u.ID); err != nil {
			return err
		}
		p.before[u.ID] = prev
	}
	if !slices.Contains(prev, person) {
		return errf("đảng viên '%s' vào sinh hoạt tại '%s' đúng ngày %s; hãy ghi sự kiện đó vào tổ chức đảng sau sắp xếp trước",
			person, u.ID, p.d.Vietnamese())
	}
	return nil
}

// partyOrg checks that a unit can take in members on D.
func (p *planner) partyOrg(ctx context.Context, id string) error {
	u, ok := p.state[id]
	if !ok {
		if p.ending[id] {
			return errf("tổ chức đảng tiếp nhận '%s' kết thúc vào ngày %s", id, p.d.Vietnamese())
		}
		var err error
		if u, err = p.on(ctx, id); err != nil {
			return err
		}
		p.state[id] = u
	}
	if !tochuc.IsPartyOrg(u.Kind) {
		return errf("đơn vị %s không phải là tổ chức đảng (loại %s), không tiếp nhận đảng viên", describe(u), u.KindLabel())
	}
	return nil
}

// moveDependents points the units under u (by parent, locality or host) to
// the successor from D; with no successor it refuses, naming them.
func (p *planner) moveDependents(ctx context.Context, u tochuc.Unit, succ string) error {
	deps, err := p.dependents(ctx, u.ID)
	if err != nil {
		return err
	}
	var left []string
	for _, dep := range deps {
		switch {
		case slices.Contains(p.op.From, dep.ID):
			continue // ends too
		case succ == "":
			left = append(left, describe(dep))
			continue
		case dep.ID == succ:
			return errf("đơn vị tiếp nhận %s đang trực thuộc hoặc gắn với đơn vị kết thúc '%s'; hãy chuyển nó trước", describe(dep), u.ID)
		}
		var what []string
		_, _, err := p.update(ctx, dep.ID, func(v *tochuc.Unit) {
			if v.ParentID == u.ID {
				v.ParentID = succ
				what = append(what, "trực thuộc")
			}
			if v.LocalityID == u.ID {
				v.LocalityID = succ
				what = append(what, "địa bàn")
			}
			if v.HostID == u.ID {
				v.HostID = succ
				what = append(what, "nơi đặt tổ chức đảng")
			}
		})
		if err != nil {
			return err
		}
		p.note("Đơn vị %s: %s chuyển từ '%s' sang '%s' từ ngày %s", describe(dep), strings.Join(what, ", "), u.ID, succ, p.d.Vietnamese())
	}
	if len(left) > 0 {
		return errf("đơn vị %s còn các đơn vị trực thuộc hoặc gắn với nó vào ngày %s: %s; hãy chuyển hoặc giải thể các đơn vị này trước (hoặc giải thể cùng lúc)",
			describe(u), p.d.Vietnamese(), strings.Join(left, ", "))
	}
	return nil
}

// dependents returns the units existing on D whose parent, locality or host is id.
func (p *planner) dependents(ctx context.Context, id string) ([]tochuc.Unit, error) {
	var out []tochuc.Unit
	for _, f := range []tochuc.UnitFilter{{ParentID: id}, {LocalityID: id}, {HostID: id}} {
		us, err := p.r.UnitsAsOf(ctx, p.d, f)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if !slices.ContainsFunc(out, func(v tochuc.Unit) bool { return v.ID == u.ID }) {
				out = append(out, u)
			}
		}
	}
	return out, nil
}

func assignmentRow(a tochuc.Assignment) map[string]string {
	return map[string]string{"person_id": a.PersonID, "unit_id": a.UnitID, "role": a.Role,
		"valid_from": a.From.String(), "valid_to": a.To.String(), "how": a.How, "document_id": a.DocumentID}
}

// diff describes what changed between two versions of a unit.
func diff(a, b tochuc.Unit) string {
	var out []string
	add := func(label, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("%s '%s' → '%s'", label, x, y))
		}
	}
	add("mã", a.ID, b.ID)
	add("tên", a.Name, b.Name)
	add("loại", tochuc.Label("unit_kind", a.Kind), tochuc.Label("unit_kind", b.Kind))
	add("trực thuộc", a.ParentID, b.ParentID)
	add("địa bàn", a.LocalityID, b.LocalityID)
	return strings.Join(out, "; ")
}
