package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/bundle/manifest"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// PackagePolicy is how an import treats a bundle's manifest.
type PackagePolicy struct {
	// RequireSignature refuses a bundle that is not signed.
	RequireSignature bool
	// AllowReplay imports a signed package even when it was taken no later
	// than the last package received with the same key (refused otherwise).
	AllowReplay bool
}

// ImportPackage imports the bundle at path (src is it, opened) as Import
// does, verifying its manifest.json first:
//
//   - every file listed must be there with its SHA-256 and no other file;
//   - a signed manifest must be signed by a trusted key, not revoked, and
//     the bundle is then written with the write policy of the key's scope
//     (as an account of that scope: every record, by every reference
//     column on its dates, inside it; refused with the records named);
//     its recorded_at must be after the last package received with that
//     key, unless pol.AllowReplay; the package is recorded as received in
//     the import's change set;
//   - a bundle without a manifest, or with one unsigned, is written with
//     the importing account's own authority: an administrator's, or a staff
//     account's within its scope (the write policy); staff of the whole
//     registry need a signature (all refused with pol.RequireSignature).
//
// An account with a scope may import a signed package only of a key trusted
// for that same scope.
func (a *App) ImportPackage(ctx context.Context, act Actor, path string, src bundle.Source, name string, opt bundle.Options, pol PackagePolicy) (*bundle.Report, error) {
	m, k, err := a.verifyPackage(ctx, act, path, pol)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return a.Import(ctx, act, src, name, opt)
	}
	if k == nil {
		return a.importWith(ctx, act, src, name, opt, a.receive(m, "", name, act, pol))
	}
	scoped := act
	scoped.User.ScopeUnitID = k.ScopeUnitID
	rep, err := a.importWith(ctx, scoped, src, name, opt, a.receive(m, k.Fingerprint, name, act, pol))
	var refusal *ScopeRefusal
	if errors.As(err, &refusal) {
		return rep, tochuc.Errorf(tochuc.EForbidden, "Gói dữ liệu ký bằng khóa %s có bản ghi nằm ngoài phạm vi đơn vị '%s' mà khóa được tin cậy, chưa ghi gì: %s",
			keyName(*k), k.ScopeUnitID, where(src, refusal))
	}
	return rep, err
}

// PackageActor verifies the manifest of the bundle at path as
// ImportPackage does before it imports, and returns who the bundle is
// written as: the key's scope for a signed package, else the account
// itself — what a diff of the package must be judged as.
func (a *App) PackageActor(ctx context.Context, act Actor, path string, pol PackagePolicy) (Actor, error) {
	_, k, err := a.verifyPackage(ctx, act, path, pol)
	if err != nil {
		return act, err
	}
	if k != nil {
		act.User.ScopeUnitID = k.ScopeUnitID
	}
	return act, nil
}

// verifyPackage reads and verifies a bundle's manifest: nil when it has
// none; the trusted key when it is signed.
func (a *App) verifyPackage(ctx context.Context, act Actor, path string, pol PackagePolicy) (*manifest.Manifest, *TrustedKey, error) {
	if !act.User.CanWrite() {
		return nil, nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn không được nhập dữ liệu.")
	}
	m, err := manifest.Read(path)
	if errors.Is(err, manifest.ErrNoManifest) {
		m, err = nil, nil
	}
	if err != nil {
		return nil, nil, tochuc.Errorf(tochuc.EInvalid, "Gói dữ liệu bị từ chối: %v", err)
	}
	if m != nil {
		if err := m.CheckFiles(path); err != nil {
			return nil, nil, tochuc.Errorf(tochuc.EInvalid, "Gói dữ liệu bị từ chối: %v", err)
		}
	}
	if m == nil || !m.Signed() {
		if pol.RequireSignature {
			return nil, nil, tochuc.Errorf(tochuc.EForbidden, "Gói dữ liệu không có chữ ký (không có %s ký bằng một khóa tin cậy): bị từ chối vì yêu cầu gói có chữ ký.", manifest.FileName)
		}
		if act.User.Role != tochuc.RoleAdmin && act.whole() {
			return nil, nil, tochuc.Errorf(tochuc.EForbidden, "Gói dữ liệu không có chữ ký chỉ quản trị viên, hoặc cán bộ trong phạm vi được giao của mình, được nhập.")
		}
		return m, nil, nil // a scoped account writes it within its own scope (the write policy)
	}
	k, err := a.db.TrustedKey(ctx, m.Key)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil, nil, tochuc.Errorf(tochuc.EForbidden, "Gói dữ liệu ký bằng khóa %s không có trong danh sách khóa tin cậy: bị từ chối (xem 'tochuc keys trust').", m.Key)
	}
	if err != nil {
		return nil, nil, a.fault(err)
	}
	if k.Revoked() {
		return nil, nil, tochuc.Errorf(tochuc.EForbidden, "Gói dữ liệu ký bằng khóa %s (%s) đã bị thu hồi ngày %s: bị từ chối.",
			m.Key, keyName(k), tochuc.DateOf(k.RevokedAt).Vietnamese())
	}
	pub, err := manifest.ParsePublicKey([]byte(k.PublicKey))
	if err != nil {
		return nil, nil, tochuc.Fault(tochuc.EInternal, "Khóa tin cậy "+k.Fingerprint+" không đọc được.", err)
	}
	if err := m.VerifySignature(pub); err != nil {
		return nil, nil, tochuc.Errorf(tochuc.EInvalid, "Gói dữ liệu bị từ chối: %v", err)
	}
	if !act.whole() && act.User.ScopeUnitID != k.ScopeUnitID {
		return nil, nil, tochuc.Errorf(tochuc.EForbidden, "Khóa %s được tin cậy cho phạm vi đơn vị '%s', không phải phạm vi của tài khoản ('%s').",
			keyName(k), k.ScopeUnitID, act.User.ScopeUnitID)
	}
	return m, &k, nil
}

// keyName is a key's name, or the start of its fingerprint.
func keyName(k TrustedKey) string {
	if k.Name != "" {
		return "'" + k.Name + "'"
	}
	return k.Fingerprint[:16] + "…"
}

// receive returns the first step of a package's change set: the replay
// check of a signed package, then the record of its receipt.
func (a *App) receive(m *manifest.Manifest, fp, name string, act Actor, pol PackagePolicy) func(context.Context, *sqldb.Change, *tochuc.AuditEntry) error {
	return func(ctx context.Context, c *sqldb.Change, audit *tochuc.AuditEntry) error {
		rec, err := m.Recorded()
		if err != nil {
			return tochuc.Errorf(tochuc.EInvalid, "%v", err)
		}
		rec = rec.Truncate(time.Microsecond) // as stored

		if fp != "" && !pol.AllowReplay {
			last, got, ok, err := c.LastReceived(ctx, fp)
			if err != nil {
				return err
			}
			if ok && !rec.After(last) {
				return tochuc.Errorf(tochuc.EConflict, "Gói cũ hơn gói đã nhận ngày %s bằng cùng khóa: gói này lấy dữ liệu lúc %s, gói đã nhận lấy lúc %s; "+
					"nhập nó có thể ghi đè những thay đổi mới hơn nên bị từ chối (dùng --allow-replay nếu thật sự muốn nhập lại).",
					tochuc.DateOf(got).Vietnamese(), instant(rec), instant(last))
			}
		}
		var since time.Time
		if m.ChangedSince != "" {
			if since, err = time.Parse(time.RFC3339Nano, m.ChangedSince); err != nil {
				return tochuc.Errorf(tochuc.EInvalid, "%s: changed_since không phải thời điểm RFC 3339: %q", manifest.FileName, m.ChangedSince)
			}
		}
		audit.Detail = map[string]any{"package": map[string]any{"key": fp, "sender_unit": m.SenderUnit, "recorded_at": m.RecordedAt}}
		return c.RecordReceived(ctx, sqldb.ReceivedPackage{Fingerprint: fp, SenderUnit: m.SenderUnit, RecordedAt: rec,
			ChangedSince: since, Name: name, ReceivedAt: time.Now().UTC(), ReceivedBy: act.User.Login})
	}
}

// instant writes an instant for people: dd/mm/yyyy hh:mm:ss.µµµµµµ (UTC).
func instant(t time.Time) string { return t.UTC().Format("02/01/2006 15:04:05.000000") + " UTC" }

// where names the refused rows of a package: file, line, column and why.
func where(src bundle.Source, r *ScopeRefusal) string {
	lines := map[*bundle.File]map[int]int{}
	for _, f := range uniqueFiles(r.Rows) {
		lines[f] = findLines(src, f, r.Rows)
	}
	parts := make([]string, 0, len(r.Rows))
	for i, row := range r.Rows {
		s := src.Location(row.File.Name)
		if n := lines[row.File][i]; n > 0 {
			s += fmt.Sprintf(" dòng %d", n)
		}
		if row.Column != "" {
			s += ", cột " + row.Column
		}
		verb := ""
		if !row.Added {
			verb = " (sửa hoặc kết thúc bản ghi đang có)"
		}
		parts = append(parts, s+verb+": "+row.Why)
	}
	out := strings.Join(parts, "; ")
	if r.More > 0 {
		out += "; và " + tochuc.FormatInt(r.More) + " bản ghi khác"
	}
	return out + "."
}

func uniqueFiles(rows []OutOfScope) []*bundle.File {
	var out []*bundle.File
	seen := map[*bundle.File]bool{}
	for _, r := range rows {
		if !seen[r.File] {
			seen[r.File] = true
			out = append(out, r.File)
		}
	}
	return out
}

// findLines reads a file of the bundle and returns, for each refused row
// of it (by its index in rows), the line it is on (0 when not found).
func findLines(src bundle.Source, f *bundle.File, rows []OutOfScope) map[int]int {
	out := map[int]int{}
	rr, err := src.Open(f.Name)
	if err != nil {
		return out
	}
	defer rr.Close()
	header, err := rr.Next()
	if err != nil {
		return out
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	lr, _ := rr.(bundle.LineReader)
	for n := 2; ; n++ {
		cells, err := rr.Next()
		if err == io.EOF || err != nil {
			return out
		}
		line := n
		if lr != nil {
			line = lr.Line()
		}
		for i, r := range rows {
			if r.File != f || out[i] > 0 {
				continue
			}
			if sameKey(r.Key, col, cells) {
				out[i] = line
			}
		}
	}
}

// sameKey reports whether a row of the bundle has the key (dates compared
// as dates, whichever way they are written).
func sameKey(key map[string]string, col map[string]int, cells []string) bool {
	for name, want := range key {
		i, ok := col[name]
		if !ok || i >= len(cells) {
			return false
		}
		got := strings.TrimSpace(cells[i])
		if got == want {
			continue
		}
		d1, e1 := tochuc.ParseDateLoose(got)
		d2, e2 := tochuc.ParseDateLoose(want)
		if e1 != nil || e2 != nil || d1 != d2 || d1 == 0 {
			return false
		}
	}
	return true
}
