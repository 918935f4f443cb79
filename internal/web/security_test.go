package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
	"github.com/tochuc/tochuc/internal/web"
)

// The security fixture: province T with districts A (the scoped accounts'
// scope) and B. Every unit of A has a twin in B (twin maps one to the other).
// Commune M belongs to A until 2025-07-01 and to B from then on, with its
// party committee DM: rows about them straddle the scope in time. PT was
// chairman of A's commune committee UA in 2005–2010 and is the provincial
// secretary since 2015.
func securityBundle() bundle.Tables {
	b := bundle.Tables{}
	u := func(vals ...string) {
		m := map[string]string{"valid_from": "2000-01-01"}
		for i := 0; i < len(vals); i += 2 {
			m[vals[i]] = vals[i+1]
		}
		b.Add("units", m)
	}
	u("id", "T", "name", "Tỉnh Thử", "kind", "province")
	u("id", "TU", "name", "Tỉnh ủy Thử", "kind", "party_provincial", "locality_id", "T")
	for _, s := range []string{"A", "B"} {
		u("id", s, "name", "Huyện "+s, "kind", "district", "parent_id", "T")
		u("id", "H"+s, "name", "Huyện ủy "+s, "kind", "party_upper", "locality_id", s, "parent_id", "TU")
		u("id", "X"+s, "name", "Xã "+s, "kind", "commune", "parent_id", s)
		u("id", "D"+s, "name", "Đảng ủy xã "+s, "kind", "party_grassroots_committee", "locality_id", "X"+s, "parent_id", "H"+s)
		u("id", "U"+s, "name", "UBND xã "+s, "kind", "people_committee", "locality_id", "X"+s)
		u("id", "E"+s, "name", "Công ty "+s, "kind", "enterprise", "locality_id", "X"+s, "ownership", "non_state")
		u("id", "C"+s, "name", "Chi bộ công ty "+s, "kind", "party_cell", "parent_id", "D"+s, "host_id", "E"+s, "locality_id", "X"+s)
		u("id", "R"+s, "name", "HĐND xã "+s, "kind", "people_council", "locality_id", "X"+s, "valid_to", "2020-01-01")
		u("id", "R"+s, "name", "HĐND xã "+s+" (mới)", "kind", "people_council", "locality_id", "X"+s, "valid_from", "2020-01-01")
	}
	u("id", "M", "name", "Xã M", "kind", "commune", "parent_id", "A", "valid_to", "2025-07-01")
	u("id", "M", "name", "Xã M", "kind", "commune", "parent_id", "B", "valid_from", "2025-07-01")
	u("id", "DM", "name", "Đảng ủy xã M", "kind", "party_grassroots_committee", "locality_id", "M")
	p := func(id, name string) {
		b.Add("people", map[string]string{"id": id, "full_name": name, "gender": "male", "birth_date": "1975-01-01"})
	}
	p("PA", "Nguyễn Văn An")
	p("PB", "Trần Văn Bình")
	p("PM", "Lê Văn Minh")
	p("PT", "Phạm Văn Tâm")
	for _, s := range []string{"A", "B"} {
		b.Add("party", map[string]string{"person_id": "P" + s, "event": "admitted", "date": "2005-01-01", "unit_id": "D" + s})
		b.Add("party", map[string]string{"person_id": "P" + s, "event": "recognized", "date": "2006-01-01"})
		b.Add("assignments", map[string]string{"person_id": "P" + s, "unit_id": "D" + s, "role": "secretary", "valid_from": "2015-01-01"})
		b.Add("documents", map[string]string{"id": "doc" + s, "number": "1-NQ/D" + s, "kind": "resolution", "issuer_id": "D" + s,
			"issued_on": "2018-01-01", "title": "Nghị quyết " + s})
		b.Add("headcount", map[string]string{"unit_id": "U" + s, "date": "2016-01-01", "actual": "10"})
		b.Add("restructure", map[string]string{"event_id": "E" + s, "date": "2020-01-01", "kind": "rename", "from_unit_id": "R" + s, "to_unit_id": "R" + s})
		b.Add("evaluations", map[string]string{"year": "2019", "subject_type": "unit", "subject_id": "D" + s, "category": "party_org",
			"rating": "good", "rated_by_id": "H" + s})
		b.Add("plans", map[string]string{"term": "2020-2025", "unit_id": "D" + s, "role": "secretary", "person_id": "P" + s, "added_on": "2019-01-01"})
		b.Add("qualifications", map[string]string{"person_id": "P" + s, "kind": "education", "level": "university"})
		b.Add("discipline", map[string]string{"subject_type": "person", "subject_id": "P" + s, "form": "reprimand",
			"date": "2019-06-01", "authority_id": "D" + s})
		b.Add("party_cards", map[string]string{"person_id": "P" + s, "number": s + "-0001", "issued_on": "2007-01-01"})
		b.Add("party_temporary", map[string]string{"person_id": "P" + s, "unit_id": "C" + s, "valid_from": "2010-01-01", "valid_to": "2011-01-01"})
		b.Add("awards", map[string]string{"person_id": "P" + s, "kind": "other", "date": "2010-01-01"})
		b.Add("party_dues", map[string]string{"person_id": "P" + s, "month": "2019-01", "amount": "50000", "paid_on": "2019-01-10", "unit_id": "D" + s})
		b.Add("document_tasks", map[string]string{"document_id": "doc" + s, "task_id": "1", "unit_id": "U" + s, "title": "Nhiệm vụ " + s, "due_on": "2019-06-30"})
		b.Add("document_targets", map[string]string{"document_id": "doc" + s, "target_id": "1", "indicator": "party.members", "scope_id": "D" + s,
			"due_on": "2020-12-31", "op": ">=", "value": "10"})
		b.Add("document_files", map[string]string{"document_id": "doc" + s, "name": "nq.pdf", "sha256": strings.Repeat(strings.ToLower(s), 64), "bytes": "10"})
	}
	b.Add("terms", map[string]string{"term": "2020-2025", "level": "province", "starts_on": "2020-10-01", "ends_on": "2025-10-01"})
	b.Add("terms", map[string]string{"term": "2025-2030", "level": "province", "starts_on": "2025-10-01", "ends_on": "2030-10-01"})
	b.Add("post_quotas", map[string]string{"unit_kind": "commune", "role": "vice_chair", "max_holders": "2", "valid_from": "2016-04-01",
		"legal_basis": "Nghị định 08/2016/NĐ-CP"})
	b.Add("assignments", map[string]string{"person_id": "PM", "unit_id": "DM", "role": "secretary", "valid_from": "2015-01-01"})
	b.Add("assignments", map[string]string{"person_id": "PT", "unit_id": "UA", "role": "chair", "valid_from": "2005-01-01", "valid_to": "2010-01-01"})
	b.Add("assignments", map[string]string{"person_id": "PT", "unit_id": "TU", "role": "secretary", "valid_from": "2015-01-01"})
	b.Add("documents", map[string]string{"id": "docT", "number": "1-NQ/TU", "kind": "resolution", "issuer_id": "TU",
		"issued_on": "2018-01-01", "title": "Nghị quyết của Tỉnh ủy"})
	return b
}

// twin is each unit or person of A and its counterpart outside the scope.
var twin = map[string]string{"A": "B", "HA": "HB", "XA": "XB", "DA": "DB", "UA": "UB", "EA": "EB", "CA": "CB", "RA": "RB", "PA": "PB"}

var securityUsers = []tochuc.User{
	{Login: "admin", FullName: "Quản trị", Role: tochuc.RoleAdmin},
	{Login: "staff", FullName: "Cán bộ huyện A", Role: tochuc.RoleStaff, ScopeUnitID: "A", Confidential: true},
	{Login: "staffall", FullName: "Cán bộ toàn tỉnh", Role: tochuc.RoleStaff, ScopeUnitID: tochuc.AllUnits, Confidential: true},
	{Login: "staffopen", FullName: "Cán bộ huyện A (không xem hồ sơ mật)", Role: tochuc.RoleStaff, ScopeUnitID: "A"},
	{Login: "auditorall", FullName: "Kiểm tra toàn tỉnh", Role: tochuc.RoleAuditor},
	{Login: "viewer", FullName: "Người xem huyện A", Role: tochuc.RoleViewer, ScopeUnitID: "A"},
	{Login: "auditor", FullName: "Kiểm tra huyện A", Role: tochuc.RoleAuditor, ScopeUnitID: "A"},
}

// newSecurityApp serves the security fixture; it returns the server and its database.
func newSecurityApp(t *testing.T) (*httptest.Server, *sqldb.DB) {
	t.Helper()
	db := sqldbtest.Open(t)
	return serveDB(t, db), db
}

// serveDB serves a database after filling it with the security fixture and its accounts.
func serveDB(t *testing.T, db *sqldb.DB) *httptest.Server {
	t.Helper()
	return serveDBWith(t, db, nil)
}

// serveDBWith is serveDB with a change to the web app's configuration.
func serveDBWith(t *testing.T, db *sqldb.DB, configure func(*web.Config)) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	sqldbtest.MustImport(t, db, securityBundle())
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range securityUsers {
		if _, err := db.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	cfg := web.Config{App: app.New(db, nil), Registry: db.Reader(sqldb.Recorded{}),
		Accounts: db, Log: slog.New(slog.DiscardHandler)}
	if configure != nil {
		configure(&cfg)
	}
	s, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// variant is a record to write: a new one (Original nil) or an edit of a
// held one, and whether the scoped staff member may write it.
type variant struct {
	name     string
	file     string
	values   map[string]string
	original map[string]string // the key of a held record being edited, or nil
	allowed  bool
	cols     []string // the reference columns this variant puts outside the scope
}

// insideRows are, for each file, a new record wholly inside district A.
func insideRows() map[string]map[string]string {
	return map[string]map[string]string{
		"units": {"id": "N1", "name": "Chi bộ mới", "kind": "party_cell", "parent_id": "DA", "locality_id": "XA", "host_id": "EA",
			"valid_from": "2021-01-01"},
		"people":         {"id": "PA", "full_name": "Nguyễn Văn An", "gender": "male", "birth_date": "1975-01-02"},
		"documents":      {"id": "docN", "number": "2-NQ/DA", "kind": "resolution", "issuer_id": "DA", "issued_on": "2021-01-01", "title": "Nghị quyết mới", "replaces_id": "docA"},
		"qualifications": {"person_id": "PA", "kind": "political_theory", "level": "intermediate", "obtained_on": "2021-01-01"},
		"party":          {"person_id": "PA", "event": "transferred", "date": "2021-01-01", "unit_id": "CA", "document_id": "docA"},
		"assignments":    {"person_id": "PA", "unit_id": "UA", "role": "vice_chair", "valid_from": "2021-01-01", "document_id": "docA"},
		"headcount":      {"unit_id": "UA", "date": "2021-01-01", "actual": "12"},
		"restructure":    {"event_id": "EN", "date": "2020-01-01", "kind": "rename", "from_unit_id": "RA", "to_unit_id": "RA", "document_id": "docA"},
		"evaluations": {"year": "2021", "subject_type": "unit", "subject_id": "DA", "category": "party_org", "rating": "good",
			"rated_by_id": "HA"},
		"plans": {"term": "2025-2030", "unit_id": "DA", "role": "deputy_secretary", "person_id": "PA", "added_on": "2024-06-01", "document_id": "docA"},
		"discipline": {"subject_type": "person", "subject_id": "PA", "form": "warning", "date": "2021-01-01", "authority_id": "DA",
			"document_id": "docA", "reason": "vi phạm"},
		"party_cards":     {"person_id": "PA", "number": "A-0002", "issued_on": "2021-01-01"},
		"party_temporary": {"person_id": "PA", "unit_id": "CA", "valid_from": "2021-01-01", "valid_to": "2021-06-01"},
		"awards":          {"person_id": "PA", "kind": "other", "date": "2021-01-01", "document_id": "docA"},
		"party_dues":      {"person_id": "PA", "month": "2021-01", "amount": "50000", "paid_on": "2021-01-10", "unit_id": "DA"},
		"document_tasks":  {"document_id": "docA", "task_id": "2", "unit_id": "UA", "title": "Nhiệm vụ mới", "due_on": "2021-06-30", "done_on": "2021-06-01"},
		"document_targets": {"document_id": "docA", "target_id": "2", "indicator": "party.members", "scope_id": "DA", "due_on": "2021-12-31",
			"op": ">=", "value": "0.7"},
		"document_files": {"document_id": "docA", "name": "moi.pdf", "sha256": "5b2a0c1b0e6f0b3b9f1c4d6e8a7b5c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b", "bytes": "10"},
		// a term belongs to no unit: only writers of the whole registry write it
		"terms": {"term": "2030-2035", "level": "province", "starts_on": "2030-10-01", "ends_on": "2035-10-01"},
		// a post quota names a kind of unit, no unit: the same
		"post_quotas": {"unit_kind": "province", "role": "vice_chair", "max_holders": "3", "valid_from": "2025-07-01", "legal_basis": "minh họa"},
	}
}

// refColumns lists, from the schema, the columns of a file that name a unit
// or a person: the policy must check every one of them.
func refColumns(f *bundle.File) []string {
	var out []string
	for _, c := range f.Columns {
		if c.Ref == "units" || c.Ref == "people" || c.RefVia != "" || (c.Name == "id" && f.Self != "") {
			out = append(out, c.Name)
		}
	}
	return out
}

// variants builds, for every file, the inside record and one record per
// reference column with that column outside the scope (or straddling it),
// plus the edits of held records outside the scope.
func variants(t *testing.T) []variant {
	in := insideRows()
	with := func(file string, kv ...string) map[string]string {
		m := maps.Clone(in[file])
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	var out []variant
	for _, f := range bundle.Files {
		if in[f.Name] == nil {
			t.Fatalf("no inside record for %s: the matrix must cover every file", f.Name)
		}
		if f.Name != "people" { // a person's record is written as an edit (below)
			out = append(out, variant{name: f.Name + " inside", file: f.Name, values: in[f.Name], allowed: f.Name != "terms" && f.Name != "post_quotas"})
		}
	}
	add := func(name, file string, cols []string, v map[string]string) {
		out = append(out, variant{name: name, file: file, values: v, cols: cols})
	}
	// One column outside the scope at a time.
	for _, f := range bundle.Files {
		for _, col := range refColumns(f) {
			v := in[f.Name][col]
			if o, ok := twin[v]; ok {
				add(f.Name+" "+col+" outside", f.Name, []string{col}, with(f.Name, col, o))
			}
		}
	}
	// Coupled or special columns.
	add("restructure from/to outside", "restructure", []string{"from_unit_id", "to_unit_id"}, with("restructure", "from_unit_id", "RB", "to_unit_id", "RB"))
	add("evaluations person subject outside", "evaluations", []string{"subject_id"},
		with("evaluations", "subject_type", "person", "subject_id", "PB", "category", "party_member", "rated_by_id", "DA"))
	add("units id outside (a unit of B renamed)", "units", []string{"id"},
		map[string]string{"id": "XB", "name": "Xã B mới", "kind": "commune", "parent_id": "B", "valid_from": "2000-01-01"})
	add("people id outside (the provincial secretary, once in A)", "people", []string{"id"},
		map[string]string{"id": "PT", "full_name": "Phạm Văn Tâm (sửa)", "gender": "male", "birth_date": "1975-01-01"})
	add("assignments one-day post for the provincial secretary", "assignments", []string{"person_id"},
		with("assignments", "person_id", "PT", "valid_from", "2030-01-01", "valid_to", "2030-01-02"))
	add("qualifications person outside (home in the province)", "qualifications", []string{"person_id"}, with("qualifications", "person_id", "PT"))
	// A document's attached file is judged by the document's issuer.
	add("document_files of B's document", "document_files", []string{"document_id"}, with("document_files", "document_id", "docB"))
	add("document_files of the province's document", "document_files", []string{"document_id"}, with("document_files", "document_id", "docT"))
	add("document_files of no document held", "document_files", []string{"document_id"}, with("document_files", "document_id", "docX"))
	// Straddling the scope in time: a unit that leaves A on 2025-07-01.
	add("units parent straddling", "units", []string{"parent_id"}, with("units", "parent_id", "DM", "locality_id", "M", "host_id", ""))
	add("assignments unit straddling", "assignments", []string{"unit_id"}, with("assignments", "unit_id", "DM", "role", "deputy_secretary"))
	add("plans unit straddling", "plans", []string{"unit_id"}, with("plans", "unit_id", "DM"))
	add("headcount after the unit left", "headcount", []string{"unit_id"}, with("headcount", "unit_id", "DM", "date", "2026-01-01"))
	add("documents issued after the issuer left", "documents", []string{"issuer_id"}, with("documents", "issuer_id", "DM", "issued_on", "2026-01-01"))
	add("party event after the unit left", "party", []string{"unit_id"}, with("party", "unit_id", "DM", "date", "2026-01-01"))
	// Corrections of held records outside the scope, with inside values (the old record would be retracted).
	corr := func(name, file string, original map[string]string, values map[string]string) {
		out = append(out, variant{name: name, file: file, values: values, original: original})
	}
	corr("assignments: retract B's secretary", "assignments", map[string]string{"person_id": "PB", "unit_id": "DB", "role": "secretary", "valid_from": "2015-01-01"},
		in["assignments"])
	corr("headcount: retract B's figure", "headcount", map[string]string{"unit_id": "UB", "date": "2016-01-01"}, in["headcount"])
	corr("documents: rewrite the province's resolution", "documents", map[string]string{"id": "docT"},
		with("documents", "id", "docT"))
	corr("evaluations: rerate B", "evaluations", map[string]string{"year": "2019", "subject_type": "unit", "subject_id": "DB", "category": "party_org"},
		with("evaluations", "year", "2019", "subject_id", "DB", "rating", "excellent", "rated_by_id", "HB"))
	corr("plans: retract B's plan", "plans", map[string]string{"term": "2020-2025", "unit_id": "DB", "role": "secretary", "person_id": "PB"}, in["plans"])
	corr("party: retract B's admission", "party", map[string]string{"person_id": "PB", "event": "admitted", "date": "2005-01-01"},
		map[string]string{"person_id": "PA", "event": "transferred", "date": "2021-02-01", "unit_id": "CA"})
	corr("people: rename B's secretary", "people", map[string]string{"id": "PB"},
		map[string]string{"id": "PB", "full_name": "Tên khác", "gender": "male", "birth_date": "1975-01-01"})
	corr("people: correct A's secretary", "people", map[string]string{"id": "PA"}, in["people"])
	out[len(out)-1].allowed = true

	// Every reference column of every file is put outside the scope by some variant.
	for _, f := range bundle.Files {
		for _, col := range refColumns(f) {
			covered := false
			for _, v := range out {
				if v.file == f.Name && slices.Contains(v.cols, col) {
					covered = true
				}
			}
			if !covered {
				t.Errorf("the write matrix has no variant with %s.%s outside the scope", f.Name, col)
			}
		}
	}
	return out
}

// registryState is what must not change when a write is refused.
func registryState(t *testing.T, db *sqldb.DB) string {
	ctx := context.Background()
	t.Helper()
	v, err := db.Reader(sqldb.Recorded{}).Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, n, err := db.ListAudit(context.Background(), tochuc.AuditFilter{Action: "", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("change sets %d, audit entries %d", v, n)
}

// versionOf returns a held record's version, read by the administrator.
func versionOf(t *testing.T, admin *client, file string, key map[string]string) string {
	q := url.Values{}
	for k, v := range key {
		q.Set(k, v)
	}
	code, body := admin.get("/api/v1/records/" + file + "?" + q.Encode())
	var rec struct{ Version string }
	if code != http.StatusOK || json.Unmarshal([]byte(body), &rec) != nil || rec.Version == "" {
		t.Fatalf("version of %s %v: %d %s", file, key, code, body)
	}
	return rec.Version
}

// TestWriteMatrix writes every variant through the JSON API and the form as
// the staff member of district A, and checks that what lies outside the scope,
// or straddles it in time, is refused with nothing written, and what lies
// inside is written; viewers and auditors write nothing; the administrator
// and staff of the whole registry write outside A too.
func TestWriteMatrix(t *testing.T) {
	t.Parallel()
	ts, db := newSecurityApp(t)
	clients := map[string]*client{}
	for _, u := range securityUsers {
		clients[u.Login] = signIn(t, ts, u.Login)
	}
	admin, staff := clients["admin"], clients["staff"]
	for _, v := range variants(t) {
		body := map[string]any{"mode": "sua_sai", "values": v.values}
		if v.original != nil {
			body["original"] = v.original
			body["version"] = versionOf(t, admin, v.file, v.original)
		}
		js, _ := json.Marshal(body)
		before := registryState(t, db)
		// A form post, as the page sends it, at a page date other than the record's.
		form := url.Values{"che_do": {"sua_sai"}}
		for k, x := range v.values {
			form.Set("v_"+k, x)
		}
		for k, x := range v.original {
			form.Set("goc_"+k, x)
		}
		if v.original != nil {
			form.Set("phien_ban", body["version"].(string))
		}
		if !v.allowed {
			code, out := staff.postForm("/sua/"+v.file+"?ngay=2020-01-01", form)
			if code != http.StatusForbidden {
				t.Errorf("%s: form as staff of A: %d, want 403\n%.500s", v.name, code, out)
			}
			code, out = staff.postJSON("/api/v1/records/"+v.file+"?ngay=2020-01-01", string(js))
			if code != http.StatusForbidden || !strings.Contains(out, "phạm vi") {
				t.Errorf("%s: API as staff of A: %d, want 403\n%.500s", v.name, code, out)
			}
			if after := registryState(t, db); after != before {
				t.Errorf("%s: a refused write changed the registry: %s → %s", v.name, before, after)
			}
			continue
		}
		for _, login := range []string{"viewer", "auditor"} {
			if code, _ := clients[login].postJSON("/api/v1/records/"+v.file, string(js)); code != http.StatusForbidden {
				t.Errorf("%s: %s wrote: %d", v.name, login, code)
			}
		}
		if after := registryState(t, db); after != before {
			t.Errorf("%s: a refused write changed the registry: %s → %s", v.name, before, after)
		}
		if code, out := staff.postJSON("/api/v1/records/"+v.file, string(js)); code != http.StatusOK {
			t.Errorf("%s: staff of A: %d, want 200\n%.800s", v.name, code, out)
		}
	}
	// The administrator and staff of the whole registry write outside A.
	for i, login := range []string{"admin", "staffall"} {
		body := fmt.Sprintf(`{"mode":"sua_sai","values":{"unit_id":"UB","date":"202%d-01-01","actual":"3"}}`, 2+i)
		if code, out := clients[login].postJSON("/api/v1/records/headcount", body); code != http.StatusOK {
			t.Errorf("%s writing in B: %d %s", login, code, out)
		}
	}
}

// TestEditFormsFollowThePolicy opens the edit form of a record of every file
// inside and outside the scope: outside is refused, as its page is.
func TestEditFormsFollowThePolicy(t *testing.T) {
	t.Parallel()
	ts, _ := newSecurityApp(t)
	staff := signIn(t, ts, "staff")
	keys := map[string][2]string{ // file → inside key, outside key (query strings)
		"people":           {"id=PA", "id=PT"},
		"units":            {"id=XA", "id=XB"},
		"documents":        {"id=docA", "id=docT"},
		"qualifications":   {"person_id=PA&kind=education&level=university", "person_id=PB&kind=education&level=university"},
		"party":            {"person_id=PA&event=admitted&date=2005-01-01", "person_id=PB&event=admitted&date=2005-01-01"},
		"assignments":      {"person_id=PA&unit_id=DA&role=secretary&valid_from=2015-01-01", "person_id=PT&unit_id=TU&role=secretary&valid_from=2015-01-01"},
		"headcount":        {"unit_id=UA&date=2016-01-01", "unit_id=UB&date=2016-01-01"},
		"restructure":      {"event_id=EA&from_unit_id=RA&to_unit_id=RA", "event_id=EB&from_unit_id=RB&to_unit_id=RB"},
		"evaluations":      {"year=2019&subject_type=unit&subject_id=DA&category=party_org", "year=2019&subject_type=unit&subject_id=DB&category=party_org"},
		"plans":            {"term=2020-2025&unit_id=DA&role=secretary&person_id=PA", "term=2020-2025&unit_id=DB&role=secretary&person_id=PB"},
		"discipline":       {"subject_type=person&subject_id=PA&date=2019-06-01&form=reprimand", "subject_type=person&subject_id=PB&date=2019-06-01&form=reprimand"},
		"terms":            {"", "term=2020-2025&level=province"}, // no term is inside a district
		"post_quotas":      {"", "unit_kind=commune&role=vice_chair&valid_from=2016-04-01"},
		"party_cards":      {"number=A-0001", "number=B-0001"},
		"party_temporary":  {"person_id=PA&unit_id=CA&valid_from=2010-01-01", "person_id=PB&unit_id=CB&valid_from=2010-01-01"},
		"awards":           {"person_id=PA&kind=other&date=2010-01-01", "person_id=PB&kind=other&date=2010-01-01"},
		"party_dues":       {"person_id=PA&month=2019-01", "person_id=PB&month=2019-01"},
		"document_tasks":   {"document_id=docA&task_id=1", "document_id=docB&task_id=1"},
		"document_targets": {"document_id=docA&target_id=1", "document_id=docB&target_id=1"},
		"document_files":   {"document_id=docA&name=nq.pdf", "document_id=docB&name=nq.pdf"},
	}
	for _, f := range bundle.Files {
		k, ok := keys[f.Name]
		if !ok {
			t.Errorf("no keys for %s", f.Name)
			continue
		}
		for i, want := range []int{http.StatusOK, http.StatusForbidden} {
			if k[i] == "" {
				continue
			}
			for _, path := range []string{"/sua/" + f.Name + "?" + k[i], "/api/v1/records/" + f.Name + "?" + k[i]} {
				code, body := staff.get(path)
				if code != want {
					t.Errorf("%s: %d, want %d\n%.300s", path, code, want, body)
				}
				if want == http.StatusForbidden && (strings.Contains(body, "Phạm Văn Tâm") || strings.Contains(body, "Trần Văn Bình")) {
					t.Errorf("%s: the refusal shows the record", path)
				}
			}
		}
	}
	if code, _ := signIn(t, ts, "viewer").get("/sua/people?id=PA"); code != http.StatusForbidden {
		t.Errorf("viewer's edit form: %d", code)
	}
}

// TestWizardFollowsThePolicy previews and applies restructurings as the staff
// of district A: inside A they go through; touching B, or M after it left, not.
func TestWizardFollowsThePolicy(t *testing.T) {
	t.Parallel()
	ts, db := newSecurityApp(t)
	staff := signIn(t, ts, "staff")
	refused := []url.Values{
		{"kind": {"rename"}, "date": {"2021-01-01"}, "from": {"XB"}, "new_name": {"Xã B mới"}},
		{"kind": {"merge"}, "date": {"2021-01-01"}, "from": {"XA, XB"}, "new_id": {"XN"}, "new_name": {"Xã mới"}, "new_parent": {"A"}},
		{"kind": {"move"}, "date": {"2021-01-01"}, "from": {"XA"}, "new_parent": {"B"}},
		{"kind": {"establish"}, "date": {"2021-01-01"}, "new_id": {"XN"}, "new_name": {"Xã mới"}, "new_kind": {"commune"}, "new_parent": {"B"}},
		{"kind": {"rename"}, "date": {"2026-01-01"}, "from": {"M"}, "new_name": {"Xã M mới"}},
		{"kind": {"rename"}, "date": {"2021-01-01"}, "from": {"TU"}, "new_name": {"Tỉnh ủy mới"}},
	}
	for _, form := range refused {
		for _, button := range []string{"xem_truoc", "thuc_hien"} {
			before := registryState(t, db)
			f := maps.Clone(form)
			f.Set(button, "1")
			code, body := staff.postForm("/sap-xep?ngay=2021-01-01", f)
			if code != http.StatusUnprocessableEntity && code != http.StatusForbidden || !strings.Contains(body, "phạm vi") {
				t.Errorf("%v (%s): %d\n%.600s", form, button, code, body)
			}
			if after := registryState(t, db); after != before {
				t.Errorf("%v: the registry changed: %s → %s", form, before, after)
			}
		}
	}
	ok := url.Values{"kind": {"rename"}, "date": {"2021-01-01"}, "from": {"XA"}, "new_name": {"Xã A mới"}, "document": {"docA"}, "thuc_hien": {"1"}}
	if code, body := staff.postForm("/sap-xep?ngay=2021-01-01", ok); code != http.StatusOK || strings.Contains(body, `class="error"`) {
		t.Errorf("renaming a commune of A: %d\n%.600s", code, body)
	}
	if _, body := staff.get("/don-vi/XA?ngay=2021-01-01"); !strings.Contains(body, "Xã A mới") {
		t.Error("the rename inside A was not applied")
	}
}

// TestScopedExportAndAudit checks that the export and the audit log of
// accounts of district A hold only what their pages show, on each record's
// own dates.
func TestScopedExportAndAudit(t *testing.T) {
	t.Parallel()
	ts, _ := newSecurityApp(t)
	admin, staff := signIn(t, ts, "admin"), signIn(t, ts, "staff")
	// Edits inside and outside A, by the administrator and by the staff member.
	edits := []struct {
		c    *client
		body string
	}{
		{admin, `{"values":{"unit_id":"UB","date":"2022-01-01","actual":"4"}}`},
		{admin, `{"values":{"unit_id":"UA","date":"2022-01-01","actual":"5"}}`},
		{staff, `{"values":{"unit_id":"UA","date":"2023-01-01","actual":"6"}}`},
	}
	for _, e := range edits {
		if code, out := e.c.postJSON("/api/v1/records/headcount", e.body); code != http.StatusOK {
			t.Fatalf("%s: %d %s", e.body, code, out)
		}
	}
	files := exportZip(t, staff)
	leak := func(file, col string, bad ...string) {
		for _, row := range files[file] {
			if slices.Contains(bad, row[col]) {
				t.Errorf("%s.csv exported a row outside the scope: %v", file, row)
			}
		}
	}
	leak("units", "id", "B", "HB", "XB", "DB", "UB", "EB", "CB", "RB", "T", "TU")
	leak("people", "id", "PB")
	leak("assignments", "unit_id", "DB", "TU")
	leak("headcount", "unit_id", "UB")
	leak("plans", "person_id", "PB")
	leak("evaluations", "subject_id", "DB")
	leak("documents", "id", "docB")
	leak("restructure", "event_id", "EB")
	var mVersions []string
	for _, row := range files["units"] {
		if row["id"] == "M" {
			mVersions = append(mVersions, row["valid_from"])
		}
	}
	if !slices.Equal(mVersions, []string{"2000-01-01"}) {
		t.Errorf("commune M: exported versions from %v, want only the one of district A (2000-01-01)", mVersions)
	}
	for _, want := range []struct{ file, col, id string }{{"units", "id", "XA"}, {"people", "id", "PA"}, {"people", "id", "PT"},
		{"assignments", "unit_id", "DA"}, {"documents", "id", "docA"}} {
		found := false
		for _, row := range files[want.file] {
			found = found || row[want.col] == want.id
		}
		if !found {
			t.Errorf("%s.csv: %s %s inside the scope is missing", want.file, want.col, want.id)
		}
	}

	// The scoped auditor reads the edits inside A, not the one in B, and the staff member's sign-in.
	auditor := signIn(t, ts, "auditor")
	_, log := auditor.get("/api/v1/audit")
	if strings.Contains(log, `"UB|`) || strings.Contains(log, `"UB"`) || !strings.Contains(log, `"UA|2022-01-01"`) || !strings.Contains(log, `"UA|2023-01-01"`) {
		t.Errorf("scoped audit log:\n%.3000s", log)
	}
	if !strings.Contains(log, `"user_login": "staff"`) || strings.Contains(log, `"action": "login.ok",
      "user_login": "admin"`) {
		t.Errorf("scoped audit log: sign-ins of A's accounts only:\n%.3000s", log)
	}
}

// exportZip downloads a scoped export and reads its CSV files into rows.
func exportZip(t *testing.T, c *client) map[string][]map[string]string {
	t.Helper()
	resp, err := c.http.Get(c.base + "/xuat")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: %d %s", resp.StatusCode, data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]map[string]string{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		recs, err := csv.NewReader(rc).ReadAll()
		rc.Close()
		if err != nil || len(recs) == 0 {
			continue
		}
		name := strings.TrimSuffix(zf.Name[strings.LastIndex(zf.Name, "/")+1:], ".csv")
		for _, r := range recs[1:] {
			m := map[string]string{}
			for i, h := range recs[0] {
				m[h] = r[i]
			}
			out[name] = append(out[name], m)
		}
	}
	return out
}
