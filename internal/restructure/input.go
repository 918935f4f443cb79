package restructure

import (
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Input is an operation as a person enters it, field by field, before it
// is read: the command line's flags and the web wizard's fields both fill
// one, and Parse is the only reader of it.
//
// From, NewID and MemberTo values may each list several, separated by
// commas; NewName values by semicolons (a name may hold a comma). The other
// NewX fields give one value per new unit, in NewID's order, or a single
// value for every new unit.
type Input struct {
	Kind      string `json:"kind"`
	Date      string `json:"date"`
	Into      string `json:"into,omitempty"`
	MembersTo string `json:"members_to,omitempty"`
	Document  string `json:"document,omitempty"`
	EventID   string `json:"event_id,omitempty"`

	From        []string `json:"from,omitempty"`
	NewID       []string `json:"new_id,omitempty"`
	MemberTo    []string `json:"member_to,omitempty"`
	NewName     []string `json:"new_name,omitempty"`
	NewKind     []string `json:"new_kind,omitempty"`
	NewParent   []string `json:"new_parent,omitempty"`
	NewLocality []string `json:"new_locality,omitempty"`
}

// Parse reads an operation from its input. Errors are tochuc.EInvalid and
// name the field, in Vietnamese.
func Parse(in Input) (Operation, error) {
	kind := strings.TrimSpace(in.Kind)
	if kind == "" {
		return Operation{}, tochuc.Errorf(tochuc.EInvalid, "Cần chọn loại sắp xếp (kind)")
	}
	date := strings.TrimSpace(in.Date)
	d, err := tochuc.ParseDateLoose(date)
	if err != nil || d == 0 {
		return Operation{}, tochuc.Errorf(tochuc.EInvalid, "Ngày hiệu lực không hợp lệ: %q (dd/mm/yyyy)", date)
	}
	op := Operation{Kind: kind, Date: d, From: split(in.From, ","), Into: strings.TrimSpace(in.Into),
		MembersTo: strings.TrimSpace(in.MembersTo), DocumentID: strings.TrimSpace(in.Document),
		EventID: strings.TrimSpace(in.EventID)}
	if op.To, err = targets(op, split(in.NewID, ","), split(in.NewName, ";"), split(in.NewKind, ","),
		split(in.NewParent, ","), split(in.NewLocality, ",")); err != nil {
		return Operation{}, err
	}
	for _, kv := range split(in.MemberTo, ",") {
		person, unit, ok := strings.Cut(kv, "=")
		person, unit = strings.TrimSpace(person), strings.TrimSpace(unit)
		if !ok || person == "" || unit == "" {
			return Operation{}, tochuc.Errorf(tochuc.EInvalid, "Nơi tiếp nhận đảng viên %q: cần ghi MÃ_ĐẢNG_VIÊN=MÃ_ĐƠN_VỊ", kv)
		}
		if op.MemberTargets == nil {
			op.MemberTargets = map[string]string{}
		}
		op.MemberTargets[person] = unit
	}
	return op, nil
}

// targets pairs the new units' values: one target per new id, or, when
// only attributes are given, one target; for a rename, move or conversion
// that target keeps the (single) From unit's id.
func targets(op Operation, ids, names, kinds, parents, localities []string) ([]Target, error) {
	n := len(ids)
	attrs := [][]string{names, kinds, parents, localities}
	for _, a := range attrs {
		if n == 0 && len(a) > 0 {
			n = 1
		}
	}
	labels := []string{"tên mới", "loại đơn vị mới", "đơn vị cấp trên mới", "địa bàn mới"}
	for i, a := range attrs {
		if len(a) > 1 && len(a) != n {
			return nil, tochuc.Errorf(tochuc.EInvalid, "Có %d giá trị %s nhưng %d đơn vị mới (mã mới): ghi một giá trị cho mỗi đơn vị mới, hoặc một giá trị cho tất cả",
				len(a), labels[i], n)
		}
	}
	at := func(a []string, i int) string {
		switch len(a) {
		case 0:
			return ""
		case 1:
			return a[0]
		}
		return a[i]
	}
	out := make([]Target, n)
	for i := range out {
		out[i] = Target{ID: at(ids, i), Name: at(names, i), Kind: at(kinds, i),
			ParentID: at(parents, i), LocalityID: at(localities, i)}
	}
	if inPlace := op.Kind == Rename || op.Kind == Move || op.Kind == Convert; inPlace && len(ids) == 0 && n == 1 && len(op.From) == 1 {
		out[0].ID = op.From[0]
	}
	return out, nil
}

// split splits each value on sep and drops blanks.
func split(vals []string, sep string) []string {
	var out []string
	for _, v := range vals {
		for _, p := range strings.Split(v, sep) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
