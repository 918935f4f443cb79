package app

import (
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// confidentialRules are the rule checks whose findings are built on
// confidential records (discipline): only an account with the permission to
// read confidential records sees them.
var confidentialRules = map[string]bool{"EVAL-09": true, "EVAL-10": true, "PLAN-07": true, "APPT-08": true}

// readableFindings drops the findings of confidential rules for an account
// without the permission.
func readableFindings(u tochuc.User, fs []check.Finding) []check.Finding {
	if u.CanReadConfidential() {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		if !confidentialRules[f.Rule] {
			out = append(out, f)
		}
	}
	return out
}
