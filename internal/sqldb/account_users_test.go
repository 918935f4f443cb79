package sqldb_test

import (
	"context"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"github.com/tochuc/tochuc/internal/auth"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/sqldb/sqldbtest"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// accountsDB returns a fresh database holding richBundle's units and an administrator.
func accountsDB(t *testing.T) (*sqldb.DB, tochuc.User) {
	t.Helper()
	db := sqldbtest.Open(t)
	sqldbtest.MustImport(t, db, bundle.Tables{"units": richBundle()["units"]})
	admin := mustCreateUser(t, db, tochuc.User{Login: "quantri", FullName: "Quản Trị", Role: tochuc.RoleAdmin})
	return db, admin
}

func mustCreateUser(t *testing.T, db *sqldb.DB, u tochuc.User) tochuc.User {
	t.Helper()
	u, err := db.CreateUser(context.Background(), u, "$argon2id$test")
	if err != nil {
		t.Fatalf("create %s: %v", u.Login, err)
	}
	return u
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if tochuc.ErrorCode(err) != code || err == nil {
		t.Errorf("%s: error %v, want code %s", what, err, code)
	}
}

func ptr[T any](v T) *T { return &v }

func TestUsers(t *testing.T) {
	ctx := context.Background()
	db, admin := accountsDB(t)
	staff := mustCreateUser(t, db, tochuc.User{Login: " An.Nguyen ", FullName: "Nguyễn Văn An", Role: tochuc.RoleStaff, ScopeUnitID: "HU218"})
	if staff.Login != "an.nguyen" || staff.ID == 0 || staff.ID == admin.ID {
		t.Fatalf("created %+v", staff)
	}
	all := mustCreateUser(t, db, tochuc.User{Login: "xem", FullName: "Người Xem", Role: tochuc.RoleViewer, ScopeUnitID: tochuc.AllUnits})
	if all.ScopeUnitID != "" {
		t.Fatalf("whole-registry scope stored as %q", all.ScopeUnitID)
	}

	_, err := db.CreateUser(ctx, tochuc.User{Login: "AN.NGUYEN", FullName: "Khác", Role: tochuc.RoleAdmin}, "h")
	wantCode(t, "duplicate login", err, tochuc.EConflict)
	_, err = db.CreateUser(ctx, tochuc.User{Login: "binh", FullName: "Bình", Role: tochuc.RoleStaff}, "h")
	wantCode(t, "staff without scope", err, tochuc.EInvalid)
	_, err = db.CreateUser(ctx, tochuc.User{Login: "binh", FullName: "Bình", Role: tochuc.RoleStaff, ScopeUnitID: "KHONGCO"}, "h")
	wantCode(t, "unknown scope unit", err, tochuc.EInvalid)
	_, err = db.CreateUser(ctx, tochuc.User{Login: "binh", FullName: "Bình", Role: tochuc.RoleViewer, ScopeUnitID: "X1"}, "")
	wantCode(t, "no password", err, tochuc.EInvalid)

	if u, err := db.UserByLogin(ctx, "An.Nguyen"); err != nil || u != staff {
		t.Fatalf("UserByLogin: %+v %v", u, err)
	}
	if u, err := db.UserByID(ctx, staff.ID); err != nil || u != staff {
		t.Fatalf("UserByID: %+v %v", u, err)
	}
	_, err = db.UserByLogin(ctx, "khongco")
	wantCode(t, "UserByLogin unknown", err, tochuc.ENotFound)
	_, err = db.UserByID(ctx, 9999)
	wantCode(t, "UserByID unknown", err, tochuc.ENotFound)
	users, err := db.ListUsers(ctx)
	if err != nil || len(users) != 3 || users[0].Login != "an.nguyen" || users[2].Login != "xem" {
		t.Fatalf("ListUsers: %+v %v", users, err)
	}

	if err := db.SetPassword(ctx, staff.ID, "$argon2id$new"); err != nil {
		t.Fatal(err)
	}
	if u, h, err := db.UserCredentials(ctx, "an.nguyen"); err != nil || h != "$argon2id$new" || u != staff {
		t.Fatalf("UserCredentials: %+v %q %v", u, h, err)
	}
	wantCode(t, "SetPassword unknown", db.SetPassword(ctx, 9999, "h"), tochuc.ENotFound)
}

func TestUpdateUser(t *testing.T) {
	ctx := context.Background()
	db, admin := accountsDB(t)
	all := mustCreateUser(t, db, tochuc.User{Login: "xem", FullName: "Người Xem", Role: tochuc.RoleViewer, ScopeUnitID: tochuc.AllUnits})

	// A new name keeps the whole-registry scope; a new role needs it restated.
	u, err := db.UpdateUser(ctx, all.ID, tochuc.UserUpdate{FullName: ptr("Người Xem Mới")})
	if err != nil || u.FullName != "Người Xem Mới" || u.ScopeUnitID != "" {
		t.Fatalf("rename: %+v %v", u, err)
	}
	_, err = db.UpdateUser(ctx, all.ID, tochuc.UserUpdate{Role: ptr(tochuc.RoleStaff)})
	wantCode(t, "staff without scope", err, tochuc.EInvalid)
	_, err = db.UpdateUser(ctx, all.ID, tochuc.UserUpdate{ScopeUnitID: ptr("KHONGCO")})
	wantCode(t, "unknown scope", err, tochuc.EInvalid)
	u, err = db.UpdateUser(ctx, all.ID, tochuc.UserUpdate{Role: ptr(tochuc.RoleStaff), ScopeUnitID: ptr("DB24")})
	if err != nil || u.Role != tochuc.RoleStaff || u.ScopeUnitID != "DB24" {
		t.Fatalf("to staff: %+v %v", u, err)
	}
	if got, _ := db.UserByID(ctx, all.ID); got != u {
		t.Fatalf("stored %+v, returned %+v", got, u)
	}
	_, err = db.UpdateUser(ctx, 9999, tochuc.UserUpdate{FullName: ptr("x")})
	wantCode(t, "unknown account", err, tochuc.ENotFound)

	// The last administrator stays.
	_, err = db.UpdateUser(ctx, admin.ID, tochuc.UserUpdate{Disabled: ptr(true)})
	wantCode(t, "disable last admin", err, tochuc.EInvalid)
	_, err = db.UpdateUser(ctx, admin.ID, tochuc.UserUpdate{Role: ptr(tochuc.RoleAuditor)})
	wantCode(t, "demote last admin", err, tochuc.EInvalid)

	// Disabling ends the sessions.
	tok, err := (auth.Tokens{Store: db}).CreateSession(ctx, u.ID, time.Hour, "10.0.0.1", "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.UpdateUser(ctx, u.ID, tochuc.UserUpdate{Disabled: ptr(true)}); err != nil {
		t.Fatal(err)
	}
	_, err = (auth.Tokens{Store: db}).SessionUser(ctx, tok)
	wantCode(t, "session of a disabled account", err, tochuc.ENotFound)
	if n := count(t, db, `SELECT COUNT(*) FROM sessions`); n != 0 {
		t.Fatalf("%d sessions left", n)
	}
}

// TestCreateUserRace checks that a login taken by a transaction still open
// when CreateUser checks it gives a conflict: on PostgreSQL the check sees
// nothing and the unique index refuses the insert once the other commits; on
// SQLite the write transactions take turns and the check sees the login.
func TestCreateUserRace(t *testing.T) {
	ctx := context.Background()
	db, _ := accountsDB(t)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, rebind(db, `INSERT INTO users (login, full_name, role, password_hash, disabled, created_at, updated_at)
		VALUES ('trung', 'Trùng', 'auditor', 'h', FALSE, 0, 0)`)); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		_, err := db.CreateUser(ctx, tochuc.User{Login: "trung", FullName: "Trùng", Role: tochuc.RoleAuditor}, "h")
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // let CreateUser reach its insert
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	wantCode(t, "login taken meanwhile", <-done, tochuc.EConflict)
	if n := count(t, db, `SELECT COUNT(*) FROM users WHERE login = 'trung'`); n != 1 {
		t.Fatalf("%d accounts 'trung'", n)
	}
}

func count(t *testing.T, db *sqldb.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), rebind(db, q), args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func exec(t *testing.T, db *sqldb.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), rebind(db, q), args...); err != nil {
		t.Fatal(err)
	}
}

// rebind numbers ? placeholders for PostgreSQL (the tests' own statements).
func rebind(db *sqldb.DB, q string) string {
	if db.Dialect != sqldb.Postgres {
		return q
	}
	out, n := "", 0
	for _, c := range q {
		if c == '?' {
			n++
			out += fmt.Sprintf("$%d", n)
			continue
		}
		out += string(c)
	}
	return out
}

func key(plain string) string { return hex.EncodeToString(auth.HashToken(plain)) }

func TestSessions(t *testing.T) {
	ctx := context.Background()
	db, admin := accountsDB(t)
	tok, err := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, 30*time.Minute, "10.0.0.1", "Mozilla/5.0")
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM sessions WHERE token_hash = ?`, tok); n != 0 {
		t.Fatal("the session token is stored in clear")
	}
	if u, err := (auth.Tokens{Store: db}).SessionUser(ctx, tok); err != nil || u != admin {
		t.Fatalf("SessionUser: %+v %v", u, err)
	}
	_, err = (auth.Tokens{Store: db}).SessionUser(ctx, tok+"x")
	wantCode(t, "unknown token", err, tochuc.ENotFound)
	_, err = (auth.Tokens{Store: db}).SessionUser(ctx, "")
	wantCode(t, "empty token", err, tochuc.ENotFound)

	// A use after a minute slides the end to 30 minutes from now...
	now := time.Now().UnixMicro()
	exec(t, db, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?`, now-int64(2*time.Minute/time.Microsecond), now+1e6, key(tok))
	if _, err := (auth.Tokens{Store: db}).SessionUser(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM sessions WHERE token_hash = ? AND expires_at > ? AND last_seen_at >= ?`,
		key(tok), now+int64(29*time.Minute/time.Microsecond), now); n != 1 {
		t.Fatal("the session did not slide")
	}
	// ...but never past its maximum age.
	exec(t, db, `UPDATE sessions SET last_seen_at = ?, max_expires_at = ? WHERE token_hash = ?`, now-int64(2*time.Minute/time.Microsecond), now+5e6, key(tok))
	if _, err := (auth.Tokens{Store: db}).SessionUser(ctx, tok); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM sessions WHERE token_hash = ? AND expires_at = ?`, key(tok), now+5e6); n != 1 {
		t.Fatal("the session slid past its maximum age")
	}
	// An expired session is refused and deleted.
	exec(t, db, `UPDATE sessions SET expires_at = ? WHERE token_hash = ?`, now-1, key(tok))
	_, err = (auth.Tokens{Store: db}).SessionUser(ctx, tok)
	wantCode(t, "expired session", err, tochuc.ENotFound)
	if n := count(t, db, `SELECT COUNT(*) FROM sessions`); n != 0 {
		t.Fatal("expired session kept")
	}

	// Logout, logout everywhere, cleanup.
	a, _ := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, time.Hour, "", "")
	b, _ := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, time.Hour, "", "")
	c, _ := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, time.Hour, "", "")
	if err := (auth.Tokens{Store: db}).DeleteSession(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := (auth.Tokens{Store: db}).SessionUser(ctx, a); err == nil {
		t.Fatal("session alive after logout")
	}
	if _, err := (auth.Tokens{Store: db}).SessionUser(ctx, b); err != nil {
		t.Fatal("logout ended another session")
	}
	exec(t, db, `UPDATE sessions SET expires_at = ? WHERE token_hash = ?`, now-1, key(c))
	if n, err := db.DeleteExpiredSessions(ctx); n != 1 || err != nil {
		t.Fatalf("DeleteExpiredSessions: %d %v", n, err)
	}
	if err := db.DeleteUserSessions(ctx, admin.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := (auth.Tokens{Store: db}).SessionUser(ctx, b); err == nil {
		t.Fatal("session alive after DeleteUserSessions")
	}
	if _, err := (auth.Tokens{Store: db}).CreateSession(ctx, admin.ID, 0, "", ""); tochuc.ErrorCode(err) != tochuc.EInvalid {
		t.Fatalf("zero ttl: %v", err)
	}
}

func TestAPITokens(t *testing.T) {
	ctx := context.Background()
	db, admin := accountsDB(t)
	viewer := mustCreateUser(t, db, tochuc.User{Login: "xem", FullName: "Người Xem", Role: tochuc.RoleViewer, ScopeUnitID: "X1"})
	tok, plain, err := (auth.Tokens{Store: db}).CreateAPIToken(ctx, viewer.ID, "báo cáo hằng đêm", time.Time{})
	if err != nil || tok.ID == 0 || len(plain) != 43 {
		t.Fatalf("CreateAPIToken: %+v %q %v", tok, plain, err)
	}
	if u, err := (auth.Tokens{Store: db}).TokenUser(ctx, plain); err != nil || u != viewer {
		t.Fatalf("TokenUser: %+v %v", u, err)
	}
	expiring, plain2, err := (auth.Tokens{Store: db}).CreateAPIToken(ctx, viewer.ID, "tạm", time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.ListAPITokens(ctx, viewer.ID)
	if err != nil || len(list) != 2 || list[0].ID != expiring.ID || list[1].LastUsedAt.IsZero() || !list[0].LastUsedAt.IsZero() ||
		list[0].ExpiresAt != expiring.ExpiresAt || !list[1].ExpiresAt.IsZero() || list[1].Name != "báo cáo hằng đêm" {
		t.Fatalf("ListAPITokens: %+v %v", list, err)
	}
	if l, _ := db.ListAPITokens(ctx, admin.ID); len(l) != 0 {
		t.Fatalf("tokens of another account: %+v", l)
	}

	// Expired, revoked, of a disabled account: refused.
	exec(t, db, `UPDATE api_tokens SET expires_at = ? WHERE id = ?`, time.Now().UnixMicro()-1, expiring.ID)
	_, err = (auth.Tokens{Store: db}).TokenUser(ctx, plain2)
	wantCode(t, "expired token", err, tochuc.ENotFound)
	if err := db.RevokeAPIToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	_, err = (auth.Tokens{Store: db}).TokenUser(ctx, plain)
	wantCode(t, "revoked token", err, tochuc.ENotFound)
	if err := db.RevokeAPIToken(ctx, tok.ID); err != nil {
		t.Fatalf("second revocation: %v", err)
	}
	wantCode(t, "revoke unknown", db.RevokeAPIToken(ctx, 9999), tochuc.ENotFound)
	if l, _ := db.ListAPITokens(ctx, viewer.ID); l[1].RevokedAt.IsZero() || l[1].Active(time.Now()) || l[0].Active(time.Now()) {
		t.Fatalf("after revocation: %+v", l)
	}
	_, live, _ := (auth.Tokens{Store: db}).CreateAPIToken(ctx, viewer.ID, "khác", time.Time{})
	if _, err := db.UpdateUser(ctx, viewer.ID, tochuc.UserUpdate{Disabled: ptr(true)}); err != nil {
		t.Fatal(err)
	}
	_, err = (auth.Tokens{Store: db}).TokenUser(ctx, live)
	wantCode(t, "token of a disabled account", err, tochuc.ENotFound)
	_, _, err = (auth.Tokens{Store: db}).CreateAPIToken(ctx, viewer.ID, "x", time.Time{})
	wantCode(t, "token for a disabled account", err, tochuc.EInvalid)
	_, _, err = (auth.Tokens{Store: db}).CreateAPIToken(ctx, admin.ID, " ", time.Time{})
	wantCode(t, "token without a name", err, tochuc.EInvalid)
	_, _, err = (auth.Tokens{Store: db}).CreateAPIToken(ctx, admin.ID, "x", time.Now().Add(-time.Hour))
	wantCode(t, "token expired at birth", err, tochuc.EInvalid)
	_, _, err = (auth.Tokens{Store: db}).CreateAPIToken(ctx, 9999, "x", time.Time{})
	wantCode(t, "token for nobody", err, tochuc.ENotFound)
}

func TestAudit(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.Open(t)
	t0 := time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)
	entries := []tochuc.AuditEntry{
		{At: t0, UserLogin: "an", Action: tochuc.AuditLoginFailed, IP: "10.0.0.1"},
		{At: t0.Add(time.Second), UserLogin: "an", Action: tochuc.AuditLoginOK, IP: "10.0.0.1"},
		{At: t0.Add(2 * time.Second), UserLogin: "an", Action: tochuc.AuditUserCreate, ObjectType: "user", ObjectID: "7",
			Detail: map[string]any{"login": "binh", "role": "viewer", "scope": "X1"}},
		{At: t0.Add(3 * time.Second), UserLogin: "cli:root", Action: tochuc.AuditTokenCreate, ObjectType: "token", ObjectID: "1"},
		{At: t0.Add(4 * time.Second), UserLogin: "binh", Action: tochuc.AuditLogout},
	}
	for _, e := range entries {
		if err := db.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, "entry without action", db.AppendAudit(ctx, tochuc.AuditEntry{UserLogin: "x"}), tochuc.EInvalid)

	list := func(f tochuc.AuditFilter) ([]string, int) {
		t.Helper()
		es, total, err := db.ListAudit(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.UserLogin+" "+e.Action)
		}
		return out, total
	}
	for _, tt := range []struct {
		f     tochuc.AuditFilter
		want  string
		total int
	}{
		{tochuc.AuditFilter{}, "[binh logout cli:root token.create an user.create an login.ok an login.failed]", 5},
		{tochuc.AuditFilter{UserLogin: "an"}, "[an user.create an login.ok an login.failed]", 3},
		{tochuc.AuditFilter{Action: "login."}, "[an login.ok an login.failed]", 2},
		{tochuc.AuditFilter{Action: "login"}, "[]", 0},
		{tochuc.AuditFilter{Action: tochuc.AuditLogout}, "[binh logout]", 1},
		{tochuc.AuditFilter{Since: t0.Add(time.Second), Until: t0.Add(3 * time.Second)}, "[an user.create an login.ok]", 2},
		{tochuc.AuditFilter{Limit: 2, Offset: 1}, "[cli:root token.create an user.create]", 5},
	} {
		got, total := list(tt.f)
		if fmt.Sprint(got) != tt.want || total != tt.total {
			t.Errorf("%+v: %v (%d), want %s (%d)", tt.f, got, total, tt.want, tt.total)
		}
	}
	// keyset paging (After) visits every entry once in the log's order, ties of the time included;
	// a capped count stops at CountCap+1
	if err := db.AppendAudit(ctx, tochuc.AuditEntry{At: t0.Add(4 * time.Second), UserLogin: "chi", Action: tochuc.AuditLogout}); err != nil {
		t.Fatal(err)
	}
	all, _, err := db.ListAudit(ctx, tochuc.AuditFilter{})
	if err != nil || len(all) != 6 {
		t.Fatalf("%d entries, %v", len(all), err)
	}
	var paged []tochuc.AuditEntry
	for f := (tochuc.AuditFilter{Limit: 2, CountCap: -1}); ; {
		es, total, err := db.ListAudit(ctx, f)
		if err != nil || total != 0 {
			t.Fatalf("uncounted page: %d, %v", total, err)
		}
		if len(es) == 0 {
			break
		}
		paged = append(paged, es...)
		f.After = &es[len(es)-1]
	}
	if fmt.Sprint(paged) != fmt.Sprint(all) {
		t.Errorf("keyset pages:\n%v\nwant\n%v", paged, all)
	}
	for cap, want := range map[int]int{3: 4, 5: 6, 6: 6, 10: 6} {
		if _, total, err := db.ListAudit(ctx, tochuc.AuditFilter{CountCap: cap, Limit: 1}); err != nil || total != want {
			t.Errorf("count capped at %d: %d, want %d (%v)", cap, total, want, err)
		}
	}
	es, _, _ := db.ListAudit(ctx, tochuc.AuditFilter{Action: tochuc.AuditUserCreate})
	if len(es) != 1 || fmt.Sprint(es[0].Detail) != "map[login:binh role:viewer scope:X1]" || !es[0].At.Equal(t0.Add(2*time.Second)) ||
		es[0].ObjectType != "user" || es[0].ObjectID != "7" {
		t.Fatalf("entry read back: %+v", es)
	}
	// The log is append-only.
	for _, q := range []string{`UPDATE audit_log SET action = 'x'`, `DELETE FROM audit_log`} {
		if _, err := db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	if _, total := list(tochuc.AuditFilter{}); total != 6 {
		t.Fatalf("%d entries after refused changes", total)
	}
}

// TestUnitInScope walks richBundle's links: parents, localities, units that
// end or begin on 2020-01-01, and compares with CountUnitsByKind's scope.
func TestUnitInScope(t *testing.T) {
	ctx := context.Background()
	db, _ := accountsDB(t)
	d2015, d2021 := tochuc.MustDate("2015-06-01"), tochuc.MustDate("2021-06-01")
	for _, tt := range []struct {
		unit, scope string
		d           tochuc.Date
		want        bool
	}{
		{"DX1", "DX1", d2015, true},
		{"DX1", "", d2015, true},
		{"DX1", "HU218", d2015, true}, // parent
		{"DX1", "DB24", d2015, true},  // parent of the parent
		{"DX1", "T24", d2015, true},   // locality, then parents
		{"UB1", "X1", d2015, true},    // locality
		{"PB1", "T24", d2015, true},   // parent UB1, its locality X1, up to the province
		{"PB1", "DB24", d2015, false}, // DB24 is not above the people's committee
		{"CB1", "DB24", d2015, true},  // chi bộ under DX1
		{"CB1", "DB24", d2021, false}, // ended 2020-01-01
		{"DN1", "X1", d2021, true},    // the enterprise still points at X1
		{"DN1", "DB24", d2015, false}, // host links do not count
		{"DX3", "X3", d2021, true},
		{"DX3", "X1", d2021, false},
		{"X3", "H218", d2015, false},   // X3 begins in 2020
		{"HU218", "DX1", d2015, false}, // not upwards
		{"KHONGCO", "DB24", d2015, false},
	} {
		got, err := db.UnitInScope(ctx, tt.unit, tt.scope, tt.d)
		if err != nil || got != tt.want {
			t.Errorf("UnitInScope(%s, %q, %s) = %v %v, want %v", tt.unit, tt.scope, tt.d, got, err, tt.want)
		}
	}
	r := db.Reader(sqldb.Recorded{})
	for _, d := range []tochuc.Date{d2015, d2021} {
		units, err := r.UnitsAsOf(ctx, d, tochuc.UnitFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, scope := range []string{"T24", "DB24", "HU218", "H218", "X1", "X3", "UB1"} {
			want, err := r.CountUnitsByKind(ctx, d, []string{scope})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, u := range units {
				if in, err := db.UnitInScope(ctx, u.ID, scope, d); err != nil {
					t.Fatal(err)
				} else if in {
					got[u.Kind]++
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("scope %s on %s: UnitInScope counts %v, CountUnitsByKind %v", scope, d, got, want)
			}
		}
	}
}
