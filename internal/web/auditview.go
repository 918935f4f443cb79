package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// auditItem is an entry of the audit log as an auditor reads it: the entry
// (its API fields unchanged) with the names of the account and of the
// records it touched, its action's Vietnamese name, its local time and a
// field-by-field account of the change.
type auditItem struct {
	tochuc.AuditEntry
	ActionLabel string `json:"action_label"`
	UserName    string `json:"user_name,omitempty"` // the account's full name ("" when no account has the login)
	LocalTime   string `json:"local_time"`          // "14:05 03/12/2026 (GMT+7)"
	ObjectLabel string `json:"object_label,omitempty"`
	// Subjects are the people and units the entry's record names.
	Subjects []auditValue `json:"subjects,omitempty"`
	// Effective is the first day of a change from a date ("" for a correction).
	Effective string `json:"effective,omitempty"`
	// Changes are the fields of the record, before and after; the other
	// facts of the entry (counts, a scope…) have an empty Before.
	Changes []auditChange `json:"changes,omitempty"`
}

// auditValue is a value as read: its text (a label, a name, a date
// dd/mm/yyyy) and, for a name, the code beside it.
type auditValue struct {
	Text string `json:"text"`
	Code string `json:"code,omitempty"`
}

// auditChange is one field of an entry: its label, before → after.
type auditChange struct {
	Field  string      `json:"field"`
	Label  string      `json:"label"`
	Before *auditValue `json:"before,omitempty"`
	After  *auditValue `json:"after,omitempty"`
}

// auditZone is the zone the log's times are shown in: Vietnam's, GMT+7
// all year (no daylight saving since 1975).
var auditZone = func() *time.Location {
	if z, err := time.LoadLocation("Asia/Ho_Chi_Minh"); err == nil {
		return z
	}
	return time.FixedZone("GMT+7", 7*3600)
}()

// auditTime is a moment as the log shows it: "14:05 03/12/2026 (GMT+7)".
func auditTime(t time.Time) string {
	t = t.In(auditZone)
	_, off := t.Zone()
	zone := fmt.Sprintf("GMT%+d", off/3600)
	if off%3600 != 0 {
		zone += fmt.Sprintf(":%02d", off%3600/60)
	}
	return t.Format("15:04 02/01/2006") + " (" + zone + ")"
}

// detailLabels name the facts of entries that are not a record's fields.
var detailLabels = map[string]string{
	"change_set": "Bộ thay đổi số", "files": "Số bản ghi theo tệp", "warnings": "Số cảnh báo", "scope": "Phạm vi",
	"login": "Tên đăng nhập", "role": "Vai trò", "name": "Tên", "days": "Số ngày hiệu lực", "disabled": "Khóa tài khoản",
	"reason": "Lý do", "retry_after_s": "Thử lại sau (giây)", "locked_s": "Khóa trong (giây)", "demo": "Dữ liệu mẫu",
	"date": "Ngày hiệu lực", "from": "Đơn vị trước sắp xếp", "changes": "Các thay đổi",
	"via": "Xem qua", "count": "Số bản ghi", "records": "Các bản ghi", "confidential": "Quyền xem hồ sơ mật",
}

// detailValues are the Vietnamese words of the facts' coded values.
var detailValues = map[string]string{"address": "địa chỉ IP", "login": "tên đăng nhập", "disabled": "tài khoản bị khóa"}

// auditNames resolves the names an entry page shows: accounts, people and
// units, each looked up once for the page.
type auditNames struct {
	users          map[string]string
	people, units  map[string]string
	personIDs, ids []string
}

// auditItems turns a page of entries into what the page shows, reading
// the names of the accounts, people and units of this page only.
func (s *Server) auditItems(ctx context.Context, es []tochuc.AuditEntry, d tochuc.Date) ([]auditItem, error) {
	n := auditNames{users: map[string]string{}}
	for _, e := range es {
		if _, ok := n.users[e.UserLogin]; !ok {
			n.users[e.UserLogin] = ""
			if u, _, err := s.accounts.UserCredentials(ctx, e.UserLogin); err == nil {
				n.users[e.UserLogin] = u.FullName
			} else if tochuc.ErrorCode(err) != tochuc.ENotFound {
				return nil, err
			}
		}
		eachRef(e, func(file, id string) {
			if file == "people" {
				n.personIDs = append(n.personIDs, id)
			} else {
				n.ids = append(n.ids, id)
			}
		})
	}
	var err error
	if n.people, err = s.registry.PersonNames(ctx, compactIDs(n.personIDs)); err != nil {
		return nil, err
	}
	if n.units, err = s.registry.UnitNames(ctx, compactIDs(n.ids), d); err != nil {
		return nil, err
	}
	out := make([]auditItem, len(es))
	for i, e := range es {
		out[i] = n.item(e)
	}
	return out, nil
}

func compactIDs(ids []string) []string {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// entryFile is the bundle file an entry changed a record of, or nil.
// (an edit, which holds the record's fields before or after; a
// restructuring's object type is "restructure" too).
func entryFile(e tochuc.AuditEntry) *bundle.File {
	_, before := e.Detail["before"]
	_, after := e.Detail["after"]
	if !before && !after {
		return nil
	}
	return bundle.FileByName(e.ObjectType)
}

// values returns a record's fields in the entry's detail ("before", "after").
func values(e tochuc.AuditEntry, which string) map[string]string {
	m, ok := e.Detail[which].(map[string]any)
	if !ok {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = fmt.Sprint(v)
	}
	return out
}

// eachRef calls fn with every person or unit an entry names: the fields of
// its record that reference one, and the units of a restructuring.
func eachRef(e tochuc.AuditEntry, fn func(file, id string)) {
	if f := entryFile(e); f != nil {
		for _, vals := range []map[string]string{values(e, "before"), values(e, "after")} {
			for _, c := range f.Columns {
				if file := refOf(f, c, vals); file != "" && vals[c.Name] != "" {
					fn(file, vals[c.Name])
				}
			}
		}
	}
	if from, ok := e.Detail["from"].([]any); ok {
		for _, id := range from {
			fn("units", fmt.Sprint(id))
		}
	}
	if scope, ok := e.Detail["scope"].(string); ok && e.Action != tochuc.AuditLoginLocked && scope != "" {
		fn("units", scope)
	}
}

// refOf is the file ("people", "units") a column of a record references, or "".
func refOf(f *bundle.File, c bundle.Column, vals map[string]string) string {
	ref := c.RefFile(vals[c.RefVia])
	if ref == "" && c.Name == "id" {
		ref = f.Self
	}
	if ref == "people" || ref == "units" {
		return ref
	}
	return ""
}

// item is an entry as the page shows it.
func (n auditNames) item(e tochuc.AuditEntry) auditItem {
	it := auditItem{AuditEntry: e, ActionLabel: tochuc.Label("action", e.Action), UserName: n.users[e.UserLogin],
		LocalTime: auditTime(e.At)}
	if e.Action == tochuc.AuditConfidentialRead {
		it.ObjectLabel = tochuc.Label("file", e.ObjectType)
		it.ObjectID = ""
	}
	f := entryFile(e)
	if f == nil {
		it.Changes = n.facts(e)
		return it
	}
	it.ObjectLabel = tochuc.Label("file", f.Name)
	before, after := values(e, "before"), values(e, "after")
	if eff, ok := e.Detail["effective"].(string); ok {
		it.Effective = isoToVN(eff)
	}
	key := after
	if key == nil {
		key = before
	}
	for _, c := range f.Columns {
		if refOf(f, c, key) != "" && key[c.Name] != "" && slices.Contains(f.Key, c.Name) {
			it.Subjects = append(it.Subjects, n.value(f, c, key))
		}
	}
	for _, c := range f.Columns {
		b, a := before[c.Name], after[c.Name]
		if b == a && (before != nil || a == "") {
			continue
		}
		if before == nil && refOf(f, c, after) != "" && slices.Contains(f.Key, c.Name) {
			continue // a new record's person or unit: named above (Subjects)
		}
		ch := auditChange{Field: c.Name, Label: fieldLabel(f, c, key)}
		if before != nil && b != "" {
			v := n.value(f, c, before)
			ch.Before = &v
		}
		if a != "" {
			v := n.value(f, c, after)
			ch.After = &v
		}
		it.Changes = append(it.Changes, ch)
	}
	for _, ch := range n.facts(e) {
		if ch.Field == "change_set" {
			it.Changes = append(it.Changes, ch)
		}
	}
	return it
}

// fieldLabel is a field's label: a reference shown by its name drops the
// form's "Mã" ("Mã đơn vị" → "Đơn vị").
func fieldLabel(f *bundle.File, c bundle.Column, vals map[string]string) string {
	l := columnLabel(c.Name)
	if rest, ok := strings.CutPrefix(l, "Mã "); ok && refOf(f, c, vals) != "" {
		r, size := utf8.DecodeRuneInString(rest)
		return string(unicode.ToUpper(r)) + rest[size:]
	}
	return l
}

// value is a field of a record as read: a name with its code, a label, a date.
func (n auditNames) value(f *bundle.File, c bundle.Column, vals map[string]string) auditValue {
	v := vals[c.Name]
	switch refOf(f, c, vals) {
	case "people":
		return named(n.people[v], v)
	case "units":
		return named(n.units[v], v)
	}
	switch {
	case c.Type == bundle.Date:
		return auditValue{Text: isoToVN(v)}
	case f.Name == "qualifications" && c.Name == "level":
		return auditValue{Text: tochuc.Label(vals["kind"], v)}
	case f.Name == "qualifications" && c.Name == "kind":
		return auditValue{Text: tochuc.Label("qualification", v)}
	case c.Enum != nil:
		return auditValue{Text: tochuc.Label(vocabOf(f.Name, c.Name), v)}
	}
	return auditValue{Text: v}
}

// named is a name with its code beside it (the code alone when no name is known).
func named(name, code string) auditValue {
	if name == "" {
		return auditValue{Text: code}
	}
	return auditValue{Text: name, Code: code}
}

// isoToVN writes a yyyy-mm-dd date as dd/mm/yyyy (other text unchanged).
func isoToVN(s string) string {
	if d, err := tochuc.ParseDate(s); err == nil && d != 0 {
		return d.Vietnamese()
	}
	return s
}

// facts are the facts of an entry other than a record's fields, labelled,
// their values in words (a count per file, a unit's name, a role).
func (n auditNames) facts(e tochuc.AuditEntry) []auditChange {
	keys := make([]string, 0, len(e.Detail))
	for k := range e.Detail {
		if k != "before" && k != "after" && k != "effective" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []auditChange
	for _, k := range keys {
		label := detailLabels[k]
		if label == "" {
			label = k
		}
		v := n.fact(e, k, e.Detail[k])
		out = append(out, auditChange{Field: k, Label: label, After: &v})
	}
	return out
}

// fact is one fact's value in words.
func (n auditNames) fact(e tochuc.AuditEntry, key string, v any) auditValue {
	switch x := v.(type) {
	case float64:
		return auditValue{Text: tochuc.FormatInt(int(x))}
	case bool:
		if x {
			return auditValue{Text: "Có"}
		}
		return auditValue{Text: "Không"}
	case string:
		switch {
		case key == "role":
			return auditValue{Text: tochuc.Label("user_role", x)}
		case key == "scope" && x == tochuc.AllUnits:
			return auditValue{Text: "Toàn bộ dữ liệu"}
		case key == "scope" && e.Action != tochuc.AuditLoginLocked:
			return named(n.units[x], x)
		case key == "date":
			return auditValue{Text: isoToVN(x)}
		case key == "via":
			return auditValue{Text: viaWords(x)}
		case detailValues[x] != "":
			return auditValue{Text: detailValues[x]}
		}
		return auditValue{Text: x}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, tochuc.Label("file", k)+": "+n.fact(e, k, x[k]).Text)
		}
		return auditValue{Text: strings.Join(parts, "; ")}
	case []any:
		parts := make([]string, 0, len(x))
		if f := bundle.FileByName(e.ObjectType); key == "records" && f != nil {
			for _, item := range x {
				parts = append(parts, recordKeyWords(f, fmt.Sprint(item)))
			}
			return auditValue{Text: strings.Join(parts, "; ")}
		}
		if key == "records" && e.ObjectType == "checks" {
			for _, item := range x {
				parts = append(parts, findingKeyWords(fmt.Sprint(item)))
			}
			return auditValue{Text: strings.Join(parts, "; ")}
		}
		for _, item := range x {
			if m, ok := item.(map[string]any); ok && m["name"] != nil { // a bundle file's report
				parts = append(parts, tochuc.Label("file", fmt.Sprint(m["name"]))+": "+n.fact(e, "", m["added"]).Text)
				continue
			}
			s := fmt.Sprint(item)
			if key == "from" {
				if name := n.units[s]; name != "" {
					s = name + " (" + s + ")"
				}
			}
			parts = append(parts, s)
		}
		return auditValue{Text: strings.Join(parts, "; ")}
	case nil:
		return auditValue{Text: "—"}
	}
	return auditValue{Text: fmt.Sprint(v)}
}

// recordKeyWords renders a record's key as the audit log holds it ("2024|
// year|person|P1|leader") in words: each key column's code by its label,
// each date as dd/mm/yyyy, ids as they are.
func recordKeyWords(f *bundle.File, key string) string {
	parts := strings.Split(key, "|")
	for i, k := range f.KeyIndexes() {
		if i >= len(parts) {
			break
		}
		c := f.Columns[k]
		switch {
		case c.Vocab != "" && parts[i] != "":
			parts[i] = tochuc.Label(c.Vocab, parts[i])
		case c.Type == bundle.Date:
			parts[i] = isoToVN(parts[i])
		}
	}
	return strings.Join(parts, ", ")
}

// findingKeyWords renders a finding as the audit log names it ("PLAN-02
// 2025-2030|U1|secretary") in words: its subject's codes by their labels.
func findingKeyWords(key string) string {
	rule, vals, _ := strings.Cut(key, " ")
	r, ok := check.Lookup(rule)
	if !ok {
		return key
	}
	parts := strings.Split(vals, "|")
	for i, k := range r.Subject {
		if i >= len(parts) {
			break
		}
		if vocab := subjectVocab[k]; vocab != "" && parts[i] != "" {
			parts[i] = tochuc.Label(vocab, parts[i])
		}
	}
	return rule + ": " + strings.Join(parts, ", ")
}

// subjectVocab names the vocabulary of a finding's subject key.
var subjectVocab = map[string]string{"role": "role", "category": "category", "subject_type": "subject", "period": "period"}

// viaWords names the page or path through which confidential records were
// read, without the bundle's file names: "/sua/plans" is "Biểu mẫu sửa:
// Quy hoạch cán bộ", "/api/v1/records/plans" "API bản ghi: Quy hoạch cán
// bộ", and a file name in any other path is its label.
func viaWords(via string) string {
	prefix, path := "", via
	if i := strings.Index(via, "/"); i > 0 {
		prefix, path = via[:i], via[i:]
	}
	label := func(seg string) string {
		if bundle.FileByName(seg) != nil {
			return tochuc.Label("file", seg)
		}
		return seg
	}
	switch {
	case strings.HasPrefix(path, "/sua/"):
		return prefix + "Biểu mẫu sửa: " + label(strings.TrimPrefix(path, "/sua/"))
	case strings.HasPrefix(path, "/api/v1/records/"):
		return prefix + "API bản ghi: " + label(strings.TrimPrefix(path, "/api/v1/records/"))
	case via == "export":
		return "Tải gói dữ liệu"
	}
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		segs[i] = label(seg)
	}
	return prefix + strings.Join(segs, "/")
}
