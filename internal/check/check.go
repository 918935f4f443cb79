// Package check applies the party's rules to the registry (checks-v1): for a
// date D it finds who is over a quota, whose term or probation runs out, who
// holds a post past retirement, and reports each finding with its rule, the
// records it is about, the legal basis in force and a message in Vietnamese
// and English. Each rule is defined once, here; the records come from a
// Source (storage streams them; MemorySource holds a bundle in memory).
package check

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Severities of findings.
const (
	Error   = "error"   // the rule is broken
	Warning = "warning" // due, overdue or likely wrong
)

// Finding is one rule broken (or due) for one subject.
type Finding struct {
	Rule      string            `json:"rule"`
	Severity  string            `json:"severity"`
	Basis     string            `json:"basis"`
	Subject   map[string]string `json:"subject"`
	Records   []Record          `json:"records"`
	MessageVi string            `json:"message_vi"`
	MessageEn string            `json:"message_en"`
}

// Record is a row behind a finding: its file, the unit or person it is
// about, and its values.
type Record struct {
	File   string            `json:"file"`
	ID     string            `json:"id"`
	Values map[string]string `json:"values"`
}

// Key identifies a finding: its rule and subject (two findings with the same
// key are the same finding).
func (f Finding) Key() string {
	keys := make([]string, 0, len(f.Subject))
	for k := range f.Subject {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString(f.Rule)
	for _, k := range keys {
		fmt.Fprintf(&b, "|%s=%s", k, f.Subject[k])
	}
	return b.String()
}

// Rule is one check of the catalog.
type Rule struct {
	ID       string
	Severity string
	Subject  []string // the subject's keys, in order
	Title    string   // Vietnamese, for lists
	// Reads are the bundle files whose records the rule reads: a change to
	// one of them may add or end its findings.
	Reads []string
	// start prepares the rule's run at p.AsOf: what it does with the rows of
	// the shared passes, and what it does after them.
	start func(ctx context.Context, src Source, p Params, emit func(Finding)) *run
}

// run is one rule at work. The rows of a pass over the plans, posts or
// ratings on the date are read once and handed to every rule that wants
// them; then each rule finishes (reading more if it must).
type run struct {
	plan   func(PlanRow)
	post   func(PostRow)
	rating func(Rating)
	finish func() error
}

// Params select what a check covers.
type Params struct {
	AsOf  tochuc.Date
	Rules []string // rule ids; empty: every rule
}

// Run evaluates the rules at p.AsOf over src and returns the findings,
// sorted by rule (catalog order) and subject.
func Run(ctx context.Context, src Source, p Params) ([]Finding, error) {
	if p.AsOf == 0 {
		return nil, tochuc.Errorf(tochuc.EInvalid, "thiếu ngày kiểm tra")
	}
	for _, id := range p.Rules {
		if _, ok := Lookup(id); !ok {
			return nil, tochuc.Errorf(tochuc.EInvalid, "không có quy định kiểm tra %q (có: %s)", id, strings.Join(IDs(), ", "))
		}
	}
	var rules []Rule
	var runs []*run
	var mu sync.Mutex // emit may be called from several rules at once
	found := map[string][]Finding{}
	for _, r := range Catalog() {
		if len(p.Rules) > 0 && !slices.Contains(p.Rules, r.ID) {
			continue
		}
		r := r
		rules = append(rules, r)
		runs = append(runs, r.start(ctx, src, p, func(f Finding) {
			f.Rule, f.Severity = r.ID, r.Severity
			mu.Lock()
			found[r.ID] = append(found[r.ID], f)
			mu.Unlock()
		}))
	}
	// The shared passes and the rules that use them are one task; each
	// other rule is a task of its own. A Source that allows it runs them
	// at once, as many as there are processors.
	tasks := []func() error{func() error {
		if err := passes(ctx, src, p, runs); err != nil {
			return err
		}
		for _, r := range runs {
			if r.usesPasses() && r.finish != nil {
				if err := r.finish(); err != nil {
					return err
				}
			}
		}
		return nil
	}}
	for _, r := range runs {
		if !r.usesPasses() && r.finish != nil {
			tasks = append(tasks, r.finish)
		}
	}
	workers := 1
	if par, ok := src.(Parallel); ok && par.Parallel() {
		workers = runtime.GOMAXPROCS(0)
	}
	if err := runTasks(tasks, workers); err != nil {
		return nil, err
	}
	var out []Finding
	for _, r := range rules {
		out = append(out, sortByKey(found[r.ID])...)
	}
	return out, nil
}

// Parallel is implemented by a Source whose methods may be called from
// several goroutines at once (a pool of connections, rows in memory).
type Parallel interface {
	Parallel() bool
}

// usesPasses reports whether a rule reads the shared passes.
func (r *run) usesPasses() bool { return r.plan != nil || r.post != nil || r.rating != nil }

// runTasks runs tasks with at most workers at a time and returns the first
// error (the others still finish).
func runTasks(tasks []func() error, workers int) error {
	if workers <= 1 {
		for _, t := range tasks {
			if err := t(); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, len(tasks))
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = t()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Added returns the findings of after that are not in before (by key):
// what a change adds.
func Added(before, after []Finding) []Finding {
	seen := make(map[string]bool, len(before))
	for _, f := range before {
		seen[f.Key()] = true
	}
	var out []Finding
	for _, f := range after {
		if !seen[f.Key()] {
			out = append(out, f)
		}
	}
	return out
}

// sortByKey sorts findings by their key, computing each key once.
func sortByKey(fs []Finding) []Finding {
	type keyed struct {
		key string
		i   int
	}
	ks := make([]keyed, len(fs))
	for i, f := range fs {
		ks[i] = keyed{f.Key(), i}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]Finding, len(fs))
	for i, k := range ks {
		out[i] = fs[k.i]
	}
	return out
}

// passes reads each kind of row once, for the rules that want it.
func passes(ctx context.Context, src Source, p Params, runs []*run) error {
	want := func(has func(*run) bool) []*run {
		var out []*run
		for _, r := range runs {
			if has(r) {
				out = append(out, r)
			}
		}
		return out
	}
	if rs := want(func(r *run) bool { return r.plan != nil }); len(rs) > 0 {
		if err := src.Plans(ctx, p.AsOf, func(x PlanRow) error {
			for _, r := range rs {
				r.plan(x)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	if rs := want(func(r *run) bool { return r.post != nil }); len(rs) > 0 {
		if err := src.Posts(ctx, p.AsOf, func(x PostRow) error {
			for _, r := range rs {
				r.post(x)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	if rs := want(func(r *run) bool { return r.rating != nil }); len(rs) > 0 {
		if err := src.Ratings(ctx, p.AsOf.Time().Year(), func(x Rating) error {
			for _, r := range rs {
				r.rating(x)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// Lookup returns a rule by id.
func Lookup(id string) (Rule, bool) {
	for _, r := range Catalog() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Reading returns the ids of the rules that read a bundle file.
func Reading(file string) []string {
	var out []string
	for _, r := range Catalog() {
		if slices.Contains(r.Reads, file) {
			out = append(out, r.ID)
		}
	}
	return out
}

// IDs lists the rules' ids in catalog order.
func IDs() []string {
	var out []string
	for _, r := range Catalog() {
		out = append(out, r.ID)
	}
	return out
}

// Catalog returns every rule, in the order of checks-v1.
func Catalog() []Rule {
	return []Rule{
		{ID: "PLAN-01", Reads: []string{"plans", "assignments", "people"}, Severity: Error, Subject: []string{"term", "unit_id", "role", "person_id"},
			Title: "Quy hoạch vào chức danh đang đảm nhiệm", start: plan01},
		{ID: "PLAN-02", Reads: []string{"plans"}, Severity: Error, Subject: []string{"term", "unit_id", "role"},
			Title: "Quá 3 người trong quy hoạch một chức danh", start: plan02},
		{ID: "PLAN-03", Reads: []string{"plans"}, Severity: Error, Subject: []string{"term", "person_id"},
			Title: "Một người quy hoạch quá 3 chức danh", start: plan03},
		{ID: "PLAN-05", Reads: []string{"plans", "people"}, Severity: Warning, Subject: []string{"term", "unit_id", "role", "person_id"},
			Title: "Tuổi khi đưa vào quy hoạch", start: plan05},
		{ID: "APPT-03", Reads: []string{"assignments", "people", "units"}, Severity: Warning, Subject: []string{"person_id", "unit_id", "role", "valid_from"},
			Title: "Tuổi bổ nhiệm lần đầu", start: appt03},
		{ID: "ROT-05", Reads: []string{"assignments", "people", "units"}, Severity: Warning, Subject: []string{"person_id", "unit_id", "role", "valid_from"},
			Title: "Thời gian công tác còn lại khi luân chuyển", start: rot05},
		{ID: "APPT-05", Reads: []string{"assignments", "units"}, Severity: Warning, Subject: []string{"person_id", "unit_id", "role", "valid_from"},
			Title: "Đến hạn bổ nhiệm lại", start: appt05},
		{ID: "RET-01", Reads: []string{"assignments", "people", "units"}, Severity: Warning, Subject: []string{"person_id", "unit_id", "role", "valid_from"},
			Title: "Giữ chức vụ sau tuổi nghỉ hưu", start: ret01},
		{ID: "EVAL-11", Reads: []string{"evaluations", "people"}, Severity: Error, Subject: []string{"year", "category", "rated_by_id"},
			Title: "Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ", start: eval11},
		{ID: "EVAL-13", Reads: []string{"evaluations", "assignments", "people"}, Severity: Error, Subject: []string{"year", "unit_id", "person_id"},
			Title: "Người đứng đầu xếp loại cao hơn tập thể", start: eval13},
		{ID: "EVAL-14", Reads: []string{"evaluations", "people"}, Severity: Error, Subject: []string{"year", "person_id"},
			Title: "Xếp loại đảng viên cao hơn xếp loại công chức, viên chức", start: eval14},
		{ID: "EVAL-15", Reads: []string{"evaluations", "units", "party", "people"}, Severity: Error, Subject: []string{"year", "unit_id"},
			Title: "Tổ chức đảng xuất sắc khi cấp dưới chưa đạt", start: eval15},
		{ID: "EVAL-17", Reads: []string{"evaluations", "people"}, Severity: Warning, Subject: []string{"year", "subject_type", "subject_id", "category"},
			Title: "Hai năm liền không hoàn thành nhiệm vụ", start: eval17},
		{ID: "PM-01", Reads: []string{"party", "people"}, Severity: Error, Subject: []string{"person_id", "date"},
			Title: "Tuổi khi kết nạp", start: pm01},
		{ID: "PM-06", Reads: []string{"party", "people"}, Severity: Warning, Subject: []string{"person_id"},
			Title: "Quá hạn xét công nhận đảng viên chính thức", start: pm06},
		{ID: "ORG-01", Reads: []string{"party", "units", "people"}, Severity: Warning, Subject: []string{"unit_id"},
			Title: "Chi bộ dưới 3 đảng viên chính thức", start: org01},
		{ID: "DQ-01", Reads: []string{"people"}, Severity: Error, Subject: []string{"citizen_id"},
			Title: "Trùng số căn cước", start: dq01},
		{ID: "DQ-02", Reads: []string{"people"}, Severity: Warning, Subject: []string{"folded_name", "birth_date"},
			Title: "Có thể trùng người (cùng họ tên, ngày sinh)", start: dq02},
		// Beside checks-v1: the effect of discipline (bundle-v1 amendment 1).
		{ID: "EVAL-09", Reads: []string{"evaluations", "discipline", "people"}, Severity: Error, Subject: []string{"year", "subject_type", "subject_id", "category"},
			Title: "Bị kỷ luật trong năm nhưng xếp loại trên mức không hoàn thành nhiệm vụ", start: eval09},
		{ID: "EVAL-10", Reads: []string{"evaluations", "discipline", "people"}, Severity: Error, Subject: []string{"year", "subject_type", "subject_id", "category"},
			Title: "Bị kỷ luật trong năm nhưng xếp loại hoàn thành xuất sắc nhiệm vụ", start: eval10},
		{ID: "PLAN-07", Reads: []string{"plans", "discipline", "people"}, Severity: Warning, Subject: []string{"term", "unit_id", "role", "person_id"},
			Title: "Bị kỷ luật sau khi được quy hoạch, vẫn còn trong quy hoạch", start: plan07},
		{ID: "APPT-08", Reads: []string{"assignments", "discipline", "people", "units"}, Severity: Warning, Subject: []string{"person_id", "unit_id", "role", "valid_from"},
			Title: "Bổ nhiệm, bầu trong thời hạn sau kỷ luật", start: appt08},
	}
}
