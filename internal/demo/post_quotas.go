package demo

import (
	_ "embed"
	"encoding/csv"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// postQuotasCSV is the default post quotas (our post_quotas.csv, also
// docs/post_quotas.csv for a registry to import): values sourced from a
// legal text name it in legal_basis; the others say "minh họa".
//
//go:embed post_quotas.csv
var postQuotasCSV string

// PostQuotas returns the default post quotas as bundle rows.
func PostQuotas() ([]map[string]string, error) {
	rows, err := csv.NewReader(strings.NewReader(postQuotasCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out, nil
}

// addPostQuotas adds the default post quotas to the demo's tables.
func addPostQuotas(t bundle.Tables) error {
	rows, err := PostQuotas()
	for _, r := range rows {
		t.Add("post_quotas", r)
	}
	return err
}
