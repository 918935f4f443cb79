package restructure

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// merge ends the From units on D and moves their members and dependent units
// into the successor: an existing unit (Into), whose leadership is decided
// separately, or a new unit, whose posts go to the holders of the merged ones.
func (p *planner) merge(ctx context.Context) error {
	op := p.op
	var succ tochuc.Unit
	var err error
	switch {
	case op.Into != "" && len(op.To) > 0:
		return errf("sáp nhập: chỉ chọn một trong hai, đơn vị tiếp nhận có sẵn (--into) hoặc đơn vị mới (--new-id)")
	case op.Into != "":
		if slices.Contains(op.From, op.Into) {
			return errf("không thể sáp nhập đơn vị '%s' vào chính nó", op.Into)
		}
		if succ, err = p.on(ctx, op.Into); err != nil {
			return err
		}
		p.state[succ.ID] = succ
	case len(op.To) == 1:
		if len(op.From) < 2 {
			return errf("sáp nhập vào đơn vị mới cần ít nhất hai đơn vị; để đổi mã một đơn vị hãy dùng đổi tên (rename)")
		}
		base := p.from[0]
		base.AdminCode = ""
		if succ, err = p.create(ctx, op.To[0], base); err != nil {
			return err
		}
	default:
		return errf("sáp nhập cần đúng một đơn vị tiếp nhận: đơn vị có sẵn (--into) hoặc đơn vị mới (--new-id)")
	}
	for _, u := range p.from {
		if group(u.Kind) != group(succ.Kind) {
			return errf("không thể sáp nhập %s (loại %s) vào %s (loại %s)", describe(u), u.KindLabel(), describe(succ), succ.KindLabel())
		}
	}
	for _, u := range p.from {
		if err := p.retire(ctx, u, succ.ID, op.Into == ""); err != nil {
			return err
		}
		p.link(u.ID, succ.ID)
	}
	if op.Into != "" {
		p.note("Chức vụ tại các đơn vị bị sáp nhập kết thúc ngày %s; lãnh đạo của %s sau sáp nhập do quyết định riêng",
			p.d.Vietnamese(), describe(succ))
	}
	return p.checkLinks(ctx)
}

// split divides one unit into two or more targets. The old unit ends, unless
// it is one of the targets. Members go to MemberTargets, then MembersTo,
// then (when the old unit ends) the first new target. The posts of an ending
// unit end; the new units' leadership is decided separately.
func (p *planner) split(ctx context.Context) error {
	op := p.op
	if len(p.from) != 1 {
		return errf("chia tách chỉ áp dụng cho đúng một đơn vị")
	}
	old := p.from[0]
	if len(op.To) < 2 {
		return errf("chia tách cần ít nhất hai đơn vị sau sắp xếp")
	}
	continues, first := false, ""
	var ids []string
	for _, t := range op.To {
		ids = append(ids, t.ID)
		if t.ID == old.ID {
			continues = true
			before, after, err := p.update(ctx, old.ID, apply(t))
			if err != nil {
				return err
			}
			p.state[old.ID] = after
			if d := diff(before, after); d != "" {
				p.note("Đơn vị %s tiếp tục tồn tại; phiên bản mới từ ngày %s: %s", describe(old), p.d.Vietnamese(), d)
			} else {
				p.note("Đơn vị %s tiếp tục tồn tại", describe(old))
			}
			continue
		}
		base := old
		base.AdminCode = ""
		u, err := p.create(ctx, t, base)
		if err != nil {
			return err
		}
		if group(u.Kind) != group(old.Kind) {
			return errf("không thể chia tách %s (loại %s) thành %s (loại %s)", describe(old), old.KindLabel(), describe(u), u.KindLabel())
		}
		if first == "" {
			first = u.ID
		}
	}
	if first == "" {
		return errf("chia tách cần ít nhất một đơn vị mới")
	}
	for _, to := range append(mapValues(op.MemberTargets), op.MembersTo) {
		if to != "" && !slices.Contains(ids, to) {
			return errf("nơi tiếp nhận đảng viên '%s' không phải là một đơn vị sau chia tách (%v)", to, ids)
		}
	}
	target := func(person string) string {
		if to, ok := op.MemberTargets[person]; ok {
			return to
		}
		if op.MembersTo != "" || continues {
			return op.MembersTo
		}
		return first
	}
	if continues {
		if tochuc.IsPartyOrg(old.Kind) {
			if err := p.moveMembers(ctx, old, target); err != nil {
				return err
			}
		}
	} else {
		if err := p.end(ctx, old); err != nil {
			return err
		}
		if err := p.endPosts(ctx, old, ""); err != nil {
			return err
		}
		if tochuc.IsPartyOrg(old.Kind) {
			if err := p.moveMembers(ctx, old, target); err != nil {
				return err
			}
		}
		if err := p.moveDependents(ctx, old, ""); err != nil {
			return err
		}
		p.note("Lãnh đạo của các đơn vị mới do quyết định riêng")
	}
	for _, id := range ids {
		p.link(old.ID, id)
	}
	return p.checkLinks(ctx)
}

// dissolve ends the From units. Members of a dissolved party organization
// go to MembersTo; units under a dissolved unit must be handled first.
func (p *planner) dissolve(ctx context.Context) error {
	if len(p.op.To) > 0 {
		return errf("giải thể không có đơn vị sau sắp xếp")
	}
	if to := p.op.MembersTo; to != "" {
		if slices.Contains(p.op.From, to) {
			return errf("tổ chức đảng tiếp nhận '%s' cũng bị giải thể", to)
		}
		if err := p.partyOrg(ctx, to); err != nil {
			return err
		}
	}
	for _, u := range p.from {
		if err := p.retire(ctx, u, "", false); err != nil {
			return err
		}
		p.link(u.ID, "")
	}
	return nil
}

// establish starts new units on D.
func (p *planner) establish(ctx context.Context) error {
	if len(p.op.To) == 0 {
		return errf("thành lập mới cần ít nhất một đơn vị mới")
	}
	for _, t := range p.op.To {
		if _, err := p.create(ctx, t, tochuc.Unit{}); err != nil {
			return err
		}
		p.link("", t.ID)
	}
	return p.checkLinks(ctx)
}

// apply returns the change of a unit's attributes that a target gives.
func apply(t Target) func(*tochuc.Unit) {
	return func(u *tochuc.Unit) {
		u.Name, u.Kind = or(t.Name, u.Name), or(t.Kind, u.Kind)
		u.ParentID, u.LocalityID = or(t.ParentID, u.ParentID), or(t.LocalityID, u.LocalityID)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
