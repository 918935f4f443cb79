package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// WriteExplanationJSON writes an explanation as one JSON object.
func WriteExplanationJSON(w io.Writer, e *indicator.Explanation) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(e)
}

// explanationRows returns the header and rows of an explanation's columns.
func explanationRows(e *indicator.Explanation, vietnamese bool) [][]string {
	yes, no := "1", "0"
	head := []string{"id", "name", "part", "counted", "amount"}
	if vietnamese {
		yes, no = "có", "không"
		head = []string{"Mã", "Tên", "Nhóm", "Được tính", "Số lượng"}
	}
	rows := [][]string{head}
	for _, it := range e.Items {
		counted, part, amount := no, it.Part, ""
		if it.Counted {
			counted = yes
		}
		if vietnamese && part != "" {
			part = indicator.PartLabel(part)
		}
		if it.Amount != nil {
			amount = strconv.Itoa(*it.Amount)
			if vietnamese {
				amount = tochuc.FormatInt(*it.Amount)
			}
		}
		rows = append(rows, []string{it.ID, it.Name, part, counted, amount})
	}
	return rows
}

// WriteExplanationCSV writes the items as CSV for people (id, name, part,
// counted, amount; see SpreadsheetSafe).
func WriteExplanationCSV(w io.Writer, e *indicator.Explanation) error {
	return writeCSVForPeople(w, explanationRows(e, false))
}

// WriteExplanationTable writes the items as a Vietnamese table, with only
// the columns the indicator uses.
func WriteExplanationTable(w io.Writer, e *indicator.Explanation) error {
	scope := "toàn bộ"
	if e.Scope != nil {
		scope = e.Scope.Name
	}
	when := "ngày " + tochuc.MustDate(e.AsOf).Vietnamese()
	if e.Since != "" {
		when = "từ sau ngày " + tochuc.MustDate(e.Since).Vietnamese() + " đến hết " + when
	} else if e.Def.Flow {
		when = "đến hết " + when
	}
	counted, total, sum := 0, 0, 0
	for _, it := range e.Items {
		total++
		if it.Counted {
			counted++
		}
		if it.Amount != nil {
			sum += *it.Amount
		}
	}
	fmt.Fprintf(w, "Chỉ tiêu: %s (%s)\n%s — phạm vi: %s\n", e.Label, e.ID, when, scope)
	if e.Def.Share {
		fmt.Fprintf(w, "Được tính %s trên %s\n\n", tochuc.FormatInt(counted), tochuc.FormatInt(total))
	} else if e.Def.Sum {
		fmt.Fprintf(w, "Số bản ghi: %s — tổng cộng: %s\n\n", tochuc.FormatInt(total), tochuc.FormatInt(sum))
	} else {
		fmt.Fprintf(w, "Số bản ghi: %s\n\n", tochuc.FormatInt(total))
	}
	keep := []bool{true, true, len(e.Def.Parts) > 0, e.Def.Share, e.Def.Sum}
	var rows [][]string
	for _, row := range explanationRows(e, true) {
		var out []string
		for i, cell := range row {
			if keep[i] {
				out = append(out, cell)
			}
		}
		rows = append(rows, out)
	}
	right := make([]bool, len(rows[0]))
	if e.Def.Sum {
		right[len(right)-1] = true // amounts
	}
	return writeTable(w, rows, right)
}
