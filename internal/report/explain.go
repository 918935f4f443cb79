package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The writers of an explanation stream its items (indicator.Explanation.EachOf):
// an explanation opened with indicator.OpenExplanation is read from the
// storage as it is written, whatever the number of its records.

// WriteExplanationJSON writes an explanation as one JSON object (indented,
// the items last), the items written as they come.
func WriteExplanationJSON(w io.Writer, e *indicator.Explanation) error {
	head := *e
	head.Items = []indicator.Item{}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(head); err != nil {
		return err
	}
	// The object ends with `"items": []` and `}`: the items go between the brackets.
	const tail = "[]\n}\n"
	if !bytes.HasSuffix(b.Bytes(), []byte(tail)) {
		return fmt.Errorf("explanation JSON: unexpected end %q", b.Bytes()[max(0, b.Len()-len(tail)):])
	}
	bw := bufio.NewWriter(w)
	bw.Write(b.Bytes()[:b.Len()-len(tail)])
	bw.WriteString("[")
	n := 0
	err := e.EachOf(func(it indicator.Item) error {
		j, err := json.MarshalIndent(it, "    ", "  ")
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString(",")
		}
		n++
		bw.WriteString("\n    ")
		_, err = bw.Write(j)
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// explanationHead returns the header of an explanation's columns.
func explanationHead(vietnamese bool) []string {
	if vietnamese {
		return []string{"Mã", "Tên", "Nhóm", "Được tính", "Số lượng"}
	}
	return []string{"id", "name", "part", "counted", "amount"}
}

// explanationRow returns the cells of an item's row.
func explanationRow(id string, it indicator.Item, vietnamese bool) []string {
	yes, no := "1", "0"
	if vietnamese {
		yes, no = "có", "không"
	}
	counted, part, amount := no, it.Part, ""
	if it.Counted {
		counted = yes
	}
	if vietnamese && part != "" {
		part = indicator.PartLabelOf(id, part)
	}
	if it.Amount != nil {
		amount = strconv.Itoa(*it.Amount)
		if vietnamese {
			amount = tochuc.FormatInt(*it.Amount)
		}
	}
	return []string{it.ID, it.Name, part, counted, amount}
}

// WriteExplanationCSV writes the items as CSV for people (after a BOM;
// Vietnamese headers: Mã, Tên, Nhóm, Được tính, Số lượng; groups by their
// labels, amounts as plain integers; see SpreadsheetSafe), row by row.
func WriteExplanationCSV(w io.Writer, e *indicator.Explanation) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(BOM)
	cw := csv.NewWriter(bw)
	write := func(row []string) error {
		for i, c := range row {
			row[i] = SpreadsheetSafe(c)
		}
		return cw.Write(row)
	}
	if err := write(explanationHead(true)); err != nil {
		return err
	}
	err := e.EachOf(func(it indicator.Item) error {
		row := explanationRow(e.ID, it, true)
		if it.Amount != nil {
			row[4] = strconv.Itoa(*it.Amount) // a number a spreadsheet reads in any locale, not "1.186"
		}
		return write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteExplanationTable writes the items as a Vietnamese table, with only
// the columns the indicator uses. The items are read twice: once for the
// totals and the columns' widths, once to write them.
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
	keep := []bool{true, true, len(e.Def.Parts) > 0, e.Def.Share, e.Def.Sum}
	cells := func(row []string) []string {
		var out []string
		for i, cell := range row {
			if keep[i] {
				out = append(out, cell)
			}
		}
		return out
	}
	head := cells(explanationHead(true))
	right := make([]bool, len(head))
	if e.Def.Sum {
		right[len(right)-1] = true // amounts
	}
	width := make([]int, len(head))
	widen := func(row []string) {
		for i, cell := range row {
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	widen(head)
	counted, total, sum := 0, 0, 0
	err := e.EachOf(func(it indicator.Item) error {
		total++
		if it.Counted {
			counted++
		}
		if it.Amount != nil {
			sum += *it.Amount
		}
		widen(cells(explanationRow(e.ID, it, true)))
		return nil
	})
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Chỉ tiêu: %s (%s)\n%s — phạm vi: %s\n", e.Label, e.ID, when, scope)
	if e.Def.Share {
		fmt.Fprintf(bw, "Được tính %s trên %s\n\n", tochuc.FormatInt(counted), tochuc.FormatInt(total))
	} else if e.Def.Sum {
		fmt.Fprintf(bw, "Số bản ghi: %s — tổng cộng: %s\n\n", tochuc.FormatInt(total), tochuc.FormatInt(sum))
	} else {
		fmt.Fprintf(bw, "Số bản ghi: %s\n\n", tochuc.FormatInt(total))
	}
	line := tableLine(bw, width, right)
	line(head)
	rule := make([]string, len(head))
	for j := range head {
		rule[j] = dashes(width[j])
	}
	line(rule)
	if err := e.EachOf(func(it indicator.Item) error {
		line(cells(explanationRow(e.ID, it, true)))
		return nil
	}); err != nil {
		return err
	}
	return bw.Flush()
}
