package bundle

import (
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// addPartyEvent checks one membership event and keeps it for the order check.
func (im *importer) addPartyEvent(rec *Record) {
	ev, d, unit := rec.Str("event"), rec.Date("date"), rec.Str("unit_id")
	if tochuc.EventNeedsUnit(ev) && unit == "" {
		im.errAt(rec, "unit_id", "sự kiện '"+ev+"' phải ghi tổ chức đảng", "event '"+ev+"' requires unit_id")
	}
	if rec.Str("status") != "" && ev != tochuc.EventTransferredIn {
		im.errAt(rec, "status", "chỉ ghi trạng thái cho sự kiện transferred_in", "status is only for transferred_in")
	}
	if v, ok := im.unitAt(rec, "unit_id", d); ok && !tochuc.IsPartyOrg(v.Kind) {
		im.errAt(rec, "unit_id", fmt.Sprintf("đơn vị '%s' không phải là tổ chức đảng (loại %s)", unit, v.Kind),
			fmt.Sprintf("unit '%s' is not a party organization (kind %s)", unit, v.Kind))
	}
	person := rec.Str("person_id")
	list := im.events[person]
	seq := 0
	for _, e := range list {
		if e.Date == d {
			seq++
		}
	}
	rec.Seq = seq
	im.events[person] = append(list, partyEvent{
		MembershipEvent: tochuc.MembershipEvent{Event: ev, Date: d, UnitID: unit, Status: rec.Str("status")},
		Line:            int32(rec.Line), Seq: int32(seq)})
}

// checkPartyOrder merges the bundle's events with the held ones of the same
// people and checks that each person's events can follow one another.
func (im *importer) checkPartyOrder() error {
	err := im.tgt.PartyEvents(func(person string, seq int, e tochuc.MembershipEvent) error {
		list, ok := im.events[person]
		if !ok {
			return nil
		}
		for _, b := range list {
			if b.Line > 0 && b.Event == e.Event && b.Date == e.Date {
				return nil // replaced by the bundle's row
			}
		}
		im.events[person] = append(list, partyEvent{MembershipEvent: e, Seq: int32(seq)})
		return nil
	})
	if err != nil {
		return fmt.Errorf("load party events: %w", err)
	}
	for person, list := range im.events {
		slices.SortStableFunc(list, func(a, b partyEvent) int {
			if a.Date != b.Date {
				return int(a.Date - b.Date)
			}
			return int(a.Seq - b.Seq)
		})
		evs := make([]tochuc.MembershipEvent, len(list))
		for i, e := range list {
			evs[i] = e.MembershipEvent
		}
		for _, p := range tochuc.CheckMembershipOrder(evs) {
			line := int(list[p.Index].Line)
			im.iss.add(Issue{File: im.loc, Line: line, Column: "event",
				Vi: fmt.Sprintf("đảng viên '%s': %s", person, p.Reason), En: fmt.Sprintf("member '%s': %s", person, p.En)})
		}
		if died := im.people[person]; died != 0 && tochuc.MembershipAt(evs, died.AddDays(-1), 0).Member {
			if last := list[len(list)-1]; last.Event != tochuc.EventDied {
				im.iss.add(Issue{File: im.loc, Line: int(last.Line), Column: "event", Warning: true,
					Vi: fmt.Sprintf("đảng viên '%s' từ trần ngày %s nhưng chưa ghi sự kiện từ trần", person, died.Vietnamese()),
					En: fmt.Sprintf("member '%s' died on %s but membership was left open", person, died)})
			}
		}
	}
	return nil
}
