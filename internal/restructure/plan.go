package restructure

import (
	"context"
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Plan reads the registry as it stands on D-1 and D and returns the bundle
// rows that realise the operation, with the list of changes in Vietnamese.
// The rows are meant to be imported as one change set (the import's checks
// run again then). Errors about the operation itself have code
// tochuc.EInvalid and a Vietnamese message.
func Plan(ctx context.Context, r Reader, op Operation) (bundle.Tables, []string, error) {
	p := &planner{r: r, op: op, d: op.Date, event: op.Event(), t: bundle.Tables{},
		vers: map[string][]tochuc.Unit{}, ending: map[string]bool{}, state: map[string]tochuc.Unit{},
		posts: map[string]bool{}, holders: map[string]int{}, before: map[string][]string{}}
	if err := p.run(ctx); err != nil {
		return nil, nil, err
	}
	for _, id := range p.order {
		for _, v := range p.vers[id] {
			p.t.Add("units", unitRow(v))
		}
	}
	return p.t, p.changes, nil
}

// planner holds the state of one plan.
type planner struct {
	r       Reader
	op      Operation
	d       tochuc.Date
	event   string
	t       bundle.Tables
	changes []string
	from    []tochuc.Unit            // the From units as they stand on D (before the operation)
	vers    map[string][]tochuc.Unit // the versions to write, by unit id
	order   []string                 // ids of vers, in the order first touched
	ending  map[string]bool          // units that end on D
	state   map[string]tochuc.Unit   // units after the operation (targets, successors), by id
	posts   map[string]bool          // keys of the assignments written
	holders map[string]int           // posts carried to the successor, by role
	before  map[string][]string      // members on D-1, by party organization
}

func (p *planner) run(ctx context.Context) error {
	op := p.op
	if _, ok := kindLabels[op.Kind]; !ok {
		return errf("loại sắp xếp '%s' không hợp lệ (merge, split, dissolve, establish, rename, move, convert)", op.Kind)
	}
	if op.Date == 0 {
		return errf("thiếu ngày hiệu lực của sắp xếp")
	}
	if op.Kind == Establish {
		if len(op.From) > 0 {
			return errf("thành lập mới không có đơn vị trước sắp xếp")
		}
	} else if len(op.From) == 0 {
		return errf("thiếu đơn vị trước sắp xếp")
	}
	for i, id := range op.From {
		if slices.Contains(op.From[:i], id) {
			return errf("đơn vị '%s' được ghi hai lần", id)
		}
		u, err := p.existing(ctx, id)
		if err != nil {
			return err
		}
		p.from = append(p.from, u)
	}
	if (op.MembersTo != "" && op.Kind != Dissolve && op.Kind != Split) || (len(op.MemberTargets) > 0 && op.Kind != Split) {
		return errf("chỉ định nơi tiếp nhận đảng viên chỉ dùng cho giải thể hoặc chia tách")
	}
	if op.Into != "" && op.Kind != Merge {
		return errf("đơn vị tiếp nhận (--into) chỉ dùng cho sáp nhập")
	}
	p.note("%s, hiệu lực từ ngày %s, mã sự kiện %s", kindLabels[op.Kind], p.d.Vietnamese(), p.event)
	var err error
	switch op.Kind {
	case Merge:
		err = p.merge(ctx)
	case Split:
		err = p.split(ctx)
	case Dissolve:
		err = p.dissolve(ctx)
	case Establish:
		err = p.establish(ctx)
	default:
		err = p.change(ctx)
	}
	return err
}

// existing returns a unit that must exist on D-1 and on D, as it stands on D.
func (p *planner) existing(ctx context.Context, id string) (tochuc.Unit, error) {
	if id == "" {
		return tochuc.Unit{}, errf("thiếu mã đơn vị")
	}
	before := p.d.AddDays(-1)
	if _, err := p.r.Unit(ctx, id, before); err != nil {
		if tochuc.ErrorCode(err) == tochuc.ENotFound {
			return tochuc.Unit{}, errf("đơn vị '%s' không tồn tại vào ngày %s (ngày trước ngày sắp xếp)", id, before.Vietnamese())
		}
		return tochuc.Unit{}, err
	}
	u, err := p.r.Unit(ctx, id, p.d)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return tochuc.Unit{}, errf("đơn vị '%s' đã kết thúc, không còn tồn tại vào ngày %s", id, p.d.Vietnamese())
	}
	return u, err
}

// on returns a unit that must exist on D (a successor or a receiving party
// organization: it may have started on D).
func (p *planner) on(ctx context.Context, id string) (tochuc.Unit, error) {
	u, err := p.r.Unit(ctx, id, p.d)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return u, errf("đơn vị '%s' không tồn tại vào ngày %s", id, p.d.Vietnamese())
	}
	return u, err
}

// note adds a line to the change list.
func (p *planner) note(format string, args ...any) {
	p.changes = append(p.changes, fmt.Sprintf(format, args...))
}

// versions returns the versions of a unit to write, loading the held ones first.
func (p *planner) versions(ctx context.Context, id string) ([]tochuc.Unit, error) {
	if vs, ok := p.vers[id]; ok {
		return vs, nil
	}
	vs, err := p.r.UnitVersions(ctx, id)
	if err != nil {
		return nil, err
	}
	p.vers[id] = vs
	p.order = append(p.order, id)
	return vs, nil
}

// end closes a unit on D: its version valid on D-1 ends on D and the
// versions from D on are dropped (the unit no longer exists then).
func (p *planner) end(ctx context.Context, u tochuc.Unit) error {
	vs, err := p.versions(ctx, u.ID)
	if err != nil {
		return err
	}
	var keep []tochuc.Unit
	for _, v := range vs {
		if v.From >= p.d {
			p.note("Bỏ phiên bản của đơn vị '%s' từ ngày %s (%s) vì đơn vị không còn tồn tại từ ngày %s",
				v.ID, v.From.Vietnamese(), v.Name, p.d.Vietnamese())
			continue
		}
		if v.Contains(p.d.AddDays(-1)) {
			v.To = p.d
		}
		keep = append(keep, v)
	}
	p.vers[u.ID] = keep
	p.ending[u.ID] = true
	p.note("Đơn vị %s kết thúc: không còn tồn tại từ ngày %s", describe(u), p.d.Vietnamese())
	return nil
}

// update gives a unit that continues a version from D with fn applied: the
// version valid on D is split at D, or changed if it starts on D. When fn
// changes nothing, nothing is written.
func (p *planner) update(ctx context.Context, id string, fn func(*tochuc.Unit)) (before, after tochuc.Unit, err error) {
	vs, err := p.versions(ctx, id)
	if err != nil {
		return before, after, err
	}
	i := slices.IndexFunc(vs, func(v tochuc.Unit) bool { return v.Contains(p.d) })
	if i < 0 {
		return before, after, errf("đơn vị '%s' không tồn tại vào ngày %s", id, p.d.Vietnamese())
	}
	before = vs[i]
	after = vs[i]
	fn(&after)
	if after == before {
		return before, after, nil // nothing changes: no new version
	}
	if after.Kind != before.Kind && after.Sector == before.Sector {
		if k, ok := tochuc.LookupUnitKind(after.Kind); ok && k.Sector != tochuc.SectorNone {
			after.Sector = "" // follows from the new kind
		}
	}
	if before.From == p.d {
		vs[i] = after
	} else {
		vs[i].To = p.d
		after.From = p.d
		vs = slices.Insert(vs, i+1, after)
	}
	p.vers[id] = vs
	return before, after, nil
}

// create starts a new unit on D from a target, with the attributes it does
// not give taken from base (a zero Unit for none).
func (p *planner) create(ctx context.Context, t Target, base tochuc.Unit) (tochuc.Unit, error) {
	if t.ID == "" {
		return tochuc.Unit{}, errf("thiếu mã của đơn vị mới")
	}
	if _, ok := p.vers[t.ID]; ok {
		return tochuc.Unit{}, errf("mã đơn vị mới '%s' được ghi hai lần", t.ID)
	}
	if _, err := p.r.UnitVersions(ctx, t.ID); err == nil {
		return tochuc.Unit{}, errf("mã đơn vị mới '%s' đã có trong cơ sở dữ liệu; hãy chọn mã khác", t.ID)
	} else if tochuc.ErrorCode(err) != tochuc.ENotFound {
		return tochuc.Unit{}, err
	}
	u := base
	u.ID, u.Period = t.ID, tochuc.Period{From: p.d}
	u.Name, u.Kind = or(t.Name, base.Name), or(t.Kind, base.Kind)
	u.ParentID, u.LocalityID = or(t.ParentID, base.ParentID), or(t.LocalityID, base.LocalityID)
	if u.Kind != base.Kind {
		u.Sector = ""
	}
	if u.Name == "" || u.Kind == "" {
		return tochuc.Unit{}, errf("đơn vị mới '%s' cần tên và loại", t.ID)
	}
	if _, ok := tochuc.LookupUnitKind(u.Kind); !ok {
		return tochuc.Unit{}, errf("loại đơn vị '%s' không hợp lệ", u.Kind)
	}
	p.vers[u.ID] = []tochuc.Unit{u}
	p.order = append(p.order, u.ID)
	p.state[u.ID] = u
	p.note("Thành lập đơn vị %s, loại %s, từ ngày %s%s", describe(u), u.KindLabel(), p.d.Vietnamese(), under(u))
	return u, nil
}

// checkLinks verifies that the parent, locality and host of the targets
// (new units and units given new attributes) exist on D and do not end then.
func (p *planner) checkLinks(ctx context.Context) error {
	for _, id := range p.order {
		u, ok := p.state[id]
		if !ok {
			continue
		}
		for _, ref := range []string{u.ParentID, u.LocalityID, u.HostID} {
			if ref == "" {
				continue
			}
			if ref == u.ID {
				return errf("đơn vị '%s' không thể trực thuộc chính nó", u.ID)
			}
			if p.ending[ref] {
				return errf("đơn vị '%s' gắn với đơn vị '%s' là đơn vị kết thúc vào ngày %s", u.ID, ref, p.d.Vietnamese())
			}
			if _, planned := p.state[ref]; planned {
				continue
			}
			if _, err := p.r.Unit(ctx, ref, p.d); err != nil {
				if tochuc.ErrorCode(err) == tochuc.ENotFound {
					return errf("đơn vị '%s' gắn với đơn vị '%s' không tồn tại vào ngày %s", u.ID, ref, p.d.Vietnamese())
				}
				return err
			}
		}
	}
	return nil
}

// link records one restructure row from → to.
func (p *planner) link(from, to string) {
	p.t.Add("restructure", map[string]string{"event_id": p.event, "date": p.d.String(), "kind": p.op.Kind,
		"from_unit_id": from, "to_unit_id": to, "document_id": p.op.DocumentID})
}

func unitRow(u tochuc.Unit) map[string]string {
	return map[string]string{"id": u.ID, "name": u.Name, "kind": u.Kind, "parent_id": u.ParentID,
		"locality_id": u.LocalityID, "host_id": u.HostID, "subtype": u.Subtype, "sector": u.Sector,
		"ownership": u.Ownership, "admin_code": u.AdminCode, "valid_from": u.From.String(), "valid_to": u.To.String()}
}

// under describes where a unit sits, for messages.
func under(u tochuc.Unit) string {
	if u.ParentID == "" {
		return ""
	}
	return ", trực thuộc '" + u.ParentID + "'"
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
