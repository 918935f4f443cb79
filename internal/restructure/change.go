package restructure

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// change renames, moves or converts one unit. With the same id the unit gets
// a new version from D and keeps its history; with a new id the old unit ends
// and a new one starts, taking over its members, posts and dependent units.
func (p *planner) change(ctx context.Context) error {
	op := p.op
	label := kindLabels[op.Kind]
	if len(p.from) != 1 || len(op.To) != 1 {
		return errf("%s áp dụng cho đúng một đơn vị và một đơn vị sau sắp xếp", label)
	}
	old, t := p.from[0], op.To[0]
	sameID := t.ID == "" || t.ID == old.ID
	if err := p.checkChange(ctx, old, t, sameID); err != nil {
		return err
	}
	if sameID {
		before, after, err := p.update(ctx, old.ID, apply(t))
		if err != nil {
			return err
		}
		p.state[old.ID] = after
		p.note("Đơn vị %s: phiên bản mới từ ngày %s: %s (các phiên bản trước được giữ nguyên)", describe(old), p.d.Vietnamese(), diff(before, after))
		p.link(old.ID, old.ID)
		return p.checkLinks(ctx)
	}
	succ, err := p.create(ctx, t, old) // the same unit under a new id: it keeps its admin code
	if err != nil {
		return err
	}
	p.note("Đơn vị %s thay thế %s: %s", describe(succ), describe(old), diff(old, succ))
	if err := p.retire(ctx, old, succ.ID, true); err != nil {
		return err
	}
	p.link(old.ID, succ.ID)
	return p.checkLinks(ctx)
}

// checkChange validates the new attributes of a rename, move or conversion.
func (p *planner) checkChange(ctx context.Context, old tochuc.Unit, t Target, sameID bool) error {
	switch p.op.Kind {
	case Rename:
		if t.Name == "" {
			return errf("đổi tên cần tên mới")
		}
		if t.Name == old.Name && sameID {
			return errf("tên mới trùng tên hiện tại của đơn vị '%s'", old.ID)
		}
	case Move:
		if t.ParentID == "" {
			return errf("chuyển trực thuộc cần đơn vị cấp trên mới")
		}
		if t.ParentID == old.ParentID && sameID {
			return errf("đơn vị '%s' đã trực thuộc '%s'", old.ID, t.ParentID)
		}
		if err := p.checkCycle(ctx, old.ID, t.ParentID); err != nil {
			return err
		}
	case Convert:
		if t.Kind == "" {
			return errf("chuyển loại hình cần loại đơn vị mới")
		}
		if _, ok := tochuc.LookupUnitKind(t.Kind); !ok {
			return errf("loại đơn vị '%s' không hợp lệ", t.Kind)
		}
		if t.Kind == old.Kind && sameID {
			return errf("đơn vị '%s' đã là loại %s", old.ID, t.Kind)
		}
	}
	if t.Kind == "" || tochuc.IsPartyOrg(t.Kind) || !tochuc.IsPartyOrg(old.Kind) {
		return nil
	}
	// A party organization that becomes another kind of unit cannot keep members or party posts.
	members, err := p.r.MemberIDsAsOf(ctx, p.d, old.ID)
	if err != nil {
		return err
	}
	if len(members) > 0 {
		return errf("tổ chức đảng %s còn %d đảng viên; không thể chuyển thành loại %s", describe(old), len(members), t.Kind)
	}
	as, err := p.r.AssignmentsAsOf(ctx, p.d, old.ID)
	if err != nil {
		return err
	}
	for _, a := range as {
		if slices.Contains(tochuc.PartyRoles, a.Role) {
			return errf("'%s' giữ chức vụ %s tại %s; không thể chuyển thành loại %s", a.PersonID, tochuc.RoleLabel(a.Role), describe(old), t.Kind)
		}
	}
	return nil
}

// checkCycle refuses to put a unit under one of its own descendants.
func (p *planner) checkCycle(ctx context.Context, id, parent string) error {
	for cur, n := parent, 0; cur != "" && n < 100; n++ {
		if cur == id {
			return errf("không thể chuyển '%s' vào trực thuộc '%s' vì '%s' là đơn vị cấp dưới của nó", id, parent, parent)
		}
		u, err := p.r.Unit(ctx, cur, p.d)
		if err != nil {
			return nil // a missing parent is reported by checkLinks
		}
		cur = u.ParentID
	}
	return nil
}
