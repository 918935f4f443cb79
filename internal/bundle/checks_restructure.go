package bundle

import (
	"fmt"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// checkRestructure checks that a restructuring link agrees with the periods of its units.
func (im *importer) checkRestructure(rec *Record) {
	kind, d := rec.Str("kind"), rec.Date("date")
	from, to := rec.Str("from_unit_id"), rec.Str("to_unit_id")
	event := rec.Str("event_id")
	if prev, ok := im.restructDates[event]; ok && prev != d {
		im.errAt(rec, "date", fmt.Sprintf("sự kiện '%s' đã ghi ngày %s ở dòng khác", event, prev.Vietnamese()),
			fmt.Sprintf("event '%s' has another date on an earlier row", event))
	}
	im.restructDates[event] = d
	needFrom := kind != "establish"
	needTo := kind != "dissolve"
	switch {
	case needFrom && from == "":
		im.errAt(rec, "from_unit_id", "thiếu đơn vị trước sắp xếp", "from_unit_id is required for "+kind)
		return
	case !needFrom && from != "":
		im.errAt(rec, "from_unit_id", "thành lập mới không có đơn vị trước", "establish has no from_unit_id")
		return
	case needTo && to == "":
		im.errAt(rec, "to_unit_id", "thiếu đơn vị sau sắp xếp", "to_unit_id is required for "+kind)
		return
	case !needTo && to != "":
		im.errAt(rec, "to_unit_id", "giải thể không có đơn vị sau", "dissolve has no to_unit_id")
		return
	}
	if (from != "" && !im.units.known(from)) || (to != "" && !im.units.known(to)) {
		return // already reported as a reference that resolves nowhere
	}
	before := d.AddDays(-1)
	if from != "" {
		if _, ok := im.units.at(from, before); !ok {
			im.errAt(rec, "from_unit_id", fmt.Sprintf("đơn vị '%s' không tồn tại trước ngày %s", from, d.Vietnamese()),
				fmt.Sprintf("unit '%s' does not exist the day before %s", from, d))
		}
	}
	ends := func(id string) bool { // the unit's last period ends on d
		vs := im.units.sorted(id)
		return len(vs) > 0 && vs[len(vs)-1].To == d
	}
	starts := func(id string) bool { // the unit's first period starts on d
		vs := im.units.sorted(id)
		return len(vs) > 0 && vs[0].From == d
	}
	switch kind {
	case "merge", "dissolve":
		if from == to {
			im.errAt(rec, "to_unit_id", "đơn vị sáp nhập vào chính nó", "unit merged into itself")
		} else if !ends(from) {
			im.errAt(rec, "from_unit_id", fmt.Sprintf("thời gian của đơn vị '%s' phải kết thúc vào ngày %s", from, d.Vietnamese()),
				fmt.Sprintf("the last period of unit '%s' must end on %s", from, d))
		}
	case "establish":
		if !starts(to) {
			im.errAt(rec, "to_unit_id", fmt.Sprintf("thời gian của đơn vị mới '%s' phải bắt đầu vào ngày %s", to, d.Vietnamese()),
				fmt.Sprintf("the first period of new unit '%s' must start on %s", to, d))
		}
	case "rename", "move", "convert":
		im.checkChange(rec, from, to, d, ends, starts)
	}
	if to != "" {
		if _, ok := im.units.at(to, d); !ok {
			im.errAt(rec, "to_unit_id", fmt.Sprintf("đơn vị '%s' không tồn tại vào ngày %s", to, d.Vietnamese()),
				fmt.Sprintf("unit '%s' does not exist on %s", to, d))
		}
	}
}

// checkChange checks a rename, move or conversion: either the same unit gets a
// new version on d, or an old unit ends on d and a new one starts on it.
func (im *importer) checkChange(rec *Record, from, to string, d tochuc.Date, ends, starts func(string) bool) {
	if from == to {
		newVersion := false
		for _, v := range im.units.m[from] {
			if v.From == d {
				newVersion = true
			}
		}
		if !newVersion {
			im.errAt(rec, "date", fmt.Sprintf("đơn vị '%s' không có phiên bản mới từ ngày %s", from, d.Vietnamese()),
				fmt.Sprintf("unit '%s' has no version starting on %s", from, d))
		}
		return
	}
	if !ends(from) {
		im.errAt(rec, "from_unit_id", fmt.Sprintf("thời gian của đơn vị '%s' phải kết thúc vào ngày %s", from, d.Vietnamese()),
			fmt.Sprintf("the last period of unit '%s' must end on %s", from, d))
	}
	if !starts(to) {
		im.errAt(rec, "to_unit_id", fmt.Sprintf("thời gian của đơn vị mới '%s' phải bắt đầu vào ngày %s", to, d.Vietnamese()),
			fmt.Sprintf("the first period of new unit '%s' must start on %s", to, d))
	}
}
