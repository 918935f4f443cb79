package bundle

import "fmt"

// Issue is a problem found in a bundle: an error (the import is refused) or a
// warning (reported, the import goes on).
type Issue struct {
	File    string `json:"file"`             // file location, e.g. "units.csv"
	Line    int    `json:"line,omitempty"`   // row as the user sees it (header = 1); 0 for the whole file
	Column  string `json:"column,omitempty"` // column key, or ""
	Vi      string `json:"vi"`               // message in Vietnamese
	En      string `json:"en"`               // message in English
	Warning bool   `json:"warning"`
	order   int    // load order of the file, for sorting
}

// String renders the issue on one line in Vietnamese and English.
func (i Issue) String() string {
	where := i.File
	if i.Line > 0 {
		where += fmt.Sprintf(", dòng %d", i.Line)
	}
	if i.Column != "" {
		where += ", cột " + i.Column
	}
	kind := "LỖI"
	if i.Warning {
		kind = "CẢNH BÁO"
	}
	return fmt.Sprintf("%s: %s: %s (%s)", kind, where, i.Vi, i.En)
}

// maxIssues bounds the issues kept in memory; past it they are only counted.
const maxIssues = 100000

// issues collects errors and warnings.
type issues struct {
	list            []Issue
	errors, dropped int
	warnings        int
	order           int // stamped on issues added from now on
}

func (s *issues) add(i Issue) {
	i.order = s.order
	if i.Warning {
		s.warnings++
	} else {
		s.errors++
	}
	if len(s.list) >= maxIssues {
		s.dropped++
		return
	}
	s.list = append(s.list, i)
}
