package restructure_test

import (
	"context"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

func TestMergeIntoNewUnit(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	op := restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA", "DXB"}, DocumentID: "QD1",
		To: []restructure.Target{{ID: "DXAB", Name: "Đảng bộ xã An Bình"}}}
	changes := apply(t, db, r, op)

	check(t, "members DXA on D-1", members(t, r, before, "DXA"), "P1")
	check(t, "members DXB on D-1", members(t, r, before, "DXB"), "P2,P5")
	check(t, "members DXAB on D", members(t, r, D, "DXAB"), "P1,P2,P5")
	check(t, "members DXA on D", members(t, r, D, "DXA"), "")
	check(t, "posts DXA on D-1", posts(t, r, before, "DXA"), "P1:secretary:2020-10-01-2025-07-01:elected:")
	check(t, "posts DXB on D-1", posts(t, r, before, "DXB"), "P2:secretary:2020-10-01-2025-07-01:elected:")
	check(t, "posts DXAB on D", posts(t, r, D, "DXAB"),
		"P1:secretary:2025-07-01-:assigned:QD1 P2:secretary:2025-07-01-2025-10-01:assigned:QD1")
	if _, err := r.Unit(ctx, "DXA", D); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("DXA still exists on D: %v", err)
	}
	vs, _ := r.UnitVersions(ctx, "DXA")
	if len(vs) != 2 || vs[1].To != D || vs[0].To != tochuc.MustDate("2015-01-01") {
		t.Errorf("DXA versions: %+v", vs)
	}
	n := unitAt(t, r, "DXAB", D)
	check(t, "new unit", n.Kind+" "+n.ParentID+" "+n.LocalityID+" "+n.From.String(), "party_grassroots_committee HU XA 2025-07-01")
	check(t, "CBA parent on D-1", unitAt(t, r, "CBA", before).ParentID, "DXA")
	check(t, "CBA parent on D", unitAt(t, r, "CBA", D).ParentID, "DXAB")
	if !strings.Contains(strings.Join(changes, "\n"), "nhiều người cùng giữ chức vụ Bí thư") {
		t.Error("no warning about two secretaries")
	}
	// Planning again reads the new state: DXA no longer exists on D.
	refused(t, r, op, "đã kết thúc")
}

func TestMergeIntoExistingUnit(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	changes := apply(t, db, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA"}, Into: "DXC"})
	check(t, "members DXC on D-1", members(t, r, before, "DXC"), "P4")
	check(t, "members DXC on D", members(t, r, D, "DXC"), "P1,P4")
	check(t, "posts DXA on D-1", posts(t, r, before, "DXA"), "P1:secretary:2020-10-01-2025-07-01:elected:")
	check(t, "posts DXC on D", posts(t, r, D, "DXC"), "")
	check(t, "CBA parent on D", unitAt(t, r, "CBA", D).ParentID, "DXC")
	if !strings.Contains(strings.Join(changes, "\n"), "do quyết định riêng") {
		t.Error("the change list does not say the leadership is decided separately")
	}
	vs, _ := r.UnitVersions(ctx, "DXC")
	if len(vs) != 1 || vs[0].To != 0 {
		t.Errorf("DXC changed: %+v", vs)
	}
}

func TestMergeCommunes(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"XA", "XB"},
		To: []restructure.Target{{ID: "XAB", Name: "Xã An Bình"}}})
	check(t, "village parent on D", unitAt(t, r, "VA", D).ParentID, "XAB")
	check(t, "UBND locality on D", unitAt(t, r, "UBA", D).LocalityID, "XAB")
	check(t, "UBND locality on D-1", unitAt(t, r, "UBA", before).LocalityID, "XA")
	check(t, "party committee locality on D", unitAt(t, r, "DXB", D).LocalityID, "XAB")
	// The party committees merge on the same day: their versions from D are dropped.
	apply(t, db, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA", "DXB"},
		To: []restructure.Target{{ID: "DXAB", Name: "Đảng bộ xã An Bình", LocalityID: "XAB"}}})
	vs, _ := r.UnitVersions(ctx, "DXB")
	if len(vs) != 1 || vs[0].To != D || vs[0].LocalityID != "XB" {
		t.Errorf("DXB versions: %+v", vs)
	}
	check(t, "members DXAB", members(t, r, D, "DXAB"), "P1,P2,P5")
}

func TestRenameSameID(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "rename", Date: D, From: []string{"DXC"},
		To: []restructure.Target{{Name: "Đảng bộ xã Cường Thịnh"}}})
	vs, err := r.UnitVersions(ctx, "DXC")
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions: %+v %v", vs, err)
	}
	check(t, "old version", vs[0].Name+" "+vs[0].To.String(), "Đảng bộ xã Cường 2025-07-01")
	check(t, "new version", vs[1].Name+" "+vs[1].From.String()+" "+vs[1].To.String(), "Đảng bộ xã Cường Thịnh 2025-07-01 ")
	check(t, "members kept", members(t, r, D, "DXC"), "P4")
}

func TestRenameNewID(t *testing.T) {
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "rename", Date: D, From: []string{"DXA"},
		To: []restructure.Target{{ID: "DXA2", Name: "Đảng bộ xã An Hòa"}}})
	check(t, "members", members(t, r, D, "DXA2"), "P1")
	check(t, "posts", posts(t, r, D, "DXA2"), "P1:secretary:2025-07-01-:assigned:")
	check(t, "CBA parent", unitAt(t, r, "CBA", D).ParentID, "DXA2")
}

func TestMove(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "move", Date: D, From: []string{"CBA"},
		To: []restructure.Target{{ParentID: "DXB"}}})
	check(t, "parent on D-1", unitAt(t, r, "CBA", before).ParentID, "DXA")
	check(t, "parent on D", unitAt(t, r, "CBA", D).ParentID, "DXB")
	if vs, _ := r.UnitVersions(ctx, "CBA"); len(vs) != 2 {
		t.Errorf("versions: %+v", vs)
	}
	check(t, "members", members(t, r, D, "CBA"), "P3")
	refused(t, r, restructure.Operation{Kind: "move", Date: D, From: []string{"DXB"},
		To: []restructure.Target{{ParentID: "CBA"}}}, "cấp dưới")
}

func TestConvert(t *testing.T) {
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "convert", Date: D, From: []string{"CBA"},
		To: []restructure.Target{{Kind: "party_grassroots_cell"}}})
	check(t, "kind on D-1", unitAt(t, r, "CBA", before).Kind, "party_cell")
	check(t, "kind on D", unitAt(t, r, "CBA", D).Kind, "party_grassroots_cell")
	refused(t, r, restructure.Operation{Kind: "convert", Date: D, From: []string{"DXC"},
		To: []restructure.Target{{Kind: "people_committee"}}}, "đảng viên")
}

func TestDissolve(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	// No members, no posts, nothing under it.
	apply(t, db, r, restructure.Operation{Kind: "dissolve", Date: D, From: []string{"UBB"}})
	if _, err := r.Unit(ctx, "UBB", D); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("UBB still exists: %v", err)
	}
	// Members need somewhere to go.
	op := restructure.Operation{Kind: "dissolve", Date: D, From: []string{"DXC"}}
	refused(t, r, op, "còn 1 đảng viên (P4)")
	op.MembersTo = "UBA"
	refused(t, r, op, "không phải là tổ chức đảng")
	op.MembersTo = "DXB"
	apply(t, db, r, op)
	check(t, "members DXB on D", members(t, r, D, "DXB"), "P2,P4,P5")
	// A unit with a party cell under it cannot be dissolved alone…
	refused(t, r, restructure.Operation{Kind: "dissolve", Date: D, From: []string{"DXA"}, MembersTo: "DXB"}, "'CBA'")
	// …but it can be with it.
	apply(t, db, r, restructure.Operation{Kind: "dissolve", Date: D, From: []string{"DXA", "CBA"}, MembersTo: "DXB"})
	check(t, "members DXB after", members(t, r, D, "DXB"), "P1,P2,P3,P4,P5")
	check(t, "posts DXA on D-1", posts(t, r, before, "DXA"), "P1:secretary:2020-10-01-2025-07-01:elected:")
}

func TestSplit(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "split", Date: D, From: []string{"DXB"},
		To:            []restructure.Target{{ID: "DXB1", Name: "Đảng bộ xã Bình Đông"}, {ID: "DXB2", Name: "Đảng bộ xã Bình Tây"}},
		MemberTargets: map[string]string{"P5": "DXB2"}})
	check(t, "members DXB1", members(t, r, D, "DXB1"), "P2")
	check(t, "members DXB2", members(t, r, D, "DXB2"), "P5")
	check(t, "posts DXB on D-1", posts(t, r, before, "DXB"), "P2:secretary:2020-10-01-2025-07-01:elected:")
	check(t, "posts DXB1", posts(t, r, D, "DXB1"), "")
	// The old unit may continue as one of the targets.
	apply(t, db, r, restructure.Operation{Kind: "split", Date: D, From: []string{"DXC"},
		To: []restructure.Target{{ID: "DXC"}, {ID: "DXC2", Name: "Đảng bộ xã Cường Nam"}}, MembersTo: "DXC2"})
	check(t, "members DXC", members(t, r, D, "DXC"), "")
	check(t, "members DXC2", members(t, r, D, "DXC2"), "P4")
	if vs, err := r.UnitVersions(ctx, "DXC"); err != nil || len(vs) != 1 || vs[0].To != 0 {
		t.Errorf("DXC changed: %+v %v", vs, err)
	}
	// A unit with units under it cannot be split (they would have no parent).
	refused(t, r, restructure.Operation{Kind: "split", Date: D, From: []string{"DXA"},
		To: []restructure.Target{{ID: "N1"}, {ID: "N2"}}}, "'CBA'")
}

func TestEstablish(t *testing.T) {
	db, r := setup(t)
	apply(t, db, r, restructure.Operation{Kind: "establish", Date: D,
		To: []restructure.Target{{ID: "CBN", Name: "Chi bộ Công ty A", Kind: "party_cell", ParentID: "DXC"}}})
	check(t, "new unit parent", unitAt(t, r, "CBN", D).ParentID, "DXC")
	// A unit established on D can absorb others on D.
	apply(t, db, r, restructure.Operation{Kind: "establish", Date: D,
		To: []restructure.Target{{ID: "DXN", Name: "Đảng bộ xã Mới", Kind: "party_grassroots_committee", ParentID: "HU"}}})
	apply(t, db, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA", "DXB"}, Into: "DXN"})
	check(t, "members DXN", members(t, r, D, "DXN"), "P1,P2,P5")
}

func TestDryRunLeavesDatabase(t *testing.T) {
	ctx := context.Background()
	db, r := setup(t)
	tables, _, err := restructure.Plan(ctx, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA", "DXB"},
		To: []restructure.Target{{ID: "DXAB", Name: "Đảng bộ xã An Bình"}}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Begin(ctx, "tester", "dry run", sqldb.Trusted)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := bundle.Import(ctx, tables, c, bundle.Options{})
	c.Rollback()
	if err != nil || !rep.OK() {
		t.Fatalf("dry run: %v %+v", err, rep)
	}
	if _, err := r.UnitVersions(ctx, "DXAB"); tochuc.ErrorCode(err) != tochuc.ENotFound {
		t.Errorf("DXAB was written: %v", err)
	}
	check(t, "members DXA on D", members(t, r, D, "DXA"), "P1")
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM changesets").Scan(&n); err != nil || n != 1 {
		t.Errorf("change sets: %d %v", n, err)
	}
}

func TestInvalidOperations(t *testing.T) {
	_, r := setup(t)
	merge := func(from []string, into string) restructure.Operation {
		return restructure.Operation{Kind: "merge", Date: D, From: from, Into: into}
	}
	refused(t, r, merge([]string{"NOPE", "DXA"}, "DXC"), "đơn vị 'NOPE' không tồn tại vào ngày 30/06/2025")
	refused(t, r, merge([]string{"DXA"}, "DXA"), "vào chính nó")
	refused(t, r, merge([]string{"DXA", "DXA"}, "DXC"), "hai lần")
	refused(t, r, merge([]string{"XA"}, "DXC"), "không thể sáp nhập")
	refused(t, r, merge([]string{"DXA"}, ""), "cần đúng một đơn vị tiếp nhận")
	refused(t, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA", "DXB"},
		To: []restructure.Target{{ID: "DXC"}}}, "đã có trong cơ sở dữ liệu")
	refused(t, r, restructure.Operation{Kind: "fuse", Date: D, From: []string{"DXA"}}, "không hợp lệ")
	refused(t, r, restructure.Operation{Kind: "rename", Date: D, From: []string{"DXA"},
		To: []restructure.Target{{Name: "Đảng bộ xã An"}}}, "trùng tên")
	refused(t, r, restructure.Operation{Kind: "establish", Date: D,
		To: []restructure.Target{{ID: "N", Name: "Chi bộ", Kind: "party_cell", ParentID: "NOPE"}}}, "'NOPE' không tồn tại")
}

func TestMemberJoiningOnTheDay(t *testing.T) {
	db, r := setup(t)
	sqldbtest.MustImport(t, db, bundle.Tables{
		"people": {{"id", "full_name"}, {"P7", "Đỗ Văn Giang"}},
		"party":  {{"person_id", "event", "date", "unit_id"}, {"P7", "admitted", D.String(), "DXA"}},
	})
	refused(t, r, restructure.Operation{Kind: "merge", Date: D, From: []string{"DXA"}, Into: "DXC"}, "'P7' vào sinh hoạt tại 'DXA' đúng ngày")
}
