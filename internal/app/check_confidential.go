package app

import (
	"context"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// ConfidentialFinding reports whether a finding shows confidential records:
// its rule reads a confidential file (plans, evaluations, discipline), a
// record behind it is of one, or its subject or a record names a
// confidential column (DQ-01's citizen id) — derived from the schema, so
// that a new rule or column cannot be left out.
func ConfidentialFinding(f check.Finding) bool {
	if r, ok := check.Lookup(f.Rule); ok {
		for _, name := range r.Reads {
			if bf := bundle.FileByName(name); bf != nil && bf.Confidential {
				return true
			}
		}
	}
	for k := range f.Subject {
		if confidentialColumns[k] {
			return true
		}
	}
	for _, rec := range f.Records {
		bf := bundle.FileByName(rec.File)
		if bf != nil && bf.Confidential {
			return true
		}
		for k, v := range rec.Values {
			if v != "" && confidentialColumns[k] {
				return true
			}
		}
	}
	return false
}

// confidentialColumns are the names of the schema's confidential columns.
var confidentialColumns = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range bundle.Files {
		for _, c := range f.Columns {
			if c.Confidential {
				m[c.Name] = true
			}
		}
	}
	return m
}()

// withoutConfidential drops the confidential findings of a run for an
// account without the permission to read them.
func withoutConfidential(u tochuc.User, res *CheckResult) *CheckResult {
	if res == nil || u.CanReadConfidential() {
		return res
	}
	out := *res
	out.Findings = slices.DeleteFunc(slices.Clone(res.Findings), ConfidentialFinding)
	return &out
}

// LogFindings writes to the audit log the read of the confidential findings
// among fs (those a page, a download or the API showed), through via.
func (s *Scope) LogFindings(ctx context.Context, via string, fs []check.Finding) error {
	rd := ConfidentialRead{File: "checks", Via: via}
	for _, f := range fs {
		if ConfidentialFinding(f) {
			rd.Add(findingKey(f))
		}
	}
	return s.LogRead(ctx, rd)
}

// findingKey names a finding in the audit log: its rule and subject values
// in the rule's order ("PLAN-02 2025-2030|U1|secretary").
func findingKey(f check.Finding) string {
	var vals []string
	if r, ok := check.Lookup(f.Rule); ok {
		for _, k := range r.Subject {
			vals = append(vals, f.Subject[k])
		}
	}
	return f.Rule + " " + strings.Join(vals, "|")
}
