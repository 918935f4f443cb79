package report

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Item is one record behind an indicator: a unit or a person.
type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Part is the item's key in the indicator's breakdown.
	Part string `json:"part,omitempty"`
	// Counted reports whether the item counts in the value; for a share, the
	// items are the `of` records and only some are counted.
	Counted bool `json:"counted"`
	// Amount is what the item adds to a sum (a unit's headcount).
	Amount *int `json:"amount,omitempty"`
}

// Explain lists the units or persons behind an indicator's value at p.AsOf
// (a flow: the persons of the events in (p.Since, p.AsOf]).
func Explain(ctx context.Context, src Source, p Params, id string) ([]Item, error) {
	def, ok := Lookup(id)
	if !ok {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có chỉ tiêu '%s'", id)
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	return src.Items(ctx, p, def)
}

// Explanation is an indicator with the records behind it, ready to render.
type Explanation struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	AsOf  string `json:"as_of"`
	Since string `json:"since,omitempty"`
	Scope *Scope `json:"scope"`
	Items []Item `json:"items"`
	def   Def
}

// NewExplanation explains an indicator and names its date and scope.
func NewExplanation(ctx context.Context, src Source, p Params, id string) (*Explanation, error) {
	items, err := Explain(ctx, src, p, id)
	if err != nil {
		return nil, err
	}
	def, _ := Lookup(id)
	e := &Explanation{ID: id, Label: def.LabelOn(p.AsOf), AsOf: p.AsOf.String(), Items: items, def: def}
	if def.Flow {
		e.Since = p.Since.String()
	}
	if p.Scope != "" {
		u, err := src.Unit(ctx, p.Scope, p.AsOf)
		if err != nil {
			return nil, err
		}
		e.Scope = &Scope{ID: u.ID, Name: u.Name}
	}
	if e.Items == nil {
		e.Items = []Item{}
	}
	return e, nil
}

// WriteExplanationJSON writes an explanation as one JSON object.
func WriteExplanationJSON(w io.Writer, e *Explanation) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(e)
}

// explanationRows returns the header and rows of an explanation's columns.
func explanationRows(e *Explanation, vietnamese bool) [][]string {
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
			part = PartLabel(part)
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
func WriteExplanationCSV(w io.Writer, e *Explanation) error {
	return writeCSVForPeople(w, explanationRows(e, false))
}

// WriteExplanationTable writes the items as a Vietnamese table, with only
// the columns the indicator uses.
func WriteExplanationTable(w io.Writer, e *Explanation) error {
	scope := "toàn bộ"
	if e.Scope != nil {
		scope = e.Scope.Name
	}
	when := "ngày " + tochuc.MustDate(e.AsOf).Vietnamese()
	if e.Since != "" {
		when = "từ sau ngày " + tochuc.MustDate(e.Since).Vietnamese() + " đến hết " + when
	} else if e.def.Flow {
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
	if e.def.Share {
		fmt.Fprintf(w, "Được tính %s trên %s\n\n", tochuc.FormatInt(counted), tochuc.FormatInt(total))
	} else if e.def.Sum {
		fmt.Fprintf(w, "Số bản ghi: %s — tổng cộng: %s\n\n", tochuc.FormatInt(total), tochuc.FormatInt(sum))
	} else {
		fmt.Fprintf(w, "Số bản ghi: %s\n\n", tochuc.FormatInt(total))
	}
	keep := []bool{true, true, len(e.def.Parts) > 0, e.def.Share, e.def.Sum}
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
	if e.def.Sum {
		right[len(right)-1] = true // amounts
	}
	return writeTable(w, rows, right)
}
