package sqldb_test

import (
	"fmt"

	"github.com/tochuc/tochuc/internal/bundle"
)

// dissolvedBundle is a province T1 whose district H1 is dissolved on
// 2020-01-01: its commune X1 merges into X2, X2 moves to district H2 (a new
// version, same name: not a rename), H3 is established; H2 is renamed on
// 2018-01-01, X3 created under it then. The party organizations D1 and D3
// lie in X2 and X3 by locality only.
func dissolvedBundle() bundle.Tables {
	b := bundle.Tables{}
	unit := func(id, name, kind, parent, locality, from, to string) {
		b.Add("units", map[string]string{"id": id, "name": name, "kind": kind, "parent_id": parent, "locality_id": locality,
			"valid_from": from, "valid_to": to})
	}
	unit("T1", "Tỉnh Một", "province", "", "", "2000-01-01", "")
	unit("H1", "Huyện Một", "district", "T1", "", "2000-01-01", "2020-01-01")
	unit("H2", "Huyện Hai", "district", "T1", "", "2000-01-01", "2018-01-01")
	unit("H2", "Thị xã Hai", "district", "T1", "", "2018-01-01", "")
	unit("H3", "Huyện Ba", "district", "T1", "", "2020-01-01", "")
	unit("X1", "Xã Một", "commune", "H1", "", "2000-01-01", "2020-01-01")
	unit("X2", "Xã Hai", "commune", "H1", "", "2000-01-01", "2020-01-01")
	unit("X2", "Xã Hai", "commune", "H2", "", "2020-01-01", "")
	unit("X3", "Xã Ba", "commune", "H2", "", "2018-01-01", "")
	unit("D1", "Đảng bộ xã Hai", "party_grassroots_committee", "", "X2", "2000-01-01", "")
	unit("D3", "Đảng bộ xã Ba", "party_grassroots_committee", "", "X3", "2018-01-01", "")
	link := func(event, date, kind, from, to string) {
		b.Add("restructure", map[string]string{"event_id": event, "date": date, "kind": kind, "from_unit_id": from, "to_unit_id": to})
	}
	link("E0", "2018-01-01", "rename", "H2", "H2")
	link("E1", "2020-01-01", "merge", "X1", "X2")
	link("E2", "2020-01-01", "dissolve", "H1", "")
	link("E3", "2020-01-01", "establish", "", "H3")
	for i, name := range []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"} {
		b.Add("people", map[string]string{"id": fmt.Sprintf("P%d", i+1), "full_name": name})
	}
	post := func(person, unit, from, to string) {
		b.Add("assignments", map[string]string{"person_id": person, "unit_id": unit, "role": "chair", "valid_from": from, "valid_to": to})
	}
	post("P1", "X1", "2010-01-01", "2020-01-01") // vacated, in H1 on F
	post("P2", "X2", "2020-01-01", "")           // filled, in X2 once it is under H2
	post("P3", "X3", "2018-01-01", "")           // filled
	post("P4", "H2", "2005-01-01", "")           // held on both dates: neither
	post("P5", "X2", "2012-01-01", "2019-06-01") // vacated, in X2 while under H1
	event := func(person, ev, date, unit string) {
		b.Add("party", map[string]string{"person_id": person, "event": ev, "date": date, "unit_id": unit})
	}
	event("P1", "admitted", "2010-01-01", "D1")
	event("P1", "recognized", "2011-01-01", "")
	event("P2", "admitted", "2017-05-01", "D1")
	event("P2", "recognized", "2018-05-01", "")
	event("P3", "admitted", "2019-01-01", "D3")
	staff := func(unit, date, actual string) {
		b.Add("headcount", map[string]string{"unit_id": unit, "date": date, "actual": actual})
	}
	staff("H1", "2015-01-01", "8")
	staff("H2", "2015-01-01", "12")
	staff("H2", "2021-01-01", "25")
	staff("X2", "2019-01-01", "5")
	staff("X3", "2021-01-01", "7")
	return b
}
